// 培训 as stored: the trainings a team holds and one attendance per training and person (`_id` = training_openid, so a
// second scan or a second entry of the same person is refused by the id itself and writes nothing).
import { database } from '../cloud';
import { C } from './collections';
import { unwrap, writtenUnlessDuplicate } from './db-result';
import { pageAll } from './checkin.repository';
import { pagedIn } from './report.repository';
import type { TrainingStatus, TrainingType, TrainingVia } from '@contract/record';

export interface TrainingDoc {
  _id: string;
  orgId: string;
  orgName: string;
  title: string;
  type: TrainingType;
  /** The Asia/Shanghai day it is held: the only day its code signs anyone in. */
  date: string;
  startTime?: string;
  hours: number;
  trainer: string;
  content: string;
  status: TrainingStatus;
  /** People recorded as attending: moved with each attendance written or removed. */
  traineeCount: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt?: Date;
}

export interface AttendanceDoc {
  _id: string;
  trainingId: string;
  orgId: string;
  openid: string;
  /** The training's date (a volunteer's trainings and a period's trainees are found by it). */
  date: string;
  via: TrainingVia;
  /** The admin who entered them (名单录入). */
  by?: string;
  at: Date;
}

export const attendanceId = (trainingId: string, openid: string) => `${trainingId}_${openid}`;

const PAGE = 1000;
const trainings = () => database().collection(C.trainings);
const attendance = () => database().collection(C.trainingAttendance);

export async function insertTraining(doc: TrainingDoc): Promise<void> {
  await unwrap(trainings().add(doc));
}

export async function findTraining(trainingId: string): Promise<TrainingDoc | undefined> {
  const res = await unwrap(trainings().doc(trainingId).get());
  return (res.data as TrainingDoc[])[0];
}

/** Changes a training that is not cancelled: false when it was (or is gone). */
export async function updateScheduledTraining(trainingId: string, patch: Record<string, unknown>): Promise<boolean> {
  const _ = database().command;
  const fields = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v === undefined ? _.remove() : v]));
  const res = await unwrap(trainings().where({ _id: trainingId, status: 'scheduled' }).update(fields));
  return res.updated === 1;
}

/** The trainings of these teams dated within [from, to] (either end open), cancelled ones included, newest first. */
export async function trainingsOf(orgIds: readonly string[], from?: string, to?: string): Promise<TrainingDoc[]> {
  const found = await pagedIn<TrainingDoc>(C.trainings, orgIds, trainingsWithin(from, to));
  return found.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.getTime() - a.createdAt.getTime());
}

/** trainingsOf's condition for some teams. */
export const trainingsWithin = (from?: string, to?: string) => (orgIds: string[]) => {
  const _ = database().command;
  const date = from && to ? _.and([_.gte(from), _.lte(to)]) : from ? _.gte(from) : to ? _.lte(to) : undefined;
  return { orgId: _.in(orgIds), ...(date ? { date } : {}) };
};

/** Every training dated within the period, whichever team (a subtree of many teams: fewer reads than its ids in chunks). */
export async function trainingsDated(from: string, to: string): Promise<TrainingDoc[]> {
  const _ = database().command;
  return pageAll<TrainingDoc>((skip) =>
    trainings()
      .where({ date: _.and([_.gte(from), _.lte(to)]) })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(1000)
      .get(),
  );
}

export async function trainingsByIds(ids: readonly string[]): Promise<TrainingDoc[]> {
  const _ = database().command;
  return pagedIn<TrainingDoc>(C.trainings, ids, (chunk) => ({ _id: _.in(chunk) }));
}

/** Writes an attendance once: false when the person was recorded already (the same `_id`). */
export const insertAttendance = (doc: AttendanceDoc): Promise<boolean> => writtenUnlessDuplicate(attendance().add(doc));

export async function findAttendance(id: string): Promise<AttendanceDoc | undefined> {
  const res = await unwrap(attendance().doc(id).get());
  return (res.data as AttendanceDoc[])[0];
}

/** Removes an attendance: false when there was none. */
export async function removeAttendance(id: string): Promise<boolean> {
  const res = await unwrap(attendance().where({ _id: id }).remove());
  return ((res as { deleted?: number }).deleted ?? 0) === 1;
}

/** A training moved to another day moves its attendances with it (they are found by date). */
export async function moveAttendanceDates(trainingId: string, date: string): Promise<void> {
  await unwrap(attendance().where({ trainingId }).update({ date }));
}

/** Moves the training's head count with an attendance written (+1) or removed (-1); answers the new count. */
export async function bumpTraineeCount(trainingId: string, delta: number): Promise<number> {
  const _ = database().command;
  await unwrap(
    trainings()
      .doc(trainingId)
      .update({ traineeCount: _.inc(delta) }),
  );
  return (await findTraining(trainingId))?.traineeCount ?? 0;
}

export async function attendanceOfTraining(trainingId: string): Promise<AttendanceDoc[]> {
  return pageAll<AttendanceDoc>((skip) => attendance().where({ trainingId }).orderBy('_id', 'asc').skip(skip).limit(PAGE).get());
}

export async function attendanceOfPerson(openid: string): Promise<AttendanceDoc[]> {
  return pageAll<AttendanceDoc>((skip) => attendance().where({ openid }).orderBy('_id', 'asc').skip(skip).limit(PAGE).get());
}

/** Attendances at trainings of these teams dated within the period (the reports). */
export async function attendanceIn(orgIds: readonly string[], from: string, to: string): Promise<AttendanceDoc[]> {
  return pagedIn<AttendanceDoc>(C.trainingAttendance, orgIds, attendedWithin(from, to), ATTENDANCE_FIELDS);
}

/** attendanceIn's condition for some teams. */
export const attendedWithin = (from: string, to: string) => (orgIds: string[]) => {
  const _ = database().command;
  return { orgId: _.in(orgIds), date: _.and([_.gte(from), _.lte(to)]) };
};
export const ATTENDANCE_FIELDS = { trainingId: true, orgId: true, openid: true, date: true } as const;
