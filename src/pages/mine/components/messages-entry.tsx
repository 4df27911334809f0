// 消息中心 on 我的, with the unread count as a badge (the same count as the tab bar's).
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useUnread } from '../../../hooks/use-unread';
import { routes } from '../../../routes';

/** `hint` shows while nothing is unread (a 需求方 without registration gets need progress only). */
export default function MessagesEntry({ hint = '审核结果、活动通知' }: { hint?: string }) {
  const unread = useUnread();
  return (
    <View className='mine__entry mine-messages' onClick={() => Taro.navigateTo({ url: routes.messages() })}>
      <Text className='mine__entry-title'>消息中心</Text>
      <View className='mine__entry-side'>
        {unread > 0 ? (
          <Text className='mine__badge mine-messages-badge'>{unread > 99 ? '99+' : unread}</Text>
        ) : (
          <Text className='mine__muted'>{hint}</Text>
        )}
        <Text className='mine__arrow'>›</Text>
      </View>
    </View>
  );
}
