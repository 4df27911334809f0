// 评价 (record function): an ended activity's participants with their grades and their saving for its managers; the
// volunteer's own evaluations and a 申诉 of one (sent through checkin.requestCorrection like a day's correction).
import { callFunction } from './cloud';
import type { InputOf } from '@contract/functions';
import type { CorrectionOutput } from '@contract/checkin';
import type { EvaluationGrade, RecordEvaluateOutput, RecordEvaluationsOutput, RecordMyEvaluationsOutput } from '@contract/evaluation';

/** An activity's participants (a day record each) with their evaluation, if any. */
export function activityEvaluations(activityId: string): Promise<RecordEvaluationsOutput> {
  return callFunction('record', 'evaluations', { activityId });
}

/** Saves the grades (and comments) in one call; each person's outcome is answered apart. */
export function evaluate(activityId: string, items: InputOf<'record', 'evaluate'>['items']): Promise<RecordEvaluateOutput> {
  return callFunction('record', 'evaluate', { activityId, items });
}

export function myEvaluations(): Promise<RecordMyEvaluationsOutput> {
  return callFunction('record', 'myEvaluations', {});
}

/** 申诉: the grade the volunteer thinks right, and why. */
export function contestEvaluation(activityId: string, wishedGrade: EvaluationGrade, note: string): Promise<CorrectionOutput> {
  return callFunction('checkin', 'requestCorrection', { kind: 'evaluation', activityId, wishedGrade, note });
}
