// A picture the phone sent (activity photo, need photo, notice image), decoded and judged (domain/photo), or the coded
// refusal; and the album logic activity and need photos share: store the file first, push it onto its owner only while
// the owner holds fewer than its limit (one conditional write), delete the file again when the push is refused.
import { randomBytes } from 'node:crypto';
import type { PhotoType, PhotoView } from '@contract/photo';
import { PHOTO_MAX_BASE64 } from '@contract/photo';
import { AppError, ErrorCode } from '../errors';
import { EXTENSION, judgePhoto, mayAddPhoto } from '../domain/photo';
import { fileStorage } from '../adapters';
import type { PhotoDoc } from '../db/activity.repository';

export interface AcceptedPicture {
  bytes: Buffer;
  type: PhotoType;
  extension: string;
}

export function acceptedPicture(input: { contentType: PhotoType; dataBase64: string }): AcceptedPicture {
  // Too long to be 1 MB: refused before anything is decoded.
  if (input.dataBase64.length > PHOTO_MAX_BASE64) throw new AppError(ErrorCode.FILE_TOO_LARGE);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const verdict = judgePhoto(input.contentType, bytes);
  if (verdict.ok) return { bytes, type: verdict.type, extension: EXTENSION[verdict.type] };
  if (verdict.problem === 'tooLarge') throw new AppError(ErrorCode.FILE_TOO_LARGE);
  if (verdict.problem === 'typeMismatch')
    throw new AppError(ErrorCode.FILE_BAD_TYPE, '图片内容与声明的格式不符，请重新选择图片', {
      declared: input.contentType,
      actual: verdict.actual,
    });
  throw new AppError(ErrorCode.FILE_BAD_TYPE);
}

export interface AlbumAdd {
  input: { contentType: PhotoType; dataBase64: string };
  /** The photos the owner holds now, and at most how many it may. */
  held: number;
  max: number;
  /** Where the file goes, e.g. activities/<activityId>. */
  folder: string;
  openid: string;
  now: Date;
  /** The conditional write: pushes the photo only while the owner may still take it; false when refused. */
  push: (photo: PhotoDoc) => Promise<boolean>;
  /** The refusal when the owner is full. */
  full: () => AppError;
  /** Called after a refused push (file deleted): throws the owner's own refusal if it changed meanwhile. */
  recheck: () => Promise<void>;
}

/** Judges, stores and pushes one photo; answers it with a temporary address. Nothing is left stored on a refusal. */
export async function addAlbumPhoto(a: AlbumAdd): Promise<{ photo: PhotoView }> {
  const picture = acceptedPicture(a.input);
  if (!mayAddPhoto(a.held, a.max)) throw a.full();
  const photoId = randomBytes(8).toString('hex');
  const storage = fileStorage();
  const fileId = await storage.upload(`${a.folder}/${photoId}.${picture.extension}`, picture.bytes);
  const photo: PhotoDoc = { photoId, fileId, contentType: picture.type, size: picture.bytes.length, addedBy: a.openid, addedAt: a.now };
  if (!(await a.push(photo))) {
    // Another upload took the last place (or the owner changed meanwhile): the stored file goes again.
    await storage.remove([fileId]).catch((err: unknown) => console.error(`[photo] ${fileId} left behind`, err));
    await a.recheck();
    throw a.full();
  }
  const urls = await storage.urls([fileId]);
  return { photo: { photoId, url: urls.get(fileId) ?? '' } };
}

/** Takes the photo off its owner (`pull`, false when it was not there) and deletes its file; `notFound` otherwise. */
export async function removeAlbumPhoto(
  photos: readonly PhotoDoc[] | undefined,
  photoId: string,
  pull: (photoId: string) => Promise<boolean>,
  notFound: () => AppError,
): Promise<{ removed: true }> {
  const photo = photos?.find((p) => p.photoId === photoId);
  if (!photo || !(await pull(photo.photoId))) throw notFound();
  // The owner no longer names the file; a failed delete leaves an unreachable file, never a broken photo.
  await fileStorage()
    .remove([photo.fileId])
    .catch((err: unknown) => console.error(`[photo] ${photo.fileId} not deleted`, err));
  return { removed: true };
}

/**
 * The photos of several owners with temporary addresses, in one storage call for all of them (none when none has a
 * photo): one list per owner, in the owners' order; a file that is gone is left out.
 */
export async function albumViews(owners: readonly { photos?: readonly PhotoDoc[] }[]): Promise<PhotoView[][]> {
  const all = owners.flatMap((o) => o.photos ?? []);
  if (all.length === 0) return owners.map(() => []);
  const urls = await fileStorage().urls(all.map((p) => p.fileId));
  return owners.map((o) =>
    (o.photos ?? []).flatMap((p) => {
      const url = urls.get(p.fileId);
      return url ? [{ photoId: p.photoId, url }] : [];
    }),
  );
}
