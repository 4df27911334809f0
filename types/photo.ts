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
/**
 * The image type of base64 text by its first bytes, or undefined: jpeg FF D8 FF (/9j/), png 89 50 4E 47 0D 0A 1A 0A
 * (iVBORw0KGgo), webp "RIFF", four size bytes, then "WEBP" (bytes 8–11: its last three, "EBP", are characters 12–15).
 */
export function photoTypeOfBase64(base64: string): PhotoType | undefined {
  if (base64.startsWith('/9j/')) return 'image/jpeg';
  if (base64.startsWith('iVBORw0KGgo')) return 'image/png';
  if (base64.startsWith('UklGR') && base64.slice(12, 16) === 'RUJQ') return 'image/webp';
  return undefined;
}

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
