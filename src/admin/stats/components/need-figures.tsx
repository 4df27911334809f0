// 供需对接 for the period and teams of the report: needs received, dispatched, accepted and completed, the average
// time to accept and the average rating (the same figures as 附件3's sheet 供需对接).
// Test classes: stats-needs, stats-need-<received|dispatched|accepted|completed|hours|rating>.
import { Text, View } from '@tarojs/components';
import type { NeedFigures as Figures } from '@contract/report';

export default function NeedFigures({ needs }: { needs: Figures }) {
  const figures = [
    { key: 'received', label: '收到需求', value: `${needs.received}` },
    { key: 'dispatched', label: '已派单', value: `${needs.dispatched}` },
    { key: 'accepted', label: '已接单', value: `${needs.accepted}` },
    { key: 'completed', label: '已完成', value: `${needs.completed}` },
    { key: 'hours', label: '平均接单（小时）', value: needs.avgHoursToAccept === null ? '—' : `${needs.avgHoursToAccept}` },
    {
      key: 'rating',
      label: `平均评价（${needs.ratedCount}条）`,
      value: needs.avgRating === null ? '—' : `${needs.avgRating}★`,
    },
  ];
  return (
    <View className='card stats-needs'>
      <Text className='stats__section-title'>供需对接</Text>
      <View className='stats__figures'>
        {figures.map((f) => (
          <View key={f.key} className={`stats__figure is-third stats-need-${f.key}`}>
            <Text className='stats__figure-value'>{f.value}</Text>
            <Text className='stats__figure-label'>{f.label}</Text>
          </View>
        ))}
      </View>
      <Text className='stats__note'>按需求提交日期统计本期收到的群众需求；平均接单用时从提交到接单计算。</Text>
    </View>
  );
}
