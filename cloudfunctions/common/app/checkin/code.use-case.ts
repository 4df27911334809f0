// checkin.code / checkin.myCode / checkin.revokeCodes: signed QR payloads. Activity codes for the team's admins (static
// for posters, rotating every 30 s for a phone screen, the default for 签退 and auto), each both as a long payload for
// the in-app scanner and as a short scene in a 小程序码 that WeChat's own 扫一扫 opens, with the 6-digit 现场数字码
// (every 5 minutes) to type when a phone cannot scan; a volunteer's own code for an
// admin to scan when their phone cannot locate; and revoking every code minted so far when one has leaked.
import type {
  CheckinCodeInput,
  CheckinCodeOutput,
  CheckinMyCodeOutput,
  CheckinRevokeCodesInput,
  CheckinRevokeCodesOutput,
} from '@contract/checkin';
import type { ActivityIdInput } from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { SCAN_PAGE } from '@contract/checkin';
import { AppError, ErrorCode } from '../../errors';
import { findEnrollment } from '../../db/activity.repository';
import { bumpCodeVersion } from '../../db/checkin.repository';
import { activityCodeSecret } from '../../adapters/checkin-code-secret';
import { qrSvg } from '../../adapters/qr';
import { wxacodeMaker } from '../../adapters';
import {
  numberExpiresAt,
  numberStep,
  onSiteNumber,
  rotatingExpiresAt,
  rotatingStep,
  signPayload,
  signScene,
} from '../../domain/checkin-code';
import { toIso } from '../../domain/shanghai-time';
import { requireManager } from '../access';
import { refuseDayChangesIfCancelled, requireActivity } from '../activity/activity-lookup';
import { ensureCodeKey } from './code-key';

export async function code(input: CheckinCodeInput, ctx: Ctx): Promise<CheckinCodeOutput> {
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireManager(openid, activity.orgId);
  if (activity.status === 'cancelled') throw new AppError(ErrorCode.ACTIVITY_CANCELLED);
  // A static 签退码 photographed once signs out from anywhere until revoked: codes that can sign out rotate unless asked.
  const mode = input.mode ?? (input.kind === 'in' ? 'static' : 'rotating');
  const secret = activityCodeSecret(activity._id, activity.codeVersion ?? 0);
  const step = mode === 'rotating' ? rotatingStep(ctx.now) : undefined;
  const payload =
    step !== undefined
      ? signPayload({ t: 'a', a: activity._id, k: input.kind, m: 'rotating', s: step }, secret)
      : signPayload({ t: 'a', a: activity._id, k: input.kind, m: 'static' }, secret);
  const key = await ensureCodeKey(activity, ctx.now);
  if (!key) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  const scene = signScene({ key, kind: input.kind, ...(step !== undefined ? { s: step } : {}) }, secret);
  const [svg, png] = await Promise.all([qrSvg(payload), wxacodeMaker().png({ scene, page: SCAN_PAGE })]);
  return {
    payload,
    qrSvg: svg,
    scene,
    page: SCAN_PAGE,
    wxacode: `data:image/png;base64,${png.toString('base64')}`,
    ...(mode === 'rotating' ? { expiresAt: toIso(rotatingExpiresAt(ctx.now)) } : {}),
    number: onSiteNumber(secret, input.kind, numberStep(ctx.now)),
    numberExpiresAt: toIso(numberExpiresAt(ctx.now)),
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
