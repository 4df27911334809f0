// 评价 (《志愿服务记录与证明出具办法》 Art. 4): after an activity has ended, its team rates each participant 优秀, 良好,
// 合格 or 不合格 with an optional comment (record.evaluate); the volunteer reads their own (record.myEvaluations) and
// contests one through the correction path (checkin.requestCorrection with kind 'evaluation').
import { z } from 'zod';
import { DateSchema, IsoTimeSchema } from './common';

export const EVALUATION_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];
export const EVALUATION_GRADE_LABEL: Record<EvaluationGrade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

export const EVALUATION_COMMENT_MAX = 200;
/** People one record.evaluate may rate at once. */
export const EVALUATIONS_PER_CALL_MAX = 200;

export const EvaluationGradeSchema = z.enum(EVALUATION_GRADES, { errorMap: () => ({ message: '请选择评价等级' }) });

const comment = z
  .string()
  .trim()
  .max(EVALUATION_COMMENT_MAX, `评语最多${EVALUATION_COMMENT_MAX}字`)
  // Line breaks are kept; other control characters are not text.
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/.test(s), '评语中含有无法显示的字符');

export const EvaluationItemInput = z.object({
  openid: z.string().min(1).max(100),
  grade: EvaluationGradeSchema,
  comment: comment.optional(),
});
export type EvaluationItemInput = z.infer<typeof EvaluationItemInput>;

export const RecordEvaluateInput = z
  .object({
    activityId: z.string().min(1).max(100),
    items: z.array(EvaluationItemInput).min(1, '请至少评价一人').max(EVALUATIONS_PER_CALL_MAX, `每次最多评价${EVALUATIONS_PER_CALL_MAX}人`),
  })
  .refine((v) => new Set(v.items.map((i) => i.openid)).size === v.items.length, { message: '同一人只能出现一次', path: ['items'] });
export type RecordEvaluateInput = z.infer<typeof RecordEvaluateInput>;

/** One change of an evaluation: by the evaluator (re-evaluating) or by an approved 申诉 (contest). */
export const EvaluationChange = z.object({
  at: IsoTimeSchema,
  byName: z.string(),
  via: z.enum(['evaluate', 'contest']),
  before: z.object({ grade: EvaluationGradeSchema, comment: z.string().optional() }),
  after: z.object({ grade: EvaluationGradeSchema, comment: z.string().optional() }),
  /** The contest's note, for an approved 申诉. */
  note: z.string().optional(),
});
export type EvaluationChange = z.infer<typeof EvaluationChange>;

export const Evaluation = z.object({
  evaluationId: z.string(),
  activityId: z.string(),
  orgId: z.string(),
  openid: z.string(),
  grade: EvaluationGradeSchema,
  comment: z.string().optional(),
  evaluatorName: z.string(),
  evaluatedAt: IsoTimeSchema,
  changes: z.array(EvaluationChange),
});
export type Evaluation = z.infer<typeof Evaluation>;

/** Per item of record.evaluate: saved (new or changed), unchanged, or refused with a code (the others still saved). */
export const EvaluationResult = z.object({
  openid: z.string(),
  outcome: z.enum(['saved', 'unchanged', 'refused']),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type EvaluationResult = z.infer<typeof EvaluationResult>;
export const RecordEvaluateOutput = z.object({ results: z.array(EvaluationResult), saved: z.number().int() });
export type RecordEvaluateOutput = z.infer<typeof RecordEvaluateOutput>;

export const RecordEvaluationsInput = z.object({ activityId: z.string().min(1).max(100) });
export type RecordEvaluationsInput = z.infer<typeof RecordEvaluationsInput>;
/** A participant (someone with a day record of the activity) and their evaluation, if any. */
export const EvaluationParticipant = z.object({
  openid: z.string(),
  realName: z.string(),
  phoneMasked: z.string(),
  /** Credited minutes over the activity's days. */
  minutes: z.number().int(),
  evaluation: Evaluation.optional(),
});
export type EvaluationParticipant = z.infer<typeof EvaluationParticipant>;
export const RecordEvaluationsOutput = z.object({
  activityId: z.string(),
  title: z.string(),
  startDate: DateSchema,
  endDate: DateSchema,
  /** The activity has ended by the server's clock: only then may it be evaluated. */
  ended: z.boolean(),
  participants: z.array(EvaluationParticipant),
});
export type RecordEvaluationsOutput = z.infer<typeof RecordEvaluationsOutput>;

/** 我的评价: an evaluation with its activity, and the latest 申诉 of it. */
export const MyEvaluation = Evaluation.extend({
  title: z.string(),
  orgName: z.string(),
  startDate: DateSchema,
  endDate: DateSchema,
  contest: z
    .object({
      correctionId: z.string(),
      status: z.enum(['pending', 'approved', 'rejected']),
      wishedGrade: EvaluationGradeSchema,
      reviewReason: z.string().optional(),
    })
    .optional(),
});
export type MyEvaluation = z.infer<typeof MyEvaluation>;
export const RecordMyEvaluationsOutput = z.object({ items: z.array(MyEvaluation) });
export type RecordMyEvaluationsOutput = z.infer<typeof RecordMyEvaluationsOutput>;

/** One line for a form cell (附件2 最近评价, 我的数据): “优秀（社区科普讲解，2026-12-02）：评语”. */
export function evaluationLine(e: { grade: EvaluationGrade; comment?: string; title: string; endDate: string }): string {
  return `${EVALUATION_GRADE_LABEL[e.grade]}（${e.title}，${e.endDate}）${e.comment ? `：${e.comment}` : ''}`;
}
