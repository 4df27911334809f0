// The trend chart of 统计报表, drawn on any 2D canvas context (weapp's Canvas 2D node or a browser's <canvas>): a panel
// for each figure — 服务时长, 参与人次, 活动场次 — with its own axis and a bar a month (or a day, for a month or less).
import type { ChartBar } from './helpers';
import { COLOR } from '../../styles/colors';
import { CJK_FONT } from '../../styles/fonts';

/** The part of CanvasRenderingContext2D the chart uses: the same on weapp and in browsers. */
export type Ctx2D = Pick<
  CanvasRenderingContext2D,
  'clearRect' | 'fillRect' | 'fillText' | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'arc' | 'fill' | 'measureText'
> & {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
};

const BLUE = COLOR.primary;
const ORANGE = COLOR.accent;
const GREEN = COLOR.chartGreen;
const GREY = COLOR.textSecondary;
const AXIS = COLOR.chartAxis;
const FONT = CJK_FONT;

/** A round upper bound for the axis: 1, 2, 5 × 10^n. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const pow = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((f) => f * pow >= value) ?? 10) * pow;
}

/** The figures drawn, one panel each with its own axis: hours and counts never share a scale. */
export const CHART_PANELS = [
  { key: 'hours', title: '服务时长（小时）', colour: BLUE },
  { key: 'times', title: '参与人次', colour: ORANGE },
  { key: 'activities', title: '活动场次', colour: GREEN },
] as const;

/** The height of one panel: its title, its plot and its labels. */
export const PANEL_H = 110;
const PAD = { left: 34, right: 12, top: 22, bottom: 20 };

/**
 * Draws the chart in a `width` × `height` box (CSS pixels; scale the context for the device first): one panel a
 * figure, stacked, each a bar per month (or day) on its own round axis, the bar's value on top when there is room.
 */
export function drawStatsChart(ctx: Ctx2D, width: number, height: number, bars: ChartBar[]): void {
  ctx.clearRect(0, 0, width, height);
  const panelH = height / CHART_PANELS.length;
  CHART_PANELS.forEach((panel, i) => drawPanel(ctx, width, panelH, i * panelH, panel, bars));
  ctx.textBaseline = 'alphabetic';
}

function drawPanel(ctx: Ctx2D, width: number, height: number, top: number, panel: (typeof CHART_PANELS)[number], bars: ChartBar[]) {
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const baseY = top + PAD.top + plotH;
  const max = niceMax(Math.max(...bars.map((b) => b[panel.key]), 0));

  // Title: a square in the panel's colour and the figure's name.
  ctx.font = `11px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillStyle = panel.colour;
  ctx.fillRect(PAD.left, top + 6, 10, 10);
  ctx.fillStyle = GREY;
  ctx.fillText(panel.title, PAD.left + 15, top + 11);

  // Its axis on the left, a grid line at the base, the half and the top.
  ctx.strokeStyle = AXIS;
  ctx.lineWidth = 1;
  for (const f of [0, 0.5, 1]) {
    const y = baseY - plotH * f;
    ctx.beginPath();
    ctx.moveTo(PAD.left, y);
    ctx.lineTo(width - PAD.right, y);
    ctx.stroke();
    ctx.font = `10px ${FONT}`;
    ctx.fillStyle = GREY;
    ctx.textAlign = 'right';
    ctx.fillText(String(max * f), PAD.left - 4, y);
  }

  const slot = plotW / Math.max(bars.length, 1);
  const barW = Math.max(2, Math.min(28, slot * 0.6));
  const labelEvery = Math.ceil(bars.length / Math.max(1, Math.floor(plotW / 36)));
  const centre = (i: number) => PAD.left + slot * i + slot / 2;
  bars.forEach((b, i) => {
    const value = b[panel.key];
    const h = (value / max) * plotH;
    ctx.fillStyle = panel.colour;
    ctx.fillRect(centre(i) - barW / 2, baseY - h, barW, h);
    ctx.font = `10px ${FONT}`;
    ctx.textAlign = 'center';
    if (value > 0 && bars.length <= 12) {
      ctx.textBaseline = 'bottom';
      ctx.fillText(String(value), centre(i), baseY - h - 2);
    }
    if (i % labelEvery === 0) {
      ctx.fillStyle = GREY;
      ctx.textBaseline = 'top';
      ctx.fillText(b.label, centre(i), baseY + 4);
    }
  });
}
