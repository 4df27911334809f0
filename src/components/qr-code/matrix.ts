// The modules of a QR code computed on the phone (weapp has no SVG for <image>; the poster canvas needs them too).
import { create } from 'qrcode/lib/core/qrcode';

export type QrMatrix = { size: number; dark: boolean[] };

/** UTF-8 bytes without TextEncoder, which the mini program runtime may lack (qrcode calls it for string input). */
function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** Error correction M, like the server's qrSvg: readable from a phone screen and from a printed poster. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = create([{ data: utf8(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: Array.from(modules.data, (v) => v === 1) };
}

/** Each row as runs of dark modules [start, length], so a screen draws a few hundred boxes, not thousands. */
export function darkRuns(m: QrMatrix): [number, number][][] {
  const rows: [number, number][][] = [];
  for (let r = 0; r < m.size; r++) {
    const runs: [number, number][] = [];
    let start = -1;
    for (let c = 0; c <= m.size; c++) {
      const on = c < m.size && m.dark[r * m.size + c];
      if (on && start < 0) start = c;
      if (!on && start >= 0) {
        runs.push([start, c - start]);
        start = -1;
      }
    }
    rows.push(runs);
  }
  return rows;
}
