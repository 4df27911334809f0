// Pictures the app uploads (activity photos, notice images): what the phone sends and the limits the server holds it to.
// The phone compresses first (chooseImage sizeType compressed, compressImage); the server decides the type by the
// file's first bytes, never by the declared type alone.
import { z } from 'zod';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
/** At most 1 MB decoded. */
export const PHOTO_MAX_BYTES = 1024 * 1024;
/** The base64 text of PHOTO_MAX_BYTES, rounded up to whole groups of four (a little over 1.39 million characters). */
export const PHOTO_MAX_BASE64 = Math.ceil(PHOTO_MAX_BYTES / 3) * 4;
/** Decoded bytes of base64 text, without decoding it. */
export const base64Bytes = (base64: string) =>
  Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
/** Photos an activity holds at most; its 回顾 shows at most as many. */
const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

/** The image type the bytes are, by their magic numbers, or undefined (the server judges uploads by it). */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF <size> WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return undefined;
}

const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The first bytes of base64 text (up to 12, from 16 characters): enough for the magic numbers, in any runtime. */
function leadingBytes(base64: string): Uint8Array {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of base64.slice(0, 16)) {
    const digit = BASE64_DIGITS.indexOf(ch);
    if (digit < 0) break;
    value = ((value << 6) | digit) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

/** The image type of base64 text by its first bytes (as sniffPhotoType reads them on the server), or undefined. */
export const photoTypeOfBase64 = (base64: string): PhotoType | undefined => sniffPhotoType(leadingBytes(base64));

export const ACTIVITY_PHOTOS_MAX = 9;

/** The picture as the phone sends it: its declared type and its bytes in base64 (no data: prefix). */
export const PhotoUploadFields = {
  contentType: z.enum(PHOTO_TYPES, { errorMap: () => ({ message: '仅支持JPEG、PNG或WebP格式的图片' }) }),
  dataBase64: z
    .string()
    .min(1, '请选择图片')
    // A little over the limit still parses, so that the answer can say "too large" rather than "invalid".
    .max(PHOTO_MAX_BASE64 + 1024, '图片不能超过1MB，请压缩后再上传')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '图片数据不是有效的base64'),
};

/** A photo as pages see it: its id and a temporary address to show it. */
export const PhotoView = z.object({ photoId: z.string(), url: z.string() });
export type PhotoView = z.infer<typeof PhotoView>;
