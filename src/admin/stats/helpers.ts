// 统计报表's period tabs → the report period (Asia/Shanghai dates), and the chart's numbers from OrgStats.series.
import { monthStart } from '../../utils/checkin-time';
import type { OrgStats } from '../../../types/report';

export type StatsPeriod = 'month' | 'lastMonth' | 'year' | 'custom';
export const STATS_PERIODS: { key: StatsPeriod; title: string }[] = [
  { key: 'month', title: '本月' },
  { key: 'lastMonth', title: '上月' },
  { key: 'year', title: '今年' },
  { key: 'custom', title: '自定义' },
];

export type Range = { from: string; to: string };

/** The day before `date` ("2026-03-01" → "2026-02-28"). */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The period of a tab on `today`, or what to fix in a custom range. */
export function statsRange(period: StatsPeriod, today: string, custom: Partial<Range>): Range | { error: string } {
  switch (period) {
    case 'month':
      return { from: monthStart(today, 0), to: today };
    case 'lastMonth':
      return { from: monthStart(today, 1), to: dayBefore(monthStart(today, 0)) };
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    default:
      if (!custom.from || !custom.to) return { error: '请选择开始和结束日期' };
      if (custom.from > custom.to) return { error: '开始日期不能晚于结束日期' };
      return { from: custom.from, to: custom.to };
  }
}

/** Minutes as hours to one decimal (150 → 2.5). */
export const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

export type ChartBar = { label: string; hours: number; times: number };

/** One bar a month: "11月" (with the year when the period spans two), hours to one decimal, 人次. */
export function chartBars(series: OrgStats['series']): ChartBar[] {
  const years = new Set(series.map((s) => s.month.slice(0, 4)));
  return series.map((s) => ({
    label: years.size > 1 ? `${s.month.slice(2, 4)}年${Number(s.month.slice(5, 7))}月` : `${Number(s.month.slice(5, 7))}月`,
    hours: hoursOf(s.minutes),
    times: s.volunteerTimes,
  }));
}
