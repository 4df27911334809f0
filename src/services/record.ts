// 培训 (record function): a team's trainings and who attended for its managers; a volunteer's own trainings and the
// scan of a training's code. Training hours are never service hours. 对接全国系统: hand-offs and national numbers.
import { callFunction } from './cloud';
import type { InputOf } from '@contract/functions';
import type {
  RecordAddTraineesOutput,
  RecordAttendTrainingOutput,
  RecordMyTrainingsOutput,
  RecordRemoveTraineeOutput,
  RecordTrainingCodeOutput,
  RecordTrainingDetailOutput,
  RecordTrainingOutput,
  RecordTrainingsOutput,
} from '@contract/record';
import type {
  RecordHandoffExportOutput,
  RecordHandoffMissingIdsOutput,
  RecordHandoffsOutput,
  RecordSetNationalVolunteerIdOutput,
} from '@contract/handoff';

export function createTraining(input: InputOf<'record', 'createTraining'>): Promise<RecordTrainingOutput> {
  return callFunction('record', 'createTraining', input);
}

export function cancelTraining(trainingId: string): Promise<RecordTrainingOutput> {
  return callFunction('record', 'cancelTraining', { trainingId });
}

/** The team's trainings, newest first, with their head counts. */
export function teamTrainings(orgId: string): Promise<RecordTrainingsOutput> {
  return callFunction('record', 'trainings', { orgId });
}

/** A training with who attended (phones masked). */
export function trainingDetail(trainingId: string): Promise<RecordTrainingDetailOutput> {
  return callFunction('record', 'training', { trainingId });
}

/** The training's signed code for volunteers to scan (it rotates: fetch again at `expiresAt`). */
export function trainingCode(trainingId: string): Promise<RecordTrainingCodeOutput> {
  return callFunction('record', 'trainingCode', { trainingId });
}

/** 名单录入: phones or 志愿者编号, one result per line. */
export function addTrainees(trainingId: string, people: string[]): Promise<RecordAddTraineesOutput> {
  return callFunction('record', 'addTrainees', { trainingId, people });
}

export function removeTrainee(trainingId: string, openid: string): Promise<RecordRemoveTraineeOutput> {
  return callFunction('record', 'removeTrainee', { trainingId, openid });
}

/** The volunteer scanned a training's code. */
export function attendTraining(payload: string): Promise<RecordAttendTrainingOutput> {
  return callFunction('record', 'attendTraining', { payload });
}

/** 我的培训: the volunteer's trainings and their training hours (kept apart from service hours). */
export function myTrainings(): Promise<RecordMyTrainingsOutput> {
  return callFunction('record', 'myTrainings', {});
}

// ---- 对接全国系统 (移交全国志愿服务信息系统), for a team's leader; 全国志愿者统一编号 entered by its managers ----

/** Generates the hand-off files of the team and the teams below: counts per kind and the two files' temporary addresses. */
export function handoffExport(input: InputOf<'record', 'handoffExport'>): Promise<RecordHandoffExportOutput> {
  return callFunction('record', 'handoffExport', input);
}

/** The team's finished hand-offs, latest first. */
export function handoffLedger(orgId: string): Promise<RecordHandoffsOutput> {
  return callFunction('record', 'handoffs', { orgId });
}

/** Members of the team and the teams below without a 全国志愿者统一编号, a page at a time. */
export function handoffMissingIds(orgId: string, page: number, pageSize: number): Promise<RecordHandoffMissingIdsOutput> {
  return callFunction('record', 'handoffMissingIds', { orgId, page, pageSize });
}

export function setNationalVolunteerId(input: InputOf<'record', 'setNationalVolunteerId'>): Promise<RecordSetNationalVolunteerIdOutput> {
  return callFunction('record', 'setNationalVolunteerId', input);
}
