// 统计报表's periods (Asia/Shanghai dates), the chart's bars from the month series, and what the chart draws.
import { chartBars, reportBars, statsQuery, type ChartBar } from '../../../src/admin/stats/helpers';
import { ReportOrgStatsInput } from '@contract/report';
import { PANEL_H, drawStatsChart, niceMax, type Ctx2D } from '../../../src/admin/stats/chart';
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

  it('one panel per figure, each on its own round axis: hours in blue, 人次 in orange, 场次 in green', () => {
    const bars: ChartBar[] = [
      { label: '9月', hours: 5, times: 4, activities: 1 },
      { label: '10月', hours: 2.5, times: 2, activities: 1 },
    ];
    const { ctx, rects, texts } = recorder();
    drawStatsChart(ctx, 300, 3 * PANEL_H, bars);
    const plotH = PANEL_H - 22 - 20;
    const tall = (colour: string) => rects.filter((r) => r.colour === colour && r.w > 10).map((r) => r.h);
    expect(tall(COLOR.primary)).toEqual([plotH, plotH / 2]);
    // 人次 (4, 2) on an axis of 5, 场次 (1, 1) on an axis of 1: counts do not squash under hours.
    expect(tall(COLOR.accent)).toEqual([(4 / 5) * plotH, (2 / 5) * plotH]);
    expect(tall(COLOR.chartGreen)).toEqual([plotH, plotH]);
    expect(texts).toEqual(expect.arrayContaining(['服务时长（小时）', '参与人次', '活动场次', '9月', '10月', '2.5', '5', '4']));
    // Each panel labels its own axis top: 5 (hours), 5 (人次), 1 (场次).
    expect(texts.filter((t) => t === '1').length).toBeGreaterThan(0);
  });

  it('本月 is drawn by day: one bar a day, labelled 1日 … 30日', () => {
    const days = Array.from({ length: 30 }, (_, i) => ({
      date: `2026-11-${String(i + 1).padStart(2, '0')}`,
      activities: i === 9 ? 1 : 0,
      volunteerTimes: i === 9 ? 3 : 0,
      minutes: i === 9 ? 360 : 0,
    }));
    const { unit, bars } = reportBars({ series: [{ month: '2026-11', activities: 1, volunteerTimes: 3, minutes: 360 }], days });
    expect(unit).toBe('day');
    expect(bars).toHaveLength(30);
    expect(bars[0].label).toBe('1日');
    expect(bars[9]).toEqual({ label: '10日', hours: 6, times: 3, activities: 1 });
    expect(reportBars({ series: [{ month: '2026-11', activities: 1, volunteerTimes: 3, minutes: 360 }] }).unit).toBe('month');
    const span = reportBars({ series: [], days: [days[0], { ...days[0], date: '2026-12-01' }] });
    expect(span.bars.map((b) => b.label)).toEqual(['11/1', '12/1']);
  });
});
