// Section 3 of the activity form: when — the days (one or several), the hours of each day, the signup window.
import { Text, View } from '@tarojs/components';
import FormField from '../../../components/form-field';
import { MAX_ACTIVITY_DAYS } from '@contract/activity';
import type { ActivityErrors, ActivityForm } from '../helpers';
import DateTimeInput from '../../../components/date-time-input';

type Props = { form: ActivityForm; errors: ActivityErrors; onChange: (patch: Partial<ActivityForm>) => void };

function dayCount(start: string, end: string): number {
  const n = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
  return Number.isFinite(n) ? n : 0;
}

export default function TimeSection({ form, errors, onChange }: Props) {
  const days = dayCount(form.startDate, form.endDate);
  return (
    <View className='reg-section'>
      <View className='reg-section__title'>3 活动时间</View>
      <FormField name='startDate' label='开始日期' required error={errors.startDate}>
        <DateTimeInput
          className='act-edit-start-date'
          mode='date'
          placeholder='请选择'
          value={form.startDate}
          onChange={(startDate) => onChange({ startDate })}
        />
      </FormField>
      <FormField
        name='endDate'
        label='结束日期'
        required
        error={errors.endDate}
        hint={days > 1 ? `共${days}天，每天按下面的时段签到、计时` : `单日活动与开始日期相同；多日活动最长${MAX_ACTIVITY_DAYS}天`}
      >
        <DateTimeInput
          className='act-edit-end-date'
          mode='date'
          placeholder='请选择'
          value={form.endDate}
          onChange={(endDate) => onChange({ endDate })}
        />
      </FormField>
      <FormField
        name='dailyStart'
        label={days > 1 ? '每日时段' : '活动时段'}
        required
        error={errors.dailyStart || errors.dailyEnd}
        vertical
      >
        <View className='act-edit__pair'>
          <DateTimeInput
            className='act-edit-daily-start'
            mode='time'
            placeholder='开始'
            value={form.dailyStart}
            onChange={(dailyStart) => onChange({ dailyStart })}
          />
          <Text className='act-edit__dash'>至</Text>
          <DateTimeInput
            className='act-edit-daily-end'
            mode='time'
            placeholder='结束'
            value={form.dailyEnd}
            onChange={(dailyEnd) => onChange({ dailyEnd })}
          />
        </View>
      </FormField>
      <FormField name='signupStartAt' label='报名开始' required error={errors.signupStartAt} vertical>
        <View className='act-edit__pair'>
          <DateTimeInput
            className='act-edit-signup-start-date'
            mode='date'
            placeholder='日期'
            value={form.signupStartDate}
            onChange={(signupStartDate) => onChange({ signupStartDate })}
          />
          <DateTimeInput
            className='act-edit-signup-start-time'
            mode='time'
            placeholder='时间'
            value={form.signupStartTime}
            onChange={(signupStartTime) => onChange({ signupStartTime })}
          />
        </View>
      </FormField>
      <FormField name='signupEndAt' label='报名截止' required error={errors.signupEndAt} vertical>
        <View className='act-edit__pair'>
          <DateTimeInput
            className='act-edit-signup-end-date'
            mode='date'
            placeholder='日期'
            value={form.signupEndDate}
            onChange={(signupEndDate) => onChange({ signupEndDate })}
          />
          <DateTimeInput
            className='act-edit-signup-end-time'
            mode='time'
            placeholder='时间'
            value={form.signupEndTime}
            onChange={(signupEndTime) => onChange({ signupEndTime })}
          />
        </View>
      </FormField>
    </View>
  );
}
