// A typed 现场数字码: which activity and code kind it is. Six digits could be guessed, so each caller may type
// ONSITE_NUMBER_TRIES per window (counted before anything is checked, right or wrong), and a number is only tried
// against the activity the volunteer came from, or else the activities they are enrolled in that are open for scanning.
import type { CodeKind } from '@contract/checkin';
import { ONSITE_NUMBER_TRIES, ONSITE_NUMBER_TRY_WINDOW_MIN } from '@contract/checkin';
import { AppError, ErrorCode } from '../../errors';
import { enrollmentsOf, type ActivityDoc } from '../../db/activity.repository';
import { takeNumberTry } from '../../db/checkin.repository';
import { activityCodeSecret } from '../../adapters/checkin-code-secret';
import { verifyOnSiteNumber, type VerifyOptions } from '../../domain/checkin-code';
import { checkScanTime } from '../../domain/checkin-day';
import { currentActivity } from './activity-cache';

const WINDOW_MS = ONSITE_NUMBER_TRY_WINDOW_MIN * 60_000;
/** The most enrolled activities a number without an activity is tried against (a volunteer has one or two a day). */
const MAX_CANDIDATES = 20;

/** The activities a number (or a retried tap of one) may belong to: the given one, or the caller's open ones. */
export async function numberCandidates(openid: string, activityId: string | undefined, now: Date): Promise<ActivityDoc[]> {
  if (activityId) {
    const activity = await currentActivity(activityId);
    return activity ? [activity] : [];
  }
  const ids = (await enrollmentsOf(openid))
    .filter((e) => e.status === 'enrolled')
    .map((e) => e.activityId)
    .slice(0, MAX_CANDIDATES);
  const activities = await Promise.all(ids.map((id) => currentActivity(id)));
  return activities.filter((a): a is ActivityDoc => !!a && a.status !== 'cancelled' && checkScanTime(a, 'out', now).ok);
}

export async function openNumber(
  number: string,
  openid: string,
  activityId: string | undefined,
  now: Date,
  opts: VerifyOptions,
): Promise<{ activity: ActivityDoc; kind: CodeKind; late: boolean }> {
  if (!(await takeNumberTry(openid, Math.floor(now.getTime() / WINDOW_MS), ONSITE_NUMBER_TRIES, now))) {
    throw new AppError(ErrorCode.CHECKIN_TOO_MANY_TRIES, undefined, { retryAfterMin: ONSITE_NUMBER_TRY_WINDOW_MIN });
  }
  for (const activity of await numberCandidates(openid, activityId, now)) {
    const verdict = verifyOnSiteNumber(number, activityCodeSecret(activity._id, activity.codeVersion ?? 0), now, opts);
    if (!verdict.ok) continue;
    if (activity.status === 'cancelled') throw new AppError(ErrorCode.ACTIVITY_CANCELLED, '活动已取消，无需签到');
    return { activity, kind: verdict.kind, late: !!verdict.late };
  }
  throw new AppError(ErrorCode.CHECKIN_CODE_INVALID, '现场数字码不正确或已更新，请核对管理员屏幕上最新的6位数字');
}
