// An accepted need and the activity published for it, linked both ways: the activity carries `needId`, the need
// `activityId`, claimed by one conditional update before the activity is stored (a second publish is refused).
import { AppError, ErrorCode } from '../../errors';
import { findNeed, linkActivity, unlinkActivity } from '../../db/need.repository';
import type { ActivityDoc } from '../../db/activity.repository';
import { tellRequester } from './notify';

export async function linkNeed(needId: string, orgId: string, activityId: string, orgName: string, by: string, at: Date): Promise<void> {
  const n = await findNeed(needId);
  if (!n || n.assignedOrgId !== orgId) throw new AppError(ErrorCode.NEED_NOT_FOUND, '该需求不是本队承接的需求');
  const ok = await linkActivity(needId, orgId, activityId, { step: 'linked', at, by, orgName });
  if (!ok) throw new AppError(ErrorCode.NEED_STATE_CHANGED, '该需求尚未接单，或已发布过服务活动');
}

/** Takes the link back when the activity could not be stored. */
export async function unlinkNeed(needId: string, activityId: string): Promise<void> {
  await unlinkActivity(needId, activityId);
}

export async function tellNeedLinked(needId: string, a: Pick<ActivityDoc, 'title' | 'startDate' | 'dailyStart'>, at: Date): Promise<void> {
  const n = await findNeed(needId);
  if (n) await tellRequester(n, '活动已发布', `服务活动“${a.title}”将于${a.startDate} ${a.dailyStart}开始`, at);
}
