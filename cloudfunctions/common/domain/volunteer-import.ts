// 集体注册 (附件2 of the Changzhou notice): the template's columns and how one row becomes a volunteer profile.
import { areaList } from '@vant/area-data';
import { z } from 'zod';
import { PhoneSchema } from '../../../types/common';
import { EDUCATIONS, ETHNICITIES, FOUR_HEADS, OCCUPATIONS, POLITICAL_STATUSES, SERVICE_CATEGORIES, SERVICE_FIELDS, TITLES } from '../../../types/enums';
import { IdNumberSchema, ProfileFields } from '../../../types/user';

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

export const ImportRow = ProfileFields.omit({ skills: true, availableTimes: true }).extend({ phone: PhoneSchema, idNumber: IdNumberSchema });
export type ImportRow = z.infer<typeof ImportRow>;

const splitMulti = (cell: string) =>
  cell
    .replace(/[□☐☑✓√■]/g, ' ')
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function codeOf(list: Record<string, string>, name: string, prefix = ''): string | undefined {
  const hit = Object.entries(list).find(([code, n]) => code.startsWith(prefix) && (n === name || n.replace(/(省|市|自治区|特别行政区|区|县|自治州|地区|盟)$/, '') === name.replace(/(省|市|自治区|特别行政区|区|县|自治州|地区|盟)$/, '')));
  return hit?.[0];
}

/** GB/T 2260 codes for 省/市/县 names as people type them ("甘肃省"/"甘肃"); undefined if any is unknown. */
export function regionCodes(province: string, city: string, county: string): { province: string; city: string; county: string } | undefined {
  const p = codeOf(areaList.province_list, province);
  const c = p && codeOf(areaList.city_list, city, p.slice(0, 2));
  const k = c && codeOf(areaList.county_list, county, c.slice(0, 4));
  return p && c && k ? { province: p, city: c, county: k } : undefined;
}

export type RowParse = { ok: true; value: ImportRow } | { ok: false; message: string };

/** One sheet row (cells as text, keyed by column) → a validated profile, or the first problem in Chinese. */
export function parseImportRow(cells: Partial<Record<ImportColumnKey, string>>): RowParse {
  const get = (k: ImportColumnKey) => (cells[k] ?? '').trim();
  const region = regionCodes(get('province'), get('city'), get('county'));
  if (!region) return { ok: false, message: `所在区域“${get('province')}${get('city')}${get('county')}”无法识别` };
  const optional = (k: ImportColumnKey) => get(k) || undefined;
  const candidate = {
    realName: get('realName'),
    phone: get('phone'),
    gender: get('gender') === '男' ? 'male' : get('gender') === '女' ? 'female' : get('gender'),
    idNumber: get('idNumber'),
    politicalStatus: optional('politicalStatus'),
    ethnicity: optional('ethnicity'),
    employer: optional('employer'),
    title: optional('title'),
    education: get('education'),
    occupation: optional('occupation'),
    region,
    serviceCategories: splitMulti(get('serviceCategories')),
    serviceFields: get('serviceFields') ? splitMulti(get('serviceFields')) : undefined,
    fourHeads: optional('fourHeads'),
  };
  const parsed = ImportRow.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const column = IMPORT_COLUMNS.find((c) => c.key === issue.path[0])?.header ?? String(issue.path[0] ?? '');
    return { ok: false, message: `${column}：${issue.message}` };
  }
  return { ok: true, value: parsed.data };
}
