// Shapes shared by every function: the answer envelope, lists, dates, phones, regions.
import { z } from 'zod';
import type { ErrorCodeValue } from './errors';

/** Every answer carries the server's clock (`serverTime`, ISO): the app takes "now" and "today" from it, not from the phone. */
export type Ok<T> = { ok: true; data: T; serverTime?: string };
export type Fail = { ok: false; code: ErrorCodeValue; message: string; details?: unknown; serverTime?: string };
export type Result<T> = Ok<T> | Fail;

export const PhoneSchema = z.string().regex(/^1[3-9]\d{9}$/, '请输入11位手机号');
export const SmsCodeSchema = z.string().regex(/^\d{6}$/, '验证码为6位数字');
/** Whether "YYYY-MM-DD" names a day that exists (no 2027-02-30, no 02-29 in a common year, no 04-31). */
export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
/** YYYY-MM-DD, a calendar date in Asia/Shanghai that exists. */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD')
  .refine(isCalendarDate, (s) => ({ message: `日期不存在：${s.slice(0, 10)}` }));
/**
 * Named periods, resolved on the server in Asia/Shanghai from its own clock (a phone's clock may be wrong): the
 * answer carries the dates it used. thisMonth/thisYear/last3Months end today; the others are whole months/years.
 */
export const PERIODS = ['thisMonth', 'lastMonth', 'last3Months', 'thisYear', 'lastYear'] as const;
export type Period = (typeof PERIODS)[number];
export const PeriodSchema = z.enum(PERIODS);
/**
 * Bounds of every report period (explicit dates or named): nothing before 2000-01-01, at most 10 years long, and, by
 * the server's clock, nothing after the end of next year (a period ending in 9999 once made a 69 MB answer).
 */
export const PERIOD_EARLIEST = '2000-01-01';
export const PERIOD_MAX_YEARS = 10;
/** The day after `from`'s date 10 years on: the first day a period starting on `from` may not reach. */
export const periodLimit = (from: string) => `${String(Number(from.slice(0, 4)) + PERIOD_MAX_YEARS).padStart(4, '0')}${from.slice(4)}`;
/** What is wrong with a period's dates regardless of the clock (checked again on the server with it), or undefined. */
export function periodDatesProblem(v: { from?: string; to?: string }): string | undefined {
  if ((v.from && v.from < PERIOD_EARLIEST) || (v.to && v.to < PERIOD_EARLIEST)) return '统计期间不能早于2000年1月1日';
  if (v.from && v.to && v.to >= periodLimit(v.from)) return `统计期间最长${PERIOD_MAX_YEARS}年`;
  return undefined;
}
export const PERIOD_LABEL: Record<Period, string> = {
  thisMonth: '本月',
  lastMonth: '上月',
  last3Months: '近三个月',
  thisYear: '今年',
  lastYear: '去年',
};

/** The instants the app deals in (activities, scans, reviews) lie within these years. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;
/** ISO-8601 with offset, e.g. 2026-11-22T09:00:00+08:00 or …Z: a time that exists (no 02-30, no +25:00) in 2000–2099. */
export const IsoTimeSchema = z
  .string()
  .datetime({ offset: true, message: '时间格式应为ISO-8601（含时区）' })
  .refine(
    (s) => {
      const at = Date.parse(s);
      return Number.isFinite(at) && at >= Date.UTC(MIN_YEAR, 0, 1) && at < Date.UTC(MAX_YEAR + 1, 0, 1);
    },
    (s) => ({ message: `时间不存在或超出范围：${s.slice(0, 25)}` }),
  );

const regionCode = z.string().regex(/^\d{6}$/, '行政区划代码为6位数字');
/** GB/T 2260 codes of a province, city and county. */
export const RegionSchema = z
  .object({ province: regionCode, city: regionCode, county: regionCode })
  .refine((r) => r.city.slice(0, 2) === r.province.slice(0, 2) && r.county.slice(0, 4) === r.city.slice(0, 4), {
    message: '所在地区的省、市、县不一致',
  });
export type Region = z.infer<typeof RegionSchema>;

/** A search keyword: up to 40 characters of plain text (a NUL or other control character cannot be searched for). */
export const KeywordSchema = z
  .string()
  .trim()
  .max(40, '搜索关键词最多40个字')
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), '搜索关键词包含无效字符');

/** Free text typed by a person: trimmed, at most `max` characters; line breaks and tabs are kept, other control characters are not text. */
export const plainText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what}最多${max}字`)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), `${what}中含有无法显示的字符`);

/** Far pages cost the database a long skip and hold nothing anyone browses to. */
export const MAX_PAGE = 1000;
export const ListInput = z.object({
  page: z.number().int().min(1).max(MAX_PAGE, `页码最大为${MAX_PAGE}`).optional(),
  pageSize: z.number().int().min(1).max(50).optional(),
});
export const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int() });

/** Actions without input; unknown keys are dropped (CloudBase adds `userInfo` to every event). */
export const Empty = z.object({});
