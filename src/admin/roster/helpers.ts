// 签到名单: which day to open first and the day's head counts (the 现场签到 console's line among them).
import type { RosterEntry } from '@contract/checkin';

/** Today when the activity runs today, else its last day already begun, else its first day. */
export function defaultDay(days: string[], today: string): string {
  if (days.includes(today)) return today;
  const past = days.filter((d) => d < today);
  return past.length ? past[past.length - 1] : (days[0] ?? today);
}

export type DayCounts = { enrolled: number; signedIn: number; signedOut: number; open: number; absent: number };

export function dayCounts(rows: RosterEntry[]): DayCounts {
  const absent = rows.filter((r) => r.status === 'absent').length;
  return {
    enrolled: rows.length,
    signedIn: rows.length - absent,
    signedOut: rows.filter((r) => r.signOutAt !== undefined).length,
    open: rows.filter((r) => r.status === 'open').length,
    absent,
  };
}

/** The console's line: 已签到 12/30 · 已签退 3. */
export const consoleLine = (c: DayCounts): string => `已签到 ${c.signedIn}/${c.enrolled} · 已签退 ${c.signedOut}`;
