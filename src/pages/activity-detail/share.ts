// Sharing 活动详情: to a chat (a card with the title, date and place) and to 朋友圈, with the sharer's token that the
// server minted for them (fetched in the background once the activity shows, so the share menu answers at once);
// a visitor without a registration shares the plain page. Also how the page is entered (a shared link or a poster's
// 小程序码) and the managers' 活动海报.
import { useEffect, useState } from 'react';
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { Activity, ActivityPosterOutput } from '@contract/activity';
import { activityPoster, openActivityScene, shareLink } from '../../services/activity';
import { toCloudError } from '../../services/cloud-error';
import { useSavePoster } from '../../hooks/use-save-poster';
import { formatSchedule } from '../../utils/activity-format';
import { routes, tabs } from '../../routes';

type Shared = Pick<Activity, '_id' | 'title' | 'startDate' | 'endDate' | 'dailyStart' | 'dailyEnd' | 'address' | 'status'>;

/** 社区科普讲座｜12月1日 09:00-12:00｜城关区…: what the chat card says. */
export const shareTitle = (a: Shared): string => `${a.title}｜${formatSchedule(a)}｜${a.address}`;

/** The share handlers of the page; `activity` once loaded. Answers the token, for the page's own share button. */
export function useActivityShare(activity: Shared | undefined): string | undefined {
  const [token, setToken] = useState<{ id: string; token: string }>();
  const id = activity && activity.status !== 'cancelled' ? activity._id : undefined;
  useEffect(() => {
    if (!id) return;
    let live = true;
    shareLink(id).then(
      (r) => live && setToken({ id, token: r.token }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id]);
  const mine = token && token.id === activity?._id ? token.token : undefined;

  useShareAppMessage(() =>
    activity
      ? { title: shareTitle(activity), path: routes.activityDetail(activity._id, { from: mine }) }
      : { title: '科技志愿服务活动', path: tabs.activities },
  );
  useShareTimeline(() =>
    activity ? { title: shareTitle(activity), query: routes.activityDetail(activity._id, { from: mine }).split('?')[1] } : {},
  );
  return mine;
}

const decode = (text: string | undefined): string => {
  try {
    return decodeURIComponent(text ?? '');
  } catch {
    return '';
  }
};

/**
 * Which activity the page shows and the share token it came with: `id` and `from` of a shared link, or the `scene`
 * of a poster's 小程序码, which the server turns into both (`opening` meanwhile; an unknown scene leaves `id` empty).
 */
export function useActivityEntry(): { id: string; from?: string; opening: boolean; fromScene: boolean } {
  const params = useRouter().params;
  const scene = params.id ? '' : decode(params.scene);
  const [opened, setOpened] = useState<{ id: string; from?: string }>();
  useEffect(() => {
    if (!scene) return;
    openActivityScene(scene).then(
      (r) => setOpened({ id: r.activityId, from: r.from }),
      () => setOpened({ id: '' }),
    );
  }, [scene]);
  if (!scene) return { id: decode(params.id), from: decode(params.from) || undefined, opening: false, fromScene: false };
  return opened ? { ...opened, opening: false, fromScene: true } : { id: '', opening: true, fromScene: true };
}

/** 活动海报 for the team's managers: the server's 小程序码 (with their token) drawn with the title, time, place and organiser. */
export function useActivityPoster(activityId: string): { busy: boolean; make: () => Promise<void> } {
  const { saving, save } = useSavePoster();
  const [fetching, setFetching] = useState(false);
  const make = async () => {
    if (fetching || saving) return;
    setFetching(true);
    let p: ActivityPosterOutput;
    try {
      p = await activityPoster(activityId);
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message || '海报生成失败，请重试', icon: 'none', duration: 2500 });
      return;
    } finally {
      setFetching(false);
    }
    await save({
      heading: '活动招募',
      title: p.title,
      lines: [`时间：${formatSchedule(p)}`, `地点：${p.address}`, `主办：${p.orgName}`],
      wxacode: p.wxacode,
      action: '用微信“扫一扫”扫描此码，查看活动并报名',
      fileName: `${p.title}-活动海报`,
      team: p.orgName,
    });
  };
  return { busy: fetching || saving, make };
}
