// Posters for WeChat groups and print: a heading, the title, a few lines about the activity or team, a 小程序码 that
// WeChat's own 扫一扫 opens, and what to do with it, as a PNG. Shared by the 签到码 poster and the 活动海报.
// weapp draws on the page's <canvas type="2d" id={POSTER_CANVAS_ID}>, exports it and saves to the album; h5 draws on
// a detached canvas and downloads the PNG.
import Taro from '@tarojs/taro';
import { COLOR } from '../styles/colors';

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
};

export const POSTER_W = 750;
export const POSTER_H = 1120;
export const POSTER_CANVAS_ID = 'app-poster-canvas';

type Ctx = Pick<CanvasRenderingContext2D, 'fillStyle' | 'font' | 'textAlign' | 'textBaseline' | 'fillRect' | 'fillText' | 'measureText'> & {
  drawImage(image: unknown, dx: number, dy: number, dw: number, dh: number): void;
};
/** The code's largest side on the poster, in poster pixels (smaller when the lines above it need the room). */
const CODE_EDGE = 480;
/** Room kept under the code for the action and the note. */
const FOOTER_H = 150;

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
  ctx.font = '30px sans-serif';
  ctx.fillText('科技志愿服务', cx, 64);
  ctx.font = 'bold 60px sans-serif';
  ctx.fillText(info.heading, cx, 140);

  ctx.fillStyle = COLOR.text;
  ctx.font = 'bold 40px sans-serif';
  let y = 270;
  for (const line of wrap(ctx, info.title, 650, 2)) {
    ctx.fillText(line, cx, y);
    y += 54;
  }
  ctx.fillStyle = COLOR.textBody;
  ctx.font = '28px sans-serif';
  y += 10;
  for (const text of info.lines)
    for (const line of wrap(ctx, text, 650, 2)) {
      ctx.fillText(line, cx, y);
      y += 42;
    }

  const top = y + 6;
  const edge = Math.min(CODE_EDGE, POSTER_H - FOOTER_H - top);
  ctx.drawImage(code, Math.round((POSTER_W - edge) / 2), top, edge, edge);

  ctx.fillStyle = COLOR.text;
  ctx.font = '28px sans-serif';
  ctx.fillText(info.action, cx, top + edge + 50);
  if (info.note) {
    ctx.fillStyle = COLOR.textSecondary;
    ctx.font = '24px sans-serif';
    ctx.fillText(info.note, cx, top + edge + 92);
  }
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
    canvas.width = POSTER_W;
    canvas.height = POSTER_H;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('浏览器不支持画布');
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
  canvas.width = POSTER_W;
  canvas.height = POSTER_H;
  // The canvas loads images from files: the 小程序码's PNG is written to the user data folder first.
  const file = `${Taro.env.USER_DATA_PATH}/poster-code.png`;
  Taro.getFileSystemManager().writeFileSync(file, info.wxacode.replace(/^data:image\/\w+;base64,/, ''), 'base64');
  const image = await loaded(canvas.createImage() as unknown as Loadable, file);
  drawPoster(canvas.getContext('2d') as unknown as Ctx, info, image);
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas, fileType: 'png', destWidth: POSTER_W, destHeight: POSTER_H });
  await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
}
