// record.evaluate / evaluations / myEvaluations: 评价. Once an activity has ended by the server's clock, a manager who
// may change its days (checkin.adjust's four-eyes: never about themself) rates each participant 优秀/良好/合格/不合格 with
// an optional comment. One evaluation per activity and person: re-evaluating changes it and keeps the change. The
// activity's managers read every participant with their grade; the volunteer reads their own.
import type {
  EvaluationResult,
  RecordEvaluateInput,
  RecordEvaluateOutput,
  RecordEvaluationsInput,
  RecordEvaluationsOutput,
  RecordMyEvaluationsOutput,
} from '@contract/evaluation';
import { maskPhone } from '@contract/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findActivitiesByIds, type ActivityDoc } from '../../db/activity.repository';
import { contactsOf } from '../../db/org.repository';
import { correctionsOf } from '../../db/correction.repository';
import {
  changeEvaluationIf,
  evaluationsOfActivity,
  evaluationsOfPerson,
  findEvaluation,
  insertEvaluation,
  participantsOf,
  type EvaluationDoc,
} from '../../db/evaluation.repository';
import { evaluationChanged, evaluationId, evaluationOpen, type Evaluated } from '../../domain/evaluation';
import { activitySpan } from '../../domain/activity-phase';
import { toIso } from '../../domain/shanghai-time';
import { dayDecider, requireReader } from '../access';
import { refuseIfCancelled, requireActivity } from '../activity/activity-lookup';
import { evaluationView } from './evaluation-view';

const EVALUATE = '只有活动所属队伍的负责人或管理员可以评价参与者';
const READ = '只有活动所属队伍及上级队伍的负责人、管理员可以查看评价';
/** How many evaluations are written at once (up to 200 per call). */
const WRITE_BATCH = 20;

interface Evaluator {
  by: string;
  byName: string;
  now: Date;
}

/** Saves one person's evaluation: a first one, a change kept in `changes`, or nothing when it is the same. */
async function saveEvaluation(activity: ActivityDoc, openid: string, next: Evaluated, read: EvaluationDoc | undefined, who: Evaluator) {
  const id = evaluationId(activity._id, openid);
  let current = read;
  // Two saves at once: the loser of the insert or of the revision reads again and applies its change over the winner's.
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!current) {
      const doc: EvaluationDoc = {
        _id: id,
        activityId: activity._id,
        orgId: activity.orgId,
        openid,
        endDate: activity.endDate,
        grade: next.grade,
        ...(next.comment ? { comment: next.comment } : {}),
        by: who.by,
        byName: who.byName,
        evaluatedAt: who.now,
        changes: [],
        rev: 0,
        createdAt: who.now,
        updatedAt: who.now,
      };
      if (await insertEvaluation(doc)) return 'saved' as const;
      current = await findEvaluation(id);
      continue;
    }
    if (!evaluationChanged(current, next)) return 'unchanged' as const;
    const change = {
      at: who.now,
      by: who.by,
      byName: who.byName,
      via: 'evaluate' as const,
      before: { grade: current.grade, ...(current.comment ? { comment: current.comment } : {}) },
      after: { grade: next.grade, ...(next.comment ? { comment: next.comment } : {}) },
    };
    const patch = { grade: next.grade, comment: next.comment, by: who.by, byName: who.byName, evaluatedAt: who.now, updatedAt: who.now };
    if (await changeEvaluationIf(id, current.rev ?? 0, patch, change)) return 'saved' as const;
    current = await findEvaluation(id);
  }
  throw new AppError(ErrorCode.INTERNAL, '评价正在被他人修改，请稍后再试');
}

export async function evaluate(input: RecordEvaluateInput, ctx: Ctx): Promise<RecordEvaluateOutput> {
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  const verdict = await dayDecider(openid, activity.orgId, EVALUATE);
  refuseIfCancelled(activity);
  if (!evaluationOpen(activity, ctx.now))
    throw new AppError(ErrorCode.EVALUATION_NOT_ENDED, undefined, { endAt: toIso(activitySpan(activity).endAt) });
  const [participants, existing, contacts] = await Promise.all([
    participantsOf(activity._id),
    evaluationsOfActivity(activity._id),
    contactsOf([openid]),
  ]);
  const byId = new Map(existing.map((e) => [e.openid, e]));
  const who: Evaluator = { by: openid, byName: contacts.get(openid)?.realName ?? '', now: ctx.now };

  const refused = (person: string, code: 'AUTH.SELF_DEALING' | 'AUTH.FORBIDDEN' | 'EVALUATION.NOT_PARTICIPANT', message: string) =>
    ({ openid: person, outcome: 'refused', code, message }) satisfies EvaluationResult;
  const results: EvaluationResult[] = input.items.map((item) => {
    const v = verdict(item.openid);
    if (v === 'self') return refused(item.openid, ErrorCode.AUTH_SELF_DEALING, '不能评价自己，须由本队其他负责人或管理员评价');
    if (v === 'forbidden')
      return refused(item.openid, ErrorCode.AUTH_FORBIDDEN, '此人是本队负责人或管理员，须由本队其他负责人或管理员评价');
    if (!participants.has(item.openid))
      return refused(item.openid, ErrorCode.EVALUATION_NOT_PARTICIPANT, '此人没有该活动的签到记录，不能评价');
    return { openid: item.openid, outcome: 'saved' };
  });
  const writes = input.items.flatMap((item, index) => (results[index].outcome === 'saved' ? [{ item, index }] : []));
  for (let i = 0; i < writes.length; i += WRITE_BATCH) {
    const batch = writes.slice(i, i + WRITE_BATCH);
    const outcomes = await Promise.all(
      batch.map(({ item }) =>
        saveEvaluation(activity, item.openid, { grade: item.grade, comment: item.comment || undefined }, byId.get(item.openid), who),
      ),
    );
    outcomes.forEach((outcome, j) => (results[batch[j].index] = { openid: batch[j].item.openid, outcome }));
  }
  return { results, saved: results.filter((r) => r.outcome === 'saved').length };
}

export async function evaluations(input: RecordEvaluationsInput, ctx: Ctx): Promise<RecordEvaluationsOutput> {
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireReader(openid, activity.orgId, READ);
  const [participants, existing] = await Promise.all([participantsOf(activity._id), evaluationsOfActivity(activity._id)]);
  const byId = new Map(existing.map((e) => [e.openid, e]));
  const contacts = await contactsOf([...participants.keys()]);
  const rows = [...participants.entries()].map(([person, minutes]) => {
    const c = contacts.get(person);
    const e = byId.get(person);
    return {
      openid: person,
      realName: c?.realName ?? '（已注销）',
      phoneMasked: c?.phone ? maskPhone(c.phone) : '',
      minutes,
      ...(e ? { evaluation: evaluationView(e) } : {}),
    };
  });
  return {
    activityId: activity._id,
    title: activity.title,
    startDate: activity.startDate,
    endDate: activity.endDate,
    ended: evaluationOpen(activity, ctx.now),
    participants: rows.sort((a, b) => a.realName.localeCompare(b.realName, 'zh') || a.openid.localeCompare(b.openid)),
  };
}

/** The caller's evaluations, newest activity first, each with its activity and the latest 申诉 of it. */
export async function myEvaluations(_input: unknown, ctx: Ctx): Promise<RecordMyEvaluationsOutput> {
  const openid = requireOpenid(ctx);
  const [mine, corrections] = await Promise.all([evaluationsOfPerson(openid), correctionsOf(openid)]);
  const activities = new Map((await findActivitiesByIds(mine.map((e) => e.activityId))).map((a) => [a._id, a]));
  const contests = new Map(corrections.filter((c) => c.kind === 'evaluation').map((c) => [c.recordId, c])); // oldest first: the last wins
  const items = mine.map((e) => {
    const a = activities.get(e.activityId);
    const c = contests.get(e._id);
    return {
      ...evaluationView(e),
      title: a?.title ?? '（活动已删除）',
      orgName: a?.orgName ?? '',
      startDate: a?.startDate ?? e.endDate,
      endDate: e.endDate,
      ...(c?.wishedGrade
        ? {
            contest: {
              correctionId: c._id,
              status: c.status,
              wishedGrade: c.wishedGrade,
              ...(c.reviewReason ? { reviewReason: c.reviewReason } : {}),
            },
          }
        : {}),
    };
  });
  return { items: items.sort((x, y) => y.endDate.localeCompare(x.endDate) || y.evaluatedAt.localeCompare(x.evaluatedAt)) };
}
