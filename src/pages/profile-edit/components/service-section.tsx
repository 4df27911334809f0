// 服务意向 of 编辑资料: service categories and fields, available times and skills.
import { View } from '@tarojs/components';
import FormField from '../../../components/form-field';
import { SkillsField } from '../../../components/person-fields';
import { Checkbox } from '../../../components/nutui/checkbox';
import { AVAILABLE_TIMES, SERVICE_CATEGORIES, SERVICE_FIELDS } from '@contract/enums';
import type { ProfileErrors, ProfileForm } from '../helpers';

type Props = { form: ProfileForm; errors: ProfileErrors; onChange: (patch: Partial<ProfileForm>) => void };

/** Keeps the list's own order, whatever order the boxes were ticked in. */
const inOrder = <T extends string>(list: readonly T[], picked: string[]): T[] => list.filter((x) => picked.includes(x));

function Chips({
  className,
  list,
  value,
  onChange,
}: {
  className: string;
  list: readonly string[];
  value: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <Checkbox.Group className={`reg-categories ${className}`} direction='horizontal' value={value} onChange={onChange}>
      {list.map((c) => (
        <Checkbox key={c} value={c} shape='button' className={`${className}-item`}>
          {c}
        </Checkbox>
      ))}
    </Checkbox.Group>
  );
}

export default function ServiceSection({ form, errors, onChange }: Props) {
  return (
    <View className='reg-section'>
      <View className='reg-section__title'>服务意向</View>
      <FormField name='serviceCategories' label='服务类别' required error={errors.serviceCategories} hint='可多选' vertical>
        <Chips
          className='profile-categories'
          list={SERVICE_CATEGORIES}
          value={form.serviceCategories}
          onChange={(v) => onChange({ serviceCategories: inOrder(SERVICE_CATEGORIES, v) })}
        />
      </FormField>
      <FormField name='serviceFields' label='服务领域' error={errors.serviceFields} hint='选填，可多选' vertical>
        <Chips
          className='profile-fields'
          list={SERVICE_FIELDS}
          value={form.serviceFields}
          onChange={(v) => onChange({ serviceFields: inOrder(SERVICE_FIELDS, v) })}
        />
      </FormField>
      <FormField name='availableTimes' label='可服务时间' error={errors.availableTimes} hint='选填，可多选' vertical>
        <Chips
          className='profile-times'
          list={AVAILABLE_TIMES}
          value={form.availableTimes}
          onChange={(v) => onChange({ availableTimes: inOrder(AVAILABLE_TIMES, v) })}
        />
      </FormField>
      <SkillsField prefix='profile' value={form.skills} error={errors.skills} onChange={(skills) => onChange({ skills })} />
    </View>
  );
}
