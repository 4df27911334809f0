// 真实姓名, 性别, 学历 and 专业特长 as 注册 and 编辑资料 ask them; `prefix` names the controls for tests (reg-…, profile-…).
import { Input, Textarea } from '@tarojs/components';
import FormField from '../form-field';
import OptionPicker from '../option-picker';
import { Radio } from '../nutui';
import { EDUCATIONS, GENDERS, GENDER_LABEL, type Education, type Gender } from '../../../types/enums';

type NameGender = { realName: string; gender: Gender | '' };

const EDUCATION_OPTIONS = EDUCATIONS.map((e) => ({ value: e, text: e }));

/** 真实姓名 alone: 注册 takes the sex from the ID number instead of asking. */
export function NameField({ prefix, value, error, onChange }: { prefix: string; value: string; error?: string; onChange: (realName: string) => void }) {
  return (
    <FormField name='realName' label='真实姓名' required error={error}>
      <Input
        className={`field-input ${prefix}-real-name`}
        maxlength={20}
        placeholder='与身份证一致'
        value={value}
        onInput={(e) => onChange(e.detail.value)}
      />
    </FormField>
  );
}

export function NameGenderFields({ prefix, value, errors, onChange }: {
  prefix: string;
  value: NameGender;
  errors: { realName?: string; gender?: string };
  onChange: (patch: Partial<NameGender>) => void;
}) {
  return (
    <>
      <NameField prefix={prefix} value={value.realName} error={errors.realName} onChange={(realName) => onChange({ realName })} />
      <FormField name='gender' label='性别' required error={errors.gender}>
        <Radio.Group
          className={`${prefix}-gender`}
          direction='horizontal'
          value={value.gender}
          onChange={(v) => onChange({ gender: v === 'male' || v === 'female' ? v : '' })}
        >
          {GENDERS.map((g) => (
            <Radio key={g} value={g} className={`${prefix}-gender-${g}`}>
              {GENDER_LABEL[g]}
            </Radio>
          ))}
        </Radio.Group>
      </FormField>
    </>
  );
}

export function EducationField({ prefix, value, error, onChange }: {
  prefix: string;
  value: Education | '';
  error?: string;
  onChange: (education: Education | '') => void;
}) {
  return (
    <FormField name='education' label='学历' required error={error}>
      <OptionPicker
        className={`${prefix}-education`}
        title='选择学历'
        placeholder='请选择学历'
        options={EDUCATION_OPTIONS}
        value={value}
        onChange={(v) => onChange(EDUCATIONS.find((e) => e === v) ?? '')}
      />
    </FormField>
  );
}

export function SkillsField({ prefix, value, error, onChange }: { prefix: string; value: string; error?: string; onChange: (skills: string) => void }) {
  return (
    <FormField name='skills' label='专业特长' error={error} vertical>
      <Textarea
        className={`field-textarea ${prefix}-skills`}
        maxlength={200}
        placeholder='选填，如：果树栽培、急救培训'
        value={value}
        onInput={(e) => onChange(e.detail.value)}
      />
    </FormField>
  );
}
