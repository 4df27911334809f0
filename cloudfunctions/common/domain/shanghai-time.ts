// Business days are Asia/Shanghai dates while functions run in UTC: every conversion lives here.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { periodDatesProblem, type Period } from '@contract/common';
import { addDays, shanghaiDateOf, shanghaiIso } from '@contract/time';
import { AppError, ErrorCode } from '../errors';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TZ = 'Asia/Shanghai';

/**
 * China has kept UTC+8 all year since 1992 (daylight saving ended in 1991): instants from then on are shifted by a
 * fixed offset, which is what reports over tens of thousands of records need (dayjs's tz plugin formats through Intl,
 * about 0.1 ms a call). Earlier instants go through the time-zone database.
 */
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const fixedOffset = (at: Date) => at.getTime() >= FIXED_OFFSET_SINCE;

/** YYYY-MM-DD of the instant in Asia/Shanghai (types/time, shared with the mini program). */
export function shanghaiDate(at: Date): string {
  return fixedOffset(at) ? shanghaiDateOf(at.getTime()) : dayjs(at).tz(TZ).format('YYYY-MM-DD');
}

/** ISO-8601 with the +08:00 offset, the wire format of times. */
export function toIso(at: Date): string {
  return fixedOffset(at) ? shanghaiIso(at.getTime()) : dayjs(at).tz(TZ).format('YYYY-MM-DDTHH:mm:ssZ');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of the month `back` months before the month of `date` (0: its own month). */
export function monthStart(date: string, back = 0): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - back;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

/** The day before a date ("2028-03-01" → "2028-02-29"). */
export const dayBefore = (date: string): string => addDays(date, -1);

export interface DateRange {
  from: string;
  to: string;
}

/** A named period on the Shanghai date of `now`: the server's clock decides what 本月 or 去年 is. */
export function periodRange(period: Period, now: Date): DateRange {
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  switch (period) {
    case 'thisMonth':
      return { from: monthStart(today), to: today };
    case 'lastMonth':
      return { from: monthStart(today, 1), to: dayBefore(monthStart(today)) };
    case 'last3Months':
      return { from: monthStart(today, 2), to: today };
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** The last day a period may reach at `now`: the end of next year in Asia/Shanghai. */
export function latestPeriodEnd(now: Date): string {
  return `${Number(shanghaiDate(now).slice(0, 4)) + 1}-12-31`;
}

/** What is wrong with a period at `now` (before 2000, longer than 10 years, past the end of next year), or undefined. */
export function periodProblem(range: Partial<DateRange>, now: Date): string | undefined {
  const latest = latestPeriodEnd(now);
  if ((range.from && range.from > latest) || (range.to && range.to > latest)) return `统计期间不能晚于${latest.slice(0, 4)}年12月31日`;
  return periodDatesProblem(range);
}

/**
 * The dates a request means: its named period resolved at `now`, else its own dates (either may be open). Every
 * period a function reads goes through here, so a period out of bounds is refused (VALIDATION) before any query.
 */
export function requestedRange(input: { period?: Period; from?: string; to?: string }, now: Date): Partial<DateRange> {
  const range = input.period
    ? periodRange(input.period, now)
    : { ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) };
  const problem = periodProblem(range, now);
  if (problem) throw new AppError(ErrorCode.VALIDATION, problem, { latest: latestPeriodEnd(now) });
  return range;
}
