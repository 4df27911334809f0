// Correction requests of day records ("我忘记签退了"), as stored: one sequence per day record, moved from pending to
// approved or rejected by a conditional write, and the pending ones a manager decides (org.inbox).
import { database } from '../cloud';
import { C } from './collections';
import { unwrap, writtenUnlessDuplicate } from './db-result';
import { pageAll, type DayFields } from './checkin.repository';
import { pendingDecidable } from './decidable-where';
import type { CorrectionKind, CorrectionStatus } from '@contract/checkin';
import type { EvaluationGrade } from '@contract/evaluation';
import type { Decides } from '../domain/four-eyes';

export interface CorrectionDoc extends DayFields {
  _id: string;
  /** Absent for a day's correction; 'evaluation' for a 申诉 of an evaluation (its `date` is the activity's last day). */
  kind?: CorrectionKind;
  /** The day record corrected, or the evaluation contested. */
  recordId: string;
  /** A 申诉: the grade when it was asked and the one asked for. */
  grade?: EvaluationGrade;
  wishedGrade?: EvaluationGrade;
  note: string;
  status: CorrectionStatus;
  createdAt: Date;
  reviewedAt?: Date;
  reviewedBy?: string;
  reviewReason?: string;
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
export const addCorrection = (doc: CorrectionDoc): Promise<boolean> => writtenUnlessDuplicate(corrections().add(doc));

export async function correctionsOf(openid: string): Promise<CorrectionDoc[]> {
  return pageAll((skip) => corrections().where({ openid }).orderBy('createdAt', 'asc').skip(skip).limit(1000).get());
}

export async function listCorrections(
  orgId: string,
  status: CorrectionStatus | undefined,
  page: number,
  pageSize: number,
): Promise<{ items: CorrectionDoc[]; total: number }> {
  const where = status ? { orgId, status } : { orgId };
  const [list, count] = await Promise.all([
    unwrap(
      corrections()
        .where(where)
        .orderBy('createdAt', 'desc')
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .get(),
    ),
    unwrap(corrections().where(where).count()),
  ]);
  return { items: list.data as CorrectionDoc[], total: count.total };
}

/** The oldest `limit` pending requests among the cases `decides` covers, with their count (two requests, in parallel; none when it covers nothing). */
export async function pendingCorrectionsDecided(
  decides: readonly Decides[],
  limit: number,
): Promise<{ items: CorrectionDoc[]; total: number }> {
  const where = pendingDecidable(decides, 'orgId', 'openid');
  if (!where) return { items: [], total: 0 };
  const [list, count] = await Promise.all([
    unwrap(corrections().where(where).orderBy('createdAt', 'asc').limit(limit).get()),
    unwrap(corrections().where(where).count()),
  ]);
  return { items: list.data as CorrectionDoc[], total: count.total };
}

/** How many corrections `decides` covers (首页's to-do count). */
export async function countPendingCorrectionsDecided(decides: readonly Decides[]): Promise<number> {
  const where = pendingDecidable(decides, 'orgId', 'openid');
  return where ? (await unwrap(corrections().where(where).count())).total : 0;
}

/** Moves a correction from `from` to the patched state; false when it was no longer in `from`. Undefined fields are removed. */
export async function reviewCorrectionIf(id: string, from: CorrectionStatus, patch: Partial<CorrectionDoc>): Promise<boolean> {
  const _ = database().command;
  const set = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v === undefined ? _.remove() : v]));
  const res = await unwrap(corrections().where({ _id: id, status: from }).update(set));
  return res.updated === 1;
}
