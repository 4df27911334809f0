// need.addPhoto / need.removePhoto: 现场照片 (选填) of a need, added and removed by its 需求方 only, while it is open or
// dispatched; at most NEED_PHOTOS_MAX. The album logic is activity photos' own (app/picture): stored first, pushed by one
// conditional write so simultaneous uploads never pass the limit, the file deleted again when the push is refused.
import { NEED_PHOTOS_MAX } from '@contract/need';
import type { NeedAddPhotoInput, NeedPhotoOutput, NeedRemovePhotoInput, NeedRemovePhotoOutput } from '@contract/need';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findNeed, pullNeedPhoto, pushNeedPhotoIf, type NeedDoc } from '../../db/need.repository';
import { mayChangePhotos, NEED_PHOTO_STATUSES } from '../../domain/need';
import { addAlbumPhoto, removeAlbumPhoto } from '../picture';
import { maySee, needViewer } from './need-view';
import { coveringAllowsSelfService } from './read.use-case';

/** The caller's own need while its photos may change: NEED.NOT_FOUND for a need they may not see, AUTH.FORBIDDEN for another's. */
async function ownNeed(needId: string, openid: string, verb: string): Promise<NeedDoc> {
  const n = await findNeed(needId);
  if (!n) throw new AppError(ErrorCode.NEED_NOT_FOUND);
  if (n.requesterOpenid !== openid) {
    const selfService = n.status === 'open' && (await coveringAllowsSelfService(n));
    if (!maySee(n, await needViewer(openid), selfService)) throw new AppError(ErrorCode.NEED_NOT_FOUND);
    throw new AppError(ErrorCode.AUTH_FORBIDDEN, `只有需求方可以${verb}现场照片`);
  }
  refuseIfSettled(n);
  return n;
}

/** Once accepted (or closed) the need's photos stay as they are. */
function refuseIfSettled(n: NeedDoc): void {
  if (!mayChangePhotos(n.status)) throw new AppError(ErrorCode.NEED_STATE_CHANGED, '需求已接单或已关闭，不能再修改现场照片');
}

export async function addNeedPhoto(input: NeedAddPhotoInput, ctx: Ctx): Promise<NeedPhotoOutput> {
  const openid = requireOpenid(ctx);
  const n = await ownNeed(input.needId, openid, '添加');
  return addAlbumPhoto({
    input,
    held: n.photos?.length ?? 0,
    max: NEED_PHOTOS_MAX,
    folder: `needs/${n._id}`,
    openid,
    now: ctx.now,
    push: (photo) => pushNeedPhotoIf(n._id, openid, NEED_PHOTO_STATUSES, photo, NEED_PHOTOS_MAX, ctx.now),
    full: () => new AppError(ErrorCode.NEED_TOO_MANY_PHOTOS),
    recheck: async () => {
      const now = await findNeed(n._id);
      if (!now) throw new AppError(ErrorCode.NEED_NOT_FOUND);
      refuseIfSettled(now);
    },
  });
}

export async function removeNeedPhoto(input: NeedRemovePhotoInput, ctx: Ctx): Promise<NeedRemovePhotoOutput> {
  const openid = requireOpenid(ctx);
  const n = await ownNeed(input.needId, openid, '删除');
  return removeAlbumPhoto(
    n.photos,
    input.photoId,
    (photoId) => pullNeedPhoto(n._id, photoId, NEED_PHOTO_STATUSES, ctx.now),
    () => new AppError(ErrorCode.NEED_PHOTO_NOT_FOUND),
  );
}
