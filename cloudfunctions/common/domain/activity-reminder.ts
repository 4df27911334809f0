// The day-before reminder: sent on the Asia/Shanghai day before an activity's first day, not before 08:00 there.
import { shanghaiDate } from './shanghai-time';

/** No reminders in the night: the timer starts sending at this Shanghai hour. */
export const REMIND_FROM_HOUR = 8;
const HOUR_MS = 3_600_000;

/** The startDate whose activities are due a reminder at `now`, or undefined before REMIND_FROM_HOUR. */
export function reminderDateAt(now: Date): string | undefined {
  // Shanghai is UTC+8 all year: its hour of day is the UTC hour shifted by 8.
  const hour = new Date(now.getTime() + 8 * HOUR_MS).getUTCHours();
  if (hour < REMIND_FROM_HOUR) return undefined;
  return shanghaiDate(new Date(now.getTime() + 24 * HOUR_MS));
}
