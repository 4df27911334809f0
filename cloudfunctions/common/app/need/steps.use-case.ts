// need.dispatch / close / accept / decline / take / rate / setSelfService: each step of 派单、接单、评单 is one
// conditional update on the stored status, so two leaders dispatching at once, or an accept racing a close, leave one
// winner and answer the other NEED.STATE_CHANGED. Every step tells the other side (notify.ts).
import type {
  NeedAcceptOutput,
  NeedDispatchInput,
  NeedDispatchTargetsOutput,
  NeedIdInput,
  NeedOutput,
  NeedRateInput,
  NeedReasonInput,
  NeedSelfServiceInput,
  NeedSelfServiceOutput,
  NeedTakeInput,
} from '@contract/need';
import { needDraftOf } from '@contract/need';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { approvedBelow, findOrg, type OrgDoc } from '../../db/org.repository';
import { findNeed, setSelfService, stepNeed, type NeedDoc, type NeedStepDoc } from '../../db/need.repository';
import { asTree, dispatchingTeam, dispatchRoots, isLowRating, mayRate, mayStep, NEED_STEP_FROM } from '../../domain/need';
import { requireLedOrg } from '../access';
import { coversFor, handles, linkedActivities, maySee, needViewer, needViews, takingTeams, type NeedViewer } from './need-view';
import { coveringAllowsSelfService } from './read.use-case';
import { tellRequester, tellTeam } from './notify';
import { escalateAtFor } from './post.use-case';

const changed = () => new AppError(ErrorCode.NEED_STATE_CHANGED);
const forbidden = (message: string) => new AppError(ErrorCode.AUTH_FORBIDDEN, message);
const NOT_COVERING = '只有需求所在地区队伍的负责人或管理员可以派单';
const NOT_REACHABLE = '只能派给本队或下级队伍';

/** The need and the caller, or NEED.NOT_FOUND when it is not theirs to see. */
async function load(needId: string, openid: string): Promise<{ n: NeedDoc; v: NeedViewer }> {
  const [n, v] = await Promise.all([findNeed(needId), needViewer(openid)]);
  if (!n) throw new AppError(ErrorCode.NEED_NOT_FOUND);
  const selfService = n.status === 'open' && (await coveringAllowsSelfService(n));
  if (!maySee(n, v, selfService)) throw new AppError(ErrorCode.NEED_NOT_FOUND);
  return { n, v };
}

/** Reads the need again after a step and answers it as the caller sees it. */
async function answer(needId: string, v: NeedViewer, now: Date): Promise<NeedOutput> {
  const [need] = await needViews([(await findNeed(needId))!], v, now);
  return { need };
}

const step = (name: NeedStepDoc['step'], at: Date, by: string, org?: OrgDoc | { name: string }, text?: string): NeedStepDoc => ({
  step: name,
  at,
  by,
  ...(org ? { orgName: org.name } : {}),
  ...(text ? { text } : {}),
});

/** 派单: a manager of the covering team (or above) sends it to that team or one below it. */
export async function dispatchNeed(input: NeedDispatchInput, ctx: Ctx): Promise<NeedOutput> {
  const openid = requireOpenid(ctx);
  const { n, v } = await load(input.needId, openid);
  if (!coversFor(v, n)) throw forbidden(NOT_COVERING);
  const target = await findOrg(input.orgId);
  const dispatcher = target && dispatchingTeam(n.coveringPath, v.teams, target);
  if (!target || !dispatcher) throw forbidden(NOT_REACHABLE);
  const ok = await stepNeed(
    n._id,
    NEED_STEP_FROM.dispatch,
    {
      status: 'dispatched',
      assignedOrgId: target._id,
      assignedOrgName: target.name,
      dispatchedByOrgId: dispatcher._id,
      escalateAt: undefined,
    },
    step('dispatched', ctx.now, openid, target, input.note),
  );
  if (!ok) throw changed();
  await tellRequester(n, '已派单', `已派给${target.name}`, ctx.now);
  await tellTeam(target._id, target.name, n, input.note ? `新派单待接单（${input.note}）` : '新派单待接单', ctx.now, openid);
  return answer(n._id, v, ctx.now);
}

/**
 * 派单's choices: every team `dispatchNeed` would accept for this need — the caller's covering teams and every approved
 * team below them — as a tree. Asked while the need still waits for 派单 (NEED.STATE_CHANGED after).
 */
export async function dispatchTargets(input: NeedIdInput, ctx: Ctx): Promise<NeedDispatchTargetsOutput> {
  const openid = requireOpenid(ctx);
  const { n, v } = await load(input.needId, openid);
  if (!coversFor(v, n)) throw forbidden(NOT_COVERING);
  if (!mayStep('dispatch', n.status)) throw changed();
  const roots = dispatchRoots(n.coveringPath, v.teams);
  const candidates = [...roots, ...(await approvedBelow(roots.map((t) => t._id)))];
  const reachable = candidates.filter((t) => dispatchingTeam(n.coveringPath, v.teams, t));
  return { items: asTree(reachable).map(({ team, depth }) => ({ orgId: team._id, name: team.name, level: team.level, depth })) };
}

/** 关闭: a manager of the covering team closes an undispatched or dispatched need, saying why. */
export async function closeNeed(input: NeedReasonInput, ctx: Ctx): Promise<NeedOutput> {
  const openid = requireOpenid(ctx);
  const { n, v } = await load(input.needId, openid);
  if (!coversFor(v, n)) throw forbidden('只有需求所在地区队伍的负责人或管理员可以关闭需求');
  const ok = await stepNeed(
    n._id,
    NEED_STEP_FROM.close,
    { status: 'closed', closeReason: input.reason },
    step('closed', ctx.now, openid, undefined, input.reason),
  );
  if (!ok) throw changed();
  await tellRequester(n, '已关闭', input.reason, ctx.now);
  return answer(n._id, v, ctx.now);
}

/** 接单: a manager of the team it was dispatched to accepts it; the answer carries the activity draft. */
export async function acceptNeed(input: NeedIdInput, ctx: Ctx): Promise<NeedAcceptOutput> {
  const openid = requireOpenid(ctx);
  const { n, v } = await load(input.needId, openid);
  if (!handles(v, n)) throw forbidden('只有接到派单的队伍负责人或管理员可以接单');
  const ok = await stepNeed(
    n._id,
    NEED_STEP_FROM.accept,
    { status: 'accepted' },
    step('accepted', ctx.now, openid, { name: n.assignedOrgName ?? '' }),
    {
      assignedOrgId: n.assignedOrgId,
    },
  );
  if (!ok) throw changed();
  await tellRequester(n, '已接单', `${n.assignedOrgName}已接单，将发布服务活动`, ctx.now);
  return { ...(await answer(n._id, v, ctx.now)), draft: needDraftOf(n._id, n, n.assignedOrgId!) };
}

/** 退回: the dispatched team declines with a reason; the need goes back to the covering team's 待派单. */
export async function declineNeed(input: NeedReasonInput, ctx: Ctx): Promise<NeedOutput> {
  const openid = requireOpenid(ctx);
  const { n, v } = await load(input.needId, openid);
  if (!handles(v, n)) throw forbidden('只有接到派单的队伍负责人或管理员可以退回');
  const covering = await findOrg(n.coveringOrgId);
  const escalateAt = covering ? escalateAtFor(covering, ctx.now) : undefined;
  const ok = await stepNeed(
    n._id,
    NEED_STEP_FROM.decline,
    { status: 'open', assignedOrgId: undefined, assignedOrgName: undefined, dispatchedByOrgId: undefined, escalateAt },
    step('declined', ctx.now, openid, { name: n.assignedOrgName ?? '' }, input.reason),
    { assignedOrgId: n.assignedOrgId },
  );
  if (!ok) throw changed();
  await tellTeam(
    n.dispatchedByOrgId ?? n.coveringOrgId,
    n.coveringOrgName,
    n,
    `${n.assignedOrgName}退回派单（${input.reason}）`,
    ctx.now,
    openid,
  );
  return answer(n._id, v, ctx.now);
}

/** 需求广场: a manager takes an open need for one of their teams, where the covering team allows it. */
export async function takeNeed(input: NeedTakeInput, ctx: Ctx): Promise<NeedAcceptOutput> {
  const openid = requireOpenid(ctx);
  const { n, v } = await load(input.needId, openid);
  const selfService = await coveringAllowsSelfService(n);
  const team = takingTeams(v, n, selfService).find((t) => t._id === input.orgId);
  if (!team) throw forbidden('该队伍不能从需求广场承接此需求');
  const ok = await stepNeed(
    n._id,
    NEED_STEP_FROM.take,
    { status: 'accepted', assignedOrgId: team._id, assignedOrgName: team.name, escalateAt: undefined },
    step('taken', ctx.now, openid, team),
    { coveringOrgId: n.coveringOrgId },
  );
  if (!ok) throw changed();
  await tellRequester(n, '已接单', `${team.name}已接单，将发布服务活动`, ctx.now);
  await tellTeam(n.coveringOrgId, n.coveringOrgName, n, `${team.name}从需求广场接单`, ctx.now, openid);
  return { ...(await answer(n._id, v, ctx.now)), draft: needDraftOf(n._id, n, team._id) };
}

/** 评单: the 需求方 rates once, after the linked activity ended and within 30 days; a low rating with a comment reaches the dispatchers. */
export async function rateNeed(input: NeedRateInput, ctx: Ctx): Promise<NeedOutput> {
  const openid = requireOpenid(ctx);
  const { n, v } = await load(input.needId, openid);
  if (n.requesterOpenid !== openid) throw forbidden('只有需求方可以评价');
  const linked = await linkedActivities([n], ctx.now);
  if (!mayRate(n.status, n.activityId ? linked.get(n.activityId) : undefined, ctx.now)) throw new AppError(ErrorCode.NEED_NOT_RATABLE);
  const rating = { stars: input.stars, tags: input.tags ?? [], ...(input.comment ? { comment: input.comment } : {}), ratedAt: ctx.now };
  const ok = await stepNeed(
    n._id,
    NEED_STEP_FROM.rate,
    { status: 'rated', rating },
    step('rated', ctx.now, openid, undefined, `${input.stars}星`),
  );
  if (!ok) throw new AppError(ErrorCode.NEED_NOT_RATABLE);
  if (n.assignedOrgId) await tellTeam(n.assignedOrgId, n.assignedOrgName ?? '', n, `需求方评价${input.stars}星`, ctx.now);
  if (isLowRating(input.stars, input.comment)) {
    const to = n.dispatchedByOrgId ?? n.coveringOrgId;
    const org = await findOrg(to);
    await tellTeam(to, org?.name ?? '', n, `低分评价${input.stars}星：${input.comment}`, ctx.now);
  }
  return answer(n._id, v, ctx.now);
}

/** The team's leader lets teams below take the needs it covers from 需求广场 (or stops it). */
export async function setNeedSelfService(input: NeedSelfServiceInput, ctx: Ctx): Promise<NeedSelfServiceOutput> {
  const openid = requireOpenid(ctx);
  await requireLedOrg(openid, input.orgId, '只有队伍负责人可以设置需求广场');
  await setSelfService(input.orgId, input.allow);
  return { orgId: input.orgId, allow: input.allow };
}
