// 下级队伍排行: the teams directly below, each with its own subtree, by hours in the period or by the average rating
// of the needs they served (按时长 / 按评价); 仅看受表彰 keeps the teams with an approved 表彰奖励 in the period.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import SegTabs from '../../../components/seg-tabs';
import type { RankingSort } from '@contract/report';
import { ranking } from '../../../services/report';
import { useResource } from '../../../hooks/use-resource';
import type { PeriodQuery } from '../helpers';
import { formatDuration } from '@contract/format';
import AsOf from './as-of';

export default function Ranking({ orgId, query }: { orgId: string; query: PeriodQuery }) {
  const [sortBy, setSortBy] = useState<RankingSort>('minutes');
  const [commended, setCommended] = useState(false);
  const { state } = useResource(
    () => ranking({ orgId, ...query, sortBy, ...(commended ? { commended } : {}) }),
    [orgId, query, sortBy, commended],
    { isEmpty: (r) => r.items.length === 0 },
  );

  // A team without teams below it has nothing to rank.
  if (state.status === 'empty' && !commended) return null;
  return (
    <View className='card stats-ranking'>
      <View className='stats__rank-head'>
        <Text className='stats__section-title'>下级队伍排行</Text>
        <SegTabs
          name='stats-ranking-sort'
          value={sortBy}
          onChange={setSortBy}
          tabs={[
            { key: 'minutes', title: '按时长' },
            { key: 'rating', title: '按评价' },
          ]}
        />
      </View>
      <Text className={`stats__note stats-ranking-commended${commended ? ' is-on' : ''}`} onClick={() => setCommended((c) => !c)}>
        {commended ? '☑' : '☐'} 仅看受表彰的队伍
      </Text>
      {state.status === 'loading' ? <Text className='stats__note'>加载中…</Text> : null}
      {state.status === 'empty' ? <Text className='stats__note stats-ranking-none'>本期暂无受表彰的下级队伍</Text> : null}
      {state.status === 'error' ? <Text className='stats__note is-error stats-ranking-error'>{state.error.message}</Text> : null}
      {state.status === 'ready' && state.data.asOf ? <AsOf iso={state.data.asOf} /> : null}
      {state.status === 'ready'
        ? state.data.items.map((it) => (
            <View key={it.orgId} className='stats__rank stats-ranking-item'>
              <Text className={`stats__rank-no${it.rank <= 3 ? ' is-top' : ''}`}>{it.rank}</Text>
              <View className='stats__rank-main'>
                <Text className='stats__rank-name'>{it.orgName}</Text>
                <Text className='stats__note'>
                  {it.activities} 场活动 · {it.volunteers} 名志愿者
                  {it.avgRating !== null ? ` · 评价 ${it.avgRating}★（${it.ratedCount}条）` : ''}
                </Text>
              </View>
              <Text className='stats__rank-hours stats-ranking-value'>
                {sortBy === 'rating' ? (it.avgRating === null ? '暂无评价' : `${it.avgRating}★`) : formatDuration(it.minutes)}
              </Text>
            </View>
          ))
        : null}
    </View>
  );
}
