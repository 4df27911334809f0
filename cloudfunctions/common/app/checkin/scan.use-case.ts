// checkin.scan / checkin.scanVolunteer: a signed code (a long payload, a 小程序码 scene or a typed 现场数字码), the
// window, the 5 km rule, then one day record. A retried tap (`retry`) is answered from its echo if its first attempt
// was recorded, and otherwise may carry a code the rotation has just passed (flagged late_retry). Requests per scan
// (activity and code key cached): the activity's fresh stamp (status, code version) comes joined to what the scan
// reads anyway, in one request: a sign-in's enrollment, then the record's insert (two); a sign-out's day record, then
// one conditional update (two). An auto code reads the record with the stamp to decide: sign-in three (the enrollment
// apart), sign-out two, after today's sign-out one. A typed 现场数字码 reads the enrollment or record apart (one more),
// as does the first scan of an activity a warm instance meets, or one whose stamp changed. A scene's key costs one
// read more the first time a warm instance meets it. A replayed nonce finds its echo in the record and
// writes nothing. Doubtful positions are flagged on the record for the roster (domain/scan-flags).
import type {
  CheckinScanInput,
  CheckinScanOutput,
  CheckinScanVolunteerInput,
  CheckinScanVolunteerOutput,
  CheckinKind,
  CodeKind,
  ScanFlag,
  ScanOutcome,
} from '@contract/checkin';
import { scanWindowText } from '@contract/checkin';
import { formatDistance, formatDuration } from '@contract/format';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findEnrollment, type ActivityDoc } from '../../db/activity.repository';
import {
  activityStamp,
  createRecord,
  enrollmentWithStamp,
  findRecord,
  recordWithStamp,
  setSignOutIfLater,
  type DayRecordDoc,
  type EnrollmentStatusDoc,
  type ScanEcho,
} from '../../db/checkin.repository';
import { findVolunteer } from '../../db/volunteer.repository';
import { activityCodeSecret } from '../../adapters/checkin-code-secret';
import { applyScan, checkScanTime, creditedMinutes, dayRecordId, shortSignOut } from '../../domain/checkin-day';
import {
  parsePayload,
  parseScene,
  REVOKED_LOOKBACK,
  sceneSignedWithEarlier,
  signedWithEarlier,
  verifyPayload,
  verifyScene,
  isOnSiteNumber,
  type Secret,
  type VerifyOptions,
} from '../../domain/checkin-code';
import { withinRadius } from '../../domain/geo';
import { scanFlags, withFlags } from '../../domain/scan-flags';
import { toIso } from '../../domain/shanghai-time';
import { currentActivity, currentActivityWith, type StampedRead } from './activity-cache';
import { numberCandidates, openNumber } from './onsite-number';
import { activityIdForKey } from './code-key';
import { requireDayDecider } from '../access';
import { recordView } from './record-view';

interface Scan {
  activity: ActivityDoc;
  openid: string;
  kind: CheckinKind;
  at: Date;
  distanceM: number;
  /** What the phone reported of its position's accuracy, in metres. */
  accuracy?: number;
  flags: ScanFlag[];
  /** Replay key: the volunteer's nonce, absent when an admin scans a volunteer's code. */
  nonce?: string;
  /** Set when an admin signs the volunteer in or out. */
  by?: string;
  /** The volunteer confirmed a short sign-out (their own scans only ask). */
  confirmShort?: boolean;
  /** What was read with the activity's stamp (activity-cache), saving a read of its own. */
  joined?: Joined;
}

/**
 * Read with the activity's stamp: the day's record (a sign-out or auto code), the caller's enrollment (a sign-in, or
 * an auto code's first scan of the day). An absent `doc`/`record` inside was read and found missing.
 */
interface Joined {
  day?: { date: string; record: DayRecordDoc | undefined };
  enrollment?: { doc: EnrollmentStatusDoc | undefined };
}

/** The activity's secrets before `version`, newest first, as far back as a revoked code is recognised. */
const earlierSecrets = (activityId: string, version: number) =>
  Array.from({ length: Math.min(version, REVOKED_LOOKBACK) }, (_, i) => activityCodeSecret(activityId, version - 1 - i));

type Verdict<B> = { ok: true; body: B; late?: true } | { ok: false; reason: 'CODE_INVALID' | 'CODE_EXPIRED' };

/** The volunteer's own scan, of a code that says (before it is verified) which kind it is. */
interface Scanner {
  openid: string;
  kind: CodeKind | undefined;
  now: Date;
}

/**
 * What a scan of this kind reads with the stamp, by the cached activity's schedule: a sign-out or auto code the day's
 * record, and when there is none yet (an auto code's sign-in) the enrollment; a sign-in the enrollment. The kind is
 * the code's unverified claim: a forged one only chooses the read.
 */
const joinedRead =
  (activityId: string, who: Scanner): StampedRead<Joined> =>
  async (cached) => {
    const window = who.kind && who.kind !== 'in' ? checkScanTime(cached, 'out', who.now) : undefined;
    const day = window?.ok ? await recordWithStamp(activityId, dayRecordId(activityId, who.openid, window.date)) : undefined;
    if (window?.ok && day) return { value: { day: { date: window.date, record: day.record } }, stamp: day.stamp };
    const both = await enrollmentWithStamp(activityId, who.openid);
    return {
      value: { ...(window?.ok ? { day: { date: window.date, record: undefined } } : {}), enrollment: { doc: both?.enrollment } },
      stamp: both ? both.stamp : await activityStamp(activityId),
    };
  };

/** The activity as it is now, and with it what the volunteer's own scan reads anyway when it came in the same request. */
async function activityFor(activityId: string, who: Scanner | undefined): Promise<{ activity?: ActivityDoc; joined?: Joined }> {
  return who ? currentActivityWith(activityId, joinedRead(activityId, who)) : { activity: await currentActivity(activityId) };
}

/**
 * Verifies a code against the activity as it is now (cancelled and revoked take effect at once); anything forged,
 * foreign, revoked or stale is CODE_INVALID/CODE_EXPIRED. `late`: accepted only as a retried tap (RETRY_GRACE_SEC).
 * `who`: the scanning volunteer, whose enrollment or day record is read with the activity's stamp.
 */
async function verifyFor<B>(
  activityId: string | undefined,
  verify: (secret: Secret) => Verdict<B>,
  signedEarlier: (secrets: Secret[]) => boolean,
  who?: Scanner,
): Promise<{ activity: ActivityDoc; body: B; late: boolean; joined?: Joined }> {
  const { activity, joined } = activityId ? await activityFor(activityId, who) : {};
  if (!activity) throw new AppError(ErrorCode.CHECKIN_CODE_INVALID);
  const version = activity.codeVersion ?? 0;
  const verdict = verify(activityCodeSecret(activity._id, version));
  if (!verdict.ok && verdict.reason === 'CODE_EXPIRED') throw new AppError(ErrorCode.CHECKIN_CODE_EXPIRED);
  if (!verdict.ok) {
    if (signedEarlier(earlierSecrets(activity._id, version))) {
      throw new AppError(ErrorCode.CHECKIN_CODE_INVALID, '该签到码已被管理员作废，请扫描现场最新出示的签到码', { revoked: true });
    }
    throw new AppError(ErrorCode.CHECKIN_CODE_INVALID);
  }
  if (activity.status === 'cancelled') throw new AppError(ErrorCode.ACTIVITY_CANCELLED, '活动已取消，无需签到');
  return { activity, body: verdict.body, late: !!verdict.late, joined };
}

/** A long payload of the wanted type (`a` activity code, `v` a volunteer's code). */
async function openCode(payload: string, want: 'a' | 'v', now: Date, opts: VerifyOptions = {}, openid?: string) {
  const parsed = parsePayload(payload);
  if (!parsed || parsed.t !== want) throw new AppError(ErrorCode.CHECKIN_CODE_INVALID);
  return verifyFor(
    parsed.a,
    (secret) => verifyPayload(payload, secret, now, opts),
    (secrets) => signedWithEarlier(payload, secrets),
    openid ? { openid, kind: parsed.k, now } : undefined,
  );
}

type OpenedCode = { activity: ActivityDoc; kind: CodeKind; late: boolean; joined?: Joined };

/**
 * An activity code: a long payload, the scene of its 小程序码 (found by the activity's code key), or a typed
 * 现场数字码 (of `input.activityId`, or of the caller's open activities).
 */
async function openActivityCode(input: CheckinScanInput, openid: string, now: Date): Promise<OpenedCode> {
  const payload = input.payload;
  const opts: VerifyOptions = { retry: input.retry };
  if (isOnSiteNumber(payload)) return openNumber(payload, openid, input.activityId, now, opts);
  const scene = parseScene(payload);
  if (!scene) {
    const { activity, body, late, joined } = await openCode(payload, 'a', now, opts, openid);
    if (!body.k) throw new AppError(ErrorCode.CHECKIN_CODE_INVALID);
    return { activity, kind: body.k, late, joined };
  }
  const { activity, body, late, joined } = await verifyFor(
    await activityIdForKey(scene.key),
    (secret) => verifyScene(payload, secret, now, opts),
    (secrets) => sceneSignedWithEarlier(payload, secrets),
    { openid, kind: scene.kind, now },
  );
  return { activity, kind: body.kind, late, joined };
}

/**
 * The activities a code names before it is verified (a long payload's id, a scene's key, a number's candidates):
 * only to find the caller's own echo of a retried tap, which proves by itself that the first attempt was accepted.
 */
async function namedActivities(input: CheckinScanInput, openid: string, now: Date): Promise<ActivityDoc[]> {
  if (isOnSiteNumber(input.payload)) return numberCandidates(openid, input.activityId, now);
  const scene = parseScene(input.payload);
  const parsed = scene ? undefined : parsePayload(input.payload);
  const id = scene ? await activityIdForKey(scene.key) : parsed?.t === 'a' ? parsed.a : undefined;
  const activity = id ? await currentActivity(id) : undefined;
  return activity ? [activity] : [];
}

/**
 * A tap sent again after no answer: if its first attempt was recorded (the nonce's echo on the caller's day), that
 * answer is given again, however far the rotating code has moved on since, and nothing is checked or written.
 */
async function replayRetry(input: CheckinScanInput, openid: string, now: Date): Promise<CheckinScanOutput | undefined> {
  if (!input.retry) return undefined;
  for (const activity of await namedActivities(input, openid, now)) {
    const day = checkScanTime(activity, 'out', now);
    if (!day.ok) continue;
    const record = await findRecord(dayRecordId(activity._id, openid, day.date));
    const again = replay({ activity, openid, kind: 'in', at: now, distanceM: 0, flags: [], nonce: input.nonce }, day.date, record);
    if (again) return again;
  }
  return undefined;
}

function windowDate(activity: ActivityDoc, kind: CheckinKind, at: Date): string {
  const check = checkScanTime(activity, kind, at);
  if (!check.ok) {
    const verb = kind === 'in' ? '签到' : '签退';
    throw new AppError(
      ErrorCode.CHECKIN_OUTSIDE_WINDOW,
      `不在${verb}时间内：活动${activity.startDate === activity.endDate ? activity.startDate : `${activity.startDate}至${activity.endDate}`}每天${activity.dailyStart}-${activity.dailyEnd}，${scanWindowText()}`,
      { date: check.date },
    );
  }
  return check.date;
}

const OUTCOME: Record<CheckinKind, ScanOutcome> = { in: 'signedIn', out: 'signedOut' };

function answer(
  s: Pick<Scan, 'activity' | 'kind' | 'distanceM'>,
  at: Date,
  date: string,
  record: DayRecordDoc,
  repeated: boolean,
  outcome: ScanOutcome = OUTCOME[s.kind],
): CheckinScanOutput {
  return {
    kind: s.kind,
    outcome,
    date,
    at: toIso(at),
    distanceM: s.distanceM,
    record: recordView(record),
    title: s.activity.title,
    repeated,
  };
}

/** The echo of this nonce in the record: in its list, or (records written before the list) an own key of `scans`. */
export function echoOf(record: DayRecordDoc, nonce: string): Omit<ScanEcho, 'nonce'> | undefined {
  const listed = record.echoes?.find((e) => e.nonce === nonce);
  if (listed) return listed;
  const keyed = record.scans;
  // Own keys only: `constructor` or `toString` is a member of every object, not an earlier scan.
  return keyed && Object.prototype.hasOwnProperty.call(keyed, nonce) ? keyed[nonce] : undefined;
}

const echoFor = (s: Scan, kind: CheckinKind, nonce: string): ScanEcho => ({
  nonce,
  kind,
  at: s.at,
  distanceM: s.distanceM,
  ...(s.accuracy !== undefined ? { accuracy: s.accuracy } : {}),
  ...(s.flags.length ? { flags: s.flags } : {}),
});

/** The echo of an earlier scan with this nonce, answered again without a write. */
function replay(s: Scan, date: string, record: DayRecordDoc | undefined): CheckinScanOutput | undefined {
  const echo = s.nonce && record ? echoOf(record, s.nonce) : undefined;
  if (!record || !echo) return undefined;
  return answer({ activity: s.activity, kind: echo.kind, distanceM: echo.distanceM }, new Date(echo.at), date, record, true);
}

/** The day's record as read with the activity's stamp (undefined inside: there was none), if it was read for `date`. */
const joinedRecord = (s: Scan, date: string) => (s.joined?.day?.date === date ? s.joined.day : undefined);

async function signIn(s: Scan, date: string): Promise<CheckinScanOutput> {
  const enrollment = (s.joined?.enrollment ?? { doc: await findEnrollment(s.activity._id, s.openid) }).doc;
  if (!enrollment || enrollment.status !== 'enrolled') throw new AppError(ErrorCode.CHECKIN_NOT_ENROLLED);
  const id = dayRecordId(s.activity._id, s.openid, date);
  const doc: DayRecordDoc = {
    _id: id,
    activityId: s.activity._id,
    orgId: s.activity.orgId,
    openid: s.openid,
    date,
    signInAt: s.at,
    minutes: 0,
    status: 'open',
    ...(s.by ? { signInBy: s.by } : {}),
    adjustments: [],
    echoes: s.nonce ? [echoFor(s, 'in', s.nonce)] : [],
    ...(s.flags.length ? { flags: s.flags } : {}),
    createdAt: s.at,
    updatedAt: s.at,
  };
  if (await createRecord(doc)) return answer(s, s.at, date, doc, false);
  // The day already has its record: the first sign-in counts, this one changes nothing.
  const existing = await findRecord(id);
  if (!existing) throw new AppError(ErrorCode.INTERNAL);
  return replay(s, date, existing) ?? answer(s, existing.signInAt ? new Date(existing.signInAt) : s.at, date, existing, true);
}

const timesOf = (r: DayRecordDoc | undefined) =>
  r
    ? { ...(r.signInAt ? { signInAt: new Date(r.signInAt) } : {}), ...(r.signOutAt ? { signOutAt: new Date(r.signOutAt) } : {}) }
    : undefined;

/** A volunteer's own sign-out soon after signing in (or before the day starts) is refused until they confirm it. */
function refuseUnconfirmedShort(s: Scan, date: string, signInAt: Date | undefined): void {
  if (s.by || s.confirmShort || !signInAt) return;
  const short = shortSignOut(s.activity, date, signInAt, s.at);
  if (short) {
    throw new AppError(ErrorCode.CHECKIN_CONFIRM_SHORT_SIGN_OUT, `现在签退将只记录${formatDuration(short.minutes)}，确定吗？`, {
      minutes: short.minutes,
    });
  }
}

/** The record as read with the activity's stamp (or as an auto code decided on it) saves the first read. */
async function signOut(s: Scan, date: string): Promise<CheckinScanOutput> {
  const id = dayRecordId(s.activity._id, s.openid, date);
  const known = joinedRecord(s, date);
  for (let attempt = 0; attempt < 3; attempt++) {
    const record = attempt === 0 && known ? known.record : await findRecord(id);
    const again = replay(s, date, record);
    if (again) return again;
    const step = applyScan(timesOf(record), 'out', s.at);
    if (!step.ok || !record) throw new AppError(ErrorCode.CHECKIN_NOT_SIGNED_IN);
    // The latest sign-out counts: one no later than the stored one changes nothing.
    if (step.write === 'none') return answer(s, s.at, date, record, true);
    refuseUnconfirmedShort(s, date, step.next.signInAt);
    const minutes = creditedMinutes(s.activity, date, step.next.signInAt, step.next.signOutAt);
    const status: DayRecordDoc['status'] = record.status === 'adjusted' ? 'adjusted' : 'closed';
    const by = s.by ? { signOutBy: s.by } : {};
    const patch: Partial<DayRecordDoc> = { ...step.changes, minutes, status, updatedAt: s.at, ...by };
    const written = await setSignOutIfLater(id, s.at, patch, { echo: s.nonce ? echoFor(s, 'out', s.nonce) : undefined, flags: s.flags });
    if (written)
      return answer(
        s,
        s.at,
        date,
        { ...record, signOutAt: s.at, minutes, status, updatedAt: s.at, ...by, flags: withFlags(record.flags, s.flags) },
        false,
      );
    // A concurrent sign-out landed between the read and the write: read again and decide again.
  }
  throw new AppError(ErrorCode.INTERNAL);
}

function record(s: Scan): Promise<CheckinScanOutput> {
  const date = windowDate(s.activity, s.kind, s.at);
  return s.kind === 'in' ? signIn(s, date) : signOut(s, date);
}

/**
 * One on-site code: the day record decides. No sign-in yet → sign in; signed in, not out → sign out; signed out
 * already → nothing changes and the answer says so (`alreadySignedOut`, with the day's sign-out and minutes).
 */
async function auto(s: Scan, date: string): Promise<CheckinScanOutput> {
  const record = (joinedRecord(s, date) ?? { record: await findRecord(dayRecordId(s.activity._id, s.openid, date)) }).record;
  const again = replay(s, date, record);
  if (again) return again;
  if (record?.signInAt && !record.signOutAt) return signOut({ ...s, kind: 'out', joined: { day: { date, record } } }, date);
  if (record?.signOutAt) return answer({ ...s, kind: 'out' }, new Date(record.signOutAt), date, record, true, 'alreadySignedOut');
  return signIn({ ...s, kind: 'in' }, windowDate(s.activity, 'in', s.at));
}

export async function scan(input: CheckinScanInput, ctx: Ctx): Promise<CheckinScanOutput> {
  const openid = requireOpenid(ctx);
  const replayed = await replayRetry(input, openid, ctx.now);
  if (replayed) return replayed;
  const { activity, kind: codeKind, late, joined } = await openActivityCode(input, openid, ctx.now);
  // An auto code is accepted in the wider sign-out window; a sign-in it decides on checks its own window.
  const kind: CheckinKind = codeKind === 'in' ? 'in' : 'out';
  const date = windowDate(activity, kind, ctx.now);
  const range = withinRadius(input.location, activity.location, activity.radiusM);
  if (!range.ok) {
    throw new AppError(
      ErrorCode.CHECKIN_OUT_OF_RANGE,
      `您距活动地点约${formatDistance(range.distanceM)}，超出${formatDistance(activity.radiusM)}签到范围。请到达活动地点后再试；如已在现场，请打开手机的精确定位，或请管理员扫描您的个人签到码`,
      { distanceM: range.distanceM, radiusM: activity.radiusM },
    );
  }
  const s: Scan = {
    activity,
    openid,
    kind,
    at: ctx.now,
    distanceM: range.distanceM,
    accuracy: input.location.accuracy,
    flags: late ? withFlags(scanFlags(input.location, range.distanceM), ['late_retry']) : scanFlags(input.location, range.distanceM),
    nonce: input.nonce,
    confirmShort: input.confirmShort,
    joined,
  };
  // A replay is answered from the record before anything else is checked again.
  if (codeKind === 'auto') return auto(s, date);
  if (kind === 'in') return signIn(s, date);
  return signOut(s, date);
}

export async function scanVolunteer(input: CheckinScanVolunteerInput, ctx: Ctx): Promise<CheckinScanVolunteerOutput> {
  const admin = requireOpenid(ctx);
  const { activity, body } = await openCode(input.payload, 'v', ctx.now);
  const openid = String(body.o);
  // No location is checked here (the admin is there): so nobody scans their own personal code.
  await requireDayDecider(admin, activity.orgId, openid);
  const result = await record({ activity, openid, kind: input.kind, at: ctx.now, distanceM: 0, flags: [], by: admin });
  const volunteer = await findVolunteer(openid);
  return { ...result, realName: volunteer?.realName ?? '' };
}
