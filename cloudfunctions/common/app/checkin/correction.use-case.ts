// A volunteer asks for a day to be corrected ("我忘记签退了", a wrong record); the team's admins approve (the
// change is applied as an audited adjustment) or reject with a reason. An admin's own request is decided by another
// admin of the team, or by the parent team's managers when there is no other (four-eyes). A request of kind
// 'evaluation' is a 申诉 of the team's 评价 instead, handled by app/record/evaluation-contest.
import type {
  CheckinCorrectionsInput,
  CheckinCorrectionsOutput,
  CheckinRequestCorrectionInput,
  CheckinReviewCorrectionInput,
  CorrectionOutput,
} from '@contract/checkin';
import { FUTURE_TIME_MESSAGE } from '@contract/time';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findEnrollment, titlesOf } from '../../db/activity.repository';
import { findRecord } from '../../db/checkin.repository';
import {
  addCorrection,
  correctionsOfRecord,
  findCorrection,
  listCorrections,
  reviewCorrectionIf,
  type CorrectionDoc,
} from '../../db/correction.repository';
import { contactsOf } from '../../db/org.repository';
import { dayRecordId } from '../../domain/checkin-day';
import { requireDayDecider, requireReader } from '../access';
import { refuseDayChangesIfCancelled, requireActivity } from '../activity/activity-lookup';
import { requestEvaluationContest, reviewEvaluationContest } from '../record/evaluation-contest';
import { adjustRecord } from './adjust-record';
import { correctionView, recordView } from './record-view';

export async function requestCorrection(input: CheckinRequestCorrectionInput, ctx: Ctx): Promise<CorrectionOutput> {
  const openid = requireOpenid(ctx);
  if (input.kind === 'evaluation') return requestEvaluationContest(input, openid, ctx);
  const { date } = input;
  if (!date) throw new AppError(ErrorCode.VALIDATION, '请选择日期');
  const activity = await requireActivity(input.activityId);
  refuseDayChangesIfCancelled(activity);
  if (date < activity.startDate || date > activity.endDate) throw new AppError(ErrorCode.VALIDATION, `${date}不是该活动的服务日期`);
  const recordId = dayRecordId(activity._id, openid, date);
  const [record, enrollment, earlier] = await Promise.all([
    findRecord(recordId),
    findEnrollment(activity._id, openid),
    correctionsOfRecord(recordId),
  ]);
  if (!record && enrollment?.status !== 'enrolled') throw new AppError(ErrorCode.CHECKIN_NOT_ENROLLED);
  if (!record?.signInAt && !input.signInAt) throw new AppError(ErrorCode.VALIDATION, '当天没有签到记录，请填写签到时间');
  if (input.signInAt === undefined && input.signOutAt === undefined) throw new AppError(ErrorCode.VALIDATION, '请填写正确的签到或签退时间');
  // Nothing asked for a time still ahead: a day is corrected to what happened.
  for (const t of [input.signInAt, input.signOutAt])
    if (t !== undefined && Date.parse(t) > ctx.now.getTime()) throw new AppError(ErrorCode.VALIDATION, FUTURE_TIME_MESSAGE);
  if (earlier.some((c) => c.status === 'pending')) throw new AppError(ErrorCode.CHECKIN_CORRECTION_PENDING);
  const doc: CorrectionDoc = {
    // One sequence per day: two requests at once collide on the id and the second is refused.
    _id: `${recordId}_${earlier.length + 1}`,
    recordId,
    activityId: activity._id,
    orgId: activity.orgId,
    openid,
    date,
    ...(input.signInAt ? { signInAt: new Date(input.signInAt) } : {}),
    ...(input.signOutAt ? { signOutAt: new Date(input.signOutAt) } : {}),
    note: input.note,
    status: 'pending',
    createdAt: ctx.now,
  };
  if (!(await addCorrection(doc))) throw new AppError(ErrorCode.CHECKIN_CORRECTION_PENDING);
  return { correction: correctionView(doc) };
}

export async function corrections(input: CheckinCorrectionsInput, ctx: Ctx): Promise<CheckinCorrectionsOutput> {
  const openid = requireOpenid(ctx);
  // Read by the team's managers and those above it: a parent's manager decides the requests of a team's only admin.
  await requireReader(openid, input.orgId);
  const page = input.page ?? 1;
  const { items, total } = await listCorrections(input.orgId, input.status, page, input.pageSize ?? 20);
  const [contacts, titles, records] = await Promise.all([
    contactsOf(items.map((c) => c.openid)),
    titlesOf(items.map((c) => c.activityId)),
    Promise.all(items.map((c) => findRecord(c.recordId))),
  ]);
  return {
    items: items.map((c, i) => {
      const r = records[i];
      return {
        ...correctionView(c),
        realName: contacts.get(c.openid)?.realName ?? '',
        title: titles.get(c.activityId) ?? '',
        ...(r ? { record: recordView(r) } : {}),
      };
    }),
    total,
    page,
  };
}

export async function reviewCorrection(input: CheckinReviewCorrectionInput, ctx: Ctx): Promise<CorrectionOutput> {
  const admin = requireOpenid(ctx);
  const c = await findCorrection(input.correctionId);
  if (!c) throw new AppError(ErrorCode.CHECKIN_CORRECTION_NOT_FOUND);
  if (c.kind === 'evaluation') return reviewEvaluationContest(c, input, admin, ctx);
  await requireDayDecider(admin, c.orgId, c.openid);
  if (c.status !== 'pending') throw new AppError(ErrorCode.VALIDATION, '该申请已处理，请刷新后查看');
  const activity = await requireActivity(c.activityId);
  refuseDayChangesIfCancelled(activity);
  const patch = {
    status: input.decision === 'approve' ? ('approved' as const) : ('rejected' as const),
    reviewedAt: ctx.now,
    reviewedBy: admin,
    ...(input.reason ? { reviewReason: input.reason } : {}),
  };
  // Claimed first, so two admins approving at once apply the change once.
  if (!(await reviewCorrectionIf(c._id, 'pending', patch))) throw new AppError(ErrorCode.VALIDATION, '该申请已处理，请刷新后查看');
  if (input.decision === 'approve') {
    try {
      await adjustRecord({
        activity,
        openid: c.openid,
        date: c.date,
        signInAt: c.signInAt,
        signOutAt: c.signOutAt,
        reason: `更正申请：${c.note}`,
        by: admin,
        now: ctx.now,
        kind: 'correction',
      });
    } catch (err) {
      // A refused change (e.g. times outside the day) leaves the request pending and answers why.
      await reviewCorrectionIf(c._id, 'approved', { status: 'pending', reviewedAt: undefined, reviewedBy: undefined });
      throw err;
    }
  }
  return { correction: correctionView({ ...c, ...patch }) };
}
