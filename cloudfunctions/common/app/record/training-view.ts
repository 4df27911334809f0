// Trainings as the answers show them: the team's view with its head count, a volunteer's view of one they attended.
import type { MyTraining, Training } from '@contract/record';
import { AppError, ErrorCode } from '../../errors';
import { findTraining, type AttendanceDoc, type TrainingDoc } from '../../db/training.repository';
import { toIso } from '../../domain/shanghai-time';

export function trainingView(doc: TrainingDoc): Training {
  return {
    trainingId: doc._id,
    orgId: doc.orgId,
    orgName: doc.orgName,
    title: doc.title,
    type: doc.type,
    date: doc.date,
    ...(doc.startTime ? { startTime: doc.startTime } : {}),
    hours: doc.hours,
    trainer: doc.trainer,
    content: doc.content,
    status: doc.status,
    traineeCount: Math.max(0, doc.traineeCount),
    createdAt: toIso(doc.createdAt),
  };
}

export function myTrainingView(doc: TrainingDoc, a: Pick<AttendanceDoc, 'via' | 'at'>): MyTraining {
  return {
    trainingId: doc._id,
    title: doc.title,
    type: doc.type,
    date: doc.date,
    ...(doc.startTime ? { startTime: doc.startTime } : {}),
    hours: doc.hours,
    trainer: doc.trainer,
    orgName: doc.orgName,
    via: a.via,
    at: toIso(a.at),
  };
}

/** The training, or TRAINING.NOT_FOUND. */
export async function requireTraining(trainingId: string): Promise<TrainingDoc> {
  const doc = await findTraining(trainingId);
  if (!doc) throw new AppError(ErrorCode.TRAINING_NOT_FOUND);
  return doc;
}
