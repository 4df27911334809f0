// Pure logic of the publish/edit form: state and defaults, the form from an activity, validation by the shared
// contract (ActivityPublishInput, the server's own schema) with the first issue per field, the changed fields of an edit.
import {
  ActivityPublishInput,
  ActivityUpdateInput,
  DEFAULT_DAILY_CAP_MINUTES,
  MAX_DAILY_CAP_MINUTES,
  MAX_RADIUS_M,
  type Activity,
} from '@contract/activity';
import type { ActivityAudience, KeyDay, ServiceCategory, ServiceTarget } from '@contract/enums';
import type { RegionValue } from '../../components/region-picker';
import { serverNow } from '../../services/server-clock';
import { checkForm, type Checked, type FormSpec } from '../../hooks/form-spec';
import type { NeedDraft } from '../../utils/need-draft';
import { DAY_MS, addDays, isoAt, shanghaiDateOf, shanghaiParts } from '@contract/time';

export type ActivityForm = {
  title: string;
  category: ServiceCategory | '';
  description: string;
  serviceTargets: ServiceTarget[];
  keyDay: KeyDay | '';
  region: RegionValue;
  address: string;
  /** GCJ-02, as typed (h5) or picked on the map (weapp). */
  lat: string;
  lng: string;
  radiusM: string;
  startDate: string;
  endDate: string;
  dailyStart: string;
  dailyEnd: string;
  signupStartDate: string;
  signupStartTime: string;
  signupEndDate: string;
  signupEndTime: string;
  capacity: string;
  waitlist: boolean;
  audience: ActivityAudience;
  /** Hours, 0.5–12. */
  dailyCapHours: string;
  riskNotice: string;
  contactName: string;
  contactPhone: string;
};

export const DESCRIPTION_MAX = 2000;
export const RISK_MAX = 500;

/** A new activity: next week 09:00–12:00, signup open from today until 18:00 the day before. */
export function newActivityForm(now = serverNow()): ActivityForm {
  const start = shanghaiDateOf(now + 7 * DAY_MS);
  return {
    title: '',
    category: '',
    description: '',
    serviceTargets: [],
    keyDay: '',
    region: { province: '', city: '', county: '' },
    address: '',
    lat: '',
    lng: '',
    radiusM: String(MAX_RADIUS_M),
    startDate: start,
    endDate: start,
    dailyStart: '09:00',
    dailyEnd: '12:00',
    signupStartDate: shanghaiDateOf(now),
    signupStartTime: '00:00',
    signupEndDate: addDays(start, -1),
    signupEndTime: '18:00',
    capacity: '',
    waitlist: false,
    audience: 'public',
    dailyCapHours: String(DEFAULT_DAILY_CAP_MINUTES / 60),
    riskNotice: '',
    contactName: '',
    contactPhone: '',
  };
}

export function formFromActivity(a: Activity): ActivityForm {
  const signupStart = shanghaiParts(a.signupStartAt);
  const signupEnd = shanghaiParts(a.signupEndAt);
  return {
    title: a.title,
    category: a.category,
    description: a.description,
    serviceTargets: [...a.serviceTargets],
    keyDay: a.keyDay ?? '',
    region: { ...a.region },
    address: a.address,
    lat: String(a.location.lat),
    lng: String(a.location.lng),
    radiusM: String(a.radiusM),
    startDate: a.startDate,
    endDate: a.endDate,
    dailyStart: a.dailyStart,
    dailyEnd: a.dailyEnd,
    signupStartDate: signupStart?.date ?? '',
    signupStartTime: signupStart?.time ?? '',
    signupEndDate: signupEnd?.date ?? '',
    signupEndTime: signupEnd?.time ?? '',
    capacity: String(a.capacity),
    waitlist: a.waitlist,
    audience: a.audience,
    dailyCapHours: String(Math.round((a.dailyCapMinutes / 60) * 100) / 100),
    riskNotice: a.riskNotice ?? '',
    contactName: a.contactName ?? '',
    contactPhone: a.contactPhone ?? '',
  };
}

/**
 * A new activity from an accepted need's draft: its title, category, description, place and preferred days (moved to
 * tomorrow at the earliest, so that signing up can still open); the rest as a new activity has it.
 */
export function formFromNeedDraft(d: NeedDraft, now = serverNow()): ActivityForm {
  const blank = newActivityForm(now);
  const tomorrow = shanghaiDateOf(now + DAY_MS);
  const startDate = d.startDate < tomorrow ? tomorrow : d.startDate;
  const endDate = d.endDate < startDate ? startDate : d.endDate;
  return {
    ...blank,
    title: d.title,
    category: d.category,
    description: d.description.slice(0, DESCRIPTION_MAX),
    region: { ...d.region },
    address: d.address,
    lat: d.location ? String(d.location.lat) : '',
    lng: d.location ? String(d.location.lng) : '',
    startDate,
    endDate,
    signupEndDate: addDays(startDate, -1),
  };
}

/**
 * A patch as the user made it, plus what follows from it: the end date and the signup deadline move with the
 * start date while they still sit where the defaults put them.
 */
export function withFollowers(form: ActivityForm, patch: Partial<ActivityForm>): ActivityForm {
  const next = { ...form, ...patch };
  if (patch.startDate && patch.startDate !== form.startDate) {
    const span = Math.round((Date.parse(form.endDate) - Date.parse(form.startDate)) / 86_400_000);
    if (form.endDate === form.startDate || next.endDate < patch.startDate) next.endDate = addDays(patch.startDate, Math.max(0, span));
    if (form.signupEndDate === addDays(form.startDate, -1)) next.signupEndDate = addDays(patch.startDate, -1);
  }
  return next;
}

/** Form rows in page order: the first one with an error is scrolled into view. */
export const ACTIVITY_FIELDS = [
  'title',
  'category',
  'description',
  'serviceTargets',
  'keyDay',
  'region',
  'address',
  'location',
  'radiusM',
  'startDate',
  'endDate',
  'dailyStart',
  'dailyEnd',
  'signupStartAt',
  'signupEndAt',
  'capacity',
  'waitlist',
  'audience',
  'dailyCapMinutes',
  'riskNotice',
  'contactName',
  'contactPhone',
] as const;
export type ActivityFieldKey = (typeof ACTIVITY_FIELDS)[number];
export type ActivityErrors = Partial<Record<ActivityFieldKey, string>>;

/** The rows of the form and where refusals go (hooks/use-contract-form). */
export const ACTIVITY_SPEC: FormSpec<ActivityFieldKey> = {
  order: ACTIVITY_FIELDS,
  always: ['category'],
  codes: {
    'ACTIVITY.CAPACITY_BELOW_ENROLLED': { field: 'capacity' },
    'AUTH.FORBIDDEN': { banner: true, say: '只有本队负责人或管理员可以发布和修改活动' },
    // The need was linked meanwhile (a second publish) or is no longer this team's.
    'NEED.STATE_CHANGED': { banner: true },
    'NEED.NOT_FOUND': { banner: true },
  },
  // Nested paths (region.city, location.lat) carry format rules; the row's hint says what to do.
  hints: {
    title: '请填写活动名称（4-40字）',
    category: '请选择服务类别',
    description: '请填写活动介绍（至少10字）',
    serviceTargets: '请选择服务对象',
    keyDay: '请选择重点节日',
    region: '请选择活动所在地区（省、市、区县）',
    address: '请填写活动地址',
    location: process.env.TARO_ENV === 'weapp' ? '请在地图上选择活动位置' : '请填写正确的纬度（-90~90）和经度（-180~180）',
    radiusM: `签到范围为50-${MAX_RADIUS_M}米`,
    startDate: '请选择开始日期',
    endDate: '请选择结束日期',
    dailyStart: '请选择每日开始时间',
    dailyEnd: '请选择每日结束时间',
    signupStartAt: '请选择报名开始日期和时间',
    signupEndAt: '请选择报名截止日期和时间',
    capacity: '请填写招募人数',
    waitlist: '请选择是否允许候补',
    audience: '请选择参加对象',
    dailyCapMinutes: `每日时长上限为0.5-${MAX_DAILY_CAP_MINUTES / 60}小时`,
    riskNotice: `风险提示最多${RISK_MAX}字`,
    contactName: '联系人最多20字',
    contactPhone: '联系电话最多20位',
  },
};

/** '' and junk become NaN, which the contract refuses with its number rules. */
const num = (s: string) => (s.trim() === '' ? NaN : Number(s.trim()));
const instant = (date: string, time: string) => (date && time ? isoAt(date, time) : '');

/** The form in the contract's shape (not yet validated); optional text left empty is `undefined` when publishing. */
export function toCandidate(form: ActivityForm, orgId: string, forUpdate = false, needId?: string): Record<string, unknown> {
  const optional = (s: string) => (s.trim() === '' && !forUpdate ? undefined : s.trim());
  const capHours = num(form.dailyCapHours);
  return {
    orgId,
    title: form.title,
    category: form.category || undefined,
    description: form.description,
    serviceTargets: form.serviceTargets,
    keyDay: form.keyDay || undefined,
    region: form.region,
    address: form.address,
    location: { lat: num(form.lat), lng: num(form.lng) },
    radiusM: num(form.radiusM),
    startDate: form.startDate,
    endDate: form.endDate,
    dailyStart: form.dailyStart,
    dailyEnd: form.dailyEnd,
    signupStartAt: instant(form.signupStartDate, form.signupStartTime),
    signupEndAt: instant(form.signupEndDate, form.signupEndTime),
    capacity: num(form.capacity),
    waitlist: form.waitlist,
    audience: form.audience,
    dailyCapMinutes: Number.isNaN(capHours) ? NaN : Math.round(capHours * 60),
    riskNotice: optional(form.riskNotice),
    contactName: optional(form.contactName),
    contactPhone: optional(form.contactPhone),
    ...(needId ? { needId } : {}),
  };
}

export type Validation<T> = Checked<T, ActivityFieldKey>;

/** `needId`: the accepted need the activity serves. */
export const validatePublish = (form: ActivityForm, orgId: string, needId?: string): Validation<ActivityPublishInput> =>
  checkForm(ACTIVITY_SPEC, ActivityPublishInput, toCandidate(form, orgId, false, needId));

export const NOTHING_CHANGED = '没有需要保存的修改';

/** Checks the whole activity as the server will (schedule rules included), then keeps only what changed. */
export function validateUpdate(
  form: ActivityForm,
  original: ActivityForm,
  activityId: string,
  orgId: string,
): Validation<ActivityUpdateInput> {
  const whole = validatePublish(form, orgId);
  if (!whole.ok) return whole;
  const now = toCandidate(form, orgId, true);
  const before = toCandidate(original, orgId, true);
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(now)) {
    if (key !== 'orgId' && value !== undefined && JSON.stringify(value) !== JSON.stringify(before[key])) changed[key] = value;
  }
  if (Object.keys(changed).length === 0) return { ok: false, errors: {}, banner: NOTHING_CHANGED };
  return checkForm(ACTIVITY_SPEC, ActivityUpdateInput, { activityId, ...changed });
}
