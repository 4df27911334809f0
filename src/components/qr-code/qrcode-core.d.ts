// The encoder of the `qrcode` package without its canvas/SVG renderers (the mini program draws modules itself).
declare module 'qrcode/lib/core/qrcode' {
  import type { QRCode, QRCodeOptions, QRCodeSegment } from 'qrcode';
  export function create(data: string | QRCodeSegment[], options?: QRCodeOptions): QRCode;
}
