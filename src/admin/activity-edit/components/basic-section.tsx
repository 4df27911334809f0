// Section 1 of the activity form: what the activity is — name, category, description, who it serves, key day.
import { Text, Textarea, View } from '@tarojs/components';
import FormField from '../../../components/form-field';
import OptionPicker from '../../../components/option-picker';
import { Checkbox } from '../../../components/nutui/checkbox';
import { KEY_DAYS, SERVICE_CATEGORIES, SERVICE_TARGETS } from '@contract/enums';
import { STAT_CATEGORY_OF } from '@contract/report';
import { DESCRIPTION_MAX, type ActivityErrors, type ActivityForm } from '../helpers';

type Props = { form: ActivityForm; errors: ActivityErrors; onChange: (patch: Partial<ActivityForm>) => void };

const CATEGORY_OPTIONS = SERVICE_CATEGORIES.map((c) => ({ value: c, text: c }));
const KEY_DAY_OPTIONS = [{ value: '', text: '不关联' }, ...KEY_DAYS.map((d) => ({ value: d, text: d }))];

export default function BasicSection({ form, errors, onChange }: Props) {
  return (
    <View className='reg-section'>
      <View className='reg-section__title'>1 活动信息</View>
      <FormField name='title' label='活动名称' required error={errors.title}>
        {/* A long name wraps to a second line instead of scrolling out of sight. */}
        <Textarea
          className='field-input act-edit__title act-edit-title'
          maxlength={40}
          autoHeight
          placeholder='4-40字，如：社区科普讲解活动'
          value={form.title}
          onInput={(e) => onChange({ title: e.detail.value })}
        />
      </FormField>
      <FormField
        name='category'
        label='服务类别'
        required
        error={errors.category}
        hint={form.category ? `计入附件3：${STAT_CATEGORY_OF[form.category]}` : undefined}
      >
        <OptionPicker
          className='act-edit-category'
          title='服务类别'
          placeholder='请选择'
          options={CATEGORY_OPTIONS}
          value={form.category}
          onChange={(v) => onChange({ category: SERVICE_CATEGORIES.find((c) => c === v) ?? '' })}
        />
      </FormField>
      <FormField name='description' label='活动介绍' required error={errors.description} vertical>
        <Textarea
          className='field-textarea act-edit__textarea act-edit-description'
          maxlength={DESCRIPTION_MAX}
          placeholder='活动内容、流程、志愿者需要做什么、需要携带什么'
          value={form.description}
          onInput={(e) => onChange({ description: e.detail.value })}
        />
        <Text className='act-edit__counter'>
          {form.description.trim().length}/{DESCRIPTION_MAX}
        </Text>
      </FormField>
      <FormField name='serviceTargets' label='服务对象' error={errors.serviceTargets} hint='可多选' vertical>
        <Checkbox.Group
          className='reg-categories act-edit-targets'
          direction='horizontal'
          value={form.serviceTargets}
          onChange={(v) => onChange({ serviceTargets: SERVICE_TARGETS.filter((t) => v.includes(t)) })}
        >
          {SERVICE_TARGETS.map((t) => (
            <Checkbox key={t} value={t} shape='button' className='act-edit-target'>
              {t}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </FormField>
      <FormField name='keyDay' label='重点节日' error={errors.keyDay}>
        <OptionPicker
          className='act-edit-keyday'
          title='关联重点节日'
          placeholder='选填，如：全国科普日'
          options={KEY_DAY_OPTIONS}
          value={form.keyDay}
          onChange={(v) => onChange({ keyDay: KEY_DAYS.find((d) => d === v) ?? '' })}
        />
      </FormField>
    </View>
  );
}
