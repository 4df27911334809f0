// Posters for WeChat groups and print: a heading, the title, a few lines about the activity or team, a 小程序码 that
// WeChat's own 扫一扫 opens, and what to do with it, as a PNG. Shared by the 签到码 poster and the 活动海报.
// weapp draws on the page's <canvas type="2d" id={POSTER_CANVAS_ID}>, exports it and saves to the album; h5 draws on
// a detached canvas and downloads the PNG. The poster is A4 in shape and printed sharp: laid out in 750 units across,
// drawn at 2480×3508 pixels (A4 at 300 dpi), the 小程序码 enlarged without smoothing.
import Taro from '@tarojs/taro';
import { COLOR } from '../styles/colors';
import { CJK_FONT } from '../styles/fonts';

export type PosterInfo = {
  /** The big line in the coloured band (活动签到码, 活动招募). */
  heading: string;
  title: string;
  /** Lines under the title (dates, daily times, place, organiser); a long one wraps to two. */
  lines: string[];
  /** The 小程序码 as a data: URL. */
  wxacode: string;
  /** Under the code: what scanning it does. */
  action: string;
  /** A smaller line under that. */
  note?: string;
  /** The PNG's name on h5, without the extension. */
  fileName: string;
  /** The team's name, in a band at the foot of the poster. */
  team?: string;
};

/** The layout's width and height, in poster units: A4's proportions (210 × 297 mm). */
export const POSTER_W = 750;
export const POSTER_H = Math.round((POSTER_W * 297) / 210);
/** The PNG's pixels: A4 at 300 dpi. */
export const POSTER_PRINT_W = 2480;
export const POSTER_PRINT_H = 3508;
const PRINT_SCALE = POSTER_PRINT_W / POSTER_W;
export const POSTER_CANVAS_ID = 'app-poster-canvas';

type Ctx = Pick<CanvasRenderingContext2D, 'fillStyle' | 'font' | 'textAlign' | 'textBaseline' | 'fillRect' | 'fillText' | 'measureText'> & {
  drawImage(image: unknown, dx: number, dy: number, dw: number, dh: number): void;
};
/** The code's largest side on the poster, in poster pixels (smaller when the lines above it need the room). */
const CODE_EDGE = 480;
/** Room kept under the code for the action and the note, and the height of the team's band. */
const FOOTER_H = 150;
const TEAM_BAND_H = 72;

/** Breaks text into at most `max` lines of `width` (character by character: Chinese has no spaces). */
function wrap(ctx: Ctx, text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > width && line) {
      lines.push(line);
      line = ch;
      if (lines.length === max) break;
    } else line += ch;
  }
  if (lines.length < max && line) lines.push(line);
  else if (lines.length === max && line && lines.join('').length < text.length) lines[max - 1] = `${lines[max - 1].slice(0, -1)}…`;
  return lines;
}

/** Draws the poster; `code` is the loaded 小程序码 image. */
export function drawPoster(ctx: Ctx, info: PosterInfo, code: unknown): void {
  const cx = POSTER_W / 2;
  ctx.fillStyle = COLOR.white;
  ctx.fillRect(0, 0, POSTER_W, POSTER_H);
  ctx.fillStyle = COLOR.primary;
  ctx.fillRect(0, 0, POSTER_W, 210);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = COLOR.white;
  ctx.font = `30px ${CJK_FONT}`;
  ctx.fillText('科技志愿服务', cx, 64);
  ctx.font = `bold 60px ${CJK_FONT}`;
  ctx.fillText(info.heading, cx, 140);

  ctx.fillStyle = COLOR.text;
  ctx.font = `bold 40px ${CJK_FONT}`;
  let y = 270;
  for (const line of wrap(ctx, info.title, 650, 2)) {
    ctx.fillText(line, cx, y);
    y += 54;
  }
  ctx.fillStyle = COLOR.textBody;
  ctx.font = `28px ${CJK_FONT}`;
  y += 10;
  for (const text of info.lines)
    for (const line of wrap(ctx, text, 650, 2)) {
      ctx.fillText(line, cx, y);
      y += 42;
    }

  const top = y + 6;
  // Even, so the code sits exactly in the middle.
  const edge = Math.min(CODE_EDGE, Math.floor((POSTER_H - FOOTER_H - (info.team ? TEAM_BAND_H : 0) - top) / 2) * 2);
  ctx.drawImage(code, Math.round((POSTER_W - edge) / 2), top, edge, edge);

  ctx.fillStyle = COLOR.text;
  ctx.font = `28px ${CJK_FONT}`;
  ctx.fillText(info.action, cx, top + edge + 50);
  if (info.note) {
    ctx.fillStyle = COLOR.textSecondary;
    ctx.font = `24px ${CJK_FONT}`;
    ctx.fillText(info.note, cx, top + edge + 92);
  }
  if (info.team) {
    ctx.fillStyle = COLOR.primary;
    ctx.fillRect(0, POSTER_H - TEAM_BAND_H, POSTER_W, TEAM_BAND_H);
    ctx.fillStyle = COLOR.white;
    ctx.font = `bold 30px ${CJK_FONT}`;
    ctx.fillText(wrap(ctx, info.team, 680, 1)[0] ?? '', cx, POSTER_H - TEAM_BAND_H / 2);
  }
}

type PrintCtx = Ctx & { scale(x: number, y: number): void; imageSmoothingEnabled: boolean };
/** Layout units to print pixels; the 小程序码's modules stay square-edged when enlarged. */
function toPrint(ctx: PrintCtx): void {
  ctx.scale(PRINT_SCALE, PRINT_SCALE);
  ctx.imageSmoothingEnabled = false;
}

const fileName = (info: PosterInfo) => `${info.fileName.replace(/[\\/:*?"<>|\s]+/g, '')}.png`;

type Loadable = { src: string; onload: unknown; onerror: unknown };
/** Resolves once the image (a browser Image, or a weapp canvas image) has loaded `src`. */
const loaded = <T extends Loadable>(img: T, src: string) =>
  new Promise<T>((resolve, reject) => {
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('小程序码图片加载失败'));
    img.src = src;
  });

/** weapp: resolves after the image is in the album; rejects with an errMsg (auth deny when refused). */
export async function savePoster(info: PosterInfo): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const canvas = document.createElement('canvas');
    canvas.width = POSTER_PRINT_W;
    canvas.height = POSTER_PRINT_H;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('浏览器不支持画布');
    toPrint(ctx);
    drawPoster(ctx, info, await loaded(new Image(), info.wxacode));
    const a = document.createElement('a');
    a.href = canvas.toDataURL('image/png');
    a.download = fileName(info);
    document.body.appendChild(a);
    a.click();
    a.remove();
    return;
  }
  const canvas = await new Promise<Taro.Canvas>((resolve, reject) =>
    Taro.createSelectorQuery()
      .select(`#${POSTER_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res) => (res?.[0]?.node ? resolve(res[0].node as Taro.Canvas) : reject(new Error('画布未就绪')))),
  );
  canvas.width = POSTER_PRINT_W;
  canvas.height = POSTER_PRINT_H;
  // The canvas loads images from files: the 小程序码's PNG is written to the user data folder first.
  const file = `${Taro.env.USER_DATA_PATH}/poster-code.png`;
  Taro.getFileSystemManager().writeFileSync(file, info.wxacode.replace(/^data:image\/\w+;base64,/, ''), 'base64');
  const image = await loaded(canvas.createImage() as unknown as Loadable, file);
  const ctx = canvas.getContext('2d') as unknown as PrintCtx;
  toPrint(ctx);
  drawPoster(ctx, info, image);
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas,
    fileType: 'png',
    destWidth: POSTER_PRINT_W,
    destHeight: POSTER_PRINT_H,
  });
  await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
}
