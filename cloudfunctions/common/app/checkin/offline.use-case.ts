// Offline check-in (API.md "Offline scans"): checkin.uploadOffline (a volunteer's own queued scans of activity codes),
// checkin.uploadOfflineVolunteerScans (an admin's queued scans of volunteers' personal codes), checkin.offlinePending
// and checkin.decideOffline (待确认 and flagged ones). Each scan is judged by domain/offline-scan, claimed by its
// nonce (a second upload answers `duplicate` and writes nothing), then applied to the day record with the day's own
// rules: the earliest sign-in and the latest sign-out count, whatever order they arrive in; a sign-out whose sign-in
// has not arrived waits for it. Every scan applied leaves a 离线 mark and an audit entry on the record.
// Requests per recorded scan: the activity's stamp (once per call), the claim, the record read, (a sign-in: the
// enrollment and the day's waiting sign-outs), the record write, the state write; a held (pending, flagged, expired,
// refused) scan: the claim only.
import {
  CHECKIN_KIND_LABEL,
  OFFLINE_REASON_LABEL,
  ROTATING_STEP_SEC,
  type CheckinDecideOfflineInput,
  type CheckinDecideOfflineOutput,
  type CheckinKind,
  type CheckinOfflinePendingInput,
  type CheckinOfflinePendingOutput,
  type CheckinUploadOfflineInput,
  type CheckinUploadOfflineOutput,
  type CheckinUploadOfflineVolunteerScansInput,
  type OfflineItemResult,
  type OfflineReason,
  type OfflineScanItem,
  type OfflineVolunteerScanItem,
} from '@contract/checkin';
import { formatDistance } from '@contract/format';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findEnrollment, type ActivityDoc } from '../../db/activity.repository';
import { applyOfflineIf, createRecord, findRecord, type AdjustmentDoc, type DayRecordDoc } from '../../db/checkin.repository';
import {
  claimOfflineScan,
  findOfflineScan,
  offlineScanId,
  offlineScansIn,
  setOfflineState,
  takeOverProcessing,
  waitingSignOuts,
  type OfflineScanDoc,
} from '../../db/offline-scan.repository';
import { contactsOf } from '../../db/org.repository';
import { findVolunteer } from '../../db/volunteer.repository';
import { activityCodeSecret } from '../../adapters/checkin-code-secret';
import { capBinds, checkScanTime, creditedMinutes, dayRecordId } from '../../domain/checkin-day';
import { isOnSiteNumber, parsePayload, parseScene, verifyPayload, verifyScene } from '../../domain/checkin-code';
import { withinRadius } from '../../domain/geo';
import { judgeOfflineBatchSignOut, judgeOfflineScan } from '../../domain/offline-scan';
import { scanFlags, withFlags } from '../../domain/scan-flags';
import { shanghaiDate, toIso } from '../../domain/shanghai-time';
import { dayDecider, requireReader } from '../access';
import { requireActivity } from '../activity/activity-lookup';
import { currentActivity } from './activity-cache';
import { activityIdForKey } from './code-key';
import { recordView } from './record-view';
import { applyBatchToDay, checkBatchTime } from './offline-batch';
import { echoOf } from './scan.use-case';

const STEP_MS = ROTATING_STEP_SEC * 1000;
/** Volunteers whose queued scans are applied at once (one volunteer's scans always one after another, in time order). */
const PARALLEL_DAYS = 8;

// ---- Opening a queued code ----

interface Opened {
  activity: ActivityDoc;
  /** Activity codes: in, out or auto; personal codes: the volunteer's openid. */
  codeKind?: 'in' | 'out' | 'auto';
  volunteer?: string;
  step?: number;
}

/**
 * The code a queued scan carried, verified at its own step (a rotating code is checked against the time it proves,
 * not the upload's), against the activity's current secret: a code revoked since is refused, as online.
 */
async function openQueued(
  payload: string,
  want: 'a' | 'v',
  activities: (id: string) => Promise<ActivityDoc | undefined>,
  now: Date,
): Promise<Opened> {
  if (isOnSiteNumber(payload)) throw new AppError(ErrorCode.CHECKIN_OFFLINE_UNSUPPORTED);
  const scene = want === 'a' ? parseScene(payload) : undefined;
  const parsed = scene ? undefined : parsePayload(payload);
  if (!scene && (!parsed || parsed.t !== want)) throw new AppError(ErrorCode.CHECKIN_CODE_INVALID);
  const activityId = scene ? await activityIdForKey(scene.key) : parsed!.a;
  const activity = activityId ? await activities(activityId) : undefined;
  if (!activity) throw new AppError(ErrorCode.CHECKIN_CODE_INVALID);
  const step = scene ? scene.s : parsed!.s;
  // The step's own time: inside the window the online check accepts, so only the MAC and the form decide here.
  const probe = step !== undefined ? step * STEP_MS + 1 : now;
  const secret = activityCodeSecret(activity._id, activity.codeVersion ?? 0);
  const verdict = scene ? verifyScene(payload, secret, probe) : verifyPayload(payload, secret, probe);
  if (!verdict.ok) throw new AppError(ErrorCode.CHECKIN_CODE_INVALID);
  if (activity.status === 'cancelled') throw new AppError(ErrorCode.ACTIVITY_CANCELLED, '活动已取消，无需签到');
  if (scene) return { activity, codeKind: scene.kind, step };
  const body = parsePayload(payload)!;
  return body.t === 'a' ? { activity, codeKind: body.k, step } : { activity, volunteer: String(body.o), step };
}

// ---- Applying a scan to its day ----

interface Applied {
  state: 'recorded' | 'waiting';
  kind: CheckinKind;
  record?: DayRecordDoc;
}

const clock = (d: Date) => toIso(d).slice(11, 16);

function auditOf(
  s: OfflineScanDoc,
  kind: CheckinKind,
  byName: string,
  before: DayRecordDoc | undefined,
  after: Partial<DayRecordDoc>,
  now: Date,
  confirmedBy?: string,
  capped = false,
): AdjustmentDoc {
  const who = s.by ? '管理员扫描个人签到码' : '本人扫码';
  const why = confirmedBy ? '管理员确认' : s.reason ? OFFLINE_REASON_LABEL[s.reason] : '';
  return {
    by: confirmedBy ?? s.by ?? s.openid,
    byName,
    at: now,
    reason: `离线${CHECKIN_KIND_LABEL[kind]}（${who}，${clock(new Date(s.at))}${why ? `，${why}` : ''}）`,
    before: {
      ...(before?.signInAt ? { signInAt: before.signInAt } : {}),
      ...(before?.signOutAt ? { signOutAt: before.signOutAt } : {}),
      minutes: before?.minutes ?? 0,
    },
    after: {
      ...(after.signInAt ? { signInAt: after.signInAt } : {}),
      ...(after.signOutAt ? { signOutAt: after.signOutAt } : {}),
      minutes: after.minutes ?? 0,
    },
    kind: 'offline',
    ...(capped ? { capped: true } : {}),
  };
}

interface ApplyCtx {
  activity: ActivityDoc;
  now: Date;
  /** The name the audit entry gives its author. */
  nameOf: (openid: string) => Promise<string>;
  confirmedBy?: string;
}

/**
 * The scan on its day, by the day's rules as if it had arrived in time: the earliest sign-in counts (an earlier one
 * replaces a later), the latest sign-out counts; a sign-out with no sign-in before it waits (`waiting`) until one
 * arrives. Idempotent: a scan whose mark the record has already changes nothing.
 */
async function applyToDay(s: OfflineScanDoc, c: ApplyCtx): Promise<Applied> {
  const id = dayRecordId(s.activityId, s.openid, s.date);
  for (let attempt = 0; attempt < 4; attempt++) {
    const record = await findRecord(id);
    const signInAt = record?.signInAt ? new Date(record.signInAt) : undefined;
    const signOutAt = record?.signOutAt ? new Date(record.signOutAt) : undefined;
    const at = new Date(s.at);
    const kind: CheckinKind = s.codeKind === 'auto' ? (!signInAt || at < signInAt ? 'in' : 'out') : s.kind;
    if (record?.offline?.some((m) => m.scanId === s._id)) return { state: 'recorded', kind, record };
    const mark = {
      scanId: s._id,
      kind,
      at,
      syncedAt: new Date(s.createdAt),
      ...(s.by ? { by: s.by } : {}),
      ...(c.confirmedBy ? { confirmedBy: c.confirmedBy } : {}),
    };
    const byName = await c.nameOf(c.confirmedBy ?? s.by ?? s.openid);
    if (kind === 'in') {
      if (s.codeKind === 'auto' && !checkScanTime(c.activity, 'in', at).ok)
        throw new AppError(ErrorCode.CHECKIN_OUTSIDE_WINDOW, '不在签到时间内');
      if (signInAt && signInAt.getTime() <= at.getTime()) return { state: 'recorded', kind, record };
      const minutes = signOutAt ? creditedMinutes(c.activity, s.date, at, signOutAt) : 0;
      if (!record) {
        const enrollment = await findEnrollment(s.activityId, s.openid);
        if (!enrollment || enrollment.status !== 'enrolled') throw new AppError(ErrorCode.CHECKIN_NOT_ENROLLED);
        const doc: DayRecordDoc = {
          _id: id,
          activityId: s.activityId,
          orgId: s.orgId,
          openid: s.openid,
          date: s.date,
          signInAt: at,
          minutes: 0,
          status: 'open',
          ...(s.by ? { signInBy: s.by } : {}),
          adjustments: [auditOf(s, kind, byName, undefined, { signInAt: at, minutes: 0 }, c.now, c.confirmedBy)],
          echoes: [],
          flags: withFlags([], s.flags),
          offline: [mark],
          createdAt: c.now,
          updatedAt: c.now,
        };
        if (!(await createRecord(doc))) continue;
        return { state: 'recorded', kind, record: await applyWaiting(doc, c) };
      }
      const patch: Partial<DayRecordDoc> = { signInAt: at, minutes, updatedAt: c.now, ...(s.by ? { signInBy: s.by } : {}) };
      const capped = capBinds(c.activity, s.date, at, signOutAt);
      const audit = auditOf(s, kind, byName, record, { signInAt: at, signOutAt, minutes }, c.now, c.confirmedBy, capped);
      if (
        !(await applyOfflineIf(id, record.updatedAt, patch, {
          mark,
          audit,
          flags: s.flags,
          remove: s.by || !record.signInBy ? [] : ['signInBy'],
        }))
      )
        continue;
      const next: DayRecordDoc = {
        ...record,
        ...patch,
        flags: withFlags(record.flags, s.flags),
        offline: [...(record.offline ?? []), mark],
        adjustments: [...(record.adjustments ?? []), audit],
      };
      if (!s.by) delete next.signInBy;
      return { state: 'recorded', kind, record: await applyWaiting(next, c) };
    }
    // A sign-out: it needs a sign-in before it.
    if (!signInAt || signInAt.getTime() >= at.getTime()) {
      if (s.state === 'waiting') return { state: 'waiting', kind };
      await setOfflineState(s._id, { state: 'waiting', kind, updatedAt: c.now });
      s.state = 'waiting';
      // A sign-in written meanwhile looked for waiting sign-outs before this one waited: look at the day again.
      continue;
    }
    if (signOutAt && signOutAt.getTime() >= at.getTime()) return { state: 'recorded', kind, record };
    const minutes = creditedMinutes(c.activity, s.date, signInAt, at);
    const status: DayRecordDoc['status'] = record!.status === 'adjusted' ? 'adjusted' : 'closed';
    const patch: Partial<DayRecordDoc> = { signOutAt: at, minutes, status, updatedAt: c.now, ...(s.by ? { signOutBy: s.by } : {}) };
    const capped = capBinds(c.activity, s.date, signInAt, at);
    const audit = auditOf(s, kind, byName, record, { signInAt, signOutAt: at, minutes }, c.now, c.confirmedBy, capped);
    if (
      !(await applyOfflineIf(id, record!.updatedAt, patch, {
        mark,
        audit,
        flags: s.flags,
        remove: s.by || !record!.signOutBy ? [] : ['signOutBy'],
      }))
    )
      continue;
    const next: DayRecordDoc = {
      ...record!,
      ...patch,
      flags: withFlags(record!.flags, s.flags),
      offline: [...(record!.offline ?? []), mark],
      adjustments: [...(record!.adjustments ?? []), audit],
    };
    if (!s.by) delete next.signOutBy;
    return { state: 'recorded', kind, record: next };
  }
  throw new AppError(ErrorCode.VALIDATION, '记录正在被修改，请稍后重试');
}

/** After a sign-in: the day's sign-outs that waited for it apply now (the latest counts). */
async function applyWaiting(record: DayRecordDoc, c: ApplyCtx): Promise<DayRecordDoc> {
  const waiting = await waitingSignOuts(record.activityId, record.openid, record.date);
  let latest = record;
  for (const w of waiting.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())) {
    const done = await applyToDay(w, { ...c, confirmedBy: w.decidedBy });
    if (done.state === 'recorded') {
      await setOfflineState(w._id, { state: w.decidedBy ? 'confirmed' : 'recorded', updatedAt: c.now }, 'waiting');
      if (done.record) latest = done.record;
    }
  }
  return latest;
}

// ---- Uploads ----

interface Queued {
  item: OfflineScanItem | OfflineVolunteerScanItem;
  uploadedBy: string;
}

interface UploadCtx {
  now: Date;
  want: 'a' | 'v';
  /** For an admin's upload: the activity, and whose day they may decide. */
  activityId?: string;
  decides?: (concerned: string) => 'allowed' | 'self' | 'forbidden';
  activities: (id: string) => Promise<ActivityDoc | undefined>;
  nameOf: (openid: string) => Promise<string>;
}

const refusedResult = (nonce: string, err: AppError): OfflineItemResult => ({
  nonce,
  result: 'refused',
  code: err.code,
  message: err.message,
});

/** What a queued item is once its code (or, for a queued 批量签退, the person) is checked: what to keep and apply. */
interface Judged {
  activity: ActivityDoc;
  openid: string;
  kind: CheckinKind;
  codeKind?: 'in' | 'out' | 'auto';
  step?: number;
  decision: 'accept' | 'pending' | 'flagged' | 'expired';
  at: Date;
  reason: OfflineReason;
  date: string;
  flags: OfflineScanDoc['flags'];
  distanceM?: number;
  batch?: boolean;
}

/** Whose day an admin's item touches, by their verdict: refused for the admin's own day or a day they do not decide. */
function requireDecides(u: UploadCtx, openid: string, self: string): void {
  const verdict = u.decides!(openid);
  if (verdict === 'self') throw new AppError(ErrorCode.AUTH_SELF_DEALING, self);
  if (verdict === 'forbidden') throw new AppError(ErrorCode.AUTH_FORBIDDEN);
}

/** A queued 批量签退 of one person: no code, the admin's chosen time checked against the phone's timing. */
async function judgeBatch(item: OfflineVolunteerScanItem, u: UploadCtx): Promise<Judged> {
  const activity = await u.activities(u.activityId!);
  if (!activity) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  const openid = item.openid!;
  requireDecides(u, openid, '您本人的记录，须由本队其他管理员签退');
  const verdict = judgeOfflineBatchSignOut({
    batchAt: new Date(item.batchAt!),
    claimedAt: new Date(item.claimedAt),
    syncedServerTime: item.syncedServerTime ? new Date(item.syncedServerTime) : undefined,
    elapsedMs: item.elapsedMs,
    uploadAt: u.now,
  });
  const date = shanghaiDate(verdict.at);
  if (verdict.decision !== 'expired') checkBatchTime(activity, date, verdict.at, u.now);
  return { activity, openid, kind: 'out', ...verdict, date, flags: ['offline'], batch: true };
}

/** A queued scan of a code: verified, its time judged, then the checks an online scan gets at that instant. */
async function judgeScan(q: Queued, u: UploadCtx): Promise<Judged> {
  const { item } = q;
  const opened = await openQueued(item.payload!, u.want, u.activities, u.now);
  const { activity } = opened;
  let openid = q.uploadedBy;
  let kind: CheckinKind;
  let flags: OfflineScanDoc['flags'] = ['offline'];
  let distanceM: number | undefined;
  if (u.want === 'v') {
    if (activity._id !== u.activityId) throw new AppError(ErrorCode.CHECKIN_CODE_INVALID, '该个人签到码不属于本活动');
    openid = opened.volunteer!;
    requireDecides(u, openid, '不能扫描本人的个人签到码');
    kind = (item as OfflineVolunteerScanItem).kind;
  } else {
    kind = opened.codeKind === 'in' ? 'in' : 'out';
  }
  const verdict = judgeOfflineScan({
    step: opened.step,
    claimedAt: new Date(item.claimedAt),
    syncedServerTime: item.syncedServerTime ? new Date(item.syncedServerTime) : undefined,
    elapsedMs: item.elapsedMs,
    uploadAt: u.now,
  });
  const window = checkScanTime(activity, kind, verdict.at);
  if (verdict.decision !== 'expired' && !window.ok)
    throw new AppError(ErrorCode.CHECKIN_OUTSIDE_WINDOW, `不在${CHECKIN_KIND_LABEL[kind]}时间内`, { date: window.date });
  if (u.want === 'a') {
    const location = (item as OfflineScanItem).location;
    const range = withinRadius(location, activity.location, activity.radiusM);
    if (!range.ok)
      throw new AppError(
        ErrorCode.CHECKIN_OUT_OF_RANGE,
        `扫码时距活动地点约${formatDistance(range.distanceM)}，超出${formatDistance(activity.radiusM)}签到范围`,
        {
          distanceM: range.distanceM,
          radiusM: activity.radiusM,
        },
      );
    distanceM = range.distanceM;
    flags = withFlags(flags, scanFlags(location, range.distanceM));
  }
  return {
    activity,
    openid,
    kind,
    ...(opened.codeKind ? { codeKind: opened.codeKind } : {}),
    ...(opened.step !== undefined ? { step: opened.step } : {}),
    ...verdict,
    date: window.date,
    flags,
    ...(distanceM !== undefined ? { distanceM } : {}),
  };
}

/** Whether an online scan with this nonce was recorded on the day (the phone kept the tap when its answer got lost). */
async function reachedOnline(recordId: string, nonce: string): Promise<boolean> {
  const record = await findRecord(recordId);
  return record !== undefined && echoOf(record, nonce) !== undefined;
}

/** Judges, claims and applies one queued scan; never throws for the scan's own faults (they are its result). */
async function uploadOne(q: Queued, u: UploadCtx): Promise<OfflineItemResult> {
  const { item } = q;
  const id = offlineScanId(q.uploadedBy, item.nonce);
  const claimedAt = new Date(item.claimedAt);
  let doc: OfflineScanDoc | undefined;
  try {
    const batchItem = u.want === 'v' && (item as OfflineVolunteerScanItem).openid !== undefined;
    const j = batchItem ? await judgeBatch(item as OfflineVolunteerScanItem, u) : await judgeScan(q, u);
    const { activity } = j;
    // The tap's online attempt arrived after all (only its answer was lost): the day holds its echo, nothing to add.
    if (u.want === 'a' && (await reachedOnline(dayRecordId(activity._id, j.openid, j.date), item.nonce)))
      return { nonce: item.nonce, id, result: 'duplicate', was: 'recorded', kind: j.kind, date: j.date };
    const state = j.decision === 'accept' ? 'processing' : j.decision;
    doc = {
      _id: id,
      activityId: activity._id,
      orgId: activity.orgId,
      openid: j.openid,
      uploadedBy: q.uploadedBy,
      ...(u.want === 'v' ? { by: q.uploadedBy } : {}),
      ...(j.batch ? { batch: true } : {}),
      nonce: item.nonce,
      kind: j.kind,
      ...(j.codeKind ? { codeKind: j.codeKind } : {}),
      date: j.date,
      at: j.at,
      claimedAt,
      ...(item.syncedServerTime ? { syncedServerTime: new Date(item.syncedServerTime) } : {}),
      ...(item.elapsedMs !== undefined ? { elapsedMs: item.elapsedMs } : {}),
      ...(j.step !== undefined ? { step: j.step } : {}),
      ...(j.distanceM !== undefined ? { distanceM: j.distanceM } : {}),
      ...((item as OfflineScanItem).location?.accuracy !== undefined ? { accuracy: (item as OfflineScanItem).location.accuracy } : {}),
      flags: j.flags,
      state,
      reason: j.reason,
      createdAt: u.now,
      updatedAt: u.now,
    };
    const base = { nonce: item.nonce, id, reason: j.reason, kind: j.kind, at: toIso(j.at), date: j.date };
    if (!(await claimOfflineScan(doc))) return duplicateOrResume(item.nonce, id, { activity, now: u.now, nameOf: u.nameOf });
    if (state !== 'processing') return { ...base, result: state };
    return { ...base, ...(await applyClaimed(doc, { activity, now: u.now, nameOf: u.nameOf })) };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // Refused: kept too, so that the same nonce uploaded again answers `duplicate`.
    if (doc) {
      await setOfflineState(id, { state: 'refused', code: err.code, message: err.message, updatedAt: u.now });
      return refusedResult(item.nonce, err);
    }
    const kept = await claimOfflineScan({
      _id: id,
      activityId: '',
      orgId: '',
      openid: q.uploadedBy,
      uploadedBy: q.uploadedBy,
      nonce: item.nonce,
      kind: 'in',
      date: '',
      at: claimedAt,
      claimedAt,
      flags: ['offline'],
      state: 'refused',
      code: err.code,
      message: err.message,
      createdAt: u.now,
      updatedAt: u.now,
    });
    return kept ? refusedResult(item.nonce, err) : duplicate(item.nonce, id);
  }
}

/** An upload that claimed a scan and then died (its function timed out) leaves it `processing`; after this long another applies it. */
export const STALE_PROCESSING_MS = 60_000;

/**
 * The nonce was claimed before. Usually that upload finished, and this one answers `duplicate`; if it is still
 * `processing` a minute later, it died halfway: this upload applies the scan (applying is idempotent: the day
 * record carries the scan's mark) instead of leaving it lost behind a `duplicate`.
 */
async function duplicateOrResume(nonce: string, id: string, c: ApplyCtx): Promise<OfflineItemResult> {
  const first = await findOfflineScan(id);
  const since = first?.state === 'processing' ? new Date(first.updatedAt) : undefined;
  if (!first || !since || c.now.getTime() - since.getTime() < STALE_PROCESSING_MS || !(await takeOverProcessing(id, since, c.now)))
    return duplicate(nonce, id, first);
  return {
    nonce,
    id,
    reason: first.reason,
    kind: first.kind,
    at: toIso(new Date(first.at)),
    date: first.date,
    ...(await applyClaimed(first, c)),
  };
}

/** Applies a claimed (`processing`) scan to its day and keeps what became of it. */
async function applyClaimed(
  doc: OfflineScanDoc,
  c: ApplyCtx,
): Promise<Pick<OfflineItemResult, 'result' | 'kind' | 'skipReason' | 'record'>> {
  if (doc.batch) {
    const done = await applyBatchToDay(doc, c);
    await setOfflineState(doc._id, { state: done.state, ...(done.skipReason ? { skipReason: done.skipReason } : {}), updatedAt: c.now });
    return {
      result: done.state,
      ...(done.skipReason ? { skipReason: done.skipReason } : {}),
      ...(done.record ? { record: recordView(done.record) } : {}),
    };
  }
  const applied = await applyToDay(doc, c);
  if (applied.state === 'recorded') await setOfflineState(doc._id, { state: 'recorded', kind: applied.kind, updatedAt: c.now });
  return { kind: applied.kind, result: applied.state, ...(applied.record ? { record: recordView(applied.record) } : {}) };
}

async function duplicate(nonce: string, id: string, known?: OfflineScanDoc): Promise<OfflineItemResult> {
  const first = known ?? (await findOfflineScan(id));
  const was =
    first?.state === 'confirmed' ? 'recorded' : first?.state === 'rejected' || first?.state === 'processing' ? undefined : first?.state;
  return { nonce, id, result: 'duplicate', ...(was ? { was } : {}) };
}

/** Runs `work` over groups, PARALLEL_DAYS groups at a time. */
async function inGroups<T>(groups: T[][], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let g = next++; g < groups.length; g = next++) for (const item of groups[g]) await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_DAYS, groups.length) }, worker));
}

function memo<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, load(key));
    return seen.get(key)!;
  };
}

const nameLoader = () => memo(async (openid: string) => (await findVolunteer(openid))?.realName ?? '');

/** Items in time order, grouped by whose day they touch (the payload's unverified volunteer only picks the group). */
async function uploadAll(items: Queued[], u: UploadCtx): Promise<CheckinUploadOfflineOutput> {
  const results = new Array<OfflineItemResult>(items.length);
  const groups = new Map<string, { q: Queued; i: number }[]>();
  items.forEach((q, i) => {
    const person = u.want === 'v' ? (q.item as OfflineVolunteerScanItem).openid : undefined;
    const parsed = u.want === 'v' && !person ? parsePayload(q.item.payload!) : undefined;
    const key = person ?? (parsed?.o ? String(parsed.o) : q.uploadedBy);
    groups.set(key, [...(groups.get(key) ?? []), { q, i }]);
  });
  const ordered = [...groups.values()].map((g) => g.sort((a, b) => Date.parse(a.q.item.claimedAt) - Date.parse(b.q.item.claimedAt)));
  const seen = new Set<string>();
  await inGroups(ordered, async ({ q, i }) => {
    // The same nonce twice in one upload: the second is a duplicate of the first.
    if (seen.has(q.item.nonce)) {
      results[i] = await duplicate(q.item.nonce, offlineScanId(q.uploadedBy, q.item.nonce));
      return;
    }
    seen.add(q.item.nonce);
    results[i] = await uploadOne(q, u);
  });
  return { results };
}

export async function uploadOffline(input: CheckinUploadOfflineInput, ctx: Ctx): Promise<CheckinUploadOfflineOutput> {
  const openid = requireOpenid(ctx);
  return uploadAll(
    input.scans.map((item) => ({ item, uploadedBy: openid })),
    { now: ctx.now, want: 'a', activities: memo(currentActivity), nameOf: nameLoader() },
  );
}

export async function uploadOfflineVolunteerScans(
  input: CheckinUploadOfflineVolunteerScansInput,
  ctx: Ctx,
): Promise<CheckinUploadOfflineOutput> {
  const admin = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  const decides = await dayDecider(admin, activity.orgId);
  return uploadAll(
    input.scans.map((item) => ({ item, uploadedBy: admin })),
    { now: ctx.now, want: 'v', activityId: activity._id, decides, activities: memo(currentActivity), nameOf: nameLoader() },
  );
}

// ---- 待确认: what the admins decide ----

/** 一键确认 takes a 待确认 scan (a static code) whose position raised nothing; flagged ones are decided one by one. */
const plausible = (s: OfflineScanDoc) => s.state === 'pending' && s.flags.every((f) => f === 'offline');

export async function offlinePending(input: CheckinOfflinePendingInput, ctx: Ctx): Promise<CheckinOfflinePendingOutput> {
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireReader(openid, activity.orgId);
  const held = await offlineScansIn(activity._id, ['pending', 'flagged'], input.date);
  const names = await contactsOf(held.flatMap((s) => (s.by ? [s.openid, s.by] : [s.openid])));
  return held
    .map((s) => ({
      id: s._id,
      openid: s.openid,
      realName: names.get(s.openid)?.realName ?? '',
      date: s.date,
      kind: s.kind,
      at: toIso(new Date(s.at)),
      claimedAt: toIso(new Date(s.claimedAt)),
      syncedAt: toIso(new Date(s.createdAt)),
      state: s.state as 'pending' | 'flagged',
      reason: s.reason ?? 'STATIC_CODE',
      ...(s.distanceM !== undefined ? { distanceM: s.distanceM } : {}),
      flags: s.flags,
      plausible: plausible(s),
      ...(s.by ? { by: s.by, byName: names.get(s.by)?.realName ?? '' } : {}),
      ...(s.batch ? { batch: true } : {}),
    }))
    .sort((a, b) => a.at.localeCompare(b.at));
}

export async function decideOffline(input: CheckinDecideOfflineInput, ctx: Ctx): Promise<CheckinDecideOfflineOutput> {
  const admin = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  const decides = await dayDecider(admin, activity.orgId);
  let asked: { id: string; decision: 'confirm' | 'reject'; doc?: OfflineScanDoc }[];
  if (input.confirmAllPlausible) {
    const held = await offlineScansIn(activity._id, ['pending']);
    // Never the caller's own: 一键确认 leaves them for another admin rather than refusing the lot.
    asked = held
      .filter((s) => plausible(s) && decides(s.openid) === 'allowed' && s.uploadedBy !== admin)
      .map((doc) => ({ id: doc._id, decision: 'confirm', doc }));
  } else {
    asked = await Promise.all((input.decisions ?? []).map(async (d) => ({ ...d, doc: await findOfflineScan(d.id) })));
  }
  const nameOf = nameLoader();
  const results: CheckinDecideOfflineOutput['results'] = [];
  // In time order, so that a confirmed sign-in comes before its sign-out.
  asked.sort((a, b) => (a.doc && b.doc ? new Date(a.doc.at).getTime() - new Date(b.doc.at).getTime() : 0));
  for (const { id, decision, doc } of asked) {
    try {
      if (!doc || doc.activityId !== activity._id) throw new AppError(ErrorCode.CHECKIN_OFFLINE_NOT_FOUND);
      if (doc.state !== 'pending' && doc.state !== 'flagged') throw new AppError(ErrorCode.CHECKIN_OFFLINE_DECIDED);
      const verdict = doc.uploadedBy === admin ? 'self' : decides(doc.openid);
      if (verdict === 'self') throw new AppError(ErrorCode.AUTH_SELF_DEALING, '此离线扫码涉及您本人，须由本队其他负责人或管理员确认');
      if (verdict === 'forbidden') throw new AppError(ErrorCode.AUTH_FORBIDDEN);
      const state = decision === 'confirm' ? 'confirmed' : 'rejected';
      if (!(await setOfflineState(id, { state, decidedBy: admin, decidedAt: ctx.now, updatedAt: ctx.now }, doc.state)))
        throw new AppError(ErrorCode.CHECKIN_OFFLINE_DECIDED);
      if (decision === 'reject') {
        results.push({ id, result: 'rejected' });
        continue;
      }
      const decided = { ...doc, state: 'confirmed' as const, decidedBy: admin };
      try {
        if (doc.batch) {
          const done = await applyBatchToDay(decided, { activity, now: ctx.now, nameOf, confirmedBy: admin });
          if (done.state === 'skipped') {
            await setOfflineState(id, { state: 'skipped', skipReason: done.skipReason, updatedAt: ctx.now });
            results.push({ id, result: 'skipped', skipReason: done.skipReason });
          } else results.push({ id, result: 'confirmed', ...(done.record ? { record: recordView(done.record) } : {}) });
          continue;
        }
        const applied = await applyToDay(decided, { activity, now: ctx.now, nameOf, confirmedBy: admin });
        if (applied.state === 'waiting')
          await setOfflineState(id, { state: 'waiting', kind: applied.kind, decidedBy: admin, updatedAt: ctx.now });
        results.push({ id, result: 'confirmed', ...(applied.record ? { record: recordView(applied.record) } : {}) });
      } catch (err) {
        if (err instanceof AppError)
          await setOfflineState(id, { state: 'refused', code: err.code, message: err.message, updatedAt: ctx.now });
        throw err;
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id, result: 'refused', code: err.code, message: err.message });
    }
  }
  return {
    results,
    confirmed: results.filter((r) => r.result === 'confirmed').length,
    rejected: results.filter((r) => r.result === 'rejected').length,
  };
}
