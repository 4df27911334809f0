// sms.inviteWalkIn (现场报名 by SMS): a manager of the activity's team invites a phone not yet registered; whoever
// registers with it is enrolled (app/activity/walk-in claimWalkInInvitations). An invitation is an SMS like a code:
// it spends the phone's quota and the service's daily ceiling. Only the team's managers learn that a phone is registered.
import type { CheckinInviteWalkInInput, CheckinInviteWalkInOutput } from '@contract/checkin';
import { maskPhone } from '@contract/id-number';
import { SMS_RULES } from '@contract/sms';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { env } from '../../env';
import { findVolunteerByPhone } from '../../db/volunteer.repository';
import { putEnrollmentInvitation } from '../../db/enrollment-invitation.repository';
import { dailySendCount, getQuota, saveQuota, takeDailySend } from '../../db/sms.repository';
import { decideSend } from '../../domain/sms-code';
import { smsDay } from '../../domain/sms-send-quota';
import { toIso } from '../../domain/shanghai-time';
import { smsSender } from '../../adapters';
import { requireManager } from '../access';
import { requireActivity } from '../activity/activity-lookup';
import { refuseClosedForWalkIn } from '../activity/walk-in';
import { WALK_IN_FORBIDDEN } from '../checkin/walk-in.use-case';

const inviteText = (title: string) =>
  `【科技志愿服务】您已受邀参加活动“${title.slice(0, 20)}”。请在微信中搜索“科技志愿服务”小程序，用本手机号注册后即自动报名。`;

export async function inviteWalkIn(input: CheckinInviteWalkInInput, ctx: Ctx): Promise<CheckinInviteWalkInOutput> {
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireManager(openid, activity.orgId, WALK_IN_FORBIDDEN);
  refuseClosedForWalkIn(activity, ctx.now);
  if (await findVolunteerByPhone(input.phone)) throw new AppError(ErrorCode.CHECKIN_INVITE_REGISTERED);

  // The phone's own SMS quota and the service's daily ceiling, as for codes: an invitation is an SMS like any other.
  const today = smsDay(ctx.now.getTime());
  const dailyFull = () => new AppError(ErrorCode.SMS_DAILY_LIMIT_REACHED, undefined, { retryAfterSec: today.secondsLeft });
  const limit = env().SMS_DAILY_LIMIT;
  const [quota, sentToday] = await Promise.all([getQuota(input.phone), dailySendCount(today.day)]);
  if (sentToday >= limit) throw dailyFull();
  const decision = decideSend(quota?.history ?? [], ctx.now.getTime());
  if (!decision.ok)
    throw new AppError(ErrorCode.SMS_RATE_LIMITED, `短信发送过于频繁，请${decision.retryAfterSec}秒后再试`, {
      retryAfterSec: decision.retryAfterSec,
    });
  if (!(await saveQuota(input.phone, decision.keep, quota?.version)))
    throw new AppError(ErrorCode.SMS_RATE_LIMITED, undefined, { retryAfterSec: SMS_RULES.resendAfterSec });
  if (!(await takeDailySend(today.day, limit))) throw dailyFull();

  await putEnrollmentInvitation(activity._id, activity.orgId, input.phone, openid, ctx.now);
  await smsSender().send({
    phone: input.phone,
    purpose: 'walkInInvite',
    code: '',
    text: inviteText(activity.title),
    params: [activity.title.slice(0, 20)],
  });
  return { phoneMasked: maskPhone(input.phone), invitedAt: toIso(ctx.now), resendAfterSec: SMS_RULES.resendAfterSec };
}
