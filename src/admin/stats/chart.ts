// The month-by-month bar chart of 统计报表, drawn on any 2D canvas context (weapp's Canvas 2D node or a browser's
// <canvas>): hours as bars with their value on top, 人次 as a line with dots, month labels, a legend.
import type { ChartBar } from './helpers';

/** The part of CanvasRenderingContext2D the chart uses: the same on weapp and in browsers. */
export type Ctx2D = Pick<
  CanvasRenderingContext2D,
  'clearRect' | 'fillRect' | 'fillText' | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'arc' | 'fill' | 'measureText'
> & { fillStyle: string | CanvasGradient | CanvasPattern; strokeStyle: string | CanvasGradient | CanvasPattern; lineWidth: number; font: string; textAlign: CanvasTextAlign; textBaseline: CanvasTextBaseline };

const BLUE = '#1f6fe5';
const ORANGE = '#ff8f1f';
const GREY = '#7a7f87';
const AXIS = '#e3e5e8';
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
  const maxTimes = niceMax(Math.max(...bars.map((b) => b.times), 0));

  // Legend.
  ctx.font = `11px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillStyle = BLUE;
  ctx.fillRect(pad.left, 8, 10, 10);
  ctx.fillStyle = GREY;
  ctx.fillText('服务时长（小时）', pad.left + 14, 13);
  ctx.fillStyle = ORANGE;
  ctx.fillRect(pad.left + 120, 12, 12, 2);
  ctx.fillStyle = GREY;
  ctx.fillText('参与人次', pad.left + 136, 13);

  // Axes: hours on the left, 人次 on the right, a grid line at the half and the top.
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
    ctx.fillText(String(maxTimes * f), width - pad.right + 4, y);
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
      ctx.fillText(String(b.hours), centre(i), baseY - h - 2);
    }
    if (i % labelEvery === 0) {
      ctx.fillStyle = GREY;
      ctx.textBaseline = 'top';
      ctx.fillText(b.label, centre(i), baseY + 6);
    }
  });

  // 人次 as a line over the bars.
  ctx.strokeStyle = ORANGE;
  ctx.fillStyle = ORANGE;
  ctx.lineWidth = 2;
  ctx.beginPath();
  bars.forEach((b, i) => {
    const y = baseY - (b.times / maxTimes) * plotH;
    if (i === 0) ctx.moveTo(centre(i), y);
    else ctx.lineTo(centre(i), y);
  });
  ctx.stroke();
  bars.forEach((b, i) => {
    ctx.beginPath();
    ctx.arc(centre(i), baseY - (b.times / maxTimes) * plotH, 3, 0, Math.PI * 2);
    ctx.fill();
  });
  ctx.textBaseline = 'alphabetic';
}
