// Pure logic of the registration form: its state, its rows (validated by the shared contract, server errors per row).
// 性别 and 出生日期 are not asked: the ID number records them, and the form shows what it says.
import { PhoneSchema } from '@contract/common';
import { CONSENT_VERSION, GENDER_LABEL } from '@contract/enums';
import { idPerson } from '@contract/id-number';
import { UserRegisterInput } from '@contract/user';
import type { ProfileExtras } from '../../components/profile-extras';
import { PROFILE_FIELD_MESSAGE } from '../../utils/profile-messages';
import { EMPTY_PROFILE, PROFILE_CORE_ROWS, type ProfileForm } from '../profile-edit/helpers';
import { checkForm, type Checked, type FormSpec } from '../../hooks/form-spec';

/** The profile rows asked at 注册, typed as 编辑资料 types them. */
type AskedProfile = Pick<ProfileForm, 'education' | 'employer' | 'title' | 'province' | 'city' | 'county' | 'serviceCategories' | 'skills'>;
export type RegisterForm = {
  phone: string;
  smsCode: string;
  /** The server's proof of a phone WeChat verified (微信手机号快捷填写): sent instead of the SMS code; '' without one. */
  phoneProof: string;
  realName: string;
  idNumber: string;
  orgIds: string[];
  consent: boolean;
} & AskedProfile &
  ProfileExtras;

// 服务领域 and 可服务时间 are asked later, in 编辑资料.
const { serviceFields: _fields, availableTimes: _times, ...blankProfile } = EMPTY_PROFILE;
export const EMPTY_FORM: RegisterForm = {
  phone: '',
  smsCode: '',
  phoneProof: '',
  realName: '',
  idNumber: '',
  ...blankProfile,
  orgIds: [],
  consent: false,
};

/** Form rows in page order: the first one with an error is scrolled into view. */
export const FIELD_ORDER = ['phone', 'smsCode', 'realName', 'idNumber', ...PROFILE_CORE_ROWS, 'skills', 'orgIds', 'consent'] as const;
export type FieldKey = (typeof FIELD_ORDER)[number];
export type FieldErrors = Partial<Record<FieldKey, string>>;

/** The rows of the form and where refusals go (hooks/use-contract-form): also used by 激活 and 更换手机号. */
export const REGISTER_SPEC: FormSpec<FieldKey> = {
  order: FIELD_ORDER,
  // The sex is read from the ID number: a problem with it belongs to that row.
  fieldOf: (path) =>
    path[0] === 'consentVersion'
      ? 'consent'
      : path[0] === 'gender'
        ? 'idNumber'
        : (FIELD_ORDER as ReadonlyArray<unknown>).includes(path[0])
          ? (path[0] as FieldKey)
          : undefined,
  hints: {
    ...PROFILE_FIELD_MESSAGE,
    phone: '请输入11位手机号',
    smsCode: '验证码为6位数字',
    idNumber: '请输入有效的18位居民身份证号码',
    orgIds: '至少选择一支志愿服务队伍',
    consent: '请阅读并同意隐私政策和志愿者服务协议',
  },
  // A missing choice reads better as "请选择…" than as a code-format error.
  always: ['education'],
  codes: {
    'SMS.CODE_INVALID': { field: 'smsCode' },
    'SMS.CODE_EXPIRED': { field: 'smsCode' },
    'SMS.TOO_MANY_ATTEMPTS': { field: 'smsCode' },
    'USER.PHONE_TAKEN': { field: 'phone' },
    'USER.PHONE_PROOF_INVALID': { field: 'phone' },
    'USER.PHONE_PROOF_EXPIRED': { field: 'phone' },
    'USER.ID_NUMBER_TAKEN': { field: 'idNumber' },
    'USER.UNDERAGE': { field: 'idNumber' },
    'ORG.NOT_FOUND': { field: 'orgIds' },
    'ORG.MEMBERSHIP_LIMIT': { field: 'orgIds' },
  },
};

const optional = (s: string) => (s.trim() ? s : undefined);

/** The form as the contract's input (not yet validated). */
export function toCandidate(form: RegisterForm): Record<string, unknown> {
  return {
    phone: form.phone.trim(),
    ...(form.phoneProof ? { phoneProof: form.phoneProof } : { smsCode: form.smsCode.trim() }),
    realName: form.realName,
    idNumber: form.idNumber,
    education: form.education,
    employer: optional(form.employer),
    title: optional(form.title),
    region: { province: form.province, city: form.city, county: form.county },
    serviceCategories: form.serviceCategories,
    skills: optional(form.skills),
    politicalStatus: optional(form.politicalStatus),
    ethnicity: optional(form.ethnicity),
    occupation: optional(form.occupation),
    fourHeads: optional(form.fourHeads),
    orgIds: form.orgIds,
    consentVersion: form.consent ? CONSENT_VERSION : '',
  };
}

/** 性别 and 出生日期 as the form shows them once the ID number is valid, or null while it is not. */
export function derivedFromId(idNumber: string): { gender: string; birthDate: string } | null {
  const person = idPerson(idNumber);
  return person && { gender: GENDER_LABEL[person.gender], birthDate: person.birthDate };
}

export const validateForm = (form: RegisterForm): Checked<UserRegisterInput, FieldKey> =>
  checkForm(REGISTER_SPEC, UserRegisterInput, toCandidate(form));

export function phoneError(phone: string): string | undefined {
  const result = checkForm(REGISTER_SPEC, PhoneSchema, phone.trim());
  return result.ok ? undefined : (result.banner ?? REGISTER_SPEC.hints.phone);
}

/** `details.retryAfterSec` of SMS.RATE_LIMITED, if the server sent one. */
export function retryAfterSec(details: unknown): number | undefined {
  const sec = typeof details === 'object' && details !== null ? (details as { retryAfterSec?: unknown }).retryAfterSec : undefined;
  return typeof sec === 'number' && sec > 0 ? Math.ceil(sec) : undefined;
}
