// The poster drawing (src/device/poster.ts) shared by the 签到码 poster and the 活动海报: heading, title, the lines
// (a long one wrapped), the 小程序码 inside the poster whatever the lines, and what scanning it does.
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));
import { drawPoster, POSTER_H, POSTER_PRINT_H, POSTER_PRINT_W, POSTER_W, type PosterInfo } from '../../../src/device/poster';

type Call = { text: string; y: number } | { image: true; x: number; y: number; w: number; h: number };
/** A 2d context that records text and images; a Chinese character is 28 px wide, any other 15 px (28px sans-serif). */
function recorder() {
  const calls: Call[] = [];
  const ctx = {
    fillStyle: '',
    font: '',
    textAlign: 'left' as CanvasTextAlign,
    textBaseline: 'alphabetic' as CanvasTextBaseline,
    fillRect: () => undefined,
    fillText: (text: string, _x: number, y: number) => void calls.push({ text, y }),
    measureText: (text: string) => ({ width: [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2000 ? 28 : 15), 0) }) as TextMetrics,
    drawImage: (_img: unknown, x: number, y: number, w: number, h: number) => void calls.push({ image: true, x, y, w, h }),
  };
  const fonts: string[] = [];
  Object.defineProperty(ctx, 'font', { get: () => fonts.at(-1) ?? '', set: (f: string) => void fonts.push(f) });
  return { ctx, calls, fonts, texts: () => calls.flatMap((c) => ('text' in c ? [c.text] : [])) };
}

const activityPoster: PosterInfo = {
  heading: '活动招募',
  title: '社区老年人防诈骗科普讲座',
  lines: ['时间：12月1日—12月2日 每天09:00-17:00', `地点：${'兰州市城关区东方红广场'.repeat(4)}`, '主办：兰州市科技志愿服务支队'],
  wxacode: 'data:image/png;base64,AAAA',
  action: '用微信“扫一扫”扫描此码，查看活动并报名',
  fileName: '社区老年人防诈骗科普讲座-活动海报',
};

it('draws the 活动海报: title, time, place (wrapped), organiser, the code and what scanning it does', () => {
  const { ctx, calls, texts } = recorder();
  drawPoster(ctx, activityPoster, {});
  const t = texts();
  expect(t.slice(0, 3)).toEqual(['科技志愿服务', '活动招募', '社区老年人防诈骗科普讲座']);
  expect(t).toContain('时间：12月1日—12月2日 每天09:00-17:00');
  expect(t).toContain('主办：兰州市科技志愿服务支队');
  const place = t.filter((s) => s.startsWith('地点：') || s.includes('广场'));
  expect(place).toHaveLength(2);
  expect(place[1].endsWith('…')).toBe(true);
  expect(t.at(-1)).toBe(activityPoster.action);
  const image = calls.find((c): c is Extract<Call, { image: true }> => 'image' in c)!;
  expect(image.x).toBe((POSTER_W - image.w) / 2);
  expect(image.y).toBeGreaterThan((calls.find((c) => 'text' in c && c.text.startsWith('主办')) as { y: number }).y);
  expect(image.y + image.h).toBeLessThanOrEqual(POSTER_H - 100);
  const action = calls.find((c) => 'text' in c && c.text === activityPoster.action) as { y: number };
  expect(action.y).toBeLessThan(POSTER_H);
});

it('draws the 签到码 poster as before: the code at its full size and the note under the action', () => {
  const { ctx, calls, texts } = recorder();
  drawPoster(
    ctx,
    {
      heading: '活动签到码',
      title: '社区科普讲解活动',
      lines: ['活动日期：2026-12-01 至 2026-12-02', '每天 09:00-17:00'],
      wxacode: 'data:image/png;base64,AAAA',
      action: '用微信“扫一扫”扫描此码，即可签到签退',
      note: '须在活动地点5公里范围内、活动时间内签到',
      fileName: '社区科普讲解活动-签到码',
    },
    {},
  );
  expect(texts().slice(-2)).toEqual(['用微信“扫一扫”扫描此码，即可签到签退', '须在活动地点5公里范围内、活动时间内签到']);
  const image = calls.find((c): c is Extract<Call, { image: true }> => 'image' in c)!;
  expect(image.w).toBe(480);
  const note = calls.at(-1) as { y: number };
  expect(note.y).toBeLessThan(POSTER_H);
});

it('prints sharp on A4: A4’s shape, at least 300 dpi, the team’s name in a band at the foot, Chinese fonts first', () => {
  // A4 at 300 dpi is 2480 × 3508 pixels (210 mm and 297 mm at 300 per inch, rounded as printers do).
  expect(POSTER_PRINT_W).toBeGreaterThanOrEqual(2480);
  expect(POSTER_PRINT_H).toBeGreaterThanOrEqual(3508);
  expect(Math.round(POSTER_PRINT_W / (210 / 25.4))).toBeGreaterThanOrEqual(300);
  expect(POSTER_H / POSTER_W).toBeCloseTo(297 / 210, 2);
  expect(POSTER_PRINT_H / POSTER_PRINT_W).toBeCloseTo(POSTER_H / POSTER_W, 2);

  const { ctx, calls, fonts, texts } = recorder();
  drawPoster(ctx, { ...activityPoster, team: '兰州市科技志愿服务支队' }, {});
  expect(texts().at(-1)).toBe('兰州市科技志愿服务支队');
  const band = calls.at(-1) as { y: number };
  expect(band.y).toBeLessThan(POSTER_H);
  expect(band.y).toBeGreaterThan(POSTER_H - 72);
  const image = calls.find((c): c is Extract<Call, { image: true }> => 'image' in c)!;
  expect(image.y + image.h).toBeLessThanOrEqual(POSTER_H - 72 - 100);
  // “扫一扫” is drawn in a Chinese font: every font names a CJK family before the generic one.
  for (const f of fonts) expect(f.indexOf('PingFang SC')).toBeLessThan(f.indexOf('sans-serif'));
  expect(fonts.every((f) => f.includes('"PingFang SC"'))).toBe(true);
});
