// 邀请好友一起参加 on 活动详情: in WeChat a card to a chat (the share menu also reaches 朋友圈); in a browser the
// activity's address is copied and shown. The link carries the sharer's token when they have one.
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { copyPageLink } from '../../../device/share';
import { routes } from '../../../routes';

type Props = { activityId: string; token?: string };

export default function ShareCard({ activityId, token }: Props) {
  const weapp = process.env.TARO_ENV === 'weapp';
  return (
    <View className='card act-detail__section act-share-card'>
      <Text className='act-detail__section-title'>邀请好友一起参加</Text>
      <Text className='act-detail__muted'>{weapp ? '也可以点右上角“···”分享到朋友圈' : '复制链接发给好友，对方打开即可报名'}</Text>
      {weapp ? (
        <Button className='act-share act-detail__share' type='primary' fill='outline' block openType='share'>
          分享给微信好友
        </Button>
      ) : (
        <Button
          className='act-share act-detail__share'
          type='primary'
          fill='outline'
          block
          onClick={() => void copyPageLink(routes.activityDetail(activityId, { from: token }), '活动链接已复制')}
        >
          复制活动链接
        </Button>
      )}
    </View>
  );
}
