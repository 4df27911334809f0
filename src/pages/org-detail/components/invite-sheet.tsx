// 邀请加入, for the team's leader and admins: the team's 邀请码 (a 小程序码 that opens this page with 申请加入 ready),
// saved as a poster for WeChat groups, and the link itself (a card to a chat in WeChat, copied in a browser).
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { Popup } from '../../../components/nutui/popup';
import type { OrgInviteLinkOutput, PublicOrg } from '@contract/org';
import { orgInviteLink } from '../../../services/org';
import { toCloudError } from '../../../services/cloud-error';
import { useSavePoster } from '../../../hooks/use-save-poster';
import { copyPageLink } from '../../../device/share';
import { regionName } from '../../../utils/region';
import { routes } from '../../../routes';
import { useRegions } from '../../../hooks/use-regions';

type Props = { visible: boolean; org: PublicOrg; onClose: () => void };

export default function InviteSheet({ visible, org, onClose }: Props) {
  useRegions();
  const [link, setLink] = useState<OrgInviteLinkOutput>();
  const [error, setError] = useState('');
  const { saving, save } = useSavePoster();
  useEffect(() => {
    if (!visible || link) return;
    setError('');
    orgInviteLink(org._id).then(setLink, (e) => setError(toCloudError(e).message || '邀请码生成失败，请重试'));
  }, [visible, link, org._id]);

  const route = routes.orgDetail(org._id, { join: true });
  const poster = () =>
    link &&
    save({
      heading: '邀请加入',
      title: org.name,
      lines: [regionName(org.region)],
      wxacode: link.wxacode,
      action: '用微信“扫一扫”扫描此码，申请加入本队',
      note: '队伍负责人或管理员审核通过后即成为队员',
      fileName: `${org.name}-邀请码`,
    });

  return (
    <Popup visible={visible} position='bottom' round closeable onClose={onClose} className='org-invite-sheet'>
      <View className='org-detail__invite'>
        <Text className='org-detail__section-title'>邀请加入</Text>
        <Text className='org-detail__hint'>志愿者用微信扫一扫此码，或打开您分享的链接，即可申请加入本队</Text>
        {link ? <Image className='org-detail__invite-code org-invite-code' src={link.wxacode} mode='aspectFit' /> : null}
        {!link && !error ? <Text className='org-detail__muted org-invite-loading'>正在生成邀请码…</Text> : null}
        {error ? <Text className='org-detail__reason org-invite-error'>{error}</Text> : null}
        <Button
          className='org-invite-poster org-detail__big-button'
          type='primary'
          block
          loading={saving}
          disabled={!link || saving}
          onClick={poster}
        >
          保存邀请码
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className='org-invite-share org-detail__big-button' type='primary' fill='outline' block openType='share'>
            分享给微信好友
          </Button>
        ) : (
          <Button
            className='org-invite-copy org-detail__big-button'
            type='primary'
            fill='outline'
            block
            onClick={() => void copyPageLink(route, '邀请链接已复制').catch(() => Taro.showToast({ title: '复制失败', icon: 'none' }))}
          >
            复制邀请链接
          </Button>
        )}
      </View>
    </Popup>
  );
}
