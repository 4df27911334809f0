// 下级队伍排行: the teams directly below, each with its own subtree, by hours in the period.
import { Text, View } from '@tarojs/components';
import { ranking } from '../../../services/report';
import { useResource } from '../../../hooks/use-resource';
import type { PeriodQuery } from '../helpers';
import { formatDuration } from '@contract/format';

export default function Ranking({ orgId, query }: { orgId: string; query: PeriodQuery }) {
  const { state } = useResource(() => ranking({ orgId, ...query }).then((r) => r.items), [orgId, query], {
    isEmpty: (items) => items.length === 0,
  });

  // A team without teams below it has nothing to rank.
  if (state.status === 'empty') return null;
  return (
    <View className='card stats-ranking'>
      <Text className='stats__section-title'>下级队伍排行</Text>
      {state.status === 'loading' ? <Text className='stats__note'>加载中…</Text> : null}
      {state.status === 'error' ? <Text className='stats__note is-error stats-ranking-error'>{state.error.message}</Text> : null}
      {state.status === 'ready'
        ? state.data.map((it) => (
            <View key={it.orgId} className='stats__rank stats-ranking-item'>
              <Text className={`stats__rank-no${it.rank <= 3 ? ' is-top' : ''}`}>{it.rank}</Text>
              <View className='stats__rank-main'>
                <Text className='stats__rank-name'>{it.orgName}</Text>
                <Text className='stats__note'>
                  {it.activities} 场活动 · {it.volunteers} 名志愿者
                </Text>
              </View>
              <Text className='stats__rank-hours'>{formatDuration(it.minutes)}</Text>
            </View>
          ))
        : null}
    </View>
  );
}
