// 接收新需求提醒 on 需求派单: a tap that asks the manager to accept needTask messages (a new need to dispatch, a
// dispatch to accept, a need moved up, a decline, a rating), since WeChat asks only at a tap. Each acceptance lets one
// message through, so the row stays. Absent where the build cannot ask (h5, the template not configured).
// Test classes: need-inbox-subscribe, need-inbox-subscribe-state.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { askToSubscribe, canAskToSubscribe } from '../../services/subscribe';

export default function TaskReminder() {
  const [accepted, setAccepted] = useState<boolean | null>(null);
  if (!canAskToSubscribe(['needTask'])) return null;
  const ask = async () => {
    const ok = await askToSubscribe(['needTask']);
    setAccepted(ok);
    void Taro.showToast({ title: ok ? '已开启，有新需求会微信通知您' : '未开启，新需求仍会出现在消息中心', icon: 'none', duration: 2000 });
  };
  return (
    <View className='card need-inbox__remind need-inbox-subscribe' onClick={() => void ask()}>
      <View className='need-inbox__remind-main'>
        <Text className='need-inbox__remind-title'>接收新需求提醒</Text>
        <Text className='need-inbox__remind-hint'>新需求待派单、派单待接单、退回和评价时，通过微信通知您</Text>
      </View>
      <Text className='need-inbox__remind-state need-inbox-subscribe-state'>{accepted ? '已开启 ›' : '开启 ›'}</Text>
    </View>
  );
}
