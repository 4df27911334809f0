// Pure logic of the registration form: its state, validation by the shared contract, and server errors per field.
// 性别 and 出生日期 are not asked: the ID number records them, and the form shows what it says.
import { PhoneSchema } from '../../../types/common';
import { CONSENT_VERSION, GENDER_LABEL, type Education, type ServiceCategory } from '../../../types/enums';
import { idPerson } from '../../../types/id-number';
import { UserRegisterInput } from '../../../types/user';
import type { ProfileExtras } from '../../components/profile-extras';
import { PROFILE_FIELD_MESSAGE } from '../../utils/profile-messages';

export type RegisterForm = {
  phone: string;
  smsCode: string;
  realName: string;
  idNumber: string;
  education: Education | '';
  employer: string;
  title: string;
  province: string;
  city: string;
  county: string;
  serviceCategories: ServiceCategory[];
  skills: string;
  orgIds: string[];
  consent: boolean;
} & ProfileExtras;

export const EMPTY_FORM: RegisterForm = {
  phone: '',
  smsCode: '',
  realName: '',
  idNumber: '',
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
  fourHeads: '',
  orgIds: [],
  consent: false,
};

/** Form rows in page order: the first one with an error is scrolled into view. */
export const FIELD_ORDER = [
  'phone',
  'smsCode',
  'realName',
  'idNumber',
  'education',
  'employer',
  'title',
  'region',
  'politicalStatus',
  'ethnicity',
  'occupation',
  'fourHeads',
  'serviceCategories',
  'skills',
  'orgIds',
  'consent',
] as const;
export type FieldKey = (typeof FIELD_ORDER)[number];
export type FieldErrors = Partial<Record<FieldKey, string>>;

const FIELD_MESSAGE: Record<FieldKey, string> = {
  ...PROFILE_FIELD_MESSAGE,
  phone: '请输入11位手机号',
  smsCode: '验证码为6位数字',
  idNumber: '请输入有效的18位居民身份证号码',
  orgIds: '至少选择一支志愿服务队伍',
  consent: '请阅读并同意隐私政策和志愿者服务协议',
};

const hasChinese = (s: string) => /[\u4e00-\u9fa5]/.test(s);
const optional = (s: string) => (s.trim() ? s : undefined);

/** The form as the contract's input (not yet validated). */
export function toCandidate(form: RegisterForm): Record<string, unknown> {
  return {
    phone: form.phone.trim(),
    smsCode: form.smsCode.trim(),
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

type IssueLike = { path: ReadonlyArray<string | number>; message: string };

function fieldOf(path: ReadonlyArray<string | number>): FieldKey | undefined {
  const head = path[0];
  if (head === 'consentVersion') return 'consent';
  // The sex is read from the ID number: a problem with it belongs to that row.
  if (head === 'gender') return 'idNumber';
  return (FIELD_ORDER as ReadonlyArray<unknown>).includes(head) ? (head as FieldKey) : undefined;
}

function messageFor(field: FieldKey, issue: IssueLike): string {
  // A missing choice reads better as "请选择…" than as a code-format error.
  if (field === 'education') return FIELD_MESSAGE[field];
  if (field === 'region' && issue.path.length > 1) return FIELD_MESSAGE.region;
  return hasChinese(issue.message) ? issue.message : FIELD_MESSAGE[field];
}

/** The first issue per field, in Chinese. */
export function fieldErrorsFromIssues(issues: ReadonlyArray<IssueLike>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field && !errors[field]) errors[field] = messageFor(field, issue);
  }
  return errors;
}

/** 性别 and 出生日期 as the form shows them once the ID number is valid, or null while it is not. */
export function derivedFromId(idNumber: string): { gender: string; birthDate: string } | null {
  const person = idPerson(idNumber);
  return person && { gender: GENDER_LABEL[person.gender], birthDate: person.birthDate };
}

export type Validation = { ok: true; input: UserRegisterInput } | { ok: false; errors: FieldErrors };

export function validateForm(form: RegisterForm): Validation {
  const result = UserRegisterInput.safeParse(toCandidate(form));
  if (result.success) return { ok: true, input: result.data };
  return { ok: false, errors: fieldErrorsFromIssues(result.error.issues) };
}

export function phoneError(phone: string): string | undefined {
  const result = PhoneSchema.safeParse(phone.trim());
  return result.success ? undefined : result.error.issues[0]?.message ?? FIELD_MESSAGE.phone;
}

export function firstErrorField(errors: FieldErrors): FieldKey | undefined {
  return FIELD_ORDER.find((f) => errors[f]);
}

function isIssueList(details: unknown): details is IssueLike[] {
  return (
    Array.isArray(details) &&
    details.every((d) => typeof d === 'object' && d !== null && Array.isArray((d as IssueLike).path) && typeof (d as IssueLike).message === 'string')
  );
}

/** Where a failed registration's message belongs: next to a field, or in the banner above the submit button. */
export function explainRegisterError(code: string, message: string, details: unknown): { fields: FieldErrors; banner?: string } {
  switch (code) {
    case 'SMS.CODE_INVALID':
    case 'SMS.CODE_EXPIRED':
    case 'SMS.TOO_MANY_ATTEMPTS':
      return { fields: { smsCode: message } };
    case 'USER.PHONE_TAKEN':
      return { fields: { phone: message } };
    case 'USER.ID_NUMBER_TAKEN':
    case 'USER.UNDERAGE':
      return { fields: { idNumber: message } };
    case 'ORG.NOT_FOUND':
    case 'ORG.MEMBERSHIP_LIMIT':
      return { fields: { orgIds: message } };
    case 'VALIDATION': {
      const fields = isIssueList(details) ? fieldErrorsFromIssues(details) : {};
      return Object.keys(fields).length ? { fields } : { fields, banner: message };
    }
    default:
      return { fields: {}, banner: message };
  }
}

/** `details.retryAfterSec` of SMS.RATE_LIMITED, if the server sent one. */
export function retryAfterSec(details: unknown): number | undefined {
  const sec = typeof details === 'object' && details !== null ? (details as { retryAfterSec?: unknown }).retryAfterSec : undefined;
  return typeof sec === 'number' && sec > 0 ? Math.ceil(sec) : undefined;
}
