// Check-in times as the screens show and send them: business days and clock times are Asia/Shanghai (UTC+8,
// no daylight saving) whatever zone the phone is set to, and "today" is the server's.
import { serverNow } from '../services/server-clock';

const SHANGHAI_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The instant as its Shanghai wall clock, read through the UTC getters. */
const wall = (ms: number) => new Date(ms + SHANGHAI_MS);

/** ISO time -> "09:05" in Shanghai; '' for nothing. */
export function clockOf(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = wall(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** ISO time -> "2026-12-01 09:05" in Shanghai. */
export function dateTimeOf(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return `${dateOf(ms)} ${clockOf(iso)}`;
}

/** Milliseconds -> its Shanghai date "YYYY-MM-DD". */
export function dateOf(ms: number): string {
  const d = wall(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Today in Shanghai by the server's clock. */
export const shanghaiToday = () => dateOf(serverNow());

/** A Shanghai date and "HH:mm" -> ISO with offset, as the contract wants. */
export const isoAt = (date: string, hhmm: string) => `${date}T${hhmm}:00+08:00`;

/** Every date from start to end inclusive ("YYYY-MM-DD"), at most `max`. */
export function daysBetween(start: string, end: string, max = 31): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${start}T00:00:00Z`); out.length < max; ms += 86_400_000) {
    const d = new Date(ms).toISOString().slice(0, 10);
    if (d > end) break;
    out.push(d);
  }
  return out;
}

/** "2026-12-01" -> "12月1日". */
export function shortDate(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** "2026-12-01" (to) "2026-12-02" -> "2026-12-01 至 2026-12-02", one date when equal. */
export const dateRange = (start: string, end: string) => (start === end ? start : `${start} 至 ${end}`);

/** Metres as people read them: "850米", "5.2公里". */
export function distanceText(m: number): string {
  if (m < 1000) return `${Math.round(m)}米`;
  const km = m / 1000;
  return `${km >= 10 ? Math.round(km) : Number(km.toFixed(1))}公里`;
}
