// Step 2: who the volunteer is — what 附件2 requires (name, ID number with 性别/出生日期 read from it, education, region,
// service categories), and behind 补充更多信息 the optional rest (work, title, the pickers, skills), which 编辑资料 also asks.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import FormField from '../../../components/form-field';
import TextField from '../../../components/text-field';
import { Checkbox } from '../../../components/nutui/checkbox';
import ProfileExtrasFields from '../../../components/profile-extras';
import { EducationField, NameField, SkillsField } from '../../../components/person-fields';
import RegionPicker, { type RegionValue } from '../../../components/region-picker';
import { SERVICE_CATEGORIES, type ServiceCategory } from '@contract/enums';
import { derivedFromId, type FieldErrors, type RegisterForm } from '../helpers';

/** The rows behind 补充更多信息: 附件2 does not require them at sign-up. */
const OPTIONAL_KEYS = ['employer', 'title', 'politicalStatus', 'ethnicity', 'occupation', 'fourHeads', 'skills'] as const;

type Props = {
  form: RegisterForm;
  errors: FieldErrors;
  onChange: (patch: Partial<RegisterForm>) => void;
};

export default function ProfileSection({ form, errors, onChange }: Props) {
  const region: RegionValue = { province: form.province, city: form.city, county: form.county };
  const derived = derivedFromId(form.idNumber);
  const [more, setMore] = useState(false);
  // A refusal about an optional field opens them, so the error is seen.
  const optionalError = OPTIONAL_KEYS.some((k) => errors[k]);
  const showMore = more || optionalError;
  return (
    <View className='reg-section'>
      <View className='reg-section__title'>2 个人信息</View>
      <NameField prefix='reg' value={form.realName} error={errors.realName} onChange={(realName) => onChange({ realName })} />
      <TextField
        name='idNumber'
        label='身份证号'
        required
        error={errors.idNumber}
        hint={derived ? undefined : '性别和出生日期将根据身份证号自动识别'}
        className='field-input reg-id-number'
        type='idcard'
        maxlength={18}
        placeholder='18位居民身份证号码'
        value={form.idNumber}
        onChange={(idNumber) => onChange({ idNumber })}
      />
      {derived ? (
        <>
          <FormField name='gender' label='性别'>
            <Text className='reg-derived reg-derived-gender'>{derived.gender}</Text>
          </FormField>
          <FormField name='birthDate' label='出生日期' hint='根据身份证号自动识别'>
            <Text className='reg-derived reg-derived-birth-date'>{derived.birthDate}</Text>
          </FormField>
        </>
      ) : null}
      <EducationField prefix='reg' value={form.education} error={errors.education} onChange={(education) => onChange({ education })} />
      <FormField name='region' label='所在地区' required error={errors.region} vertical>
        <RegionPicker name='reg-region' locate value={region} onChange={(r) => onChange(r)} />
      </FormField>
      <FormField name='serviceCategories' label='服务类别' required error={errors.serviceCategories} hint='可多选' vertical>
        <Checkbox.Group
          className='reg-categories'
          direction='horizontal'
          value={form.serviceCategories}
          onChange={(v) => onChange({ serviceCategories: SERVICE_CATEGORIES.filter((c) => v.includes(c)) })}
        >
          {SERVICE_CATEGORIES.map((c: ServiceCategory) => (
            <Checkbox key={c} value={c} shape='button' className='reg-category'>
              {c}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </FormField>
      <View className='reg-more reg-more-toggle' onClick={() => setMore(!showMore)}>
        <Text className='reg-more__title'>补充更多信息（选填）</Text>
        <Text className='reg-more__hint'>{showMore ? '收起 ▲' : '工作单位、职称、政治面貌等，也可注册后在“编辑资料”中填写 ▼'}</Text>
      </View>
      {showMore ? (
        <View className='reg-more__fields reg-more-fields'>
          <TextField
            name='employer'
            label='工作单位'
            error={errors.employer}
            className='field-input reg-employer'
            maxlength={60}
            placeholder='选填'
            value={form.employer}
            onChange={(employer) => onChange({ employer })}
          />
          <TextField
            name='title'
            label='职称'
            error={errors.title}
            className='field-input reg-title'
            maxlength={30}
            placeholder='选填，如：高级农艺师'
            value={form.title}
            onChange={(title) => onChange({ title })}
          />
          <ProfileExtrasFields prefix='reg' value={form} errors={errors} onChange={onChange} />
          <SkillsField prefix='reg' value={form.skills} error={errors.skills} onChange={(skills) => onChange({ skills })} />
        </View>
      ) : null}
    </View>
  );
}
