// 供需对接's rules: which team covers a need's region, which teams 派单 reaches, which stored statuses a step may
// leave, what the 需求方 sees as progress, when an unanswered need moves up, and until when it may be rated. Pure: no
// database, no clock of its own.
import type { Region } from '@contract/common';
import type { ActivityPhase } from '@contract/enums';
import { RATING_WINDOW_DAYS, type NeedProgress, type NeedStatus } from '@contract/need';

const DAY_MS = 86_400_000;

/** What coverage needs of a team: its place in the tree, its region, when it was approved or created. */
export interface CoverNode {
  _id: string;
  path: string[];
  region: Region;
  createdAt: Date;
}

/**
 * How much of the map a team covers, by its depth in the tree: the root 总队 its province (and, as the last resort,
 * every need), a team right below it its city (the 市 支队), every team further down its county (县 and 分队).
 */
export function coversRegion(team: Pick<CoverNode, 'path' | 'region'>, region: Region): boolean {
  if (team.path.length === 0) return team.region.province === region.province;
  if (team.path.length === 1) return team.region.city === region.city;
  return team.region.county === region.county;
}

/**
 * The team that dispatches a need: the lowest (deepest) approved team covering its region; among equals the oldest,
 * so the choice does not change as teams are added; the root when none covers it. Undefined only without any team.
 */
export function coveringTeam<T extends CoverNode>(teams: readonly T[], region: Region): T | undefined {
  const covering = teams.filter((t) => coversRegion(t, region));
  const pool = covering.length > 0 ? covering : teams.filter((t) => t.path.length === 0);
  return [...pool].sort(
    (a, b) => b.path.length - a.path.length || a.createdAt.getTime() - b.createdAt.getTime() || (a._id < b._id ? -1 : 1),
  )[0];
}

/** What 派单 needs of a team: its id, its ancestors from the root down, whether it is approved. */
export interface DispatchNode {
  _id: string;
  path: string[];
  status: string;
}

/**
 * 派单's reach: the caller's team that sends the need to `target` — one they manage that covers the need (the covering
 * team or one above it) and is the target itself or above it. Undefined when the target is out of reach or not approved.
 */
export function dispatchingTeam<T extends Pick<DispatchNode, '_id'>>(
  coveringPath: readonly string[],
  callerTeams: readonly T[],
  target: DispatchNode,
): T | undefined {
  if (target.status !== 'approved') return undefined;
  return callerTeams.find((mine) => coveringPath.includes(mine._id) && (target._id === mine._id || target.path.includes(mine._id)));
}

/** The caller's teams from which 派单 reaches further down: those covering the need (their subtrees are the targets). */
export const dispatchRoots = <T extends Pick<DispatchNode, '_id'>>(coveringPath: readonly string[], callerTeams: readonly T[]): T[] =>
  callerTeams.filter((mine) => coveringPath.includes(mine._id));

/**
 * Teams as a tree to pick from: each after its parent (children by name), with its depth among them (0 for a team
 * whose ancestors are not listed). Each team once.
 */
export function asTree<T extends { _id: string; name: string; path: string[] }>(teams: readonly T[]): { team: T; depth: number }[] {
  const byId = new Map(teams.map((t) => [t._id, t]));
  const parentOf = (t: T) => [...t.path].reverse().find((id) => byId.has(id));
  const children = new Map<string | undefined, T[]>();
  for (const t of byId.values()) {
    const p = parentOf(t);
    children.set(p, [...(children.get(p) ?? []), t]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a._id < b._id ? -1 : 1));
  const out: { team: T; depth: number }[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const t of children.get(parent) ?? []) {
      out.push({ team: t, depth });
      walk(t._id, depth + 1);
    }
  };
  walk(undefined, 0);
  return out;
}

/** The stored statuses each step may start from: one conditional update on `status` makes two callers race safely. */
export const NEED_STEP_FROM = {
  dispatch: ['open'],
  close: ['open', 'dispatched'],
  accept: ['dispatched'],
  decline: ['dispatched'],
  take: ['open'],
  escalate: ['open'],
  rate: ['accepted'],
} as const satisfies Record<string, readonly NeedStatus[]>;
export type NeedStepName = keyof typeof NEED_STEP_FROM;

export const mayStep = (step: NeedStepName, status: NeedStatus): boolean =>
  (NEED_STEP_FROM[step] as readonly NeedStatus[]).includes(status);

/** The statuses in which the 需求方 may add or remove 现场照片: until a team has accepted it (or it was closed). */
export const NEED_PHOTO_STATUSES = ['open', 'dispatched'] as const satisfies readonly NeedStatus[];
export const mayChangePhotos = (status: NeedStatus): boolean => (NEED_PHOTO_STATUSES as readonly NeedStatus[]).includes(status);

/** The linked activity as progress needs it: its phase now and when it ended. */
export interface LinkedActivity {
  phase: ActivityPhase;
  endAt: Date;
}

/** The day after which a need served by an activity ending at `endAt` can no longer be rated. */
export const ratingDeadline = (endAt: Date): Date => new Date(endAt.getTime() + RATING_WINDOW_DAYS * DAY_MS);

/**
 * 待响应 → 已派单 → 已接单 → 服务中 → 待评价 → 已完成, or 已关闭. An accepted need follows its activity: 服务中 from its
 * start, 待评价 once ended (已完成 after the rating window passes unrated); a cancelled activity leaves it 已接单 (the
 * team publishes another).
 */
export function needProgress(status: NeedStatus, activity: LinkedActivity | undefined, now: Date): NeedProgress {
  switch (status) {
    case 'open':
      return '待响应';
    case 'dispatched':
      return '已派单';
    case 'closed':
      return '已关闭';
    case 'rated':
      return '已完成';
    case 'accepted':
      if (!activity || activity.phase === 'cancelled') return '已接单';
      if (activity.phase === 'ongoing') return '服务中';
      if (activity.phase === 'ended') return now.getTime() < ratingDeadline(activity.endAt).getTime() ? '待评价' : '已完成';
      return '已接单';
  }
}

/** Whether the 需求方 may rate now: accepted, the activity ended, within the window (once: rating moves it to rated). */
export const mayRate = (status: NeedStatus, activity: LinkedActivity | undefined, now: Date): boolean =>
  needProgress(status, activity, now) === '待评价';

/** A low rating with a comment reaches the dispatching leaders. */
export const isLowRating = (stars: number, comment: string | undefined): boolean => stars <= 2 && !!comment;
