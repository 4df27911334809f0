// 基本信息 of 编辑资料: education, work, title, region and the optional pickers (name, 性别 and 出生日期 are shown above, fixed).
import { useState } from 'react';
import { Input, View } from '@tarojs/components';
import FormField from '../../../components/form-field';
import TextField from '../../../components/text-field';
import OptionPicker from '../../../components/option-picker';
import ProfileExtrasFields from '../../../components/profile-extras';
import { EducationField } from '../../../components/person-fields';
import RegionPicker from '../../../components/region-picker';
import { TITLES } from '@contract/enums';
import type { ProfileErrors, ProfileForm } from '../helpers';

type Props = { form: ProfileForm; errors: ProfileErrors; onChange: (patch: Partial<ProfileForm>) => void };

/** 职称 is a picker over TITLES, but the contract takes any text: 其他 opens a free text box. */
const OTHER_TITLE = '__other';
const TITLE_OPTIONS = [...TITLES.map((t) => ({ value: t, text: t })), { value: OTHER_TITLE, text: '其他（手动填写）' }];
const isListedTitle = (t: string) => (TITLES as readonly string[]).includes(t);

export default function BasicSection({ form, errors, onChange }: Props) {
  const [customTitle, setCustomTitle] = useState(() => form.title !== '' && !isListedTitle(form.title));
  const titleValue = customTitle ? OTHER_TITLE : form.title;

  return (
    <View className='reg-section'>
      <View className='reg-section__title'>基本信息</View>
      <EducationField prefix='profile' value={form.education} error={errors.education} onChange={(education) => onChange({ education })} />
      <TextField
        name='employer'
        label='工作单位'
        error={errors.employer}
        className='field-input profile-employer'
        maxlength={60}
        placeholder='选填'
        value={form.employer}
        onChange={(employer) => onChange({ employer })}
      />
      <FormField name='title' label='职称' error={errors.title} vertical={customTitle}>
        <OptionPicker
          className='profile-title'
          title='选择职称'
          placeholder='选填'
          options={TITLE_OPTIONS}
          value={titleValue}
          onChange={(v) => {
            const other = v === OTHER_TITLE;
            setCustomTitle(other);
            onChange({ title: other ? '' : v });
          }}
        />
        {customTitle ? (
          <Input
            className='field-input profile-title-custom'
            maxlength={30}
            placeholder='请输入职称，如：高级农艺师'
            value={form.title}
            onInput={(e) => onChange({ title: e.detail.value })}
          />
        ) : null}
      </FormField>
      <FormField name='region' label='所在地区' required error={errors.region} vertical>
        <RegionPicker
          name='profile-region'
          value={{ province: form.province, city: form.city, county: form.county }}
          onChange={(r) => onChange(r)}
        />
      </FormField>
      <ProfileExtrasFields prefix='profile' value={form} errors={errors} onChange={onChange} />
    </View>
  );
}
