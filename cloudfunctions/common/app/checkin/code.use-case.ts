// checkin.code / checkin.myCode / checkin.revokeCodes: signed QR payloads. Activity codes for the team's admins (static
// for posters, rotating every 30 s for a phone screen, the default for 签退); a volunteer's own code for an admin to
// scan when their phone cannot locate; and revoking every code minted so far when one has leaked.
import type {
  CheckinCodeInput,
  CheckinCodeOutput,
  CheckinMyCodeOutput,
  CheckinRevokeCodesInput,
  CheckinRevokeCodesOutput,
} from '@contract/checkin';
import type { ActivityIdInput } from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findEnrollment } from '../../db/activity.repository';
import { bumpCodeVersion } from '../../db/checkin.repository';
import { activityCodeSecret } from '../../adapters/checkin-code-secret';
import { qrSvg } from '../../adapters/qr';
import { rotatingExpiresAt, rotatingStep, signPayload } from '../../domain/checkin-code';
import { toIso } from '../../domain/shanghai-time';
import { requireManager } from '../access';
import { refuseDayChangesIfCancelled, requireActivity } from '../activity/activity-lookup';

export async function code(input: CheckinCodeInput, ctx: Ctx): Promise<CheckinCodeOutput> {
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireManager(openid, activity.orgId);
  if (activity.status === 'cancelled') throw new AppError(ErrorCode.ACTIVITY_CANCELLED);
  // A static 签退码 photographed once signs out from anywhere until revoked: sign-out rotates unless asked otherwise.
  const mode = input.mode ?? (input.kind === 'out' ? 'rotating' : 'static');
  const secret = activityCodeSecret(activity._id, activity.codeVersion ?? 0);
  const payload =
    mode === 'rotating'
      ? signPayload({ t: 'a', a: activity._id, k: input.kind, m: 'rotating', s: rotatingStep(ctx.now) }, secret)
      : signPayload({ t: 'a', a: activity._id, k: input.kind, m: 'static' }, secret);
  return {
    payload,
    qrSvg: await qrSvg(payload),
    ...(mode === 'rotating' ? { expiresAt: toIso(rotatingExpiresAt(ctx.now)) } : {}),
    kind: input.kind,
    mode,
    title: activity.title,
    startDate: activity.startDate,
    endDate: activity.endDate,
    dailyStart: activity.dailyStart,
    dailyEnd: activity.dailyEnd,
    radiusM: activity.radiusM,
  };
}

export async function myCode(input: ActivityIdInput, ctx: Ctx): Promise<CheckinMyCodeOutput> {
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  const enrollment = await findEnrollment(activity._id, openid);
  if (!enrollment || enrollment.status !== 'enrolled') throw new AppError(ErrorCode.CHECKIN_NOT_ENROLLED);
  // Rotating like a screen code, so a forwarded screenshot of someone's personal code stops working within a minute.
  const payload = signPayload(
    { t: 'v', a: activity._id, o: openid, s: rotatingStep(ctx.now) },
    activityCodeSecret(activity._id, activity.codeVersion ?? 0),
  );
  return { payload, qrSvg: await qrSvg(payload), expiresAt: toIso(rotatingExpiresAt(ctx.now)) };
}

/** Every printed or forwarded code of the activity stops verifying at once (scans read the code version fresh). */
export async function revokeCodes(input: CheckinRevokeCodesInput, ctx: Ctx): Promise<CheckinRevokeCodesOutput> {
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireManager(openid, activity.orgId);
  refuseDayChangesIfCancelled(activity);
  const codeVersion = await bumpCodeVersion(activity._id, ctx.now, openid);
  if (codeVersion === undefined) throw new AppError(ErrorCode.ACTIVITY_CANCELLED);
  return { codeVersion };
}
