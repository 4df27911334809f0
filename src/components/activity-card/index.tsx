// One activity in a list (square, 我参加的, 我发布的): title, phase, category, schedule, place, seats, team.
// Test classes: act-card-title, act-card-phase, act-card-schedule, act-card-place, act-card-distance, act-card-seats, act-card-members-only.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Tag } from '../nutui/tag';
import { PHASE_TAG } from '../../utils/status-tag';
import { formatSchedule } from '../../utils/activity-format';
import { ACTIVITY_PHASE_LABEL } from '@contract/enums';
import type { ActivityListItem } from '@contract/activity';
import { formatDistance } from '@contract/format';
import './index.scss';

type Props = {
  activity: ActivityListItem;
  className: string;
  onClick: () => void;
  /** Shown at the bottom right instead of the team name (my enrollment status, the waitlist). */
  extra?: ReactNode;
};

export default function ActivityCard({ activity: a, className, onClick, extra }: Props) {
  return (
    <View className={`activity-card ${className}`} onClick={onClick}>
      <View className='activity-card__head'>
        <Text className='activity-card__title act-card-title'>{a.title}</Text>
        <Tag type={PHASE_TAG[a.phase]} className='activity-card__phase act-card-phase'>
          {ACTIVITY_PHASE_LABEL[a.phase]}
        </Tag>
      </View>
      <View className='activity-card__chips'>
        <Text className='chip act-card-category'>{a.category}</Text>
        {a.audience === 'members' ? <Text className='chip is-warning act-card-members-only'>仅限队员</Text> : null}
        {a.keyDay ? <Text className='chip is-plain'>{a.keyDay}</Text> : null}
      </View>
      <View className='activity-card__line'>
        <Text className='activity-card__label'>时间</Text>
        <Text className='activity-card__value act-card-schedule'>{formatSchedule(a)}</Text>
      </View>
      <View className='activity-card__line'>
        <Text className='activity-card__label'>地点</Text>
        <Text className='activity-card__value act-card-place'>{a.address}</Text>
        {a.distanceM !== undefined ? (
          <Text className='activity-card__distance act-card-distance'>{formatDistance(a.distanceM)}</Text>
        ) : null}
      </View>
      <View className='activity-card__foot'>
        <Text className='activity-card__org'>{a.orgName}</Text>
        <Text className='activity-card__seats act-card-seats'>
          已报名 <Text className='activity-card__count'>{a.enrolledCount}</Text>/{a.capacity}
        </Text>
      </View>
      {extra ? <View className='activity-card__extra'>{extra}</View> : null}
    </View>
  );
}
