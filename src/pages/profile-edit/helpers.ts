// Pure logic of 编辑资料: the form from `me()`, validation by the shared contract, and only the fields that changed.
// 真实姓名, 性别 and 出生日期 are not in the form: the name changes only through a reviewed path and the ID number
// records the others (the page shows them read-only).
import type {
  AVAILABLE_TIMES,
  ETHNICITIES,
  FOUR_HEADS,
  OCCUPATIONS,
  POLITICAL_STATUSES,
  SERVICE_FIELDS,
  Education,
  ServiceCategory,
} from '@contract/enums';
import { UserUpdateProfileInput, type Volunteer } from '@contract/user';
import { parseContract } from '@contract/zod-messages';
import { PROFILE_FIELD_MESSAGE } from '../../utils/profile-messages';
import { checkForm, type Checked, type FormSpec } from '../../hooks/form-spec';

export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];
export type Ethnicity = (typeof ETHNICITIES)[number];
export type Occupation = (typeof OCCUPATIONS)[number];
export type FourHeads = (typeof FOUR_HEADS)[number];
export type ServiceField = (typeof SERVICE_FIELDS)[number];
export type AvailableTime = (typeof AVAILABLE_TIMES)[number];

export type ProfileForm = {
  education: Education | '';
  employer: string;
  title: string;
  province: string;
  city: string;
  county: string;
  serviceCategories: ServiceCategory[];
  skills: string;
  politicalStatus: PoliticalStatus | '';
  ethnicity: Ethnicity | '';
  occupation: Occupation | '';
  serviceFields: ServiceField[];
  availableTimes: AvailableTime[];
  fourHeads: FourHeads | '';
  /** 全国志愿者统一编号, once the national system gave one: shown beside our 志愿者编号 and handed off with the records. */
  nationalVolunteerId: string;
};

/** The profile rows 注册 and 编辑资料 both ask, in page order. */
export const PROFILE_CORE_ROWS = [
  'education',
  'employer',
  'title',
  'region',
  'politicalStatus',
  'ethnicity',
  'occupation',
  'fourHeads',
  'serviceCategories',
] as const;
export const PROFILE_FIELDS = [...PROFILE_CORE_ROWS, 'serviceFields', 'availableTimes', 'skills', 'nationalVolunteerId'] as const;
export type ProfileFieldKey = (typeof PROFILE_FIELDS)[number];
export type ProfileErrors = Partial<Record<ProfileFieldKey, string>>;

/** The rows of the form and where refusals go (hooks/use-contract-form); the contract's Chinese wording is kept. */
export const PROFILE_SPEC: FormSpec<ProfileFieldKey> = {
  order: PROFILE_FIELDS,
  hints: PROFILE_FIELD_MESSAGE,
  always: ['education'],
  keepGeneric: true,
};

/** The form before `me()` answers (never shown: the page waits for the profile). */
export const EMPTY_PROFILE: ProfileForm = {
  education: '',
  employer: '',
  title: '',
  province: '',
  city: '',
  county: '',
  serviceCategories: [],
  skills: '',
  politicalStatus: '',
  ethnicity: '',
  occupation: '',
  serviceFields: [],
  availableTimes: [],
  fourHeads: '',
  nationalVolunteerId: '',
};

export function formFromVolunteer(v: Volunteer): ProfileForm {
  return {
    education: v.education,
    employer: v.employer ?? '',
    title: v.title ?? '',
    province: v.region.province,
    city: v.region.city,
    county: v.region.county,
    serviceCategories: [...v.serviceCategories],
    skills: v.skills ?? '',
    politicalStatus: v.politicalStatus ?? '',
    ethnicity: v.ethnicity ?? '',
    occupation: v.occupation ?? '',
    serviceFields: [...(v.serviceFields ?? [])],
    availableTimes: [...(v.availableTimes ?? [])],
    fourHeads: v.fourHeads ?? '',
    nationalVolunteerId: v.nationalVolunteerId ?? '',
  };
}

const orUndefined = <T extends string>(s: T | '') => (s === '' ? undefined : s);

/** The form in the contract's shape; emptied text fields stay '' so that clearing them is a change too. */
function toCandidate(form: ProfileForm): Record<string, unknown> {
  return {
    education: orUndefined(form.education),
    employer: form.employer.trim(),
    title: form.title.trim(),
    region: { province: form.province, city: form.city, county: form.county },
    serviceCategories: form.serviceCategories,
    skills: form.skills.trim(),
    politicalStatus: orUndefined(form.politicalStatus),
    ethnicity: orUndefined(form.ethnicity),
    occupation: orUndefined(form.occupation),
    serviceFields: form.serviceFields,
    availableTimes: form.availableTimes,
    fourHeads: orUndefined(form.fourHeads),
    // Once given it is kept: an emptied box sends nothing.
    nationalVolunteerId: orUndefined(form.nationalVolunteerId.trim()),
  };
}

export const NOTHING_CHANGED = '没有需要修改的内容';

/** Checks the whole form, then keeps only the fields that differ from `original`. */
export function validateProfile(form: ProfileForm, original: ProfileForm): Checked<UserUpdateProfileInput, ProfileFieldKey> {
  const candidate = toCandidate(form);
  const whole = checkForm(PROFILE_SPEC, UserUpdateProfileInput, candidate);
  if (!whole.ok) return whole;
  const before = toCandidate(original);
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(candidate)) {
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(before[key])) changed[key] = value;
  }
  const result = parseContract(UserUpdateProfileInput, changed);
  if (!result.success) return { ok: false, errors: {}, banner: NOTHING_CHANGED };
  return { ok: true, input: result.data };
}
