// need.mine / need.get / need.inbox / need.square: the 需求方's own needs, one need for whoever may see it, the
// 派单 boxes of the caller's teams, and 需求广场 (open needs the caller's teams may take without a dispatch).
import type {
  NeedIdInput,
  NeedInboxInput,
  NeedInboxOutput,
  NeedListOutput,
  NeedMineInput,
  NeedOutput,
  NeedSquareInput,
} from '@contract/need';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findOrg, findOrgsByIds } from '../../db/org.repository';
import { countInbox, findNeed, pageInbox, pageNeedsOf, pageSquare, type NeedDoc } from '../../db/need.repository';
import { maySee, needViewer, needViews, type NeedViewer } from './need-view';

const paging = (input: { page?: number; pageSize?: number }) => {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  return { page, pageSize, skip: (page - 1) * pageSize };
};

/** Whether the need's covering team lets teams below take it from 需求广场. */
export async function coveringAllowsSelfService(n: Pick<NeedDoc, 'coveringOrgId'>): Promise<boolean> {
  return (await findOrg(n.coveringOrgId))?.needSelfService === true;
}

/** A page of needs; their 现场照片 come along through one storage call for the whole page. */
const views = (items: NeedDoc[], v: NeedViewer, now: Date, selfService?: Set<string>) =>
  needViews(items, v, now, (n) => selfService?.has(n.coveringOrgId) ?? false);

export async function myNeeds(input: NeedMineInput, ctx: Ctx): Promise<NeedListOutput> {
  const openid = requireOpenid(ctx);
  const { page, pageSize, skip } = paging(input);
  const { items, total } = await pageNeedsOf(openid, skip, pageSize);
  return { items: await views(items, await needViewer(openid), ctx.now), total, page };
}

/** A need the caller may not see answers as if there were none. */
export async function getNeed(input: NeedIdInput, ctx: Ctx): Promise<NeedOutput> {
  const openid = requireOpenid(ctx);
  const [n, v] = await Promise.all([findNeed(input.needId), needViewer(openid)]);
  if (!n) throw new AppError(ErrorCode.NEED_NOT_FOUND);
  const selfService = n.status === 'open' && (await coveringAllowsSelfService(n));
  if (!maySee(n, v, selfService)) throw new AppError(ErrorCode.NEED_NOT_FOUND);
  const [need] = await needViews([n], v, ctx.now, () => selfService);
  return { need };
}

const managedIds = (v: NeedViewer) => v.teams.map((t) => t._id);

export async function needInbox(input: NeedInboxInput, ctx: Ctx): Promise<NeedInboxOutput> {
  const openid = requireOpenid(ctx);
  const v = await needViewer(openid);
  const ids = managedIds(v);
  if (ids.length === 0) throw new AppError(ErrorCode.AUTH_FORBIDDEN, '只有队伍负责人或管理员可以处理需求');
  const { page, pageSize, skip } = paging(input);
  const [{ items, total }, toDispatch, toAccept] = await Promise.all([
    pageInbox(input.box, ids, skip, pageSize),
    countInbox('toDispatch', ids),
    countInbox('toAccept', ids),
  ]);
  return { items: await views(items, v, ctx.now), total, page, counts: { toDispatch, toAccept } };
}

/** How many needs wait for the caller's teams to dispatch or accept (首页's to-do). */
export async function needToDoCount(openid: string): Promise<number> {
  return needToDosOf(managedIds(await needViewer(openid)));
}

/** The same count for the approved teams the caller leads or administers, already known (two counts at once). */
export async function needToDosOf(managed: readonly string[]): Promise<number> {
  if (managed.length === 0) return 0;
  const [a, b] = await Promise.all([countInbox('toDispatch', managed), countInbox('toAccept', managed)]);
  return a + b;
}

export async function needSquare(input: NeedSquareInput, ctx: Ctx): Promise<NeedListOutput> {
  const openid = requireOpenid(ctx);
  const v = await needViewer(openid);
  if (v.teams.length === 0) throw new AppError(ErrorCode.AUTH_FORBIDDEN, '只有队伍负责人或管理员可以从需求广场接单');
  // The covering teams whose needs the caller's teams may take: each managed team and every team above it that allows it.
  const above = [...new Set(v.teams.flatMap((t) => [...t.path, t._id]))];
  const allowing = (await findOrgsByIds(above)).filter((o) => o.needSelfService === true).map((o) => o._id);
  const { page, pageSize, skip } = paging(input);
  const { items, total } = await pageSquare(
    { coveringIn: allowing, regionCode: input.regionCode, category: input.category },
    skip,
    pageSize,
  );
  return { items: await views(items, v, ctx.now, new Set(allowing)), total, page };
}
