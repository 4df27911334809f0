// 签到名单: which day to open first and the day's head counts.
import type { RosterEntry } from '@contract/checkin';

/** Today when the activity runs today, else its last day already begun, else its first day. */
export function defaultDay(days: string[], today: string): string {
  if (days.includes(today)) return today;
  const past = days.filter((d) => d < today);
  return past.length ? past[past.length - 1] : (days[0] ?? today);
}

export type DayCounts = { enrolled: number; signedIn: number; open: number; absent: number };

export function dayCounts(rows: RosterEntry[]): DayCounts {
  const absent = rows.filter((r) => r.status === 'absent').length;
  return { enrolled: rows.length, signedIn: rows.length - absent, open: rows.filter((r) => r.status === 'open').length, absent };
}
