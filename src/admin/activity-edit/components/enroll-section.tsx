// Section 4 of the activity form: who and how many — seats, waitlist, audience, the daily cap, the risk notice, contact.
import { Input, Switch, Text, Textarea, View } from '@tarojs/components';
import FormField from '../../../components/form-field';
import { Radio } from '../../../components/nutui/radio';
import { MAX_CAPACITY, MAX_DAILY_CAP_MINUTES } from '@contract/activity';
import { ACTIVITY_AUDIENCES, ACTIVITY_AUDIENCE_LABEL } from '@contract/enums';
import { RISK_MAX, type ActivityErrors, type ActivityForm } from '../helpers';
import { COLOR } from '../../../styles/colors';

type Props = { form: ActivityForm; errors: ActivityErrors; onChange: (patch: Partial<ActivityForm>) => void };

export default function EnrollSection({ form, errors, onChange }: Props) {
  return (
    <View className='reg-section'>
      <View className='reg-section__title'>4 报名与服务时长</View>
      <FormField name='capacity' label='招募人数' required error={errors.capacity}>
        <Input
          className='field-input act-edit-capacity'
          type='number'
          maxlength={4}
          placeholder={`1-${MAX_CAPACITY}`}
          value={form.capacity}
          onInput={(e) => onChange({ capacity: e.detail.value })}
        />
        <Text className='act-edit__unit'>人</Text>
      </FormField>
      <FormField name='waitlist' label='允许候补' error={errors.waitlist}>
        <View className='act-edit__switch-row'>
          <Text className='act-edit__switch-text'>{form.waitlist ? '报满后可候补，有人取消时按顺序递补' : '报满即止'}</Text>
          <Switch
            className='act-edit-waitlist'
            color={COLOR.primary}
            checked={form.waitlist}
            onChange={(e) => onChange({ waitlist: Boolean(e.detail.value) })}
          />
        </View>
      </FormField>
      <FormField name='audience' label='参加对象' required error={errors.audience} vertical>
        <Radio.Group
          className='act-edit__audience'
          value={form.audience}
          onChange={(v) => onChange({ audience: ACTIVITY_AUDIENCES.find((a) => a === v) ?? 'public' })}
        >
          {ACTIVITY_AUDIENCES.map((a) => (
            <Radio key={a} value={a} className={`act-edit-audience-${a}`}>
              {ACTIVITY_AUDIENCE_LABEL[a]}
            </Radio>
          ))}
        </Radio.Group>
      </FormField>
      <FormField
        name='dailyCapMinutes'
        label='每日时长上限'
        required
        error={errors.dailyCapMinutes}
        hint={`每位志愿者每天最多计入的服务时长，默认8小时，最多${MAX_DAILY_CAP_MINUTES / 60}小时`}
      >
        <Input
          className='field-input act-edit-daily-cap'
          type='digit'
          maxlength={4}
          placeholder='8'
          value={form.dailyCapHours}
          onInput={(e) => onChange({ dailyCapHours: e.detail.value })}
        />
        <Text className='act-edit__unit'>小时</Text>
      </FormField>
      <FormField
        name='riskNotice'
        label='风险提示'
        error={errors.riskNotice}
        hint='志愿者报名前须确认（《志愿服务条例》第十七条），如：户外活动注意防暑；已购买意外险'
        vertical
      >
        <Textarea
          className='field-textarea act-edit__textarea act-edit-risk'
          maxlength={RISK_MAX}
          placeholder='选填：活动可能存在的风险、防护措施和保险情况'
          value={form.riskNotice}
          onInput={(e) => onChange({ riskNotice: e.detail.value })}
        />
      </FormField>
      <FormField name='contactName' label='联系人' error={errors.contactName}>
        <Input
          className='field-input act-edit-contact-name'
          maxlength={20}
          placeholder='选填'
          value={form.contactName}
          onInput={(e) => onChange({ contactName: e.detail.value })}
        />
      </FormField>
      <FormField name='contactPhone' label='联系电话' error={errors.contactPhone}>
        <Input
          className='field-input act-edit-contact-phone'
          type='number'
          maxlength={20}
          placeholder='选填'
          value={form.contactPhone}
          onInput={(e) => onChange({ contactPhone: e.detail.value })}
        />
      </FormField>
    </View>
  );
}
