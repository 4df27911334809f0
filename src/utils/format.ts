// Display formats shared by pages.
import { serverNow } from '../services/server-clock';
import { dateOf } from './checkin-time';

/** 125 -> 2小时5分钟 */
export function formatMinutes(total: number): string {
  const m = Math.max(0, Math.floor(total));
  return `${Math.floor(m / 60)}小时${m % 60}分钟`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO time -> 2026-11-22 09:05 in the phone's time zone (Asia/Shanghai for our users). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today as YYYY-MM-DD in Asia/Shanghai by the server's clock (the end of date pickers). */
export const todayDate = (): string => dateOf(serverNow());
