// Day records and correction requests as stored. A day record has a deterministic id (activity, volunteer, date),
// so a scan is one read and one conditional write: no query, no transaction.
import { database } from '../cloud';
import { C } from './collections';
import { isDuplicateWrite, unwrap } from './db-result';
import type { CorrectionStatus, DayStatus, CheckinKind } from '../../../types/checkin';

export interface AdjustmentDoc {
  by: string;
  byName: string;
  at: Date;
  reason: string;
  before: { signInAt?: Date; signOutAt?: Date; minutes: number };
  after: { signInAt?: Date; signOutAt?: Date; minutes: number };
}

/** The answer a scan gave, kept under its nonce so a replay answers the same and writes nothing. */
export interface ScanEcho {
  kind: CheckinKind;
  at: Date;
  distanceM: number;
}

export interface DayRecordDoc {
  _id: string;
  activityId: string;
  orgId: string;
  openid: string;
  date: string;
  signInAt?: Date;
  signOutAt?: Date;
  minutes: number;
  status: DayStatus;
  signInBy?: string;
  signOutBy?: string;
  adjustments: AdjustmentDoc[];
  scans: Record<string, ScanEcho>;
  createdAt: Date;
  updatedAt: Date;
}

export interface CorrectionDoc {
  _id: string;
  recordId: string;
  activityId: string;
  orgId: string;
  openid: string;
  date: string;
  signInAt?: Date;
  signOutAt?: Date;
  note: string;
  status: CorrectionStatus;
  createdAt: Date;
  reviewedAt?: Date;
  reviewedBy?: string;
  reviewReason?: string;
}

const records = () => database().collection(C.dayRecords);

export async function findRecord(id: string): Promise<DayRecordDoc | undefined> {
  const res = await unwrap(records().doc(id).get());
  return (res.data as DayRecordDoc[])[0];
}

/** Inserts `doc` under its own id; false when that id exists (an earlier or concurrent write of the same thing). */
async function addUnlessExists(coll: ReturnType<typeof records>, doc: { _id: string }): Promise<boolean> {
  try {
    await unwrap(coll.add(doc));
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}

/** Creates the day's record; false when it already exists (an earlier or concurrent sign-in). */
export const createRecord = (doc: DayRecordDoc): Promise<boolean> => addUnlessExists(records(), doc);

/** Sets a later sign-out: writes only if the stored sign-out is missing or earlier than `at` (the latest counts). */
export async function setSignOutIfLater(id: string, at: Date, patch: Partial<DayRecordDoc> & Record<string, unknown>): Promise<boolean> {
  const _ = database().command;
  const where = _.and([{ _id: id, signInAt: _.exists(true) }, _.or([{ signOutAt: _.exists(false) }, { signOutAt: _.lt(at) }])]);
  const res = await unwrap(records().where(where).update(patch));
  return res.updated === 1;
}

/** Replaces the record only if nobody changed it since `expectedUpdatedAt` (admin edits: adjust, batch sign-out). */
export async function updateRecordIf(id: string, expectedUpdatedAt: Date, patch: Record<string, unknown>): Promise<boolean> {
  const res = await unwrap(records().where({ _id: id, updatedAt: expectedUpdatedAt }).update(patch));
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

/** Reads every page of a query (the server returns at most 1000 documents per request). */
export async function pageAll<T>(get: (skip: number) => Promise<unknown>): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = (await unwrap(get(skip))) as { data: T[] };
    out.push(...res.data);
    if (res.data.length < 1000) return out;
  }
}

const corrections = () => database().collection(C.corrections);

export async function findCorrection(id: string): Promise<CorrectionDoc | undefined> {
  const res = await unwrap(corrections().doc(id).get());
  return (res.data as CorrectionDoc[])[0];
}

export async function correctionsOfRecord(recordId: string): Promise<CorrectionDoc[]> {
  const res = await unwrap(corrections().where({ recordId }).orderBy('createdAt', 'asc').limit(100).get());
  return res.data as CorrectionDoc[];
}

/** Adds a correction under a per-day sequence id; false if a concurrent request took that id. */
export const addCorrection = (doc: CorrectionDoc): Promise<boolean> => addUnlessExists(corrections(), doc);

export async function correctionsOf(openid: string): Promise<CorrectionDoc[]> {
  return pageAll((skip) => corrections().where({ openid }).orderBy('createdAt', 'asc').skip(skip).limit(1000).get());
}

export async function listCorrections(orgId: string, status: CorrectionStatus | undefined, page: number, pageSize: number): Promise<{ items: CorrectionDoc[]; total: number }> {
  const where = status ? { orgId, status } : { orgId };
  const [list, count] = await Promise.all([
    unwrap(corrections().where(where).orderBy('createdAt', 'desc').skip((page - 1) * pageSize).limit(pageSize).get()),
    unwrap(corrections().where(where).count()),
  ]);
  return { items: list.data as CorrectionDoc[], total: count.total };
}

/** Moves a correction from `from` to the patched state; false when it was no longer in `from`. Undefined fields are removed. */
export async function reviewCorrectionIf(id: string, from: CorrectionStatus, patch: Partial<CorrectionDoc>): Promise<boolean> {
  const _ = database().command;
  const set = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v === undefined ? _.remove() : v]));
  const res = await unwrap(corrections().where({ _id: id, status: from }).update(set));
  return res.updated === 1;
}
