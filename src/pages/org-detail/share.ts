// Sharing 队伍详情 and entering it from an invitation: every shared team page is an invitation (`join=1`: the page
// opens with 申请加入 ready), to a chat or to 朋友圈; a team's 邀请码 (a 小程序码) carries a scene that the server turns
// back into the team.
import { useEffect, useState } from 'react';
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { PublicOrg } from '@contract/org';
import { openOrgInvite } from '../../services/org';
import { regionName } from '../../utils/region';
import { routes, tabs } from '../../routes';

/** 邀请您加入兰州市科技志愿服务支队（甘肃省 兰州市）: what the chat card says. */
export const orgShareTitle = (org: Pick<PublicOrg, 'name' | 'region'>): string => `邀请您加入${org.name}（${regionName(org.region)}）`;

export function useOrgShare(org: Pick<PublicOrg, '_id' | 'name' | 'region'> | undefined): void {
  useShareAppMessage(() =>
    org ? { title: orgShareTitle(org), path: routes.orgDetail(org._id, { join: true }) } : { title: '科技志愿服务队伍', path: tabs.home },
  );
  useShareTimeline(() => (org ? { title: orgShareTitle(org), query: routes.orgDetail(org._id, { join: true }).split('?')[1] } : {}));
}

const decode = (text: string | undefined): string => {
  try {
    return decodeURIComponent(text ?? '');
  } catch {
    return '';
  }
};

/** The team the page shows, and whether it was opened from an invitation (a shared link or a 邀请码's scene). */
export function useOrgEntry(): { orgId: string; join: boolean; opening: boolean; fromScene: boolean } {
  const params = useRouter().params;
  const scene = params.orgId ? '' : decode(params.scene);
  const [opened, setOpened] = useState<string>();
  useEffect(() => {
    if (!scene) return;
    openOrgInvite(scene).then(
      (r) => setOpened(r.orgId),
      () => setOpened(''),
    );
  }, [scene]);
  if (!scene) return { orgId: decode(params.orgId), join: params.join === '1', opening: false, fromScene: false };
  return { orgId: opened ?? '', join: true, opening: opened === undefined, fromScene: true };
}
