// What a team's 公章 picture must be to be kept and printed on its certificates: PNG or JPEG as its own first bytes
// say (a declared type the bytes contradict is refused), at most 512 KB decoded, with a size in pixels its header
// states and a certificate can show (a truncated or foreign file has none).
import { SEAL_MAX_BYTES, SEAL_MAX_SIDE, SEAL_MIN_SIDE, type SealType } from '@contract/org';
import { sniffPhotoType } from './photo';

export type SealVerdict =
  | { ok: true; type: SealType; width: number; height: number }
  | { ok: false; problem: 'tooLarge' | 'badType' | 'typeMismatch' | 'badImage'; actual?: string };

/** Width and height from a PNG's IHDR chunk (it must come first, right after the signature). */
function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 33) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ihdr = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  if (view.getUint32(8) !== 13 || ihdr !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** SOF markers carry the frame's size; DHT (C4), JPG (C8) and DAC (CC) share the range but are not frames. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** Width and height from a JPEG's start-of-frame segment, walking the segments from SOI. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers without a length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image, or scan data before any frame
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    if (length < 2) return undefined;
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return undefined;
      return { height: (bytes[at + 5] << 8) | bytes[at + 6], width: (bytes[at + 7] << 8) | bytes[at + 8] };
    }
    at += 2 + length;
  }
  return undefined;
}

/** Whether decoded bytes declared as `declared` may be kept as a team's seal. */
export function judgeSeal(declared: SealType, bytes: Uint8Array): SealVerdict {
  if (bytes.length > SEAL_MAX_BYTES) return { ok: false, problem: 'tooLarge' };
  const actual = sniffPhotoType(bytes);
  if (actual !== 'image/png' && actual !== 'image/jpeg') return { ok: false, problem: 'badType', actual };
  if (actual !== declared) return { ok: false, problem: 'typeMismatch', actual };
  const size = actual === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
  const fits = (side: number) => side >= SEAL_MIN_SIDE && side <= SEAL_MAX_SIDE;
  if (!size || !fits(size.width) || !fits(size.height)) return { ok: false, problem: 'badImage' };
  return { ok: true, type: actual, ...size };
}
