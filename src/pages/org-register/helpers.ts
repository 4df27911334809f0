// Pure logic of the team registration form: state, validation by the shared contract, server errors per field, the name proposal.
import { ORG_NAME_PATTERN, OrgRegisterInput } from '../../../types/org';
import type { OrgLevel, ServiceCategory, SupervisorType } from '../../../types/enums';
import type { RegionValue } from '../../components/region-picker';
import { cityName, countyName, provinceName } from '../../utils/region';

export type OrgForm = {
  parentId: string;
  parentName: string;
  name: string;
  level: OrgLevel | '';
  region: RegionValue;
  intro: string;
  contactName: string;
  contactPhone: string;
  serviceCategories: ServiceCategory[];
  registeredWithCivilAffairs: boolean;
  supervisorType: SupervisorType | '';
  foundedAt: string;
};

export const EMPTY_ORG_FORM: OrgForm = {
  parentId: '',
  parentName: '',
  name: '',
  level: '',
  region: { province: '', city: '', county: '' },
  intro: '',
  contactName: '',
  contactPhone: '',
  serviceCategories: [],
  registeredWithCivilAffairs: false,
  supervisorType: '',
  foundedAt: '',
};

export const INTRO_MAX = 100;
export const NAME_EXAMPLE = '如：兰州市科技志愿服务队、XX学会科技志愿服务分队';

/** Form rows in page order: the first one with an error is scrolled into view. */
export const ORG_FIELD_ORDER = [
  'parentId',
  'level',
  'region',
  'name',
  'intro',
  'contactName',
  'contactPhone',
  'serviceCategories',
  'registeredWithCivilAffairs',
  'supervisorType',
  'foundedAt',
] as const;
export type OrgFieldKey = (typeof ORG_FIELD_ORDER)[number];
export type OrgFieldErrors = Partial<Record<OrgFieldKey, string>>;

/** Shown when the contract's own message is not meant for people (zod's English defaults, code formats). */
const FIELD_MESSAGE: Record<OrgFieldKey, string> = {
  parentId: '请选择上级队伍',
  level: '请选择队伍层级',
  region: '请选择所在地区（省、市、区县）',
  name: '请填写队伍名称',
  intro: `请填写队伍简介，最多${INTRO_MAX}字`,
  contactName: '请填写联系人姓名',
  contactPhone: '请输入11位手机号',
  serviceCategories: '至少选择一个服务类别',
  registeredWithCivilAffairs: '请选择是否在民政部门登记',
  supervisorType: '请选择主管单位类型',
  foundedAt: '请选择成立日期',
};

const hasChinese = (s: string) => /[\u4e00-\u9fa5]/.test(s);

/** The form as the contract's input (not yet validated). */
export function toCandidate(form: OrgForm): Record<string, unknown> {
  return {
    name: form.name,
    parentId: form.parentId,
    level: form.level,
    region: form.region,
    intro: form.intro,
    contactName: form.contactName,
    contactPhone: form.contactPhone.trim(),
    serviceCategories: form.serviceCategories,
    registeredWithCivilAffairs: form.registeredWithCivilAffairs,
    supervisorType: form.supervisorType || undefined,
    foundedAt: form.foundedAt || undefined,
  };
}

type IssueLike = { path: ReadonlyArray<string | number>; message: string };

function messageFor(field: OrgFieldKey, issue: IssueLike): string {
  if (field === 'level' || field === 'supervisorType') return FIELD_MESSAGE[field];
  if (field === 'region' && issue.path.length > 1) return FIELD_MESSAGE.region;
  // A blank name reads better as "请填写…" than as the pattern rule.
  if (field === 'name' && issue.message === '队伍名称过短') return FIELD_MESSAGE.name;
  return hasChinese(issue.message) ? issue.message : FIELD_MESSAGE[field];
}

/** The first issue per field, in Chinese. */
export function fieldErrorsFromIssues(issues: ReadonlyArray<IssueLike>): OrgFieldErrors {
  const errors: OrgFieldErrors = {};
  for (const issue of issues) {
    const head = issue.path[0];
    const field = (ORG_FIELD_ORDER as ReadonlyArray<unknown>).includes(head) ? (head as OrgFieldKey) : undefined;
    if (field && !errors[field]) errors[field] = messageFor(field, issue);
  }
  return errors;
}

export type OrgValidation = { ok: true; input: OrgRegisterInput } | { ok: false; errors: OrgFieldErrors };

export function validateOrgForm(form: OrgForm): OrgValidation {
  const result = OrgRegisterInput.safeParse(toCandidate(form));
  if (result.success) return { ok: true, input: result.data };
  return { ok: false, errors: fieldErrorsFromIssues(result.error.issues) };
}

export function firstOrgErrorField(errors: OrgFieldErrors): OrgFieldKey | undefined {
  return ORG_FIELD_ORDER.find((f) => errors[f]);
}

/**
 * The seeds' naming pattern for a region and level: a 总队 takes the province's name, a 支队 the city's,
 * lower levels the county's (the city's until a county is chosen). Empty until both are chosen.
 */
export function suggestName(region: RegionValue, level: OrgForm['level']): string {
  if (!level || !region.province) return '';
  const place =
    level === '总队'
      ? provinceName(region.province)
      : level === '支队'
        ? cityName(region.city)
        : countyName(region.county) || cityName(region.city);
  if (!place) return '';
  const name = `${place}科技志愿服务${level}`;
  return ORG_NAME_PATTERN.test(name) ? name : '';
}

function isIssueList(details: unknown): details is IssueLike[] {
  return (
    Array.isArray(details) &&
    details.every((d) => typeof d === 'object' && d !== null && Array.isArray((d as IssueLike).path) && typeof (d as IssueLike).message === 'string')
  );
}

export type OrgErrorView = { fields: OrgFieldErrors; banner?: string; needsRegistration?: boolean };

/** Where a failed registration's message belongs: next to a field, or in the banner above the submit button. */
export function explainOrgRegisterError(code: string, message: string, details: unknown): OrgErrorView {
  switch (code) {
    case 'ORG.NAME_TAKEN':
      return { fields: { name: message || '队伍名称已被使用' } };
    case 'ORG.PARENT_NOT_FOUND':
    case 'ORG.NOT_FOUND':
      return { fields: { parentId: '上级队伍不存在或未通过审核，请重新选择' } };
    case 'USER.NOT_REGISTERED':
      return { fields: {}, banner: '注册成为科技志愿者后才能申请注册队伍', needsRegistration: true };
    case 'VALIDATION': {
      const fields = isIssueList(details) ? fieldErrorsFromIssues(details) : {};
      return Object.keys(fields).length ? { fields } : { fields, banner: message };
    }
    default:
      return { fields: {}, banner: message };
  }
}
