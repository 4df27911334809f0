// Asia/Shanghai dates and clock times for both sides: business days are Shanghai dates and times are shown on the
// Shanghai clock, whatever zone the phone or the function runs in. China has kept UTC+8 all year since 1992, so a
// fixed offset is exact for every instant the app records. "Now" is the caller's (the client passes serverNow()).

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The instant's Shanghai wall clock as "YYYY-MM-DDTHH:mm:ss", or '' for an invalid instant. */
function wallClock(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19) : '';
}

/** Milliseconds -> its Shanghai date "YYYY-MM-DD" ('' for an invalid instant). */
export function shanghaiDateOf(ms: number): string {
  return wallClock(ms).slice(0, 10);
}

/** Milliseconds -> ISO-8601 with the +08:00 offset, the wire format of times. */
export function shanghaiIso(ms: number): string {
  const wall = wallClock(ms);
  return wall ? `${wall}+08:00` : '';
}

/** An ISO time as its Shanghai date and "HH:mm", or null for nothing or an unreadable time. */
export function shanghaiParts(iso: string | undefined): { date: string; time: string } | null {
  const wall = iso ? wallClock(Date.parse(iso)) : '';
  return wall ? { date: wall.slice(0, 10), time: wall.slice(11, 16) } : null;
}

/** ISO time -> "09:05" in Shanghai; '' for nothing. */
export const clockOf = (iso: string | undefined): string => shanghaiParts(iso)?.time ?? '';

/** ISO time -> "2026-12-01 09:05" in Shanghai; '' for nothing. */
export function dateTimeOf(iso: string | undefined): string {
  const p = shanghaiParts(iso);
  return p ? `${p.date} ${p.time}` : '';
}

/** A Shanghai date and "HH:mm" -> ISO with offset, as the contract wants. */
export const isoAt = (date: string, hhmm: string): string => `${date}T${hhmm}:00+08:00`;

/** A Shanghai date and "HH:mm" as an instant. */
export const shanghaiInstant = (date: string, hhmm: string): Date => new Date(isoAt(date, hhmm));

/** Why a check-in time may not be sent: it is later than now. */
export const FUTURE_TIME_MESSAGE = '不能填写未来的时间';

/**
 * The refusal a form shows as soon as a time is picked: `FUTURE_TIME_MESSAGE` when "HH:mm" on the Shanghai `date` is
 * later than `now` (ms, the server's clock: the client passes serverNow()), else ''. The server refuses it as well.
 */
export function futureTimeError(date: string, hhmm: string, now: number): string {
  return hhmm && shanghaiInstant(date, hhmm).getTime() > now ? FUTURE_TIME_MESSAGE : '';
}

/** "YYYY-MM-DD" plus `days` (negative: back); an unreadable date is returned as it is. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) return date;
  return new Date(t + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every date from start to end inclusive ("YYYY-MM-DD"), at most `max`. */
export function daysBetween(start: string, end: string, max = 31): string[] {
  const out: string[] = [];
  if (Number.isNaN(Date.parse(`${start}T00:00:00Z`))) return out;
  for (let d = start; out.length < max && d <= end; d = addDays(d, 1)) out.push(d);
  return out;
}

/** "2026-12-01" -> "12月1日" (anything else is returned as it is). */
export function monthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return m && d ? `${m}月${d}日` : date;
}

/** ISO time -> "11月30日 18:00" in Shanghai; '' for nothing. */
export function monthDayTimeOf(iso: string | undefined): string {
  const p = shanghaiParts(iso);
  return p ? `${monthDay(p.date)} ${p.time}` : '';
}

/** "2026-12-01" (to) "2026-12-02" -> "2026-12-01 至 2026-12-02", one date when equal. */
export const dateRange = (start: string, end: string): string => (start === end ? start : `${start} 至 ${end}`);

/** 2026-12-04 → 2026年12月4日, whatever the phone's or the browser's language; anything else is returned as it is. */
export function chineseDateOf(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}
