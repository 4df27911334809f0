// 我的时长 filters as myHours input (the preset periods are named for the server to resolve on its own clock), and what the summary counts.
import type { CheckinMyHoursInput, CheckinMyHoursOutput } from '@contract/checkin';

export type Period = 'all' | 'month' | 'quarter' | 'year' | 'custom';
export const PERIODS: { key: Period; title: string }[] = [
  { key: 'all', title: '全部' },
  { key: 'month', title: '本月' },
  { key: 'quarter', title: '近三个月' },
  { key: 'year', title: '今年' },
  { key: 'custom', title: '自定义' },
];

export type Filters = { period: Period; from: string; to: string; orgId: string };

/** The query of the filters, or an error to show instead (a custom range the wrong way round). */
export function hoursQuery(f: Filters): { input: CheckinMyHoursInput } | { error: string } {
  const org = f.orgId ? { orgId: f.orgId } : {};
  switch (f.period) {
    case 'month':
      return { input: { period: 'thisMonth', ...org } };
    case 'quarter':
      return { input: { period: 'last3Months', ...org } };
    case 'year':
      return { input: { period: 'thisYear', ...org } };
    case 'custom':
      if (f.from && f.to && f.from > f.to) return { error: '开始日期不能晚于结束日期' };
      return { input: { ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}), ...org } };
    default:
      return { input: org };
  }
}

/** Days shown whose activity was cancelled: listed, but outside the total. */
export function cancelledDays(hours: Pick<CheckinMyHoursOutput, 'days'>): number {
  return hours.days.filter((d) => d.activityCancelled === true).length;
}

/** Activity titles the hours named while the app runs: a scan kept offline is labelled by them even when the hours cannot load. */
const knownTitles = new Map<string, string>();

export function rememberTitles(hours: Pick<CheckinMyHoursOutput, 'days'>): void {
  for (const d of hours.days) knownTitles.set(d.activityId, d.title);
}

export const knownTitle = (activityId: string | undefined): string | undefined => (activityId ? knownTitles.get(activityId) : undefined);
