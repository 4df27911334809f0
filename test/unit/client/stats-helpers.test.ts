// 统计报表's periods (Asia/Shanghai dates) and the chart's bars from the month series.
import { chartBars, statsRange } from '../../../src/admin/stats/helpers';
import { niceMax } from '../../../src/admin/stats/chart';

describe('statsRange', () => {
  it('本月 runs to today; 上月 is the whole previous month, across a year end and in a leap February', () => {
    expect(statsRange('month', '2026-11-23', {})).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(statsRange('lastMonth', '2026-11-23', {})).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(statsRange('lastMonth', '2027-01-05', {})).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(statsRange('lastMonth', '2028-03-01', {})).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(statsRange('year', '2026-11-23', {})).toEqual({ from: '2026-01-01', to: '2026-11-23' });
  });

  it('自定义 needs both dates, in order', () => {
    expect(statsRange('custom', '2026-11-23', { from: '2026-03-01' })).toEqual({ error: '请选择开始和结束日期' });
    expect(statsRange('custom', '2026-11-23', { from: '2026-03-02', to: '2026-03-01' })).toEqual({ error: '开始日期不能晚于结束日期' });
    expect(statsRange('custom', '2026-11-23', { from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-03-01', to: '2026-03-01' });
  });
});

describe('chartBars', () => {
  it('labels months, with the year only when the period spans two; hours to one decimal', () => {
    expect(chartBars([{ month: '2026-10', activities: 1, volunteerTimes: 2, minutes: 150 }])).toEqual([{ label: '10月', hours: 2.5, times: 2 }]);
    expect(
      chartBars([
        { month: '2025-12', activities: 0, volunteerTimes: 0, minutes: 0 },
        { month: '2026-01', activities: 2, volunteerTimes: 3, minutes: 100 },
      ]).map((b) => [b.label, b.hours]),
    ).toEqual([
      ['25年12月', 0],
      ['26年1月', 1.7],
    ]);
  });

  it('the axis tops out at a round number above the largest value', () => {
    expect([0, 0.4, 1, 2.5, 7, 10, 130].map(niceMax)).toEqual([1, 0.5, 1, 5, 10, 10, 200]);
  });
});
