// The facts a volunteer reads before enrolling: schedule (添加到手机日历), place on the map with 导航, signup window,
// seats with the enrolled volunteers' initials, who may join, rules
// (the page shows the description and the risk notice after them).
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { formatSchedule, formatSignupWindow } from '../../../utils/activity-format';
import { regionName } from '../../../utils/region';
import { ACTIVITY_AUDIENCE_LABEL } from '@contract/enums';
import type { ActivityGetOutput } from '@contract/activity';
import { placeOf, waitlistText } from '../helpers';
import PlaceCard from './place-card';
import EnrolledAvatars from './enrolled-avatars';
import CalendarButton from './calendar-button';
import { formatDistance, formatDuration } from '@contract/format';
import { useRegions } from '../../../hooks/use-regions';

function Row({ label, cls, children }: { label: string; cls: string; children: ReactNode }) {
  return (
    <View className='act-detail__row'>
      <Text className='act-detail__label'>{label}</Text>
      <View className={`act-detail__value ${cls}`}>{children}</View>
    </View>
  );
}

export default function ActivityInfo({ data }: { data: ActivityGetOutput }) {
  useRegions();
  const a = data.activity;
  return (
    <View className='card act-detail__section'>
      <Row label='活动时间' cls='act-schedule'>
        <Text>{formatSchedule(a)}</Text>
        {data.phase !== 'ended' && data.phase !== 'cancelled' ? <CalendarButton activity={a} /> : null}
      </Row>
      <Row label='活动地点' cls='act-place'>
        <PlaceCard address={a.address} place={placeOf(a)} />
      </Row>
      <Row label='所在地区' cls='act-region'>
        <Text>{regionName(a.region)}</Text>
      </Row>
      <Row label='报名时间' cls='act-signup-window'>
        <Text>{formatSignupWindow(a)}</Text>
      </Row>
      <Row label='招募人数' cls='act-seats'>
        <Text>
          已报名 <Text className='act-detail__strong act-enrolled-count'>{data.enrolledCount}</Text> / {a.capacity} 人
        </Text>
        {data.enrolledPreview ? <EnrolledAvatars preview={data.enrolledPreview} /> : null}
      </Row>
      <Row label='候补' cls='act-waitlist'>
        <Text>{waitlistText(data)}</Text>
      </Row>
      <Row label='参加对象' cls='act-audience'>
        <Text>{ACTIVITY_AUDIENCE_LABEL[a.audience]}</Text>
      </Row>
      {a.serviceTargets.length ? (
        <Row label='服务对象' cls='act-targets'>
          <Text>{a.serviceTargets.join('、')}</Text>
        </Row>
      ) : null}
      <Row label='签到规则' cls='act-checkin-rule'>
        <Text>
          活动地点{formatDistance(a.radiusM)}内扫码签到签退，每日最多计{formatDuration(a.dailyCapMinutes)}
        </Text>
      </Row>
      {a.contactName || a.contactPhone ? (
        <Row label='联系人' cls='act-contact'>
          <Text>{[a.contactName, a.contactPhone].filter(Boolean).join(' ')}</Text>
        </Row>
      ) : null}
    </View>
  );
}

/** 风险提示 (志愿服务条例 §17), after the description. */
export function RiskNotice({ text }: { text: string }) {
  return (
    <View className='card act-detail__section act-detail__risk'>
      <Text className='act-detail__section-title'>风险提示</Text>
      <Text className='act-detail__text act-risk-notice'>{text}</Text>
    </View>
  );
}
