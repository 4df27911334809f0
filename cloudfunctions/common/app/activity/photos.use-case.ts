// activity.addPhoto / activity.removePhoto: 活动照片, added and removed by the team's leader and admins. A picture is
// judged by its own bytes (domain/photo), stored first, then pushed onto the activity only while it holds fewer than
// nine; a refused push deletes the stored file again (the album logic of app/picture, shared with need photos).
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
import { findActivity, pullPhoto, pushPhotoIf, type ActivityDoc } from '../../db/activity.repository';
import { requireManager } from '../access';
import { refuseIfCancelled, requireActivity } from './activity-lookup';
import { addAlbumPhoto, albumViews, removeAlbumPhoto } from '../picture';

export async function addPhoto(input: ActivityAddPhotoInput, ctx: Ctx): Promise<ActivityPhotoOutput> {
  const openid = requireOpenid(ctx);
  const a = await requireActivity(input.activityId);
  await requireManager(openid, a.orgId, '只有本队负责人或管理员可以添加活动照片');
  refuseIfCancelled(a);
  return addAlbumPhoto({
    input,
    held: a.photos?.length ?? 0,
    max: ACTIVITY_PHOTOS_MAX,
    folder: `activities/${a._id}`,
    openid,
    now: ctx.now,
    push: (photo) => pushPhotoIf(a._id, photo, ACTIVITY_PHOTOS_MAX, ctx.now),
    full: () => new AppError(ErrorCode.ACTIVITY_TOO_MANY_PHOTOS),
    recheck: async () => {
      const now = await findActivity(a._id);
      if (!now) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
      refuseIfCancelled(now);
    },
  });
}

export async function removePhoto(input: ActivityRemovePhotoInput, ctx: Ctx): Promise<ActivityRemovePhotoOutput> {
  const openid = requireOpenid(ctx);
  const a = await requireActivity(input.activityId);
  await requireManager(openid, a.orgId, '只有本队负责人或管理员可以删除活动照片');
  return removeAlbumPhoto(
    a.photos,
    input.photoId,
    (photoId) => pullPhoto(a._id, photoId, ctx.now),
    () => new AppError(ErrorCode.ACTIVITY_PHOTO_NOT_FOUND),
  );
}

/** The activity's photos with temporary addresses, in one storage call (none when it has no photos). */
export async function photoViews(a: ActivityDoc): Promise<ActivityGetOutput['photos']> {
  return (await albumViews([a]))[0];
}
