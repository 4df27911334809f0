// 评价申诉: a volunteer contests the team's evaluation of them through the correction path (checkin.requestCorrection
// with kind 'evaluation' and the grade they think right); a manager of the team other than the volunteer and the
// evaluator approves (the grade changes, the change kept on the evaluation) or rejects with a reason.
import type { CheckinRequestCorrectionInput, CheckinReviewCorrectionInput, CorrectionOutput } from '@contract/checkin';
import type { Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { addCorrection, correctionsOfRecord, reviewCorrectionIf, type CorrectionDoc } from '../../db/correction.repository';
import { changeEvaluationIf, findEvaluation, type EvaluationDoc } from '../../db/evaluation.repository';
import { contactsOf } from '../../db/org.repository';
import { evaluationId } from '../../domain/evaluation';
import { requireContestReviewer } from '../access';
import { refuseIfCancelled, requireActivity } from '../activity/activity-lookup';
import { correctionView } from '../checkin/record-view';

export async function requestEvaluationContest(input: CheckinRequestCorrectionInput, openid: string, ctx: Ctx): Promise<CorrectionOutput> {
  const activity = await requireActivity(input.activityId);
  refuseIfCancelled(activity);
  const evaluation = await findEvaluation(evaluationId(activity._id, openid));
  if (!evaluation) throw new AppError(ErrorCode.EVALUATION_NOT_FOUND);
  if (!input.wishedGrade) throw new AppError(ErrorCode.VALIDATION, '请选择您认为恰当的评价等级');
  if (input.wishedGrade === evaluation.grade) throw new AppError(ErrorCode.EVALUATION_SAME_GRADE);
  const earlier = await correctionsOfRecord(evaluation._id);
  if (earlier.some((c) => c.status === 'pending')) throw new AppError(ErrorCode.CHECKIN_CORRECTION_PENDING, '该评价已有待处理的申诉');
  const doc: CorrectionDoc = {
    // One sequence per evaluation: two requests at once collide on the id and the second is refused.
    _id: `${evaluation._id}_e${earlier.length + 1}`,
    kind: 'evaluation',
    recordId: evaluation._id,
    activityId: activity._id,
    orgId: activity.orgId,
    openid,
    date: activity.endDate,
    grade: evaluation.grade,
    wishedGrade: input.wishedGrade,
    note: input.note,
    status: 'pending',
    createdAt: ctx.now,
  };
  if (!(await addCorrection(doc))) throw new AppError(ErrorCode.CHECKIN_CORRECTION_PENDING, '该评价已有待处理的申诉');
  return { correction: correctionView(doc) };
}

/** The grade the 申诉 asked for, over the evaluation as it is now; false when it kept changing under us. */
async function applyContest(c: CorrectionDoc, read: EvaluationDoc, admin: string, now: Date): Promise<boolean> {
  const byName = (await contactsOf([admin])).get(admin)?.realName ?? '';
  let current: EvaluationDoc | undefined = read;
  for (let attempt = 0; current && attempt < 3; attempt++) {
    const change = {
      at: now,
      by: admin,
      byName,
      via: 'contest' as const,
      before: { grade: current.grade, ...(current.comment ? { comment: current.comment } : {}) },
      after: { grade: c.wishedGrade ?? current.grade, ...(current.comment ? { comment: current.comment } : {}) },
      note: c.note,
      correctionId: c._id,
    };
    if (await changeEvaluationIf(current._id, current.rev ?? 0, { grade: change.after.grade, updatedAt: now }, change)) return true;
    current = await findEvaluation(current._id);
  }
  return false;
}

export async function reviewEvaluationContest(
  c: CorrectionDoc,
  input: CheckinReviewCorrectionInput,
  admin: string,
  ctx: Ctx,
): Promise<CorrectionOutput> {
  const evaluation = await findEvaluation(c.recordId);
  if (!evaluation) throw new AppError(ErrorCode.EVALUATION_NOT_FOUND, '被申诉的评价不存在');
  // Never the volunteer, never whoever gave the grade now held.
  await requireContestReviewer(admin, c.orgId, c.openid, evaluation.by);
  if (c.status !== 'pending') throw new AppError(ErrorCode.VALIDATION, '该申请已处理，请刷新后查看');
  const patch = {
    status: input.decision === 'approve' ? ('approved' as const) : ('rejected' as const),
    reviewedAt: ctx.now,
    reviewedBy: admin,
    ...(input.reason ? { reviewReason: input.reason } : {}),
  };
  // Claimed first, so two managers approving at once change the grade once.
  if (!(await reviewCorrectionIf(c._id, 'pending', patch))) throw new AppError(ErrorCode.VALIDATION, '该申请已处理，请刷新后查看');
  if (input.decision === 'approve' && !(await applyContest(c, evaluation, admin, ctx.now))) {
    await reviewCorrectionIf(c._id, 'approved', { status: 'pending', reviewedAt: undefined, reviewedBy: undefined });
    throw new AppError(ErrorCode.VALIDATION, '评价正在被修改，请刷新后再试');
  }
  return { correction: correctionView({ ...c, ...patch }) };
}
