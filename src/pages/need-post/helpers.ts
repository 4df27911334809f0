// Pure logic of 我要点单: the form's state and defaults, its rows (validated by the shared contract NeedPostInput, the
// server's own schema), and where refusals go.
import { NeedPostInput, type RequesterKind } from '@contract/need';
import type { ServiceCategory } from '@contract/enums';
import type { RegionValue } from '../../components/region-picker';
import { checkForm, type Checked, type FormSpec } from '../../hooks/form-spec';
import { addDays } from '@contract/time';

export type NeedForm = {
  requesterKind: RequesterKind | '';
  requesterName: string;
  category: ServiceCategory | '';
  title: string;
  description: string;
  region: RegionValue;
  address: string;
  /** GCJ-02, picked on WeChat's map (weapp only); '' when none. */
  lat: string;
  lng: string;
  preferredFrom: string;
  preferredTo: string;
  audienceSize: string;
  contactName: string;
  phone: string;
  smsCode: string;
};

/** A new need: the preferred days a week from today (the server's today). */
export function newNeedForm(today: string): NeedForm {
  const from = addDays(today, 7);
  return {
    requesterKind: '',
    requesterName: '',
    category: '',
    title: '',
    description: '',
    region: { province: '', city: '', county: '' },
    address: '',
    lat: '',
    lng: '',
    preferredFrom: from,
    preferredTo: from,
    audienceSize: '',
    contactName: '',
    phone: '',
    smsCode: '',
  };
}

/** Form rows in page order: the first one with an error is scrolled into view. */
export const NEED_FIELDS = [
  'requesterKind',
  'requesterName',
  'category',
  'title',
  'description',
  'audienceSize',
  'region',
  'address',
  'location',
  'preferredFrom',
  'preferredTo',
  'contactName',
  'phone',
  'smsCode',
] as const;
export type NeedFieldKey = (typeof NEED_FIELDS)[number];
export type NeedErrors = Partial<Record<NeedFieldKey, string>>;

/** The rows of the form and where refusals go (hooks/use-contract-form). */
export const NEED_SPEC: FormSpec<NeedFieldKey> = {
  order: NEED_FIELDS,
  always: ['requesterKind', 'category'],
  hints: {
    requesterKind: '请选择需求方类型',
    requesterName: '请填写单位名称',
    category: '请选择需要的服务类别',
    title: '请填写需求标题（4-40字）',
    description: '请填写需求描述（至少10字）',
    audienceSize: '请填写预计受众人数',
    region: '请选择服务地点所在地区（省、市、区县）',
    address: '请填写服务地址',
    location: '地图位置无效，请重新选择',
    preferredFrom: '请选择期望开始日期',
    preferredTo: '请选择期望结束日期',
    contactName: '请填写联系人',
    phone: '请输入11位手机号',
    smsCode: '验证码为6位数字',
  },
  codes: {
    'SMS.CODE_INVALID': { field: 'smsCode' },
    'SMS.CODE_EXPIRED': { field: 'smsCode' },
    'SMS.TOO_MANY_ATTEMPTS': { field: 'smsCode' },
    'NEED.DAILY_LIMIT': { field: 'phone' },
    'NEED.NO_TEAM': { field: 'region' },
  },
};

const DATES_BACKWARDS = '期望结束日期不能早于开始日期';

const optional = (s: string) => (s.trim() ? s : undefined);
/** '' and junk become NaN, which the contract refuses with its number rules. */
const num = (s: string) => (s.trim() === '' ? NaN : Number(s.trim()));

/** The form in the contract's shape (not yet validated). */
export function toCandidate(form: NeedForm): Record<string, unknown> {
  const person = form.requesterKind === '个人';
  return {
    requesterKind: form.requesterKind || undefined,
    requesterName: person ? undefined : optional(form.requesterName),
    category: form.category || undefined,
    title: form.title,
    description: form.description,
    region: form.region,
    address: form.address,
    location: form.lat && form.lng ? { lat: Number(form.lat), lng: Number(form.lng) } : undefined,
    preferredFrom: form.preferredFrom,
    preferredTo: form.preferredTo,
    audienceSize: num(form.audienceSize),
    contactName: form.contactName,
    phone: form.phone.trim(),
    smsCode: form.smsCode.trim(),
  };
}

/**
 * Checked by the contract. Its two cross-field rules (a unit names itself; the days run forwards) only run once every
 * field passes, so while other rows are wrong they are checked here too, in the contract's words.
 */
export function validateNeed(form: NeedForm): Checked<NeedPostInput, NeedFieldKey> {
  const checked = checkForm(NEED_SPEC, NeedPostInput, toCandidate(form));
  if (checked.ok) return checked;
  const errors = { ...checked.errors };
  if (form.requesterKind && form.requesterKind !== '个人' && form.requesterName.trim().length < 2)
    errors.requesterName ??= NEED_SPEC.hints.requesterName;
  if (form.preferredFrom && form.preferredTo && form.preferredTo < form.preferredFrom) errors.preferredTo ??= DATES_BACKWARDS;
  return { ...checked, errors };
}
