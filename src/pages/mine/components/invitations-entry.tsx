// 队伍邀请 on 我的: shown with a badge while teams that imported the volunteer (集体注册) wait for an answer.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { myInvitations } from '../../../services/org';

export default function InvitationsEntry() {
  const [count, setCount] = useState(0);
  // 我的 remounts its profile on every show (useMe reloads), so loading on mount keeps the badge fresh.
  useEffect(() => {
    let live = true;
    myInvitations().then(
      (r) => live && setCount(r.items.length),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  if (count === 0) return null;
  return (
    <View className='card mine__invitations'>
      <View className='mine__entry mine-invitations' onClick={() => Taro.navigateTo({ url: '/pages/invitations/index' })}>
        <Text className='mine__entry-title'>队伍邀请</Text>
        <View className='mine__entry-side'>
          <Text className='mine__badge mine-invitations-badge'>{count > 99 ? '99+' : count}</Text>
          <Text className='mine__arrow'>›</Text>
        </View>
      </View>
    </View>
  );
}
