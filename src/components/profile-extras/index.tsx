// The optional profile pickers shared by 注册 and 编辑资料: 政治面貌, 民族, 从业类别 and 是否为基层“四长”.
import FormField from '../form-field';
import OptionPicker from '../option-picker';
import { ETHNICITIES, FOUR_HEADS, OCCUPATIONS, POLITICAL_STATUSES } from '@contract/enums';

type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];
type Ethnicity = (typeof ETHNICITIES)[number];
type Occupation = (typeof OCCUPATIONS)[number];
type FourHeads = (typeof FOUR_HEADS)[number];

export type ProfileExtras = {
  politicalStatus: PoliticalStatus | '';
  ethnicity: Ethnicity | '';
  occupation: Occupation | '';
  fourHeads: FourHeads | '';
};

type Props = {
  /** Class prefix of the pickers: `<prefix>-political`, `<prefix>-ethnicity`, `<prefix>-occupation`, `<prefix>-four-heads`. */
  prefix: string;
  value: ProfileExtras;
  errors: Partial<Record<keyof ProfileExtras, string>>;
  onChange: (patch: Partial<ProfileExtras>) => void;
};

const options = (list: readonly string[]) => list.map((v) => ({ value: v, text: v }));
const POLITICAL_OPTIONS = options(POLITICAL_STATUSES);
const ETHNICITY_OPTIONS = options(ETHNICITIES);
const OCCUPATION_OPTIONS = options(OCCUPATIONS);
const FOUR_HEADS_OPTIONS = options(FOUR_HEADS);
const pick = <T extends string>(list: readonly T[], v: string): T | '' => list.find((x) => x === v) ?? '';

export default function ProfileExtrasFields({ prefix, value, errors, onChange }: Props) {
  return (
    <>
      <FormField name='politicalStatus' label='政治面貌' error={errors.politicalStatus}>
        <OptionPicker
          className={`${prefix}-political`}
          title='选择政治面貌'
          placeholder='选填'
          options={POLITICAL_OPTIONS}
          value={value.politicalStatus}
          onChange={(v) => onChange({ politicalStatus: pick(POLITICAL_STATUSES, v) })}
        />
      </FormField>
      <FormField name='ethnicity' label='民族' error={errors.ethnicity}>
        <OptionPicker
          className={`${prefix}-ethnicity`}
          title='选择民族'
          placeholder='选填'
          options={ETHNICITY_OPTIONS}
          value={value.ethnicity}
          onChange={(v) => onChange({ ethnicity: pick(ETHNICITIES, v) })}
        />
      </FormField>
      <FormField name='occupation' label='从业类别' error={errors.occupation}>
        <OptionPicker
          className={`${prefix}-occupation`}
          title='选择从业类别'
          placeholder='选填'
          options={OCCUPATION_OPTIONS}
          value={value.occupation}
          onChange={(v) => onChange({ occupation: pick(OCCUPATIONS, v) })}
        />
      </FormField>
      <FormField name='fourHeads' label='基层“四长”' error={errors.fourHeads}>
        <OptionPicker
          className={`${prefix}-four-heads`}
          title='是否为基层“四长”'
          placeholder='选填'
          options={FOUR_HEADS_OPTIONS}
          value={value.fourHeads}
          onChange={(v) => onChange({ fourHeads: pick(FOUR_HEADS, v) })}
        />
      </FormField>
    </>
  );
}
