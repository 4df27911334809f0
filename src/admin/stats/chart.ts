// The month-by-month bar chart of 统计报表, drawn on any 2D canvas context (weapp's Canvas 2D node or a browser's
// <canvas>): hours as bars with their value on top (left axis), 人次 and 活动场次 as lines with dots (right axis),
// month labels, a legend.
import type { ChartBar } from './helpers';
import { COLOR } from '../../styles/colors';

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
const FONT = 'sans-serif';

/** A round upper bound for the axis: 1, 2, 5 × 10^n. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const pow = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((f) => f * pow >= value) ?? 10) * pow;
}

/** Draws the chart in a `width` × `height` box (CSS pixels; scale the context for the device first). */
export function drawStatsChart(ctx: Ctx2D, width: number, height: number, bars: ChartBar[]): void {
  ctx.clearRect(0, 0, width, height);
  const pad = { left: 34, right: 34, top: 30, bottom: 26 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const baseY = pad.top + plotH;
  const maxHours = niceMax(Math.max(...bars.map((b) => b.hours), 0));
  const maxCount = niceMax(Math.max(...bars.map((b) => Math.max(b.times, b.activities)), 0));

  // Legend: a square for the bars, a dash for each line.
  ctx.font = `11px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  let x = pad.left;
  for (const [label, colour, bar] of [
    ['服务时长（小时）', BLUE, true],
    ['参与人次', ORANGE, false],
    ['活动场次', GREEN, false],
  ] as const) {
    ctx.fillStyle = colour;
    if (bar) ctx.fillRect(x, 8, 10, 10);
    else ctx.fillRect(x, 12, 12, 2);
    ctx.fillStyle = GREY;
    ctx.fillText(label, x + 15, 13);
    x += 15 + ctx.measureText(label).width + 12;
  }

  // Axes: hours on the left, counts on the right, a grid line at the half and the top.
  ctx.strokeStyle = AXIS;
  ctx.lineWidth = 1;
  for (const f of [0, 0.5, 1]) {
    const y = baseY - plotH * f;
    ctx.beginPath();
    ctx.moveTo(pad.left, y);
    ctx.lineTo(width - pad.right, y);
    ctx.stroke();
    ctx.font = `10px ${FONT}`;
    ctx.fillStyle = GREY;
    ctx.textAlign = 'right';
    ctx.fillText(String(maxHours * f), pad.left - 4, y);
    ctx.textAlign = 'left';
    ctx.fillText(String(maxCount * f), width - pad.right + 4, y);
  }

  const slot = plotW / Math.max(bars.length, 1);
  const barW = Math.max(2, Math.min(28, slot * 0.56));
  const labelEvery = Math.ceil(bars.length / Math.max(1, Math.floor(plotW / 36)));
  const centre = (i: number) => pad.left + slot * i + slot / 2;

  bars.forEach((b, i) => {
    const h = (b.hours / maxHours) * plotH;
    ctx.fillStyle = BLUE;
    ctx.fillRect(centre(i) - barW / 2, baseY - h, barW, h);
    ctx.font = `10px ${FONT}`;
    ctx.textAlign = 'center';
    if (b.hours > 0 && bars.length <= 12) {
      ctx.fillStyle = BLUE;
      ctx.textBaseline = 'bottom';
      ctx.fillText(String(b.hours), centre(i), baseY - h - 5); // clear of a dot sitting on the bar's top
    }
    if (i % labelEvery === 0) {
      ctx.fillStyle = GREY;
      ctx.textBaseline = 'top';
      ctx.fillText(b.label, centre(i), baseY + 6);
    }
  });

  line(
    ctx,
    bars.map((b, i) => [centre(i), baseY - (b.times / maxCount) * plotH]),
    ORANGE,
  );
  line(
    ctx,
    bars.map((b, i) => [centre(i), baseY - (b.activities / maxCount) * plotH]),
    GREEN,
  );
  ctx.textBaseline = 'alphabetic';
}

/** A polyline with a dot at each point. */
function line(ctx: Ctx2D, points: [number, number][], colour: string): void {
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  points.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
  ctx.stroke();
  for (const [px, py] of points) {
    ctx.beginPath();
    ctx.arc(px, py, 3, 0, Math.PI * 2);
    ctx.fill();
  }
}
