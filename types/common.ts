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
export const PERIOD_LABEL: Record<Period, string> = { thisMonth: '本月', lastMonth: '上月', last3Months: '近三个月', thisYear: '今年', lastYear: '去年' };

/** ISO-8601 with offset, e.g. 2026-11-22T09:00:00+08:00 or …Z. */
export const IsoTimeSchema = z.string().datetime({ offset: true });

const regionCode = z.string().regex(/^\d{6}$/, '行政区划代码为6位数字');
/** GB/T 2260 codes of a province, city and county. */
export const RegionSchema = z
  .object({ province: regionCode, city: regionCode, county: regionCode })
  .refine((r) => r.city.slice(0, 2) === r.province.slice(0, 2) && r.county.slice(0, 4) === r.city.slice(0, 4), {
    message: '所在地区的省、市、县不一致',
  });
export type Region = z.infer<typeof RegionSchema>;

export const ListInput = z.object({
  page: z.number().int().min(1).optional(),
  pageSize: z.number().int().min(1).max(50).optional(),
});
export const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int() });

/** Actions without input; unknown keys are dropped (CloudBase adds `userInfo` to every event). */
export const Empty = z.object({});
