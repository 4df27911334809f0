// How activities read on cards and pages: dates and daily hours, Shanghai times, distances.
import { ACTIVITY_PHASES, ACTIVITY_PHASE_LABEL, type ActivityPhase } from '../../types/enums';
import type { Activity } from '../../types/activity';
import { serverNow } from '../services/server-clock';

/** 2026-12-01 -> 12月1日 */
export function monthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return m && d ? `${m}月${d}日` : date;
}

/** Single day: 12月1日 09:00-12:00; several days: 12月1日—12月2日 每天09:00-17:00. */
export function formatSchedule(a: Pick<Activity, 'startDate' | 'endDate' | 'dailyStart' | 'dailyEnd'>): string {
  const hours = `${a.dailyStart}-${a.dailyEnd}`;
  if (a.startDate === a.endDate) return `${monthDay(a.startDate)} ${hours}`;
  return `${monthDay(a.startDate)}—${monthDay(a.endDate)} 每天${hours}`;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as Asia/Shanghai parts (UTC+8 all year), whatever the phone's time zone. */
export function shanghaiParts(iso: string): { date: string; time: string } | null {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const d = new Date(t + SHANGHAI_OFFSET_MS);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** 2026-11-30T10:00:00Z -> 11月30日 18:00 */
export function formatShanghaiTime(iso: string): string {
  const p = shanghaiParts(iso);
  return p ? `${monthDay(p.date)} ${p.time}` : '';
}

/** 11月20日 00:00 至 11月30日 18:00 */
export function formatSignupWindow(a: Pick<Activity, 'signupStartAt' | 'signupEndAt'>): string {
  return `${formatShanghaiTime(a.signupStartAt)} 至 ${formatShanghaiTime(a.signupEndAt)}`;
}

/** 850 -> 850m, 3240 -> 3.2km, 25400 -> 25km */
export function formatDistance(m: number): string {
  if (m < 1000) return `${Math.max(0, Math.round(m))}m`;
  const km = m / 1000;
  return km < 10 ? `${km.toFixed(1)}km` : `${Math.round(km)}km`;
}

/** Today in Asia/Shanghai as YYYY-MM-DD, `days` later. */
export function shanghaiDate(days = 0, now = serverNow()): string {
  return shanghaiParts(new Date(now + days * 86_400_000).toISOString())?.date ?? '';
}

/** Tabs of a list by phase: 全部 first, then the phases given (labels from types/enums). */
export type PhaseTab = 'all' | ActivityPhase;
export function phaseTabs(phases: readonly ActivityPhase[]): { key: PhaseTab; title: string }[] {
  return [{ key: 'all', title: '全部' }, ...phases.map((p) => ({ key: p, title: ACTIVITY_PHASE_LABEL[p] }))];
}
/** The square shows what volunteers can look for; cancelled activities appear only under 全部. */
export const SQUARE_PHASES: readonly ActivityPhase[] = ['recruiting', 'closed', 'ongoing', 'ended'];
/** My lists (我参加的, 我发布的) show every phase, 已取消 included. */
export const ALL_PHASES: readonly ActivityPhase[] = ACTIVITY_PHASES;
export const phaseOf = (tab: PhaseTab): ActivityPhase | undefined => (tab === 'all' ? undefined : tab);
