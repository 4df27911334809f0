// How activities read on cards and pages: the schedule, the signup window and the tabs by phase (times from types/time).
import { ACTIVITY_PHASES, ACTIVITY_PHASE_LABEL, type ActivityPhase } from '@contract/enums';
import type { Activity } from '@contract/activity';
import { monthDay, monthDayTimeOf } from '@contract/time';

/** Single day: 12月1日 09:00-12:00; several days: 12月1日—12月2日 每天09:00-17:00. */
export function formatSchedule(a: Pick<Activity, 'startDate' | 'endDate' | 'dailyStart' | 'dailyEnd'>): string {
  const hours = `${a.dailyStart}-${a.dailyEnd}`;
  if (a.startDate === a.endDate) return `${monthDay(a.startDate)} ${hours}`;
  return `${monthDay(a.startDate)}—${monthDay(a.endDate)} 每天${hours}`;
}

/** 11月20日 00:00 至 11月30日 18:00 */
export function formatSignupWindow(a: Pick<Activity, 'signupStartAt' | 'signupEndAt'>): string {
  return `${monthDayTimeOf(a.signupStartAt)} 至 ${monthDayTimeOf(a.signupEndAt)}`;
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

/**
 * What the square's list header says of its order (activity.list, domain/square-order): on 全部 under way first, then
 * open for signup, each by start time or, with 附近, by distance; a phase tab by distance only when 附近 is on.
 */
export function squareOrderNote(tab: PhaseTab, near: boolean): string {
  if (tab !== 'all') return near ? '按距离由近到远' : '';
  return near ? '进行中优先，其次报名中，各按距离由近到远' : '进行中优先，其次报名中，各按开始时间';
}
