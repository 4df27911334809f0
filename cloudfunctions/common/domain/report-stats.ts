// The figures of 附件3 (科技志愿服务活动情况统计表) and the team ranking, computed from plain rows: no database, no clock.
import {
  KEY_GROUP_TARGETS,
  STAT_CATEGORIES,
  STAT_CATEGORY_OF,
  type NeedFigures,
  type OrgStats,
  type RankingSort,
  type StatCategory,
} from '@contract/report';
import type { ActivityStatus, MembershipStatus, ServiceCategory } from '@contract/enums';
import type { NeedStatus } from '@contract/need';
import { daysBetween } from '@contract/time';
import { shanghaiDate } from './shanghai-time';
import { isServiceDay } from './checkin-day';
import { needProgress, type LinkedActivity } from './need';

/** Asia/Shanghai dates, both ends included. */
export interface Period {
  from: string;
  to: string;
}

/** What the figures read of an activity. */
export interface StatActivity {
  _id: string;
  orgId: string;
  title?: string;
  category: ServiceCategory;
  status: ActivityStatus;
  startDate: string;
  keyDay?: string;
  serviceTargets?: readonly string[];
  servedCount?: number;
}
/** What the figures read of a day record: its credited minutes. */
export interface StatRecord {
  activityId: string;
  orgId: string;
  openid: string;
  date: string;
  minutes: number;
}
export interface StatMembership {
  orgId: string;
  openid: string;
  status: MembershipStatus;
  appliedAt: Date;
  reviewedAt?: Date;
}

export type StatFigures = Omit<
  OrgStats,
  | 'orgId'
  | 'orgName'
  | 'from'
  | 'to'
  | 'includeDescendants'
  | 'teams'
  | 'needs'
  | 'trainings'
  | 'trainees'
  | 'traineeTimes'
  | 'trainingHours'
>;

const KEY_GROUPS: ReadonlySet<string> = new Set(KEY_GROUP_TARGETS);
const pairKey = (r: Pick<StatRecord, 'activityId' | 'openid'>) => `${r.activityId}\u0000${r.openid}`;

export const inPeriod = (date: string, p: Period) => date >= p.from && date <= p.to;

/** The year to date in Asia/Shanghai: the period of an export that names none. A missing end is today, a missing start 1 January of the end's year. */
export function periodOrDefault(p: Partial<Period>, now: Date): Period {
  const to = p.to ?? shanghaiDate(now);
  return { from: p.from ?? `${to.slice(0, 4)}-01-01`, to };
}

/** Every month the period touches, YYYY-MM, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  const last = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) return out;
    out.push(key);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
}

/** Activities 附件3 counts: held (not cancelled) and starting within the period. */
export function countedActivities<A extends StatActivity>(activities: readonly A[], p: Period): A[] {
  return activities.filter((a) => a.status !== 'cancelled' && inPeriod(a.startDate, p));
}

/** Day records that credit time within the period. */
export function creditedRecords<R extends StatRecord>(records: readonly R[], p: Period): R[] {
  return records.filter((r) => isServiceDay(r) && inPeriod(r.date, p));
}

export const isKeyGroupActivity = (a: Pick<StatActivity, 'serviceTargets'>) => (a.serviceTargets ?? []).some((t) => KEY_GROUPS.has(t));

export function byCategory(activities: readonly Pick<StatActivity, 'category'>[]): Record<StatCategory, number> {
  const out = Object.fromEntries(STAT_CATEGORIES.map((c) => [c, 0])) as Record<StatCategory, number>;
  for (const a of activities) out[STAT_CATEGORY_OF[a.category] ?? '其他']++;
  return out;
}

/** The day a membership was approved (its review, or its application when imported approved), Asia/Shanghai. */
export const approvedOn = (m: Pick<StatMembership, 'appliedAt' | 'reviewedAt'>) => shanghaiDate(new Date(m.reviewedAt ?? m.appliedAt));

/** The memberships that make someone a member at the end of the period: approved, on or before its last day. 附件2 lists these people, 附件3 and orgStats count them. */
export function countedMemberships<M extends StatMembership>(memberships: readonly M[], p: Period): M[] {
  return memberships.filter((m) => m.status === 'approved' && approvedOn(m) <= p.to);
}

/** Distinct approved members at the end of the period, and those among them who first joined one of the teams within it. */
export function memberFigures(memberships: readonly StatMembership[], p: Period): { members: number; newMembers: number } {
  const firstJoined = new Map<string, string>();
  for (const m of countedMemberships(memberships, p)) {
    const day = approvedOn(m);
    const seen = firstJoined.get(m.openid);
    if (!seen || day < seen) firstJoined.set(m.openid, day);
  }
  let newMembers = 0;
  for (const day of firstJoined.values()) if (day >= p.from) newMembers++;
  return { members: firstJoined.size, newMembers };
}

/** Per activity: 参与人次 (its distinct volunteers with credited time) and minutes, from the records given. */
export function activityFigures(records: readonly StatRecord[]): Map<string, { volunteerTimes: number; minutes: number }> {
  const people = new Map<string, Set<string>>();
  const minutes = new Map<string, number>();
  for (const r of records) {
    if (r.minutes <= 0) continue;
    let set = people.get(r.activityId);
    if (!set) people.set(r.activityId, (set = new Set()));
    set.add(r.openid);
    minutes.set(r.activityId, (minutes.get(r.activityId) ?? 0) + r.minutes);
  }
  return new Map([...people].map(([id, set]) => [id, { volunteerTimes: set.size, minutes: minutes.get(id) ?? 0 }]));
}

/**
 * The figures of 附件3 over the rows of the teams counted. Activities count when held and starting within the
 * period; time counts when a day record dated within the period credits it (a volunteer of a two-month activity is
 * one 人次 of the period, and one of each month in the series).
 */
export function orgFigures(
  rows: { activities: readonly StatActivity[]; records: readonly StatRecord[]; memberships: readonly StatMembership[] },
  p: Period,
): StatFigures {
  const acts = countedActivities(rows.activities, p);
  const recs = creditedRecords(rows.records, p);
  const pairs = new Set(recs.map(pairKey));
  const series = monthsOf(p).map((month) => {
    const monthRecs = recs.filter((r) => r.date.startsWith(month));
    return {
      month,
      activities: acts.filter((a) => a.startDate.startsWith(month)).length,
      volunteerTimes: new Set(monthRecs.map(pairKey)).size,
      minutes: monthRecs.reduce((s, r) => s + r.minutes, 0),
    };
  });
  // A month or less: the chart shows days (a single month's bar is no trend).
  const dates = daysBetween(p.from, p.to, 32);
  const days =
    dates.length <= 31
      ? dates.map((date) => {
          const dayRecs = recs.filter((r) => r.date === date);
          return {
            date,
            activities: acts.filter((a) => a.startDate === date).length,
            volunteerTimes: new Set(dayRecs.map(pairKey)).size,
            minutes: dayRecs.reduce((s, r) => s + r.minutes, 0),
          };
        })
      : undefined;
  return {
    ...memberFigures(rows.memberships, p),
    activities: acts.length,
    byCategory: byCategory(acts),
    keyDayActivities: acts.filter((a) => Boolean(a.keyDay)).length,
    keyGroupActivities: acts.filter(isKeyGroupActivity).length,
    volunteerTimes: pairs.size,
    distinctVolunteers: new Set(recs.map((r) => r.openid)).size,
    minutes: recs.reduce((s, r) => s + r.minutes, 0),
    servedPeople: acts.reduce((s, a) => s + (a.servedCount ?? 0), 0),
    series,
    ...(days ? { days } : {}),
  };
}

/** The 1–`n` activities with the most volunteer-times (then minutes, then the earlier start): 附件3's 亮点活动. */
export function highlights<A extends StatActivity>(
  activities: readonly A[],
  figures: Map<string, { volunteerTimes: number; minutes: number }>,
  n = 2,
): A[] {
  const score = (a: A) => figures.get(a._id) ?? { volunteerTimes: 0, minutes: 0 };
  return activities
    .filter((a) => score(a).volunteerTimes > 0 || (a.servedCount ?? 0) > 0)
    .sort(
      (a, b) =>
        score(b).volunteerTimes - score(a).volunteerTimes ||
        score(b).minutes - score(a).minutes ||
        (b.servedCount ?? 0) - (a.servedCount ?? 0) ||
        a.startDate.localeCompare(b.startDate),
    )
    .slice(0, n);
}

/** The team directly below `rootId` that `org` belongs to (itself when it is a child), or undefined outside the subtree. */
export function childUnder(rootId: string, org: { _id: string; path: readonly string[] }): string | undefined {
  const i = org.path.indexOf(rootId);
  if (i < 0) return undefined;
  return i === org.path.length - 1 ? org._id : org.path[i + 1];
}

// ---- 供需对接 ----

/** What the figures read of a need. */
export interface StatNeed {
  _id: string;
  postedAt: Date;
  status: NeedStatus;
  coveringOrgId: string;
  assignedOrgId?: string;
  activityId?: string;
  rating?: { stars: number };
  history: readonly { step: string; at: Date }[];
}

const HOUR_MS = 3_600_000;
const oneDecimal = (n: number) => Math.round(n * 10) / 10;
const average = (xs: readonly number[]): number | null => (xs.length ? oneDecimal(xs.reduce((s, x) => s + x, 0) / xs.length) : null);

/** The needs a scope counts: posted within the period (Asia/Shanghai date), covered by or assigned to one of the teams. */
export function countedNeeds<N extends StatNeed>(needs: readonly N[], teamIds: ReadonlySet<string>, p: Period): N[] {
  return needs.filter(
    (n) =>
      inPeriod(shanghaiDate(new Date(n.postedAt)), p) &&
      (teamIds.has(n.coveringOrgId) || (!!n.assignedOrgId && teamIds.has(n.assignedOrgId))),
  );
}

/** When a team first accepted the need (accepted after a dispatch, or taken from 需求广场); undefined if never. */
export function acceptedAt(n: Pick<StatNeed, 'history'>): Date | undefined {
  const step = n.history.find((s) => s.step === 'accepted' || s.step === 'taken');
  return step ? new Date(step.at) : undefined;
}

/** Whether the need ever reached a team: dispatched, or taken from 需求广场. */
export const wasDispatched = (n: Pick<StatNeed, 'history'>) => n.history.some((s) => s.step === 'dispatched' || s.step === 'taken');

/** Hours from posting to the first acceptance, undefined if never accepted. */
export function hoursToAccept(n: Pick<StatNeed, 'postedAt' | 'history'>): number | undefined {
  const at = acceptedAt(n);
  return at ? (at.getTime() - new Date(n.postedAt).getTime()) / HOUR_MS : undefined;
}

/**
 * 供需对接's figures over the needs counted (countedNeeds): received; dispatched (reached a team, even if it later
 * declined); accepted (a team accepted or took it, even if it was later closed); completed (已完成, as needProgress
 * says: rated, or the linked activity ended and the rating window passed); the average hours from posting to the
 * first acceptance; the average stars of the rated ones. Averages to one decimal, null without anything to average.
 */
export function needFigures(needs: readonly StatNeed[], linked: ReadonlyMap<string, LinkedActivity>, now: Date): NeedFigures {
  const hours = needs.map(hoursToAccept).filter((h): h is number => h !== undefined);
  const stars = needs.map((n) => n.rating?.stars).filter((s): s is number => typeof s === 'number');
  return {
    received: needs.length,
    dispatched: needs.filter(wasDispatched).length,
    accepted: hours.length,
    completed: needs.filter((n) => needProgress(n.status, n.activityId ? linked.get(n.activityId) : undefined, now) === '已完成').length,
    avgHoursToAccept: average(hours),
    avgRating: average(stars),
    ratedCount: stars.length,
  };
}

export interface RankedTeam {
  rank: number;
  orgId: string;
  orgName: string;
  minutes: number;
  volunteers: number;
  activities: number;
  avgRating: number | null;
  ratedCount: number;
}

/**
 * The child teams of `rootId`, each with its whole subtree: credited minutes and distinct volunteers of the records
 * dated within the period, activities held starting within it, the average stars of the rated needs assigned to it
 * and posted within it; ranked by minutes (ties by name), or by rating: the higher average first, then more ratings,
 * then minutes and name, teams without a rating last.
 */
export function rankChildren(
  rootId: string,
  children: readonly { _id: string; name: string }[],
  orgs: readonly { _id: string; path: readonly string[] }[],
  rows: { activities: readonly StatActivity[]; records: readonly StatRecord[]; needs?: readonly StatNeed[] },
  p: Period,
  sortBy: RankingSort = 'minutes',
): RankedTeam[] {
  const childOf = new Map<string, string>();
  for (const o of orgs) {
    const c = childUnder(rootId, o);
    if (c) childOf.set(o._id, c);
  }
  const acc = new Map(children.map((c) => [c._id, { minutes: 0, volunteers: new Set<string>(), activities: 0 }]));
  for (const a of countedActivities(rows.activities, p)) {
    const t = acc.get(childOf.get(a.orgId) ?? '');
    if (t) t.activities++;
  }
  for (const r of creditedRecords(rows.records, p)) {
    const t = acc.get(childOf.get(r.orgId) ?? '');
    if (!t) continue;
    t.minutes += r.minutes;
    t.volunteers.add(r.openid);
  }
  const totals = new Map([...acc].map(([id, t]) => [id, { minutes: t.minutes, volunteers: t.volunteers.size, activities: t.activities }]));
  return rankTeams(children, totals, starsByChild(rootId, orgs, rows.needs ?? [], p), sortBy);
}

/** The stars of the rated needs posted within the period, by the child of `rootId` whose subtree the need was assigned to. */
export function starsByChild(
  rootId: string,
  orgs: readonly { _id: string; path: readonly string[] }[],
  needs: readonly StatNeed[],
  p: Period,
): Map<string, number[]> {
  const childOf = new Map<string, string>();
  for (const o of orgs) {
    const c = childUnder(rootId, o);
    if (c) childOf.set(o._id, c);
  }
  const stars = new Map<string, number[]>();
  for (const n of needs) {
    const c = childOf.get(n.assignedOrgId ?? '');
    if (!c || !n.rating || !inPeriod(shanghaiDate(new Date(n.postedAt)), p)) continue;
    stars.set(c, [...(stars.get(c) ?? []), n.rating.stars]);
  }
  return stars;
}

/** rankChildren's order over each child's totals (from the rows, or from its rollups) and stars. */
export function rankTeams(
  children: readonly { _id: string; name: string }[],
  totals: ReadonlyMap<string, { minutes: number; volunteers: number; activities: number }>,
  stars: ReadonlyMap<string, number[]>,
  sortBy: RankingSort = 'minutes',
): RankedTeam[] {
  const byMinutes = (a: Omit<RankedTeam, 'rank'>, b: Omit<RankedTeam, 'rank'>) =>
    b.minutes - a.minutes || a.orgName.localeCompare(b.orgName, 'zh');
  const byRating = (a: Omit<RankedTeam, 'rank'>, b: Omit<RankedTeam, 'rank'>) =>
    (b.avgRating ?? -1) - (a.avgRating ?? -1) || b.ratedCount - a.ratedCount || byMinutes(a, b);
  return children
    .map((c) => {
      const t = totals.get(c._id) ?? { minutes: 0, volunteers: 0, activities: 0 };
      const s = stars.get(c._id) ?? [];
      return {
        orgId: c._id,
        orgName: c.name,
        minutes: t.minutes,
        volunteers: t.volunteers,
        activities: t.activities,
        avgRating: average(s),
        ratedCount: s.length,
      };
    })
    .sort(sortBy === 'rating' ? byRating : byMinutes)
    .map((t, i) => ({ rank: i + 1, ...t }));
}
