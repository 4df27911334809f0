// 评价 as stored: one document per activity and person (`_id` = activity_openid, so two saves at once keep one), its
// every change kept in `changes` (re-evaluations and approved 申诉), and the participants it may rate (day records).
import { database } from '../cloud';
import { C } from './collections';
import { unwrap, writtenUnlessDuplicate } from './db-result';
import { pageAll } from './checkin.repository';
import { pagedIn } from './report.repository';
import type { EvaluationGrade } from '@contract/evaluation';

export interface EvaluationChangeDoc {
  at: Date;
  by: string;
  byName: string;
  via: 'evaluate' | 'contest';
  before: { grade: EvaluationGrade; comment?: string };
  after: { grade: EvaluationGrade; comment?: string };
  /** The 申诉's note and correction, for an approved contest. */
  note?: string;
  correctionId?: string;
}

export interface EvaluationDoc {
  _id: string;
  activityId: string;
  orgId: string;
  openid: string;
  /** The activity's last day: a person's latest evaluation up to a day is found by it (附件2). */
  endDate: string;
  grade: EvaluationGrade;
  comment?: string;
  /** Who gave the grade now held (an approved 申诉 leaves the evaluator: the reviewer is in `changes`). */
  by: string;
  byName: string;
  evaluatedAt: Date;
  changes: EvaluationChangeDoc[];
  /** Moved by every change: a change is written only over the revision it was computed from. */
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

const evaluations = () => database().collection(C.evaluations);
const PAGE = 1000;

export async function findEvaluation(id: string): Promise<EvaluationDoc | undefined> {
  const res = await unwrap(evaluations().doc(id).get());
  return (res.data as EvaluationDoc[])[0];
}

/** Writes a first evaluation: false when there is one already (an earlier or concurrent save). */
export const insertEvaluation = (doc: EvaluationDoc): Promise<boolean> => writtenUnlessDuplicate(evaluations().add(doc));

/**
 * Changes an evaluation still at the revision it was read at, keeping the change in its list: false when someone
 * changed it meanwhile (the caller reads it again).
 */
export async function changeEvaluationIf(
  id: string,
  expectedRev: number,
  patch: Pick<EvaluationDoc, 'grade' | 'updatedAt'> & Partial<Pick<EvaluationDoc, 'comment' | 'by' | 'byName' | 'evaluatedAt'>>,
  change: EvaluationChangeDoc,
): Promise<boolean> {
  const _ = database().command;
  const set = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v === undefined ? _.remove() : v]));
  const res = await unwrap(
    evaluations()
      .where({ _id: id, rev: expectedRev })
      .update({ ...set, rev: _.inc(1), changes: _.push([change]) }),
  );
  return res.updated === 1;
}

export async function evaluationsOfActivity(activityId: string): Promise<EvaluationDoc[]> {
  return pageAll((skip) => evaluations().where({ activityId }).orderBy('_id', 'asc').skip(skip).limit(PAGE).get());
}

export async function evaluationsOfPerson(openid: string): Promise<EvaluationDoc[]> {
  return pageAll((skip) => evaluations().where({ openid }).orderBy('endDate', 'desc').skip(skip).limit(PAGE).get());
}

/** The evaluations given by these teams for activities that ended by `upTo` (附件2's 最近评价). */
export async function evaluationsOfTeams(orgIds: readonly string[], upTo: string): Promise<EvaluationDoc[]> {
  const _ = database().command;
  return pagedIn<EvaluationDoc>(C.evaluations, orgIds, (chunk) => ({ orgId: _.in(chunk), endDate: _.lte(upTo) }), {
    activityId: true,
    orgId: true,
    openid: true,
    endDate: true,
    grade: true,
    comment: true,
    evaluatedAt: true,
  });
}

/** Who took part in an activity (a day record of any of its days) and their credited minutes over its days. */
export async function participantsOf(activityId: string): Promise<Map<string, number>> {
  const records = await pageAll<{ openid: string; minutes?: number }>((skip) =>
    database()
      .collection(C.dayRecords)
      .where({ activityId })
      .field({ openid: true, minutes: true })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get(),
  );
  const out = new Map<string, number>();
  for (const r of records) out.set(r.openid, (out.get(r.openid) ?? 0) + (r.minutes ?? 0));
  return out;
}
