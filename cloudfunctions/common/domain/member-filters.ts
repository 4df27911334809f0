// 成员管理's filters as dates and lookups: what a search text asks for (a name, a whole phone, a phone's last 4 digits),
// the window of 近90天活跃, the span of "this year" and the instants a join-date filter covers, all in Asia/Shanghai.
import { addDays, shanghaiInstant } from '@contract/time';
import { ACTIVE_MEMBER_DAYS } from '@contract/org';
import { shanghaiDate } from './shanghai-time';

export type MemberQuery = { kind: 'name'; text: string } | { kind: 'phone'; phone: string } | { kind: 'tail'; digits: string };

/** A search text (already valid by the contract): 11 digits are a phone, 4 digits a phone's end, anything else a name. */
export function memberQuery(q: string | undefined): MemberQuery | undefined {
  const text = (q ?? '').trim();
  if (!text) return undefined;
  if (/^\d{11}$/.test(text)) return { kind: 'phone', phone: text };
  if (/^\d{4}$/.test(text)) return { kind: 'tail', digits: text };
  return { kind: 'name', text };
}

/** 近90天活跃: the dates of the last ACTIVE_MEMBER_DAYS days, today (the server's, Asia/Shanghai) included. */
export function activeWindow(now: Date): { from: string; to: string } {
  const today = shanghaiDate(now);
  return { from: addDays(today, -(ACTIVE_MEMBER_DAYS - 1)), to: today };
}

/** This calendar year in Asia/Shanghai by the server's clock: 1 January to 31 December. */
export function yearOf(now: Date): { from: string; to: string; year: number } {
  const year = Number(shanghaiDate(now).slice(0, 4));
  return { from: `${year}-01-01`, to: `${year}-12-31`, year };
}

/** The instants of a join-date filter: from 00:00 of its first day to 00:00 after its last (exclusive); open ends stay open. */
export function joinedSpan(from: string | undefined, to: string | undefined): { from?: Date; before?: Date } | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from ? { from: shanghaiInstant(from, '00:00') } : {}),
    ...(to ? { before: shanghaiInstant(addDays(to, 1), '00:00') } : {}),
  };
}
