// Day records as stored. A day record has a deterministic id (activity, volunteer, date), so a scan is one read and
// one conditional write: no query, no transaction.
import { database } from '../cloud';
import { C } from './collections';
import { takeCounted } from './bounded-counter';
import { unwrap, writtenUnlessDuplicate } from './db-result';
import type { AdjustmentKind, DayStatus, CheckinKind, ScanFlag } from '@contract/checkin';
import { enrollmentId, type ActivityDoc, type EnrollmentDoc } from './activity.repository';
import { isServiceDay } from '../domain/checkin-day';

export interface AdjustmentDoc {
  by: string;
  byName: string;
  at: Date;
  reason: string;
  before: { signInAt?: Date; signOutAt?: Date; minutes: number };
  after: { signInAt?: Date; signOutAt?: Date; minutes: number };
  /** What made the change (absent on entries written before it was kept). */
  kind?: AdjustmentKind;
  /** The daily cap bound `after.minutes`. */
  capped?: boolean;
}

/**
 * The answer a volunteer's own scan gave, kept with its nonce so a replay answers the same and writes nothing. The
 * nonce is a value in a list, never a field name: a client-chosen string such as `constructor` names no field.
 */
export interface ScanEcho {
  nonce: string;
  kind: CheckinKind;
  at: Date;
  distanceM: number;
  /** The accuracy the phone reported, in metres. */
  accuracy?: number;
  flags?: ScanFlag[];
}

/** A scan of the day kept offline and uploaded later (the record's 离线 marks): `scanId` names its checkin_offline_scans document. */
export interface OfflineMarkDoc {
  scanId: string;
  kind: CheckinKind;
  at: Date;
  syncedAt: Date;
  /** The admin who scanned the volunteer's personal code. */
  by?: string;
  /** The admin who confirmed a 待确认 or flagged scan. */
  confirmedBy?: string;
  /** An admin's 批量签退 kept offline. */
  batch?: boolean;
}

/** Whose day of which activity (Shanghai date), and its times: a day record and a correction of it both hold these. */
export interface DayFields {
  activityId: string;
  orgId: string;
  openid: string;
  date: string;
  signInAt?: Date;
  signOutAt?: Date;
}

export interface DayRecordDoc extends DayFields {
  _id: string;
  minutes: number;
  status: DayStatus;
  signInBy?: string;
  signOutBy?: string;
  adjustments: AdjustmentDoc[];
  echoes?: ScanEcho[];
  /** Records written before `echoes` keep their answers keyed by nonce: read for replays, never written. */
  scans?: Record<string, Omit<ScanEcho, 'nonce'>>;
  /** Scans an admin should look at (domain/scan-flags), collected from every scan of the day. */
  flags?: ScanFlag[];
  /** The day's scans recorded offline (离线), in the order they were applied. */
  offline?: OfflineMarkDoc[];
  createdAt: Date;
  updatedAt: Date;
}

const records = () => database().collection(C.dayRecords);

export async function findRecord(id: string): Promise<DayRecordDoc | undefined> {
  const res = await unwrap(records().doc(id).get());
  return (res.data as DayRecordDoc[])[0];
}

/** Creates the day's record; false when it already exists (an earlier or concurrent sign-in). */
export const createRecord = (doc: DayRecordDoc): Promise<boolean> => writtenUnlessDuplicate(records().add(doc));

/**
 * Sets a later sign-out: writes only if the stored sign-out is missing or earlier than `at` (the latest counts). The
 * scan's echo joins the list and its flags the record's set in the same write, so concurrent scans lose neither.
 */
export async function setSignOutIfLater(
  id: string,
  at: Date,
  patch: Partial<DayRecordDoc>,
  scan: { echo?: ScanEcho; flags: ScanFlag[] },
): Promise<boolean> {
  const _ = database().command;
  const where = _.and([{ _id: id, signInAt: _.exists(true) }, _.or([{ signOutAt: _.exists(false) }, { signOutAt: _.lt(at) }])]);
  const write: Record<string, unknown> = { ...patch };
  if (scan.echo) write.echoes = _.push([scan.echo]);
  if (scan.flags.length) write.flags = _.addToSet({ $each: scan.flags });
  const res = await unwrap(records().where(where).update(write));
  return res.updated === 1;
}

/** Replaces the record only if nobody changed it since `expectedUpdatedAt` (admin edits: adjust, batch sign-out). */
export async function updateRecordIf(id: string, expectedUpdatedAt: Date, patch: Record<string, unknown>): Promise<boolean> {
  const res = await unwrap(records().where({ _id: id, updatedAt: expectedUpdatedAt }).update(patch));
  return res.updated === 1;
}

/**
 * Applies an offline scan to the record only if nobody changed it since `expectedUpdatedAt`: its times, its 离线 mark
 * and audit entry joined to their lists, its flags to the set, and the fields in `remove` removed (who signed in or out).
 */
export async function applyOfflineIf(
  id: string,
  expectedUpdatedAt: Date,
  patch: Partial<DayRecordDoc>,
  scan: { mark: OfflineMarkDoc; audit: AdjustmentDoc; flags: ScanFlag[]; remove: ('signInBy' | 'signOutBy')[] },
): Promise<boolean> {
  const _ = database().command;
  const write: Record<string, unknown> = { ...patch, offline: _.push([scan.mark]), adjustments: _.push([scan.audit]) };
  if (scan.flags.length) write.flags = _.addToSet({ $each: scan.flags });
  for (const field of scan.remove) write[field] = _.remove();
  const res = await unwrap(records().where({ _id: id, updatedAt: expectedUpdatedAt }).update(write));
  return res.updated === 1;
}

/**
 * Undoes the sign-out at `signOutAt`: only if the record still has that sign-out and nobody changed it since
 * `expectedUpdatedAt` (of two undos, or an undo and a scan, one applies). The day is open again, its trail gains `audit`.
 */
export async function undoSignOutIf(
  id: string,
  expected: { signOutAt: Date; updatedAt: Date },
  patch: Pick<DayRecordDoc, 'minutes' | 'status' | 'updatedAt'>,
  audit: AdjustmentDoc,
): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    records()
      .where({ _id: id, signOutAt: expected.signOutAt, updatedAt: expected.updatedAt })
      .update({ ...patch, signOutAt: _.remove(), signOutBy: _.remove(), adjustments: _.push([audit]) }),
  );
  return res.updated === 1;
}

/** All records of one activity and day (a day has at most the activity's capacity of records). */
export async function recordsOfDay(activityId: string, date: string): Promise<DayRecordDoc[]> {
  return pageAll((skip) => records().where({ activityId, date }).orderBy('_id', 'asc').skip(skip).limit(1000).get());
}

/** A volunteer's records in a date range, newest first. */
export async function recordsOf(openid: string, range: { from?: string; to?: string; orgId?: string }): Promise<DayRecordDoc[]> {
  const _ = database().command;
  const where: Record<string, unknown> = { openid };
  if (range.from && range.to) where.date = _.and([_.gte(range.from), _.lte(range.to)]);
  else if (range.from) where.date = _.gte(range.from);
  else if (range.to) where.date = _.lte(range.to);
  if (range.orgId) where.orgId = range.orgId;
  return pageAll((skip) => records().where(where).orderBy('date', 'desc').skip(skip).limit(1000).get());
}

/**
 * A volunteer's credited totals (user.me): minutes and the number of activities with a record, leaving out the days of
 * cancelled activities as checkin.myHours does. One grouped read of the records, one projected read of the activities.
 */
export async function creditedTotalsOf(openid: string): Promise<{ minutes: number; activities: number }> {
  const $ = database().command.aggregate;
  const res = await unwrap(
    records()
      .aggregate()
      .match({ openid })
      .group({ _id: '$activityId', minutes: $.sum('$minutes') })
      .end(),
  );
  const perActivity = (res as { data?: { _id: string; minutes: number | null }[] }).data ?? [];
  const activities = await titlesAndStatusOf(perActivity.map((a) => a._id));
  // 参加活动 counts the activities that credited time, as 服务日 are counted (domain/checkin-day isServiceDay).
  const credited = perActivity.filter((a) => isServiceDay(a, activities.get(a._id)?.status === 'cancelled'));
  return { minutes: credited.reduce((sum, a) => sum + (a.minutes ?? 0), 0), activities: credited.length };
}

/** Reads every page of a query (the server returns at most 1000 documents per request). */
export async function pageAll<T>(get: (skip: number) => Promise<unknown>): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = (await unwrap(get(skip))) as { data: T[] };
    out.push(...res.data);
    if (res.data.length < 1000) return out;
  }
}

// ---- What a scan reads of its activity fresh, and the revocation of its codes ----

/** The fields of an activity that must reach every scan at once: cancellation, revoked codes, and whether it was edited. */
export type ActivityStamp = Pick<ActivityDoc, '_id' | 'status' | 'codeVersion' | 'updatedAt'>;

/** One projected read of an activity's stamp (a few dozen bytes instead of the whole activity). */
export async function activityStamp(activityId: string): Promise<ActivityStamp | undefined> {
  const res = await unwrap(
    database().collection(C.activities).doc(activityId).field({ status: true, codeVersion: true, updatedAt: true }).get(),
  );
  return (res.data as ActivityStamp[])[0];
}

/** What a sign-in checks of the caller's enrollment. */
export type EnrollmentStatusDoc = Pick<EnrollmentDoc, '_id' | 'activityId' | 'openid' | 'status'>;

/**
 * A scan's two reads in one request: the document `id` of `collection` (a day record, an enrollment) with its
 * activity's stamp joined to it, as fresh as activityStamp's own read. Undefined when there is no such document (or
 * it is of another activity): the stamp is then read on its own.
 */
async function withStamp<T extends { activityId: string }>(
  collection: string,
  id: string,
  activityId: string,
): Promise<{ doc: T; stamp: ActivityStamp | undefined } | undefined> {
  const $ = database().command.aggregate;
  const res = await unwrap(
    database()
      .collection(collection)
      .aggregate()
      .match({ _id: id })
      .limit(1)
      .lookup({ from: C.activities, localField: 'activityId', foreignField: '_id', as: 'stamps' })
      // The document whole, of its activity only the stamp.
      .addFields({
        stamps: $.map({
          input: '$stamps',
          as: 'a',
          in: { _id: '$$a._id', status: '$$a.status', codeVersion: '$$a.codeVersion', updatedAt: '$$a.updatedAt' },
        }),
      })
      .end(),
  );
  const row = ((res as { data?: (T & { stamps?: ActivityStamp[] })[] }).data ?? [])[0];
  if (!row || row.activityId !== activityId) return undefined;
  const { stamps, ...doc } = row;
  return { doc: doc as unknown as T, stamp: stamps?.find((a) => a._id === activityId) };
}

/** A sign-in's reads: the caller's enrollment (what a sign-in checks of it) with its activity's stamp (withStamp). */
export async function enrollmentWithStamp(
  activityId: string,
  openid: string,
): Promise<{ enrollment: EnrollmentStatusDoc; stamp: ActivityStamp | undefined } | undefined> {
  const both = await withStamp<EnrollmentStatusDoc>(C.enrollments, enrollmentId(activityId, openid), activityId);
  if (!both) return undefined;
  const { _id, status } = both.doc;
  return { enrollment: { _id, activityId: both.doc.activityId, openid: both.doc.openid, status }, stamp: both.stamp };
}

/** A sign-out's reads: the day record with its activity's stamp (withStamp). */
export async function recordWithStamp(
  activityId: string,
  recordId: string,
): Promise<{ record: DayRecordDoc; stamp: ActivityStamp | undefined } | undefined> {
  const both = await withStamp<DayRecordDoc>(C.dayRecords, recordId, activityId);
  return both && { record: both.doc, stamp: both.stamp };
}

/** Title and status of activities (我的时长: a cancelled activity's days count toward nothing). */
export async function titlesAndStatusOf(activityIds: string[]): Promise<Map<string, Pick<ActivityDoc, 'title' | 'status'>>> {
  const ids = [...new Set(activityIds)];
  const out = new Map<string, Pick<ActivityDoc, 'title' | 'status'>>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const res = await unwrap(
      database()
        .collection(C.activities)
        .where({ _id: database().command.in(chunk) })
        .field({ title: true, status: true })
        .limit(chunk.length)
        .get(),
    );
    for (const a of res.data as Pick<ActivityDoc, '_id' | 'title' | 'status'>[]) out.set(a._id, { title: a.title, status: a.status });
  }
  return out;
}

/** Bumps the code version of a published activity (every code minted before stops verifying); undefined if not published. */
export async function bumpCodeVersion(activityId: string, at: Date, by: string): Promise<number | undefined> {
  const _ = database().command;
  const res = await unwrap(
    database()
      .collection(C.activities)
      .where({ _id: activityId, status: 'published' })
      .updateAndReturn({ codeVersion: _.inc(1), codesRevokedAt: at, codesRevokedBy: by }),
  );
  return res.updated === 1 ? (res.doc as ActivityStamp).codeVersion : undefined;
}

// ---- 现场数字码 tries ----

/**
 * Counts one typed 现场数字码 of the caller in a window; false once `limit` were counted. A conditional increment
 * (never past the limit, however many arrive at once), or the window's first try creates its counter.
 */
export const takeNumberTry = (openid: string, window: number, limit: number, at: Date): Promise<boolean> =>
  takeCounted(C.numberTries, `${openid}_${window}`, limit, { openid, window, createdAt: at });
