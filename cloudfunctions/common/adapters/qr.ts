// QR codes as SVG documents (the code page shows them large; the poster draws them onto a canvas).
import QRCode from 'qrcode';

export function qrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
