// What a picture must be to be kept (activity photos, notice images): jpeg, png or webp as its own first bytes say
// (a declared type the bytes contradict is refused), at most 1 MB decoded; and how many photos an owner holds.
import { ACTIVITY_PHOTOS_MAX, PHOTO_MAX_BYTES, sniffPhotoType, type PhotoType } from '@contract/photo';

export { sniffPhotoType };

export const EXTENSION: Record<PhotoType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

export type PhotoVerdict =
  | { ok: true; type: PhotoType; size: number }
  | { ok: false; problem: 'tooLarge' | 'badType' | 'typeMismatch'; size: number; actual?: PhotoType };

/** Whether decoded bytes declared as `declared` may be kept. */
export function judgePhoto(declared: PhotoType, bytes: Uint8Array): PhotoVerdict {
  const size = bytes.length;
  if (size > PHOTO_MAX_BYTES) return { ok: false, problem: 'tooLarge', size };
  const actual = sniffPhotoType(bytes);
  if (!actual) return { ok: false, problem: 'badType', size };
  if (actual !== declared) return { ok: false, problem: 'typeMismatch', size, actual };
  return { ok: true, type: actual, size };
}

/** Whether an owner holding `count` photos may take one more (an activity ACTIVITY_PHOTOS_MAX, a need NEED_PHOTOS_MAX). */
export const mayAddPhoto = (count: number, max = ACTIVITY_PHOTOS_MAX) => count < max;

/** The 回顾's choice: ids not among the activity's photos (empty when every one is). */
export const unknownPhotoIds = (chosen: readonly string[], photos: readonly { photoId: string }[]) => {
  const have = new Set(photos.map((p) => p.photoId));
  return chosen.filter((id) => !have.has(id));
};
