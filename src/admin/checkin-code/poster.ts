// 保存海报: the static 小程序码 (WeChat's own 扫一扫 opens it) with the activity's title and dates as a PNG for WeChat
// groups and print.
// weapp draws on the page's <canvas type="2d">, exports it and saves to the album; h5 draws on a detached canvas
// and downloads the PNG.
import Taro from '@tarojs/taro';
import { formatDistance } from '@contract/format';
import { COLOR } from '../../styles/colors';

/** `kindLabel` is the code's name (现场签到码, 签到码, 签退码); `wxacode` the 小程序码 as a data: URL. */
export type PosterInfo = { title: string; kindLabel: string; dates: string; daily: string; wxacode: string; radiusM: number };

export const POSTER_W = 750;
export const POSTER_H = 1120;
export const POSTER_CANVAS_ID = 'ck-poster-canvas';

type Ctx = Pick<CanvasRenderingContext2D, 'fillStyle' | 'font' | 'textAlign' | 'textBaseline' | 'fillRect' | 'fillText' | 'measureText'> & {
  drawImage(image: unknown, dx: number, dy: number, dw: number, dh: number): void;
};
/** The code's side on the poster, in poster pixels. */
const CODE_EDGE = 480;

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
  ctx.fillText(`活动${info.kindLabel}`, cx, 140);

  ctx.fillStyle = COLOR.text;
  ctx.font = 'bold 40px sans-serif';
  let y = 270;
  for (const line of wrap(ctx, info.title, 650, 2)) {
    ctx.fillText(line, cx, y);
    y += 54;
  }
  ctx.fillStyle = COLOR.textBody;
  ctx.font = '28px sans-serif';
  ctx.fillText(`活动日期：${info.dates}`, cx, y + 10);
  ctx.fillText(`每天 ${info.daily}`, cx, y + 52);

  const edge = CODE_EDGE;
  const top = y + 100;
  ctx.drawImage(code, Math.round((POSTER_W - edge) / 2), top, edge, edge);

  ctx.fillStyle = COLOR.text;
  ctx.font = '28px sans-serif';
  ctx.fillText('用微信“扫一扫”扫描此码，即可签到签退', cx, top + edge + 50);
  ctx.fillStyle = COLOR.textSecondary;
  ctx.font = '24px sans-serif';
  ctx.fillText(`须在活动地点${formatDistance(info.radiusM)}范围内、活动时间内签到`, cx, top + edge + 92);
}

const fileName = (info: PosterInfo) => `${info.title.replace(/[\\/:*?"<>|\s]+/g, '')}-${info.kindLabel}.png`;

type Loadable = { src: string; onload: unknown; onerror: unknown };
/** Resolves once the image (a browser Image, or a weapp canvas image) has loaded `src`. */
const loaded = <T extends Loadable>(img: T, src: string) =>
  new Promise<T>((resolve, reject) => {
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('签到码图片加载失败'));
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
  const file = `${Taro.env.USER_DATA_PATH}/checkin-code.png`;
  Taro.getFileSystemManager().writeFileSync(file, info.wxacode.replace(/^data:image\/\w+;base64,/, ''), 'base64');
  const image = await loaded(canvas.createImage() as unknown as Loadable, file);
  drawPoster(canvas.getContext('2d') as unknown as Ctx, info, image);
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas, fileType: 'png', destWidth: POSTER_W, destHeight: POSTER_H });
  await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
}
