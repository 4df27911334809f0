// One service day on 我的时长: times, credited minutes, the audit trail and the latest correction request. A day of a
// cancelled activity stays visible (it happened) but says it counts toward nothing and offers no correction.
import { Text, View } from '@tarojs/components';
import { Tag } from '../../../components/nutui/tag';
import CheckinAudit from '../../../components/checkin-audit';
import { CORRECTION_STATUS_LABEL, type CorrectionStatus, type DayStatus, type MyHoursDay } from '@contract/checkin';
import { dayTag } from '../../../utils/audit-text';
import { clockOf } from '@contract/time';
import { formatDuration } from '@contract/format';

const DAY_TAG: Record<DayStatus, 'warning' | 'success' | 'primary'> = { open: 'warning', closed: 'success', adjusted: 'primary' };
const CORRECTION_TAG: Record<CorrectionStatus, 'warning' | 'success' | 'danger'> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};

export default function DayCard({ day, onCorrect }: { day: MyHoursDay; onCorrect: () => void }) {
  const c = day.correction;
  const cancelled = day.activityCancelled === true;
  return (
    <View className={`card hours-day ck-hours-day${cancelled ? ' is-cancelled' : ''}`}>
      <View className='hours-day__head'>
        <Text className='hours-day__date ck-hours-day-date'>{day.date}</Text>
        <Tag type={DAY_TAG[day.status]} className='ck-hours-day-status'>
          {dayTag(day.status, day.adjustments)}
        </Tag>
      </View>
      <Text className='hours-day__title ck-hours-day-title'>{day.title}</Text>
      <Text className='hours-day__org'>{day.orgName}</Text>
      <View className='hours-day__body'>
        <Text className='hours-day__times ck-hours-day-times'>
          签到 {clockOf(day.signInAt) || '—'} · 签退 {clockOf(day.signOutAt) || '—'}
        </Text>
        <Text className='hours-day__minutes ck-hours-day-minutes'>{formatDuration(day.minutes)}</Text>
      </View>
      {cancelled ? <Text className='hours-day__cancelled ck-hours-day-cancelled'>活动已取消（不计入时长）</Text> : null}
      {day.status === 'open' && !cancelled ? <Text className='hours-day__warn'>未签退的服务日暂不计时长，如忘记签退请申请更正</Text> : null}
      <CheckinAudit items={day.adjustments} audience='volunteer' />
      {c ? (
        <View className='hours-day__correction ck-hours-correction'>
          <View className='hours-day__correction-head'>
            <Text>更正申请</Text>
            <Tag type={CORRECTION_TAG[c.status]} className='ck-hours-correction-status'>
              {CORRECTION_STATUS_LABEL[c.status]}
            </Tag>
          </View>
          <Text className='hours-day__correction-text'>
            {c.signInAt ? `签到改为 ${clockOf(c.signInAt)} ` : ''}
            {c.signOutAt ? `签退改为 ${clockOf(c.signOutAt)} ` : ''}· {c.note}
          </Text>
          {c.status === 'rejected' && c.reviewReason ? (
            <Text className='hours-day__correction-reason ck-hours-correction-reason'>驳回原因：{c.reviewReason}</Text>
          ) : null}
        </View>
      ) : null}
      {c?.status !== 'pending' && !cancelled ? (
        <View className='hours-day__actions'>
          <Text className='hours-day__action ck-hours-correct' onClick={onCorrect}>
            申请更正
          </Text>
        </View>
      ) : null}
    </View>
  );
}
