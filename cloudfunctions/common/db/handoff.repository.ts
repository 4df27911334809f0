// 移交全国志愿服务信息系统: the ledger of a team's hand-offs (one claim per sequence number, so two exports at once
// cannot both run) and what changed in a subtree within a hand-off's window, read in whole pages.
import { database } from '../cloud';
import { C } from './collections';
import { unwrap, writtenUnlessDuplicate } from './db-result';
import { pagedIn } from './report.repository';
import type { ActivityDoc } from './activity.repository';
import type { DayRecordDoc } from './checkin.repository';
import type { AttendanceDoc, TrainingDoc } from './training.repository';
import type { EvaluationDoc } from './evaluation.repository';
import type { CommendationDoc } from './commendation.repository';
import type { HandoffCounts, HandoffMode } from '@contract/handoff';
import type { HandoffWindow } from '../domain/handoff';

export interface HandoffDoc {
  /** orgId_seq (seq zero-padded): the claim; a second export claiming the same number is refused. */
  _id: string;
  orgId: string;
  seq: number;
  mode: HandoffMode;
  /** running until both files are stored; failed when the export broke off (its window is sent again next time). */
  status: 'running' | 'done' | 'failed';
  from?: Date;
  to: Date;
  counts?: HandoffCounts;
  fileIds?: { xlsx: string; json: string };
  by: string;
  byName: string;
  at: Date;
  finishedAt?: Date;
}

export const handoffId = (orgId: string, seq: number) => `${orgId}_${String(seq).padStart(6, '0')}`;
const handoffs = () => database().collection(C.handoffs);

/** The team's latest hand-offs (any status), the newest first. */
export async function latestHandoffs(orgId: string, limit: number): Promise<HandoffDoc[]> {
  const res = await unwrap(handoffs().where({ orgId }).orderBy('seq', 'desc').limit(limit).get());
  return res.data as HandoffDoc[];
}

/** The latest finished `sinceLast` hand-off: its `to` is where the next one starts. */
export async function lastSinceLast(orgId: string): Promise<HandoffDoc | undefined> {
  const res = await unwrap(handoffs().where({ orgId, mode: 'sinceLast', status: 'done' }).orderBy('seq', 'desc').limit(1).get());
  return (res.data as HandoffDoc[])[0];
}

/** Claims the sequence number: false when another export took it first (the `_id` is unique). */
export const claimHandoff = (doc: HandoffDoc): Promise<boolean> => writtenUnlessDuplicate(handoffs().add(doc));

export async function finishHandoff(id: string, patch: Pick<HandoffDoc, 'status'> & Partial<HandoffDoc>): Promise<void> {
  await unwrap(handoffs().doc(id).update(patch));
}

/** The window on one or several time stamps: any of them after `from` (if any) and not after `to`. */
function changed(w: HandoffWindow, fields: readonly string[]): object {
  const _ = database().command;
  const range = () => (w.from ? _.and([_.gt(w.from), _.lte(w.to)]) : _.lte(w.to));
  return fields.length === 1 ? { [fields[0]]: range() } : _.or(fields.map((f) => ({ [f]: range() })));
}

/** Documents of these teams (by `orgField`) changed within the window (by any of `stamps`). */
function changedOfTeams<T>(collection: string, orgIds: readonly string[], w: HandoffWindow, stamps: readonly string[], extra: object = {}) {
  const _ = database().command;
  return pagedIn<T>(collection, orgIds, (chunk) => _.and([{ orgId: _.in(chunk), ...extra }, changed(w, stamps)]));
}

export const changedActivities = (orgIds: readonly string[], w: HandoffWindow) =>
  changedOfTeams<ActivityDoc>(C.activities, orgIds, w, ['updatedAt', 'createdAt']);
export const changedDayRecords = (orgIds: readonly string[], w: HandoffWindow) =>
  changedOfTeams<DayRecordDoc>(C.dayRecords, orgIds, w, ['updatedAt']);
export const changedTrainings = (orgIds: readonly string[], w: HandoffWindow) =>
  changedOfTeams<TrainingDoc>(C.trainings, orgIds, w, ['updatedAt']);
export const changedAttendance = (orgIds: readonly string[], w: HandoffWindow) =>
  changedOfTeams<AttendanceDoc>(C.trainingAttendance, orgIds, w, ['at']);
export const changedEvaluations = (orgIds: readonly string[], w: HandoffWindow) =>
  changedOfTeams<EvaluationDoc>(C.evaluations, orgIds, w, ['updatedAt']);

/** Commendations of the subtree (its top among the subject's teams) approved within the window. */
export async function approvedCommendationsWithin(topOrgId: string, w: HandoffWindow): Promise<CommendationDoc[]> {
  const _ = database().command;
  return pagedIn<CommendationDoc>(C.commendations, [topOrgId], (chunk) =>
    _.and([{ status: 'approved', subjectTeams: _.in(chunk) }, changed(w, ['reviewedAt'])]),
  );
}

/** Every attendance of these trainings (a changed training sends all of its trainees again). */
export async function attendanceOfTrainings(trainingIds: readonly string[]): Promise<AttendanceDoc[]> {
  const _ = database().command;
  return pagedIn<AttendanceDoc>(C.trainingAttendance, trainingIds, (chunk) => ({ trainingId: _.in(chunk) }));
}

export async function trainingsWithIds(ids: readonly string[]): Promise<TrainingDoc[]> {
  const _ = database().command;
  return pagedIn<TrainingDoc>(C.trainings, ids, (chunk) => ({ _id: _.in(chunk) }));
}

/** Who a row names: name, our number and the national one. */
export interface HandoffPerson {
  _id: string;
  realName: string;
  volunteerNo?: string;
  nationalVolunteerId?: string;
}
export async function peopleByIds(openids: readonly string[]): Promise<Map<string, HandoffPerson>> {
  const _ = database().command;
  const list = await pagedIn<HandoffPerson>(C.volunteers, openids, (chunk) => ({ _id: _.in(chunk) }), {
    realName: true,
    volunteerNo: true,
    nationalVolunteerId: true,
  });
  return new Map(list.map((p) => [p._id, p]));
}

// ---- 全国志愿者统一编号 entered by a team's managers ----

/** Who entered a member's number for them (the volunteer's own entries carry none): kept on the volunteer document. */
export interface NationalIdEntry {
  value: string;
  by: string;
  at: Date;
}

/** Another volunteer (not `openid`) who holds this number, if any. */
export async function nationalIdHolder(value: string, openid: string): Promise<string | undefined> {
  const _ = database().command;
  const res = await unwrap(
    database()
      .collection(C.volunteers)
      .where({ nationalVolunteerId: value, _id: _.neq(openid) })
      .field({ _id: true })
      .limit(1)
      .get(),
  );
  return (res.data as { _id: string }[])[0]?._id;
}

/**
 * Writes a manager's entry only if the number is still what the caller read (none, or `expected`): a volunteer's own
 * entry made meanwhile is never overwritten. `updatedAt` moves, so the next hand-off sends the volunteer again.
 */
export async function setNationalIdIf(openid: string, expected: string | undefined, entry: NationalIdEntry): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    database()
      .collection(C.volunteers)
      .where({ _id: openid, nationalVolunteerId: expected ?? _.exists(false), withdrawnAt: _.exists(false) })
      .update({ nationalVolunteerId: entry.value, nationalVolunteerIdEntry: _.set(entry), updatedAt: entry.at }),
  );
  return res.updated === 1;
}

/** What the list of members without a national number shows, and whether they have one. */
export interface NationalIdPerson {
  _id: string;
  realName?: string;
  volunteerNo?: string;
  nationalVolunteerId?: string;
  nationalVolunteerIdEntry?: NationalIdEntry;
  withdrawnAt?: Date;
}
export function nationalIdsOf(openids: readonly string[]): Promise<NationalIdPerson[]> {
  const _ = database().command;
  return pagedIn<NationalIdPerson>(C.volunteers, openids, (chunk) => ({ _id: _.in(chunk) }), {
    realName: true,
    volunteerNo: true,
    nationalVolunteerId: true,
    withdrawnAt: true,
  });
}

/** One volunteer's number and who entered it. */
export async function nationalIdOfPerson(openid: string): Promise<NationalIdPerson | undefined> {
  const res = await unwrap(
    database()
      .collection(C.volunteers)
      .where({ _id: openid })
      .field({ realName: true, volunteerNo: true, nationalVolunteerId: true, nationalVolunteerIdEntry: true, withdrawnAt: true })
      .limit(1)
      .get(),
  );
  return (res.data as NationalIdPerson[])[0];
}
