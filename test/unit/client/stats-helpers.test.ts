// 统计报表's periods (Asia/Shanghai dates), the chart's bars from the month series, and what the chart draws.
import { chartBars, statsQuery, type ChartBar } from '../../../src/admin/stats/helpers';
import { ReportOrgStatsInput } from '@contract/report';
import { drawStatsChart, niceMax, type Ctx2D } from '../../../src/admin/stats/chart';
import { COLOR } from '../../../src/styles/colors';

describe('statsQuery', () => {
  it('本月, 上月 and 今年 are named periods: the server decides them on its own clock, not the phone', () => {
    expect(statsQuery('month', {})).toEqual({ period: 'thisMonth' });
    expect(statsQuery('lastMonth', {})).toEqual({ period: 'lastMonth' });
    expect(statsQuery('year', {})).toEqual({ period: 'thisYear' });
  });

  it('自定义 needs both dates, in order', () => {
    expect(statsQuery('custom', { from: '2026-03-01' })).toEqual({ error: '请选择开始和结束日期' });
    expect(statsQuery('custom', { from: '2026-03-02', to: '2026-03-01' })).toEqual({ error: '开始日期不能晚于结束日期' });
    expect(statsQuery('custom', { from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-03-01', to: '2026-03-01' });
  });

  it('every query is a valid request under the contract', () => {
    for (const q of [statsQuery('month', {}), statsQuery('custom', { from: '2026-03-01', to: '2026-03-31' })]) {
      if ('error' in q) throw new Error(q.error);
      expect(ReportOrgStatsInput.safeParse({ orgId: 'lz', ...q }).success).toBe(true);
    }
  });
});

describe('chartBars', () => {
  it('labels months, with the year only when the period spans two; hours to one decimal', () => {
    expect(chartBars([{ month: '2026-10', activities: 1, volunteerTimes: 2, minutes: 150 }])).toEqual([
      { label: '10月', hours: 2.5, times: 2, activities: 1 },
    ]);
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

describe('drawStatsChart', () => {
  /** A context that records the rectangles filled and the texts written, with the colour in use. */
  function recorder() {
    const rects: { colour: string; x: number; y: number; w: number; h: number }[] = [];
    const texts: string[] = [];
    const noop = () => undefined;
    const ctx = {
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 1,
      font: '',
      textAlign: 'left',
      textBaseline: 'alphabetic',
      clearRect: noop,
      beginPath: noop,
      moveTo: noop,
      lineTo: noop,
      stroke: noop,
      arc: noop,
      fill: noop,
      measureText: (t: string) => ({ width: t.length * 11 }),
      fillRect(x: number, y: number, w: number, h: number) {
        rects.push({ colour: String(this.fillStyle), x, y, w, h });
      },
      fillText: (t: string) => void texts.push(t),
    };
    return { ctx: ctx as unknown as Ctx2D, rects, texts };
  }

  it('draws one blue bar a month, as tall as its hours on a round axis, with the month labels and the legend', () => {
    const bars: ChartBar[] = [
      { label: '9月', hours: 5, times: 4, activities: 1 },
      { label: '10月', hours: 2.5, times: 2, activities: 1 },
    ];
    const { ctx, rects, texts } = recorder();
    drawStatsChart(ctx, 300, 200, bars);
    const plotH = 200 - 30 - 26;
    const blue = rects.filter((r) => r.colour === COLOR.primary && r.h > 10);
    expect(blue.map((r) => r.h)).toEqual([plotH, plotH / 2]);
    expect(texts).toEqual(expect.arrayContaining(['服务时长（小时）', '参与人次', '活动场次', '9月', '10月', '2.5', '5']));
  });
});
