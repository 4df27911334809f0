// 集体注册 (附件2 of the Changzhou notice): the template's columns and how one row becomes a volunteer profile, or every
// problem of the row in Chinese, each under its column's header.
import { areaList } from './area-list';
import { z } from 'zod';
import { PhoneSchema, type Region } from '@contract/common';
import {
  EDUCATIONS,
  ETHNICITIES,
  FOUR_HEADS,
  OCCUPATIONS,
  POLITICAL_STATUSES,
  SERVICE_CATEGORIES,
  SERVICE_FIELDS,
  TITLES,
  type Gender,
} from '@contract/enums';
import { genderMismatch, idGender } from '@contract/id-number';
import { IdNumberSchema, ProfileFields } from '@contract/user';

export const IMPORT_COLUMNS = [
  { key: 'seq', header: '序号', width: 6 },
  { key: 'realName', header: '真实姓名', width: 10 },
  { key: 'phone', header: '手机号', width: 14 },
  { key: 'gender', header: '性别', width: 6, options: ['男', '女'] },
  { key: 'idNumber', header: '身份证号', width: 21 },
  { key: 'politicalStatus', header: '政治面貌', width: 12, options: POLITICAL_STATUSES },
  { key: 'ethnicity', header: '民族', width: 10, options: ETHNICITIES },
  { key: 'employer', header: '工作单位', width: 20 },
  { key: 'title', header: '职称', width: 8, options: TITLES },
  { key: 'education', header: '最高学历', width: 12, options: EDUCATIONS },
  { key: 'occupation', header: '从业类别', width: 12, options: OCCUPATIONS },
  { key: 'province', header: '所在区域省', width: 12 },
  { key: 'city', header: '所在区域市', width: 12 },
  { key: 'county', header: '所在区域县', width: 12 },
  { key: 'serviceCategories', header: '服务类别', width: 24, multi: SERVICE_CATEGORIES },
  { key: 'serviceFields', header: '服务领域或行业', width: 24, multi: SERVICE_FIELDS },
  { key: 'fourHeads', header: '是否为基层“四长”', width: 14, options: FOUR_HEADS },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** The profile a row must make; 性别 may be blank (the ID number gives it), the region is resolved from its names apart. */
export const ImportRow = ProfileFields.omit({ skills: true, availableTimes: true, region: true }).extend({
  gender: ProfileFields.shape.gender.optional(),
  phone: PhoneSchema,
  idNumber: IdNumberSchema,
});
export type ImportRow = z.infer<typeof ImportRow> & { region: Region; gender: Gender };

const splitMulti = (cell: string) =>
  cell
    .replace(/[□☐☑✓√■]/g, ' ')
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const REGION_SUFFIX = /(省|市|自治区|特别行政区|区|县|自治州|地区|盟)$/;

function codeOf(list: Record<string, string>, name: string, prefix = ''): string | undefined {
  const hit = Object.entries(list).find(
    ([code, n]) => code.startsWith(prefix) && (n === name || n.replace(REGION_SUFFIX, '') === name.replace(REGION_SUFFIX, '')),
  );
  return hit?.[0];
}

type RegionLookup = { ok: true; region: Region } | { ok: false; column: ImportColumnKey; name: string };

/** GB/T 2260 codes for 省/市/县 names as people type them ("甘肃省"/"甘肃"), or the first level that is not found. */
function lookUpRegion(province: string, city: string, county: string): RegionLookup {
  const tables = areaList();
  const p = codeOf(tables.province_list, province);
  if (!p) return { ok: false, column: 'province', name: province };
  const c = codeOf(tables.city_list, city, p.slice(0, 2));
  if (!c) return { ok: false, column: 'city', name: city };
  const k = codeOf(tables.county_list, county, c.slice(0, 4));
  if (!k) return { ok: false, column: 'county', name: county };
  return { ok: true, region: { province: p, city: c, county: k } };
}

/** GB/T 2260 codes for 省/市/县 names; undefined if any is unknown. */
export function regionCodes(province: string, city: string, county: string): Region | undefined {
  const r = lookUpRegion(province, city, county);
  return r.ok ? r.region : undefined;
}

/** A problem of one cell: the template's header and what is wrong, in Chinese. */
export type CellError = { column: string; message: string };
export type RowParse = { ok: true; value: ImportRow } | { ok: false; errors: CellError[]; message: string };

const headerOf = (key: ImportColumnKey) => IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key;
const hasChinese = (s: string) => /[\u4e00-\u9fa5]/.test(s);
/** Repeats what was typed, shortened: the admin sees which entry is meant. */
const quoted = (v: unknown) => {
  const text = String(v ?? '');
  return `“${text.length > 20 ? `${text.slice(0, 20)}…` : text}”`;
};
/** Short lists are named in full; a long one (民族) points at the drop-down. */
function notAnOption(column: (typeof IMPORT_COLUMNS)[number], received: unknown[]): string {
  const options = 'options' in column ? column.options : 'multi' in column ? column.multi : [];
  const hint = options.length > 0 && options.length <= 12 ? `可填：${options.join('、')}` : '请从下拉菜单中选择';
  return `${received.map(quoted).join('、')}不在选项中（${hint}）`;
}

/** The issues of one column in the words of the template, never zod's English: all values not in its list, else its first problem. */
function cellMessage(issues: z.ZodIssue[], column: (typeof IMPORT_COLUMNS)[number]): string {
  const notOptions = issues.flatMap((i) => (i.code === z.ZodIssueCode.invalid_enum_value ? [i.received] : []));
  if (notOptions.length > 0) return notAnOption(column, notOptions);
  const issue = issues[0];
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return issue.received === 'undefined' ? '未填写' : '格式不正确';
    case z.ZodIssueCode.too_small:
      if (hasChinese(issue.message)) return issue.message;
      return issue.type === 'array' ? '未填写' : `至少${String(issue.minimum)}个字`;
    case z.ZodIssueCode.too_big:
      if (hasChinese(issue.message)) return issue.message;
      return issue.type === 'array' ? `最多${String(issue.maximum)}项` : `最多${String(issue.maximum)}个字`;
    default:
      return hasChinese(issue.message) ? issue.message : '填写有误';
  }
}

/** One sheet row (cells as text, keyed by column) → a validated profile, or every problem, each named by its column. */
export function parseImportRow(cells: Partial<Record<ImportColumnKey, string>>): RowParse {
  const get = (k: ImportColumnKey) => (cells[k] ?? '').trim();
  const optional = (k: ImportColumnKey) => get(k) || undefined;
  const found: { key: ImportColumnKey; message: string }[] = [];

  const region = lookUpRegion(get('province'), get('city'), get('county'));
  if (!region.ok)
    found.push({ key: region.column, message: region.name ? `${quoted(region.name)}无法识别，请填写省、市、县（区）的全称` : '未填写' });
  const gender = get('gender');
  const candidate = {
    realName: get('realName'),
    phone: get('phone'),
    gender: gender === '男' ? 'male' : gender === '女' ? 'female' : gender || undefined,
    idNumber: get('idNumber'),
    politicalStatus: optional('politicalStatus'),
    ethnicity: optional('ethnicity'),
    employer: optional('employer'),
    title: optional('title'),
    education: get('education') || undefined,
    occupation: optional('occupation'),
    serviceCategories: splitMulti(get('serviceCategories')),
    serviceFields: get('serviceFields') ? splitMulti(get('serviceFields')) : undefined,
    fourHeads: optional('fourHeads'),
  };
  const parsed = ImportRow.safeParse(candidate);
  if (!parsed.success) {
    for (const column of IMPORT_COLUMNS) {
      const issues = parsed.error.issues.filter((i) => i.path[0] === column.key);
      if (issues.length > 0) found.push({ key: column.key, message: cellMessage(issues, column) });
    }
  }
  // The number is the record of the sex: a 性别 that disagrees is an error (whatever else is wrong), a blank one is filled from it.
  const stated = candidate.gender === 'male' || candidate.gender === 'female' ? candidate.gender : undefined;
  const mismatch = genderMismatch(stated, candidate.idNumber);
  if (mismatch) found.push({ key: 'gender', message: mismatch });

  if (!parsed.success || !region.ok || found.length > 0) {
    const order = (k: ImportColumnKey) => IMPORT_COLUMNS.findIndex((c) => c.key === k);
    const errors: CellError[] = [];
    for (const f of [...found].sort((a, b) => order(a.key) - order(b.key))) {
      const e = { column: headerOf(f.key), message: f.message };
      if (!errors.some((x) => x.column === e.column && x.message === e.message)) errors.push(e);
    }
    if (errors.length === 0) errors.push({ column: '整行', message: '填写有误' });
    return { ok: false, errors, message: errors.map((e) => `${e.column}：${e.message}`).join('；') };
  }
  return { ok: true, value: { ...parsed.data, region: region.region, gender: idGender(parsed.data.idNumber) } };
}
