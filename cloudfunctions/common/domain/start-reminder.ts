// The hour-before reminder: on each day of an activity, from START_REMINDER_BEFORE_START_MIN before `dailyStart` until
// `dailyStart` (Asia/Shanghai), every enrolled volunteer is reminded that the day is about to start; never after it.
import { START_REMINDER_BEFORE_START_MIN } from '@contract/activity';
import { clockOf, shanghaiIso } from '@contract/time';
import { shanghaiDate } from './shanghai-time';

const MIN_MS = 60_000;

export interface StartSchedule {
  startDate: string;
  endDate: string;
  dailyStart: string;
}

/** The `dailyStart` values of `date` whose reminder is due: `startsAfter < dailyStart <= startsBy` (HH:mm as text). */
export interface StartReminderWindow {
  date: string;
  startsAfter: string;
  startsBy: string;
}

/**
 * The windows of starts due a reminder at `now`: dailyStart − 60 min <= now < dailyStart to the minute. One window,
 * or two when the hour ahead runs past midnight (the rest of today, then the start of tomorrow).
 */
export function startReminderWindows(now: Date): StartReminderWindow[] {
  const date = shanghaiDate(now);
  const later = new Date(now.getTime() + START_REMINDER_BEFORE_START_MIN * MIN_MS);
  const laterDate = shanghaiDate(later);
  const from = clockOf(shanghaiIso(now.getTime()));
  const by = clockOf(shanghaiIso(later.getTime()));
  if (laterDate === date) return [{ date, startsAfter: from, startsBy: by }];
  // "24:00" is after any HH:mm and "" before any: the two halves of an hour that crosses midnight.
  return [
    { date, startsAfter: from, startsBy: '24:00' },
    { date: laterDate, startsAfter: '', startsBy: by },
  ];
}

/** The date whose start the activity is due a reminder of at `now`, or undefined (not a day of it, or not in time). */
export function startReminderDateAt(a: StartSchedule, now: Date): string | undefined {
  const due = startReminderWindows(now).find(
    (w) => w.date >= a.startDate && w.date <= a.endDate && a.dailyStart > w.startsAfter && a.dailyStart <= w.startsBy,
  );
  return due?.date;
}
