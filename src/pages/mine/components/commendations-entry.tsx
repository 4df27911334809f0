// 表彰奖励 on 我的: the volunteer's approved commendations, shown only when there are any (a failed load says so once).
import { Text, View } from '@tarojs/components';
import CommendationCard from '../../../components/commendation-card';
import { useResource } from '../../../hooks/use-resource';
import { myCommendations } from '../../../services/commendation';

export default function CommendationsEntry() {
  const { state, reload } = useResource(myCommendations);
  if (state.status === 'error')
    return (
      <View className='card mine-commendations-error'>
        <Text className='mine__error-text'>表彰奖励加载失败：{state.error.message}</Text>
        <Text className='mine__link' onClick={() => reload()}>
          重试
        </Text>
      </View>
    );
  if (state.status !== 'ready') return null;
  return <CommendationCard items={state.data.items} name='mine-commendations' />;
}
