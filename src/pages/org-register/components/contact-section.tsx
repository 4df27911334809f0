// Section 2 of 队伍注册: contact person (the applicant and their phone to start with), service categories and the 附件1
// registration facts.
import { Input, Picker, Switch, Text, View } from '@tarojs/components';
import FormField from '../../../components/form-field';
import OptionPicker from '../../../components/option-picker';
import { Checkbox } from '../../../components/nutui/checkbox';
import { SERVICE_CATEGORIES, SUPERVISOR_TYPES } from '@contract/enums';
import type { OrgFieldErrors, OrgForm } from '../helpers';
import { serverToday } from '../../../services/server-clock';
import { COLOR } from '../../../styles/colors';

type Props = { form: OrgForm; errors: OrgFieldErrors; onChange: (patch: Partial<OrgForm>) => void };

const SUPERVISOR_OPTIONS = SUPERVISOR_TYPES.map((t) => ({ value: t, text: t }));

export default function ContactSection({ form, errors, onChange }: Props) {
  return (
    <View className='reg-section'>
      <View className='reg-section__title'>2 联系与登记</View>
      <FormField name='contactName' label='联系人' required error={errors.contactName}>
        <Input
          className='field-input orgreg-contact-name'
          maxlength={20}
          placeholder='队伍联系人姓名'
          value={form.contactName}
          onInput={(e) => onChange({ contactName: e.detail.value })}
        />
      </FormField>
      <FormField
        name='contactPhone'
        label='联系电话'
        required
        error={errors.contactPhone}
        hint={form.ownPhoneMasked && !form.contactPhone.trim() ? '默认使用您的手机号，也可填写其他号码' : undefined}
      >
        <Input
          className='field-input orgreg-contact-phone'
          type='number'
          maxlength={11}
          placeholder={form.ownPhoneMasked || '11位手机号'}
          value={form.contactPhone}
          onInput={(e) => onChange({ contactPhone: e.detail.value })}
        />
      </FormField>
      <FormField name='serviceCategories' label='服务类别' required error={errors.serviceCategories} hint='可多选' vertical>
        <Checkbox.Group
          className='reg-categories orgreg-categories'
          direction='horizontal'
          value={form.serviceCategories}
          onChange={(v) => onChange({ serviceCategories: SERVICE_CATEGORIES.filter((c) => v.includes(c)) })}
        >
          {SERVICE_CATEGORIES.map((c) => (
            <Checkbox key={c} value={c} shape='button' className='orgreg-category'>
              {c}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </FormField>
      <FormField name='registeredWithCivilAffairs' label='民政登记' error={errors.registeredWithCivilAffairs}>
        <View className='orgreg-switch-row'>
          <Text className='orgreg-switch-text'>{form.registeredWithCivilAffairs ? '已在民政部门登记' : '未在民政部门登记'}</Text>
          <Switch
            className='orgreg-civil'
            color={COLOR.primary}
            checked={form.registeredWithCivilAffairs}
            onChange={(e) => onChange({ registeredWithCivilAffairs: Boolean(e.detail.value) })}
          />
        </View>
      </FormField>
      <FormField name='supervisorType' label='主管单位' error={errors.supervisorType}>
        <OptionPicker
          className='orgreg-supervisor'
          title='主管单位类型'
          placeholder='选填：科协、学会、高校…'
          options={SUPERVISOR_OPTIONS}
          value={form.supervisorType}
          onChange={(v) => onChange({ supervisorType: SUPERVISOR_TYPES.find((t) => t === v) ?? '' })}
        />
      </FormField>
      <FormField name='foundedAt' label='成立日期' error={errors.foundedAt}>
        <View className='orgreg-date-row'>
          <Picker
            mode='date'
            value={form.foundedAt || serverToday()}
            end={serverToday()}
            onChange={(e) => onChange({ foundedAt: String(e.detail.value) })}
          >
            <View className='option-picker__trigger orgreg-founded'>
              <Text className={form.foundedAt ? 'option-picker__value' : 'option-picker__placeholder'}>{form.foundedAt || '选填'}</Text>
              <Text className='option-picker__arrow'>›</Text>
            </View>
          </Picker>
          {form.foundedAt ? (
            <Text className='orgreg-clear orgreg-founded-clear' onClick={() => onChange({ foundedAt: '' })}>
              清除
            </Text>
          ) : null}
        </View>
      </FormField>
    </View>
  );
}
