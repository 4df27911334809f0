// activity.addPhoto / activity.removePhoto: 活动照片, added and removed by the team's leader and admins. A picture is
// judged by its own bytes (domain/photo), stored first, then pushed onto the activity only while it holds fewer than
// nine; a refused push deletes the stored file again.
import { randomBytes } from 'node:crypto';
import { ACTIVITY_PHOTOS_MAX } from '@contract/photo';
import type {
  ActivityAddPhotoInput,
  ActivityPhotoOutput,
  ActivityRemovePhotoInput,
  ActivityRemovePhotoOutput,
  ActivityGetOutput,
} from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findActivity, pullPhoto, pushPhotoIf, type ActivityDoc, type PhotoDoc } from '../../db/activity.repository';
import { mayAddPhoto } from '../../domain/photo';
import { fileStorage } from '../../adapters';
import { requireManager } from '../access';
import { refuseIfCancelled, requireActivity } from './activity-lookup';
import { acceptedPicture } from '../picture';

export async function addPhoto(input: ActivityAddPhotoInput, ctx: Ctx): Promise<ActivityPhotoOutput> {
  const openid = requireOpenid(ctx);
  const a = await requireActivity(input.activityId);
  await requireManager(openid, a.orgId, '只有本队负责人或管理员可以添加活动照片');
  refuseIfCancelled(a);
  const picture = acceptedPicture(input);
  if (!mayAddPhoto(a.photos?.length ?? 0)) throw new AppError(ErrorCode.ACTIVITY_TOO_MANY_PHOTOS);

  const photoId = randomBytes(8).toString('hex');
  const storage = fileStorage();
  const fileId = await storage.upload(`activities/${a._id}/${photoId}.${picture.extension}`, picture.bytes);
  const photo: PhotoDoc = { photoId, fileId, contentType: picture.type, size: picture.bytes.length, addedBy: openid, addedAt: ctx.now };
  if (!(await pushPhotoIf(a._id, photo, ACTIVITY_PHOTOS_MAX, ctx.now))) {
    // Another upload took the last place (or the activity was cancelled meanwhile): the stored file goes again.
    await storage.remove([fileId]).catch((err: unknown) => console.error(`[photo] ${fileId} left behind`, err));
    const now = await findActivity(a._id);
    if (!now) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
    refuseIfCancelled(now);
    throw new AppError(ErrorCode.ACTIVITY_TOO_MANY_PHOTOS);
  }
  const urls = await storage.urls([fileId]);
  return { photo: { photoId, url: urls.get(fileId) ?? '' } };
}

export async function removePhoto(input: ActivityRemovePhotoInput, ctx: Ctx): Promise<ActivityRemovePhotoOutput> {
  const openid = requireOpenid(ctx);
  const a = await requireActivity(input.activityId);
  await requireManager(openid, a.orgId, '只有本队负责人或管理员可以删除活动照片');
  const photo = a.photos?.find((p) => p.photoId === input.photoId);
  if (!photo || !(await pullPhoto(a._id, photo.photoId, ctx.now))) throw new AppError(ErrorCode.ACTIVITY_PHOTO_NOT_FOUND);
  // The activity no longer names the file; a failed delete leaves an unreachable file, never a broken photo.
  await fileStorage()
    .remove([photo.fileId])
    .catch((err: unknown) => console.error(`[photo] ${photo.fileId} not deleted`, err));
  return { removed: true };
}

/** The activity's photos with temporary addresses, in one storage call (none when it has no photos). */
export async function photoViews(a: ActivityDoc): Promise<ActivityGetOutput['photos']> {
  const photos = a.photos ?? [];
  if (photos.length === 0) return [];
  const urls = await fileStorage().urls(photos.map((p) => p.fileId));
  return photos.flatMap((p) => {
    const url = urls.get(p.fileId);
    return url ? [{ photoId: p.photoId, url }] : [];
  });
}
