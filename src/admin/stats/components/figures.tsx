// The figures of 附件3 for the period: the headline cards, then activities by category.
import { Text, View } from '@tarojs/components';
import { STAT_CATEGORIES, type OrgStats } from '@contract/report';
import { hoursOf } from '../helpers';

type Figure = { key: string; label: string; value: string };

function figuresOf(s: OrgStats): Figure[] {
  return [
    { key: 'activities', label: '活动场次', value: `${s.activities}` },
    { key: 'times', label: '参与服务人次', value: `${s.volunteerTimes}` },
    { key: 'volunteers', label: '参与志愿者', value: `${s.distinctVolunteers} 人` },
    { key: 'minutes', label: '服务时长（小时）', value: `${hoursOf(s.minutes)}` }, // a quarter-wide card: "X小时Y分钟" would not fit
    { key: 'members', label: '队员 / 新增', value: `${s.members} / ${s.newMembers}` },
    { key: 'served', label: '服务群众人次', value: `${s.servedPeople}` },
    { key: 'key-days', label: '重点日活动', value: `${s.keyDayActivities}` },
    { key: 'key-groups', label: '重点人群活动', value: `${s.keyGroupActivities}` },
  ];
}

export default function Figures({ stats }: { stats: OrgStats }) {
  return (
    <View>
      <View className='card stats__figures'>
        {figuresOf(stats).map((f) => (
          <View key={f.key} className={`stats__figure stats-figure-${f.key}`}>
            <Text className='stats__figure-value'>{f.value}</Text>
            <Text className='stats__figure-label'>{f.label}</Text>
          </View>
        ))}
      </View>
      <View className='card'>
        <Text className='stats__section-title'>按类别统计活动（附件3）</Text>
        {STAT_CATEGORIES.map((c) => (
          <View key={c} className='stats__category stats-category-row'>
            <Text>{c}</Text>
            <Text className='stats__category-count'>{stats.byCategory[c] ?? 0} 场</Text>
          </View>
        ))}
        {stats.includeDescendants ? <Text className='stats__note'>含下级队伍共 {stats.teams} 支</Text> : null}
      </View>
    </View>
  );
}
