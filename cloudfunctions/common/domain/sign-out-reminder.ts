// The sign-out reminder: on each day of an activity, from SIGN_OUT_REMINDER_BEFORE_END_MIN before `dailyEnd` until
// `dailyEnd` (Asia/Shanghai), everyone still signed in is reminded to scan the sign-out code when they leave.
import { SIGN_OUT_REMINDER_BEFORE_END_MIN } from '@contract/checkin';
import { clockOf, shanghaiIso } from '@contract/time';
import { shanghaiDate } from './shanghai-time';

const MIN_MS = 60_000;

export interface ReminderSchedule {
  startDate: string;
  endDate: string;
  dailyEnd: string;
}

/**
 * The window of `dailyEnd` values whose reminder is due at `now`, on the Shanghai date of `now`: due when
 * `endsAfter < dailyEnd <= endsBy` (HH:mm compared as text), i.e. dailyEnd − 30 min <= now < dailyEnd to the minute.
 */
export function signOutReminderWindow(now: Date): { date: string; endsAfter: string; endsBy: string } {
  const date = shanghaiDate(now);
  const later = new Date(now.getTime() + SIGN_OUT_REMINDER_BEFORE_END_MIN * MIN_MS);
  // A window running past midnight takes every end left in the day ("24:00" is after any HH:mm).
  const endsBy = shanghaiDate(later) === date ? clockOf(shanghaiIso(later.getTime())) : '24:00';
  return { date, endsAfter: clockOf(shanghaiIso(now.getTime())), endsBy };
}

/** The date whose sign-out reminder is due at `now` for the activity, or undefined (not a day of it, or not in time). */
export function signOutReminderDateAt(a: ReminderSchedule, now: Date): string | undefined {
  const { date, endsAfter, endsBy } = signOutReminderWindow(now);
  if (date < a.startDate || date > a.endDate) return undefined;
  return a.dailyEnd > endsAfter && a.dailyEnd <= endsBy ? date : undefined;
}
