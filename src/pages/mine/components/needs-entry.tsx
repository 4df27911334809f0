// 我的需求 on 我的: the needs the person posted (点单 needs no registration, so everyone sees it).
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { routes } from '../../../routes';

export default function NeedsEntry() {
  return (
    <View className='card mine__needs'>
      <View className='mine__entry mine-my-needs' onClick={() => Taro.navigateTo({ url: routes.myNeeds() })}>
        <Text className='mine__entry-title'>我的需求</Text>
        <View className='mine__entry-side'>
          <Text className='mine__muted'>我提出的服务需求和进度</Text>
          <Text className='mine__arrow'>›</Text>
        </View>
      </View>
    </View>
  );
}
