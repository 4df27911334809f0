// 表彰奖励 on a team's page: the approved commendations of the team and of its activities; nothing without any.
import { Text, View } from '@tarojs/components';
import CommendationCard from '../../../components/commendation-card';
import { useResource } from '../../../hooks/use-resource';
import { teamCommendations } from '../../../services/commendation';

export default function OrgCommendations({ orgId }: { orgId: string }) {
  const { state, reload } = useResource(() => teamCommendations(orgId), [orgId]);
  if (state.status === 'error')
    return (
      <View className='card org-commendations-error'>
        <Text className='org-detail__muted'>表彰奖励加载失败：{state.error.message}</Text>
        <Text className='org-detail__muted' onClick={() => reload()}>
          重试
        </Text>
      </View>
    );
  if (state.status !== 'ready') return null;
  return <CommendationCard items={state.data.items} name='org-commendations' showSubject />;
}
