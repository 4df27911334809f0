// 队伍邀请 on 我的: shown with a badge while teams that imported the volunteer (集体注册) wait for an answer.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { myInvitations } from '../../../services/org';
import { useResource } from '../../../hooks/use-resource';
import { routes } from '../../../routes';

export default function InvitationsEntry() {
  // 我的 remounts its profile on every show (useMe reloads), so loading on mount keeps the badge fresh.
  const { state } = useResource(myInvitations);
  const count = state.status === 'ready' ? state.data.items.length : 0;
  if (count === 0) return null;
  return (
    <View className='card mine__invitations'>
      <View className='mine__entry mine-invitations' onClick={() => Taro.navigateTo({ url: routes.invitations() })}>
        <Text className='mine__entry-title'>队伍邀请</Text>
        <View className='mine__entry-side'>
          <Text className='mine__badge mine-invitations-badge'>{count > 99 ? '99+' : count}</Text>
          <Text className='mine__arrow'>›</Text>
        </View>
      </View>
    </View>
  );
}
