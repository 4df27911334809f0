// QR codes as SVG documents (the code page shows them large; the poster draws them onto a canvas).
import { loadQrcode } from './heavy-modules';

export async function qrSvg(payload: string): Promise<string> {
  return (await loadQrcode()).toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
