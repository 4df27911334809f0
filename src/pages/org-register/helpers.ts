// Pure logic of the team registration form: state, its rows (validated by the shared contract, server errors per row), the name proposal.
import { ORG_NAME_PATTERN, OrgRegisterInput, orgLevelsBelow } from '@contract/org';
import type { OrgLevel, ServiceCategory, SupervisorType } from '@contract/enums';
import type { RegionValue } from '../../components/region-picker';
import { cityName, countyName, provinceName } from '../../utils/region';
import { checkForm, type Checked, type FormSpec } from '../../hooks/form-spec';

export type OrgForm = {
  parentId: string;
  parentName: string;
  /** The parent's level once chosen: the team takes a level below it. */
  parentLevel: OrgLevel | '';
  name: string;
  level: OrgLevel | '';
  region: RegionValue;
  intro: string;
  contactName: string;
  /** '' leaves the applicant's own phone (`ownPhoneMasked`) as the contact phone. */
  contactPhone: string;
  /** The applicant's phone as the app shows it; the server fills it in full when `contactPhone` is left blank. */
  ownPhoneMasked: string;
  serviceCategories: ServiceCategory[];
  registeredWithCivilAffairs: boolean;
  supervisorType: SupervisorType | '';
  foundedAt: string;
};

export const EMPTY_ORG_FORM: OrgForm = {
  parentId: '',
  parentName: '',
  parentLevel: '',
  name: '',
  level: '',
  region: { province: '', city: '', county: '' },
  intro: '',
  contactName: '',
  contactPhone: '',
  ownPhoneMasked: '',
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

/** The rows of the form and where refusals go (hooks/use-contract-form). */
export const ORG_SPEC: FormSpec<OrgFieldKey> = {
  order: ORG_FIELD_ORDER,
  hints: {
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
  },
  always: ['level', 'supervisorType'],
  // A blank or short name reads better as "请填写…" than as the length rule.
  hintWhen: (field, issue) => field === 'name' && issue.code === 'too_small',
  codes: {
    'ORG.NAME_TAKEN': { field: 'name', say: '队伍名称已被使用' },
    'ORG.PARENT_NOT_FOUND': { field: 'parentId', say: '上级队伍不存在或未通过审核，请重新选择', always: true },
    'ORG.NOT_FOUND': { field: 'parentId', say: '上级队伍不存在或未通过审核，请重新选择', always: true },
    'USER.NOT_REGISTERED': { banner: true, say: '注册成为科技志愿者后才能申请注册队伍', always: true },
  },
};

/** The form as the contract's input (not yet validated). */
export function toCandidate(form: OrgForm): Record<string, unknown> {
  return {
    name: form.name,
    parentId: form.parentId,
    level: form.level,
    region: form.region,
    intro: form.intro,
    contactName: form.contactName,
    contactPhone: form.contactPhone.trim() || (form.ownPhoneMasked ? undefined : ''),
    serviceCategories: form.serviceCategories,
    registeredWithCivilAffairs: form.registeredWithCivilAffairs,
    supervisorType: form.supervisorType || undefined,
    foundedAt: form.foundedAt || undefined,
  };
}

export const validateOrgForm = (form: OrgForm): Checked<OrgRegisterInput, OrgFieldKey> =>
  checkForm(ORG_SPEC, OrgRegisterInput, toCandidate(form));

/** The levels offered under the chosen parent (all until one is chosen), and the level kept when the parent changes. */
export function levelOptions(parentLevel: OrgForm['parentLevel']): OrgLevel[] {
  return orgLevelsBelow(parentLevel || undefined);
}

/** The form after choosing a parent: a level no longer below it is cleared. */
export function withParent(form: OrgForm, parent: { _id: string; name: string; level: OrgLevel }): Partial<OrgForm> {
  const level = form.level && levelOptions(parent.level).includes(form.level) ? form.level : '';
  return { parentId: parent._id, parentName: parent.name, parentLevel: parent.level, level };
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
