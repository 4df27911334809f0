// 培训 for the period and teams of the report: trainings held, distinct trainees, attendances and training hours (the
// same figures as 附件3's sheet 培训), never part of the service hours above.
// Test classes: stats-trainings, stats-training-<count|trainees|times|hours>.
import { Text, View } from '@tarojs/components';
import type { OrgStats } from '@contract/report';

export default function TrainingFigures({ stats }: { stats: OrgStats }) {
  const figures = [
    { key: 'count', label: '培训次数', value: `${stats.trainings}` },
    { key: 'trainees', label: '参训人数', value: `${stats.trainees}` },
    { key: 'times', label: '参训人次', value: `${stats.traineeTimes}` },
    { key: 'hours', label: '培训学时', value: `${stats.trainingHours}` },
  ];
  return (
    <View className='card stats-trainings'>
      <Text className='stats__section-title'>培训</Text>
      <View className='stats__figures'>
        {figures.map((f) => (
          <View key={f.key} className={`stats__figure stats-training-${f.key}`}>
            <Text className='stats__figure-value'>{f.value}</Text>
            <Text className='stats__figure-label'>{f.label}</Text>
          </View>
        ))}
      </View>
      <Text className='stats__note'>按培训日期统计本期各队举办的培训；培训学时按参训人次累计，不计入服务时长。</Text>
    </View>
  );
}
