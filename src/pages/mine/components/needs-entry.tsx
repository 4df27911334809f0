// 我的需求 on 我的: the needs the person posted (点单 needs no registration, so everyone sees it). Someone who has not
// registered but posted needs also gets 消息中心 here, where the progress of their needs is kept.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useResource } from '../../../hooks/use-resource';
import { myNeeds } from '../../../services/need';
import MessagesEntry from './messages-entry';
import { routes } from '../../../routes';

/** Whether the caller posted any need (read on mount: 我的 mounts its sections again on each show). */
const hasNeeds = async () => (await myNeeds(1, 1)).total > 0;

export default function NeedsEntry({ withMessages = false }: { withMessages?: boolean }) {
  return (
    <View className='card mine__needs'>
      <View className='mine__entry mine-my-needs' onClick={() => Taro.navigateTo({ url: routes.myNeeds() })}>
        <Text className='mine__entry-title'>我的需求</Text>
        <View className='mine__entry-side'>
          <Text className='mine__muted'>我提出的服务需求和进度</Text>
          <Text className='mine__arrow'>›</Text>
        </View>
      </View>
      {withMessages ? <RequesterMessages /> : null}
    </View>
  );
}

function RequesterMessages() {
  const { state } = useResource(hasNeeds, []);
  if (state.status !== 'ready' || !state.data) return null;
  return <MessagesEntry hint='需求进度通知' />;
}
