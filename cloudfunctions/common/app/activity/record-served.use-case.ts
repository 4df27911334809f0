// activity.recordServed: once an activity has started, its team's leader/admins record how many people were served
// (附件3 接受服务的群众人次) and its 回顾: a short summary (附件3's highlights) and up to nine of its photos, which must be
// the activity's own; they may correct all of it later.
import type { ActivityOutput, ActivityRecordServedInput } from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { updateActivityIf, type ActivityDoc } from '../../db/activity.repository';
import { phaseAt } from '../../domain/activity-phase';
import { unknownPhotoIds } from '../../domain/photo';
import { requireManager } from '../access';
import { refuseIfCancelled, requireActivity } from './activity-lookup';
import { activityView } from './activity-view';

export async function recordServed(input: ActivityRecordServedInput, ctx: Ctx): Promise<ActivityOutput> {
  const openid = requireOpenid(ctx);
  const a = await requireActivity(input.activityId);
  await requireManager(openid, a.orgId, '只有本队负责人或管理员可以填写服务人数');
  refuseIfCancelled(a);
  const phase = phaseAt(a, ctx.now);
  if (phase !== 'ongoing' && phase !== 'ended') throw new AppError(ErrorCode.VALIDATION, '活动开始后才能填写服务人数');
  const strangers = unknownPhotoIds(input.recapPhotoIds ?? [], a.photos ?? []);
  if (strangers.length > 0) throw new AppError(ErrorCode.ACTIVITY_PHOTO_NOT_FOUND, '回顾只能选用本活动的照片', { photoIds: strangers });
  const patch = {
    servedCount: input.servedCount,
    ...(input.summary === undefined ? {} : { summary: input.summary }),
    ...(input.recapPhotoIds === undefined ? {} : { recapPhotoIds: input.recapPhotoIds }),
    servedRecordedAt: ctx.now,
    servedRecordedBy: openid,
    updatedAt: ctx.now,
  };
  // Conditional: an activity cancelled meanwhile keeps no figures.
  if (!(await updateActivityIf(a._id, { status: 'published' }, patch))) throw new AppError(ErrorCode.ACTIVITY_CANCELLED);
  const after: ActivityDoc = { ...a, ...patch };
  return { activity: activityView(after, { showContact: true }) };
}
