// record.createTraining / updateTraining / cancelTraining / trainings / training: a team's leader and admins record the
// trainings it holds; they and the managers of every team above read them, with who attended (phones masked).
import { randomBytes } from 'node:crypto';
import type {
  RecordCreateTrainingInput,
  RecordTrainingDetailOutput,
  RecordTrainingIdInput,
  RecordTrainingOutput,
  RecordTrainingsInput,
  RecordTrainingsOutput,
  RecordUpdateTrainingInput,
} from '@contract/record';
import { maskPhone } from '@contract/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { contactsOf } from '../../db/org.repository';
import {
  attendanceOfTraining,
  insertTraining,
  moveAttendanceDates,
  trainingsOf,
  updateScheduledTraining,
  type TrainingDoc,
} from '../../db/training.repository';
import { toIso } from '../../domain/shanghai-time';
import { requireManagedOrg, requireManager, requireReadableOrg, requireReader } from '../access';
import { requireTraining, trainingView } from './training-view';

export const MANAGE_TRAININGS = '只有本队负责人或管理员可以管理培训记录';
const READ_TRAININGS = '只有本队及上级队伍的负责人、管理员可以查看培训记录';

export async function createTraining(input: RecordCreateTrainingInput, ctx: Ctx): Promise<RecordTrainingOutput> {
  const openid = requireOpenid(ctx);
  const { org } = await requireManagedOrg(openid, input.orgId, MANAGE_TRAININGS, { approvedOnly: true });
  const doc: TrainingDoc = {
    _id: randomBytes(16).toString('hex'),
    orgId: org._id,
    orgName: org.name,
    title: input.title,
    type: input.type,
    date: input.date,
    ...(input.startTime ? { startTime: input.startTime } : {}),
    hours: input.hours,
    trainer: input.trainer,
    content: input.content,
    status: 'scheduled',
    traineeCount: 0,
    createdBy: openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await insertTraining(doc);
  return { training: trainingView(doc) };
}

export async function updateTraining(input: RecordUpdateTrainingInput, ctx: Ctx): Promise<RecordTrainingOutput> {
  const openid = requireOpenid(ctx);
  const training = await requireTraining(input.trainingId);
  await requireManager(openid, training.orgId, MANAGE_TRAININGS);
  if (training.status === 'cancelled') throw new AppError(ErrorCode.TRAINING_CANCELLED);
  const { trainingId: _id, ...fields } = input;
  const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (!(await updateScheduledTraining(training._id, { ...patch, updatedAt: ctx.now }))) throw new AppError(ErrorCode.TRAINING_CANCELLED);
  if (input.date && input.date !== training.date) await moveAttendanceDates(training._id, input.date);
  return { training: trainingView({ ...training, ...patch, updatedAt: ctx.now }) };
}

/** A cancelled training's code signs nobody in and its attendances count nowhere; the record of it stays. */
export async function cancelTraining(input: RecordTrainingIdInput, ctx: Ctx): Promise<RecordTrainingOutput> {
  const openid = requireOpenid(ctx);
  const training = await requireTraining(input.trainingId);
  await requireManager(openid, training.orgId, MANAGE_TRAININGS);
  if (training.status === 'cancelled') throw new AppError(ErrorCode.TRAINING_CANCELLED);
  if (!(await updateScheduledTraining(training._id, { status: 'cancelled', cancelledAt: ctx.now, updatedAt: ctx.now })))
    throw new AppError(ErrorCode.TRAINING_CANCELLED);
  return { training: trainingView({ ...training, status: 'cancelled', cancelledAt: ctx.now }) };
}

export async function trainings(input: RecordTrainingsInput, ctx: Ctx): Promise<RecordTrainingsOutput> {
  const { org } = await requireReadableOrg(requireOpenid(ctx), input.orgId, READ_TRAININGS);
  return { items: (await trainingsOf([org._id], input.from, input.to)).map(trainingView) };
}

export async function training(input: RecordTrainingIdInput, ctx: Ctx): Promise<RecordTrainingDetailOutput> {
  const doc = await requireTraining(input.trainingId);
  await requireReader(requireOpenid(ctx), doc.orgId, READ_TRAININGS);
  const attendances = (await attendanceOfTraining(doc._id)).sort((a, b) => a.at.getTime() - b.at.getTime());
  const contacts = await contactsOf(attendances.map((a) => a.openid));
  return {
    training: trainingView({ ...doc, traineeCount: attendances.length }),
    trainees: attendances.map((a) => {
      const person = contacts.get(a.openid);
      return {
        openid: a.openid,
        realName: person?.realName ?? '（已注销）',
        phoneMasked: person?.phone ? maskPhone(person.phone) : '',
        via: a.via,
        at: toIso(a.at),
      };
    }),
  };
}
