// 保存海报: the static code with the activity's title and dates as a PNG for WeChat groups and print.
// weapp draws on the page's <canvas type="2d">, exports it and saves to the album; h5 draws on a detached canvas
// and downloads the PNG.
import Taro from '@tarojs/taro';
import { qrMatrix } from '../../components/qr-code/matrix';
import { formatDistance } from '@contract/format';
import { COLOR } from '../../styles/colors';

export type PosterInfo = { title: string; kindLabel: string; dates: string; daily: string; payload: string; radiusM: number };

export const POSTER_W = 750;
export const POSTER_H = 1120;
export const POSTER_CANVAS_ID = 'ck-poster-canvas';

type Ctx = Pick<CanvasRenderingContext2D, 'fillStyle' | 'font' | 'textAlign' | 'textBaseline' | 'fillRect' | 'fillText' | 'measureText'>;

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

export function drawPoster(ctx: Ctx, info: PosterInfo): void {
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
  ctx.fillText(`活动${info.kindLabel}码`, cx, 140);

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

  const matrix = qrMatrix(info.payload);
  const unit = Math.floor(480 / (matrix.size + 4));
  const edge = unit * (matrix.size + 4);
  const left = Math.round((POSTER_W - edge) / 2);
  const top = y + 100;
  ctx.fillStyle = COLOR.black;
  for (let r = 0; r < matrix.size; r++) {
    for (let c = 0; c < matrix.size; c++) {
      if (matrix.dark[r * matrix.size + c]) ctx.fillRect(left + (c + 2) * unit, top + (r + 2) * unit, unit, unit);
    }
  }

  ctx.fillStyle = COLOR.text;
  ctx.font = '28px sans-serif';
  ctx.fillText('打开“科技志愿服务”小程序，点“扫码签到”扫描此码', cx, top + edge + 50);
  ctx.fillStyle = COLOR.textSecondary;
  ctx.font = '24px sans-serif';
  ctx.fillText(`须在活动地点${formatDistance(info.radiusM)}范围内、活动时间内签到`, cx, top + edge + 92);
}

const fileName = (info: PosterInfo) => `${info.title.replace(/[\\/:*?"<>|\s]+/g, '')}-${info.kindLabel}码.png`;

/** weapp: resolves after the image is in the album; rejects with an errMsg (auth deny when refused). */
export async function savePoster(info: PosterInfo): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const canvas = document.createElement('canvas');
    canvas.width = POSTER_W;
    canvas.height = POSTER_H;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('浏览器不支持画布');
    drawPoster(ctx, info);
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
  drawPoster(canvas.getContext('2d') as unknown as Ctx, info);
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas, fileType: 'png', destWidth: POSTER_W, destHeight: POSTER_H });
  await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
}
