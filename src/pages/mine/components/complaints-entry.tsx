// 我的投诉 on 我的: shown only to someone who complained (投诉 needs no registration, so it is asked of everyone).
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useResource } from '../../../hooks/use-resource';
import { hasComplaints } from '../../../services/complaint';
import { routes } from '../../../routes';

export default function ComplaintsEntry() {
  const { state } = useResource(hasComplaints, [], { when: 'show', keepOnShow: true });
  if (state.status !== 'ready' || !state.data) return null;
  return (
    <View className='card mine__needs'>
      <View className='mine__entry mine-my-complaints' onClick={() => Taro.navigateTo({ url: routes.myComplaints() })}>
        <Text className='mine__entry-title'>我的投诉</Text>
        <View className='mine__entry-side'>
          <Text className='mine__muted'>投诉的受理进度和答复</Text>
          <Text className='mine__arrow'>›</Text>
        </View>
      </View>
    </View>
  );
}
