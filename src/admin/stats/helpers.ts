// 统计报表's period tabs → what the report asks for (a named period the server resolves, or custom dates), and the
// chart's numbers from OrgStats.series.
import type { Period } from '@contract/common';
import type { OrgStats } from '@contract/report';

export type StatsPeriod = 'month' | 'lastMonth' | 'year' | 'custom';
export const STATS_PERIODS: { key: StatsPeriod; title: string }[] = [
  { key: 'month', title: '本月' },
  { key: 'lastMonth', title: '上月' },
  { key: 'year', title: '今年' },
  { key: 'custom', title: '自定义' },
];

export type Range = { from: string; to: string };
/** What a report is asked for: a named period (本月 is decided by the server's clock, not the phone's) or dates. */
export type PeriodQuery = { period: Period } | Range;

const NAMED: Record<Exclude<StatsPeriod, 'custom'>, Period> = { month: 'thisMonth', lastMonth: 'lastMonth', year: 'thisYear' };

/** The query of a tab, or what to fix in a custom range. */
export function statsQuery(period: StatsPeriod, custom: Partial<Range>): PeriodQuery | { error: string } {
  if (period !== 'custom') return { period: NAMED[period] };
  if (!custom.from || !custom.to) return { error: '请选择开始和结束日期' };
  if (custom.from > custom.to) return { error: '开始日期不能晚于结束日期' };
  return { from: custom.from, to: custom.to };
}

/** Minutes as hours to one decimal (150 → 2.5). */
export const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

export type ChartBar = { label: string; hours: number; times: number; activities: number };

/** One bar a month: "11月" (with the year when the period spans two), hours to one decimal, 人次 and 场次. */
export function chartBars(series: OrgStats['series']): ChartBar[] {
  const years = new Set(series.map((s) => s.month.slice(0, 4)));
  return series.map((s) => ({
    label: years.size > 1 ? `${s.month.slice(2, 4)}年${Number(s.month.slice(5, 7))}月` : `${Number(s.month.slice(5, 7))}月`,
    hours: hoursOf(s.minutes),
    times: s.volunteerTimes,
    activities: s.activities,
  }));
}

/**
 * The chart's bars for a report: one a day when the server sent days (a month or less: 本月 is a month of days, not
 * one bar), labelled "4日" (or "11/4" when the days span two months); otherwise one a month.
 */
export function reportBars(stats: Pick<OrgStats, 'series' | 'days'>): { unit: 'day' | 'month'; bars: ChartBar[] } {
  if (!stats.days) return { unit: 'month', bars: chartBars(stats.series) };
  const months = new Set(stats.days.map((d) => d.date.slice(0, 7)));
  return {
    unit: 'day',
    bars: stats.days.map((d) => ({
      label: months.size > 1 ? `${Number(d.date.slice(5, 7))}/${Number(d.date.slice(8, 10))}` : `${Number(d.date.slice(8, 10))}日`,
      hours: hoursOf(d.minutes),
      times: d.volunteerTimes,
      activities: d.activities,
    })),
  };
}
