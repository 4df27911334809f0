// record.trainingCode / attendTraining / addTrainees / removeTrainee / myTrainings: who attended a training. The
// volunteer scans the training's signed code (rotating like an activity's screen code; only on the training's day by
// the server's clock, no distance rule) or an admin enters a list of phones and 志愿者编号. One attendance per person
// (its `_id` is training_openid): a second scan, two scans at once or a second entry write nothing. Training hours
// are answered apart and never reach 我的时长, certificates or rankings.
import type {
  RecordAddTraineesInput,
  RecordAddTraineesOutput,
  RecordAttendTrainingInput,
  RecordAttendTrainingOutput,
  RecordMyTrainingsOutput,
  RecordRemoveTraineeInput,
  RecordRemoveTraineeOutput,
  RecordTrainingCodeOutput,
  RecordTrainingIdInput,
  TraineeOutcome,
} from '@contract/record';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findVolunteersByKeys, requireVolunteer } from '../../db/volunteer.repository';
import {
  attendanceId,
  attendanceOfPerson,
  bumpTraineeCount,
  findAttendance,
  findTraining,
  insertAttendance,
  removeAttendance,
  trainingsByIds,
  type AttendanceDoc,
  type TrainingDoc,
} from '../../db/training.repository';
import { trainingCodeSecret } from '../../adapters/checkin-code-secret';
import { phoneLookupHash } from '../../adapters/pii-cipher';
import { qrSvg } from '../../adapters/qr';
import { parsePayload, rotatingExpiresAt, rotatingStep, signPayload, verifyPayload } from '../../domain/checkin-code';
import { isTrainingDay, traineeEntry, type TraineeEntry } from '../../domain/training';
import { toIso } from '../../domain/shanghai-time';
import { requireManager } from '../access';
import { MANAGE_TRAININGS } from './training.use-case';
import { myTrainingView, requireTraining } from './training-view';

/** A training still held, or TRAINING.CANCELLED. */
function refuseCancelled(t: TrainingDoc): void {
  if (t.status === 'cancelled') throw new AppError(ErrorCode.TRAINING_CANCELLED);
}

export async function trainingCode(input: RecordTrainingIdInput, ctx: Ctx): Promise<RecordTrainingCodeOutput> {
  const training = await requireTraining(input.trainingId);
  await requireManager(requireOpenid(ctx), training.orgId, MANAGE_TRAININGS);
  refuseCancelled(training);
  // Rotating, so a photo of the screen sent to someone absent stops working within a minute.
  const payload = signPayload({ t: 't', a: training._id, s: rotatingStep(ctx.now) }, trainingCodeSecret(training._id));
  return { payload, qrSvg: await qrSvg(payload), expiresAt: toIso(rotatingExpiresAt(ctx.now)), title: training.title, date: training.date };
}

export async function attendTraining(input: RecordAttendTrainingInput, ctx: Ctx): Promise<RecordAttendTrainingOutput> {
  const openid = requireOpenid(ctx);
  await requireVolunteer(openid);
  const parsed = parsePayload(input.payload);
  const training = parsed?.t === 't' ? await findTraining(parsed.a) : undefined;
  if (!training) throw new AppError(ErrorCode.TRAINING_CODE_INVALID);
  // The body is trusted only once the training's own secret verifies it.
  if (!verifyPayload(input.payload, trainingCodeSecret(training._id), ctx.now).ok) throw new AppError(ErrorCode.TRAINING_CODE_INVALID);
  refuseCancelled(training);
  const id = attendanceId(training._id, openid);
  const earlier = await findAttendance(id);
  if (earlier) return { training: myTrainingView(training, earlier), repeated: true };
  if (!isTrainingDay(training.date, ctx.now))
    throw new AppError(ErrorCode.TRAINING_NOT_TODAY, `只能在培训当天（${training.date}）签到`, { date: training.date });
  const doc: AttendanceDoc = {
    _id: id,
    trainingId: training._id,
    orgId: training.orgId,
    openid,
    date: training.date,
    via: 'scan',
    at: ctx.now,
  };
  if (!(await insertAttendance(doc))) {
    // A second scan at the same moment: the first one's attendance answers.
    const first = await findAttendance(id);
    return { training: myTrainingView(training, first ?? doc), repeated: true };
  }
  await bumpTraineeCount(training._id, 1);
  return { training: myTrainingView(training, doc), repeated: false };
}

/** How many attendances are written at once (名单录入 of up to 200 lines). */
const WRITE_BATCH = 20;

export async function addTrainees(input: RecordAddTraineesInput, ctx: Ctx): Promise<RecordAddTraineesOutput> {
  const openid = requireOpenid(ctx);
  const training = await requireTraining(input.trainingId);
  await requireManager(openid, training.orgId, MANAGE_TRAININGS);
  refuseCancelled(training);
  const entries: TraineeEntry[] = input.people.map(traineeEntry);
  const found = await findVolunteersByKeys(
    entries.flatMap((e) => (e.kind === 'phone' ? [e.phone] : [])),
    entries.flatMap((e) => (e.kind === 'volunteerNo' ? [e.volunteerNo] : [])),
  );
  const byPhoneHash = new Map(found.map((v) => [v.phoneHash, v]));
  const byNo = new Map(found.map((v) => [v.volunteerNo, v]));
  const personOf = (e: TraineeEntry) =>
    e.kind === 'phone' ? byPhoneHash.get(phoneLookupHash(e.phone)) : e.kind === 'volunteerNo' ? byNo.get(e.volunteerNo) : undefined;

  type Result = RecordAddTraineesOutput['results'][number];
  const results: Result[] = [];
  const writes: { index: number; doc: AttendanceDoc }[] = [];
  const seen = new Set<string>();
  entries.forEach((e, index) => {
    const entry = input.people[index];
    if (e.kind === 'invalid') return results.push({ entry, outcome: 'invalid' });
    const person = personOf(e);
    if (!person || person.withdrawnAt) return results.push({ entry, outcome: 'notFound' });
    if (person.status === 'frozen') return results.push({ entry, outcome: 'unavailable', realName: person.realName });
    results.push({ entry, outcome: 'added', realName: person.realName });
    // The same person twice in one list: the second line reads as already recorded.
    if (seen.has(person._id)) return (results[index] = { entry, outcome: 'already', realName: person.realName });
    seen.add(person._id);
    writes.push({
      index,
      doc: {
        _id: attendanceId(training._id, person._id),
        trainingId: training._id,
        orgId: training.orgId,
        openid: person._id,
        date: training.date,
        via: 'list',
        by: openid,
        at: ctx.now,
      },
    });
  });
  let added = 0;
  for (let i = 0; i < writes.length; i += WRITE_BATCH) {
    const batch = writes.slice(i, i + WRITE_BATCH);
    const written = await Promise.all(batch.map((w) => insertAttendance(w.doc)));
    written.forEach((ok, j) => {
      if (ok) added += 1;
      else results[batch[j].index] = { ...results[batch[j].index], outcome: 'already' satisfies TraineeOutcome };
    });
  }
  const traineeCount = added > 0 ? await bumpTraineeCount(training._id, added) : training.traineeCount;
  return { results, added, traineeCount: Math.max(0, traineeCount) };
}

export async function removeTrainee(input: RecordRemoveTraineeInput, ctx: Ctx): Promise<RecordRemoveTraineeOutput> {
  const training = await requireTraining(input.trainingId);
  await requireManager(requireOpenid(ctx), training.orgId, MANAGE_TRAININGS);
  const removed = await removeAttendance(attendanceId(training._id, input.openid));
  const traineeCount = removed ? await bumpTraineeCount(training._id, -1) : training.traineeCount;
  return { removed, traineeCount: Math.max(0, traineeCount) };
}

/** The volunteer's trainings (not cancelled), newest first, and their training hours: never counted as service time. */
export async function myTrainings(_input: unknown, ctx: Ctx): Promise<RecordMyTrainingsOutput> {
  const openid = requireOpenid(ctx);
  const attendances = await attendanceOfPerson(openid);
  const held = new Map(
    (await trainingsByIds(attendances.map((a) => a.trainingId))).filter((t) => t.status !== 'cancelled').map((t) => [t._id, t]),
  );
  const items = attendances
    .flatMap((a) => {
      const t = held.get(a.trainingId);
      return t ? [myTrainingView(t, a)] : [];
    })
    .sort((a, b) => b.date.localeCompare(a.date) || b.at.localeCompare(a.at));
  const totalHours = Math.round(items.reduce((sum, t) => sum + t.hours, 0) * 10) / 10;
  return { items, totalHours };
}
