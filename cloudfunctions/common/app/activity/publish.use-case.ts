// activity.publish: the leader/admins of an approved team publish an activity (past dates allowed: recording one after the fact).
import { randomBytes } from 'node:crypto';
import { DEFAULT_DAILY_CAP_MINUTES, MAX_RADIUS_M, type ActivityOutput, type ActivityPublishInput } from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { insertActivity, type ActivityDoc } from '../../db/activity.repository';
import { activitySpan } from '../../domain/activity-phase';
import { requireManagedOrg } from '../access';
import { activityView } from './activity-view';
import { claimNewCodeKey } from '../checkin/code-key';
import { linkNeed, tellNeedLinked, unlinkNeed } from '../need/link';

export async function publish(input: ActivityPublishInput, ctx: Ctx): Promise<ActivityOutput> {
  const openid = requireOpenid(ctx);
  const { org } = await requireManagedOrg(openid, input.orgId, '只有本队负责人或管理员可以发布活动', {
    approvedOnly: true,
    unknownForbidden: true,
  });
  const _id = randomBytes(16).toString('hex');
  // The key its 小程序码 scenes name it by, claimed before the activity exists (an unused claim is harmless).
  const codeKey = await claimNewCodeKey(_id, ctx.now);
  const doc: ActivityDoc = {
    ...input,
    _id,
    codeKey,
    orgName: org.name,
    serviceTargets: input.serviceTargets ?? [],
    radiusM: input.radiusM ?? MAX_RADIUS_M,
    waitlist: input.waitlist ?? false,
    audience: input.audience ?? 'public',
    dailyCapMinutes: input.dailyCapMinutes ?? DEFAULT_DAILY_CAP_MINUTES,
    signupStartAt: new Date(input.signupStartAt),
    signupEndAt: new Date(input.signupEndAt),
    ...activitySpan(input),
    status: 'published',
    enrolledCount: 0,
    waitlistCount: 0,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    publishedBy: openid,
  };
  // A need's activity claims the link first: a second publish for the same need is refused before it exists.
  if (input.needId) await linkNeed(input.needId, input.orgId, _id, org.name, openid, ctx.now);
  try {
    await insertActivity(doc);
  } catch (err) {
    if (input.needId) await unlinkNeed(input.needId, _id);
    throw err;
  }
  if (input.needId) await tellNeedLinked(input.needId, doc, ctx.now);
  return { activity: activityView(doc, { showContact: true }) };
}
