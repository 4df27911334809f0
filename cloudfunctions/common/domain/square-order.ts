// The order of the activity square's default tab: what is under way first, then what one can still enroll in, then
// what is closed for signup but still ahead, then what is over; what was called off is not offered there at all. Within
// a group by start time (the soonest first; over: the latest first), or by distance from the volunteer when 附近 is on
// (then only what is not over: ongoing nearby first). 我发布的活动 follows the same order with what was called off
// last (`publishedGroups`). Each group is one database query; a page is cut across them by their counts, so no activity
// shows twice or never across pages.
import type { ActivityPhase } from '@contract/enums';

export interface SquareGroup {
  /** The phases the group holds. */
  phases: ActivityPhase[];
  /** Start time order within the group (when not by distance). */
  startAt: 'asc' | 'desc';
}

const ONGOING: SquareGroup = { phases: ['ongoing'], startAt: 'asc' };
const RECRUITING: SquareGroup = { phases: ['recruiting'], startAt: 'asc' };
const CLOSED: SquareGroup = { phases: ['closed'], startAt: 'asc' };
const ENDED: SquareGroup = { phases: ['ended'], startAt: 'desc' };
const CANCELLED: SquareGroup = { phases: ['cancelled'], startAt: 'desc' };

/** The groups of the square's 全部, in order; near me leaves out what is over (nothing to go to). */
export function squareGroups(opts: { near: boolean }): SquareGroup[] {
  return opts.near ? [ONGOING, RECRUITING, CLOSED] : [ONGOING, RECRUITING, CLOSED, ENDED];
}

/**
 * The groups of 我发布的活动, in order: 活动中, 报名中, upcoming (报名结束), ended, cancelled; with a phase asked for,
 * that phase's group alone.
 */
export function publishedGroups(phase?: ActivityPhase): SquareGroup[] {
  const all = [ONGOING, RECRUITING, CLOSED, ENDED, CANCELLED];
  return phase ? all.filter((g) => g.phases.includes(phase)) : all;
}

export interface GroupSlice {
  /** Index into the groups. */
  group: number;
  skip: number;
  limit: number;
}

/**
 * The parts of the groups (sizes `counts`, in order) that page `page` (1-based) of `pageSize` covers, as if the groups
 * were one list: page n holds items (n-1)·pageSize … n·pageSize-1 of the concatenation. Empty past the end.
 */
export function pageSlices(counts: readonly number[], page: number, pageSize: number): GroupSlice[] {
  let skip = (page - 1) * pageSize;
  let want = pageSize;
  const out: GroupSlice[] = [];
  for (let group = 0; group < counts.length && want > 0; group++) {
    const size = counts[group];
    if (skip >= size) {
      skip -= size;
      continue;
    }
    const limit = Math.min(want, size - skip);
    out.push({ group, skip, limit });
    want -= limit;
    skip = 0;
  }
  return out;
}
