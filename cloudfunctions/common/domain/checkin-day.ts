// The rules of a day record (API.md, "Rules for a day record"): which scans a day accepts, which scan counts,
// and how many minutes a day credits. The window's rule and the daily cap live here and nowhere else; its two lengths
// are constants of types/checkin, which the messages are built from.
import { shanghaiInstant } from '@contract/activity';
import {
  SCAN_OPENS_BEFORE_START_MIN,
  SHORT_SIGN_OUT_MIN,
  SIGN_OUT_CLOSES_AFTER_END_MIN,
  UNDO_SIGN_OUT_MIN,
  type CheckinKind,
} from '@contract/checkin';
import { dayBefore, shanghaiDate } from './shanghai-time';

/** The 60/180-minute window (types/checkin, where the screens' and the refusal's wording is built from it too). */
export { SCAN_OPENS_BEFORE_START_MIN, SIGN_OUT_CLOSES_AFTER_END_MIN };

const MIN_MS = 60_000;

/** The schedule fields the rules read; an activity document has them all. */
export interface DaySchedule {
  /** First and last service day, Asia/Shanghai `YYYY-MM-DD`. */
  startDate: string;
  endDate: string;
  /** Daily service hours, Asia/Shanghai `HH:mm`, dailyStart < dailyEnd. */
  dailyStart: string;
  dailyEnd: string;
}
export interface CreditSchedule extends DaySchedule {
  dailyCapMinutes: number;
}

export interface ScanWindow {
  date: string;
  /** The service hours of that day. */
  dayStart: Date;
  dayEnd: Date;
  /** Scans of either kind are accepted from here. */
  opensAt: Date;
  /** Last instant a sign-in is accepted (= dayEnd). */
  signInUntil: Date;
  /** Last instant a sign-out is accepted (= dayEnd + 180 min). */
  signOutUntil: Date;
}

const isScheduled = (s: DaySchedule, date: string) => date >= s.startDate && date <= s.endDate;

/** The window of a scheduled day, or undefined when `date` is not one of the activity's days. Edges are inclusive. */
export function scanWindow(schedule: DaySchedule, date: string): ScanWindow | undefined {
  if (!isScheduled(schedule, date)) return undefined;
  const dayStart = shanghaiInstant(date, schedule.dailyStart);
  const dayEnd = shanghaiInstant(date, schedule.dailyEnd);
  return {
    date,
    dayStart,
    dayEnd,
    opensAt: new Date(dayStart.getTime() - SCAN_OPENS_BEFORE_START_MIN * MIN_MS),
    signInUntil: dayEnd,
    signOutUntil: new Date(dayEnd.getTime() + SIGN_OUT_CLOSES_AFTER_END_MIN * MIN_MS),
  };
}

export type ScanTimeCheck = { ok: true; date: string } | { ok: false; reason: 'OUTSIDE_WINDOW'; date: string };

/**
 * Whether a scan at `at` is accepted, and the day it belongs to: the Asia/Shanghai date of `at` (16:00Z is already
 * tomorrow), except a sign-out after midnight that falls within the 180 minutes after the previous day's end: that
 * belongs to the previous day, the day of its sign-in (a day ending 22:30 takes sign-outs until 01:30).
 */
export function checkScanTime(schedule: DaySchedule, kind: CheckinKind, at: Date): ScanTimeCheck {
  const t = at.getTime();
  const accepts = (date: string) => {
    const w = scanWindow(schedule, date);
    if (!w) return false;
    const until = kind === 'in' ? w.signInUntil : w.signOutUntil;
    return t >= w.opensAt.getTime() && t <= until.getTime();
  };
  const date = shanghaiDate(at);
  if (accepts(date)) return { ok: true, date };
  const previous = dayBefore(date);
  if (kind === 'out' && accepts(previous)) return { ok: true, date: previous };
  return { ok: false, reason: 'OUTSIDE_WINDOW', date };
}

/** The instant cut to its whole minute (08:00:59.9 → 08:00:00): what every screen shows. */
const wholeMinute = (at: Date) => Math.floor(at.getTime() / MIN_MS) * MIN_MS;

/**
 * Minutes credited for a day: both times are first cut to the whole minute (a sign-in at 08:00:00.2 counts as 08:00,
 * as every screen shows it), then the overlap of [sign-in minute, sign-out minute] with that day's
 * [dailyStart, dailyEnd], capped at `dailyCapMinutes`. 0 without a sign-out, when signing out no later than
 * signing in, or on a date that is not one of the activity's days.
 */
export function creditedMinutes(schedule: CreditSchedule, date: string, signInAt?: Date, signOutAt?: Date): number {
  if (!signInAt || !signOutAt || !isScheduled(schedule, date)) return 0;
  const from = Math.max(wholeMinute(signInAt), shanghaiInstant(date, schedule.dailyStart).getTime());
  const to = Math.min(wholeMinute(signOutAt), shanghaiInstant(date, schedule.dailyEnd).getTime());
  if (!(to > from)) return 0;
  return Math.min(Math.floor((to - from) / MIN_MS), Math.max(0, schedule.dailyCapMinutes));
}

/**
 * Whether a volunteer's sign-out at `at` should be confirmed first: sooner than SHORT_SIGN_OUT_MIN after the day's
 * sign-in, or before the day's dailyStart (nothing credited yet). Answers the minutes it would credit, or undefined
 * when it needs no confirmation.
 */
export function shortSignOut(schedule: CreditSchedule, date: string, signInAt: Date, at: Date): { minutes: number } | undefined {
  const early = at.getTime() - signInAt.getTime() < SHORT_SIGN_OUT_MIN * MIN_MS;
  const beforeStart = isScheduled(schedule, date) && at.getTime() < shanghaiInstant(date, schedule.dailyStart).getTime();
  return early || beforeStart ? { minutes: creditedMinutes(schedule, date, signInAt, at) } : undefined;
}

export type UndoSignOutCheck = { ok: true } | { ok: false; reason: 'NOT_SIGNED_OUT' | 'NOT_OWN' | 'EXPIRED' };

/**
 * Whether a volunteer may undo the day's sign-out at `now`: there is one, it was their own scan (not an admin's scan,
 * adjustment or batch sign-out), and it is less than UNDO_SIGN_OUT_MIN old (5 min exactly is too late).
 */
export function canUndoSignOut(record: { signOutAt?: Date; ownSignOutAts: Date[] } | undefined, now: Date): UndoSignOutCheck {
  if (!record?.signOutAt) return { ok: false, reason: 'NOT_SIGNED_OUT' };
  const at = record.signOutAt.getTime();
  // Own: a sign-out echo of the volunteer's scan at that very instant (an admin's scan, adjustment or batch sign-out has none).
  if (!record.ownSignOutAts.some((own) => own.getTime() === at)) return { ok: false, reason: 'NOT_OWN' };
  return now.getTime() - at < UNDO_SIGN_OUT_MIN * MIN_MS ? { ok: true } : { ok: false, reason: 'EXPIRED' };
}

/** The times of a day record that scans decide. */
export interface DayTimes {
  signInAt?: Date;
  signOutAt?: Date;
}

/**
 * What a scan does to a day record.
 * - `write: 'none'`: nothing changes (a repeated sign-in, or a sign-out no later than the stored one); `repeated` is true.
 * - `write: 'insert'`: the day's first sign-in; create the record. A duplicate-id failure means a concurrent
 *   sign-in won: read it and apply again.
 * - `write: 'update'`: write `changes` as one conditional update, so that a concurrent scan is never overwritten:
 *   `signInAt` only where the record has none; `signOutAt` only where the stored one is absent or earlier than `at`.
 */
export type ScanStep =
  | { ok: true; write: 'none'; repeated: true; next: DayTimes; changes: Record<string, never> }
  | { ok: true; write: 'insert'; repeated: false; next: DayTimes; changes: { signInAt: Date } }
  | { ok: true; write: 'update'; repeated: false; next: DayTimes; changes: { signInAt: Date } | { signOutAt: Date } }
  | { ok: false; reason: 'NOT_SIGNED_IN' };

/**
 * The next state of a day record after a scan of `kind` at `at`: the first sign-in counts, the latest sign-out
 * counts, a sign-out with no sign-in is NOT_SIGNED_IN. Minutes follow from `creditedMinutes` on `next`.
 */
export function applyScan(record: DayTimes | undefined, kind: CheckinKind, at: Date): ScanStep {
  const current: DayTimes = {
    ...(record?.signInAt ? { signInAt: record.signInAt } : {}),
    ...(record?.signOutAt ? { signOutAt: record.signOutAt } : {}),
  };
  if (kind === 'in') {
    if (current.signInAt) return { ok: true, write: 'none', repeated: true, next: current, changes: {} };
    const next = { ...current, signInAt: at };
    return record
      ? { ok: true, write: 'update', repeated: false, next, changes: { signInAt: at } }
      : { ok: true, write: 'insert', repeated: false, next, changes: { signInAt: at } };
  }
  if (!current.signInAt) return { ok: false, reason: 'NOT_SIGNED_IN' };
  if (current.signOutAt && current.signOutAt.getTime() >= at.getTime())
    return { ok: true, write: 'none', repeated: true, next: current, changes: {} };
  return { ok: true, write: 'update', repeated: false, next: { ...current, signOutAt: at }, changes: { signOutAt: at } };
}

/**
 * The id of the record of (activity, volunteer, date), e.g. `act1_oAbC-123_20261201`, so that a scan is one read
 * plus one conditional write and a concurrent first sign-in fails on the unique id. Activity ids are database ids
 * (no `_`), which keeps the id unambiguous whatever characters an openid has.
 */
export function dayRecordId(activityId: string, openid: string, date: string): string {
  return `${activityId}_${openid}_${date.replace(/-/g, '')}`;
}

/**
 * Whether a day record counts as a 服务日: it credits time (a day without a sign-out, or signed out before any
 * credited minute, is no 服务日) and its activity was not cancelled. 我的时长, 我的 and the reports count with this.
 */
export function isServiceDay(record: { minutes?: number | null }, activityCancelled = false): boolean {
  return !activityCancelled && (record.minutes ?? 0) > 0;
}

/** How many of the records are 服务日 (isServiceDay). */
export function serviceDayCount<R extends { minutes?: number | null }>(
  records: readonly R[],
  cancelled: (r: R) => boolean = () => false,
): number {
  return records.filter((r) => isServiceDay(r, cancelled(r))).length;
}

/** Whether the daily cap, not the times, set the minutes a day credits (its change log says "按每日上限计"). */
export function capBinds(schedule: CreditSchedule, date: string, signInAt?: Date, signOutAt?: Date): boolean {
  if (!signInAt || !signOutAt || !isScheduled(schedule, date)) return false;
  const from = Math.max(wholeMinute(signInAt), shanghaiInstant(date, schedule.dailyStart).getTime());
  const to = Math.min(wholeMinute(signOutAt), shanghaiInstant(date, schedule.dailyEnd).getTime());
  return to > from && Math.floor((to - from) / MIN_MS) > Math.max(0, schedule.dailyCapMinutes);
}
