// 真实姓名 (注册 only), 学历 and 专业特长 as 注册 and 编辑资料 ask them (性别 is never asked: the ID number gives it);
// `prefix` names the controls for tests (reg-…, profile-…).
import FormField from '../form-field';
import TextField from '../text-field';
import OptionPicker from '../option-picker';
import { EDUCATIONS, type Education } from '@contract/enums';

const EDUCATION_OPTIONS = EDUCATIONS.map((e) => ({ value: e, text: e }));

/** 真实姓名 at 注册 (编辑资料 shows it fixed); the sex is not asked beside it, the ID number gives it. */
export function NameField({
  prefix,
  value,
  error,
  onChange,
}: {
  prefix: string;
  value: string;
  error?: string;
  onChange: (realName: string) => void;
}) {
  return (
    <TextField
      name='realName'
      label='真实姓名'
      required
      error={error}
      className={`field-input ${prefix}-real-name`}
      maxlength={20}
      placeholder='与身份证一致'
      value={value}
      onChange={onChange}
    />
  );
}

export function EducationField({
  prefix,
  value,
  error,
  onChange,
}: {
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

export function SkillsField({
  prefix,
  value,
  error,
  onChange,
}: {
  prefix: string;
  value: string;
  error?: string;
  onChange: (skills: string) => void;
}) {
  return (
    <TextField
      name='skills'
      label='专业特长'
      error={error}
      vertical
      multiline
      className={`field-textarea ${prefix}-skills`}
      maxlength={200}
      placeholder='选填，如：果树栽培、急救培训'
      value={value}
      onChange={onChange}
    />
  );
}
