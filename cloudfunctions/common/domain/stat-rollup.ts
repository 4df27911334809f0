// 统计汇总 (rollups): the figures of 附件3 per team and calendar year, month by month, computed from the same rows as
// report-stats computes them from, so that report.orgStats over whole months reads one document per year instead of
// every day record. Pure: no database, no clock.
//
// Sums (activities, minutes, served people, a month's 人次) add up month by month. Distinct counts do not: a volunteer
// active in March and May is one volunteer of March–May. They stay exact with the gap counts of each month: for every
// volunteer active in month m, the month of their previous activity in the same scope (within LOOKBACK_MONTHS, else
// none). The distinct volunteers of months m1..m2 are those active in some month of it, i.e. the (volunteer, month)
// pairs of m1..m2 whose previous active month falls before m1: Σ over m in m1..m2 of the counts keyed before m1. The
// same holds for 参与服务人次 (distinct activity–volunteer pairs). A previous month older than the lookback is stored as
// none, which is before m1 for every period of at most LOOKBACK_MONTHS + 1 months; longer periods read the records.
// Members are people, not time: a histogram of each person's first approval day in the scope (from the approved
// memberships when built) gives members at the period's end and those new within it, for any dates.
import { STAT_CATEGORIES, STAT_CATEGORY_OF, type StatCategory } from '@contract/report';
import { isKeyGroupActivity, approvedOn, type Period, type StatActivity, type StatFigures, type StatMembership } from './report-stats';
import { daysBetween } from '@contract/time';

/** How far back a volunteer's previous activity is looked for (see above): periods up to 13 months read rollups. */
export const LOOKBACK_MONTHS = 12;

/**
 * Whose rows: a team's whole subtree (the team and every approved team below it, as orgStats' includeDescendants).
 * A team alone is one team's records, few enough to read.
 */
export type RollupScope = 'tree';

export interface DayFigures {
  activities: number;
  volunteerTimes: number;
  minutes: number;
}

export interface MonthFigures {
  activities: number;
  byCategory: Record<StatCategory, number>;
  keyDayActivities: number;
  keyGroupActivities: number;
  servedPeople: number;
  minutes: number;
  /** Distinct activity–volunteer pairs of the month (the series' 人次). */
  volunteerTimes: number;
  /** Days with anything, by date. */
  days: Record<string, DayFigures>;
  /**
   * 亮点活动 candidates: the activities starting this month with the most 人次 (then minutes, people served, the earlier
   * start), HIGHLIGHT_CANDIDATES of them, with their figures over their records of the year.
   */
  top: HighlightCandidate[];
  /** Gap counts: previous active month (YYYY-MM, or '' for none within the lookback) → volunteers active this month. */
  volunteersSince: Record<string, number>;
  /** The same for activity–volunteer pairs. */
  pairsSince: Record<string, number>;
}

/** What 附件3's 亮点活动 shows of an activity, and its figures over its records of the year. */
export interface HighlightCandidate {
  activityId: string;
  orgId: string;
  orgName: string;
  title: string;
  startDate: string;
  endDate: string;
  address: string;
  servedCount?: number;
  summary?: string;
  photoCount: number;
  volunteerTimes: number;
  minutes: number;
}

/** Candidates kept per month: the two 附件3 shows are chosen among them (see highlightsFromRollups). */
export const HIGHLIGHT_CANDIDATES = 5;

/** One scope of one team for one calendar year. */
export interface YearRollup {
  scope: RollupScope;
  orgId: string;
  /** The team's name, parent and state when built (附件3's rows of the teams below). */
  orgName: string;
  parentId: string | null;
  status: string;
  year: string;
  /** Teams counted: the team and its approved descendants. */
  teams: number;
  /** Months with anything, YYYY-MM → figures. */
  months: Record<string, MonthFigures>;
  /** First approval day (YYYY-MM-DD) in the scope → people, over the approved memberships when built. */
  firstApproved: Record<string, number>;
  /** The same for the team's own memberships (附件3's 本队 members). */
  ownFirstApproved: Record<string, number>;
}

export interface RollupOrg {
  _id: string;
  name?: string;
  parentId?: string | null;
  path: readonly string[];
  status: string;
}
/** An activity as the rollups read it: the figures' fields, and what a 亮点活动 shows. */
export type RollupActivity = StatActivity & {
  orgName?: string;
  endDate?: string;
  address?: string;
  summary?: string;
  recapPhotoIds?: readonly string[];
};
export interface RollupRecord {
  activityId: string;
  orgId: string;
  openid: string;
  date: string;
  minutes: number;
}

export const monthOf = (date: string) => date.slice(0, 7);

/** YYYY-MM plus `n` months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Months from `a` to `b` (YYYY-MM), `b` after `a`. */
const monthsApart = (a: string, b: string) =>
  Number(b.slice(0, 4)) * 12 + Number(b.slice(5, 7)) - (Number(a.slice(0, 4)) * 12 + Number(a.slice(5, 7)));

/** The last day of a month, YYYY-MM-DD. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The months of a period rollups can answer: whole calendar months (from a 1st to a last day), at most
 * LOOKBACK_MONTHS + 1 of them; undefined otherwise (the records are read).
 */
export function wholeMonths(p: Period): string[] | undefined {
  if (!p.from.endsWith('-01') || p.to !== lastDayOf(monthOf(p.to))) return undefined;
  const first = monthOf(p.from);
  const last = monthOf(p.to);
  const span = monthsApart(first, last);
  if (span < 0 || span > LOOKBACK_MONTHS) return undefined;
  return Array.from({ length: span + 1 }, (_, i) => addMonths(first, i));
}

/** The scopes a team's rows count in: its subtree's, and (when approved) the subtree of every team above it. */
export function scopesOf(team: RollupOrg): string[] {
  const keys = [`tree:${team._id}`];
  if (team.status === 'approved') for (const above of team.path) keys.push(`tree:${above}`);
  return keys;
}

export const emptyMonth = (): MonthFigures => ({
  activities: 0,
  byCategory: Object.fromEntries(STAT_CATEGORIES.map((c) => [c, 0])) as Record<StatCategory, number>,
  keyDayActivities: 0,
  keyGroupActivities: 0,
  servedPeople: 0,
  minutes: 0,
  volunteerTimes: 0,
  days: {},
  top: [],
  volunteersSince: {},
  pairsSince: {},
});

export const bump = (counts: Record<string, number>, key: string, n = 1) => {
  counts[key] = (counts[key] ?? 0) + n;
};

/** The rows a rollup is built from (see buildYearRollups). */
export interface RollupRows {
  activities: readonly RollupActivity[];
  records: readonly RollupRecord[];
  memberships: readonly StatMembership[];
}

/**
 * A person as one scope counts them: the months they were active in (bit i: the i-th month from January of the year
 * before) and their first approval day ('' for none), with which scopes built apart merge exactly (stat-rollup-merge).
 */
export type RollupPerson = [openid: string, months: number, firstApproved: string];

/**
 * The rollups of `year` for every team in `orgs`. Rows: activities held (published) that start in the year; credited day
 * records (service days of activities not cancelled) dated from 1 January of the year before (for the gap counts)
 * to the year's end; approved memberships.
 */
export const buildYearRollups = (year: string, orgs: readonly RollupOrg[], rows: RollupRows): YearRollup[] =>
  buildRollups(year, orgs, rows).rollups;

/**
 * The month bits of a person's activity (see RollupPerson) into a rollup's gap counts of `field` for the months of
 * `year`; `pairsSince` also counts the month's 人次.
 */
export function addGaps(r: YearRollup, mask: number, field: 'volunteersSince' | 'pairsSince'): void {
  const first = `${Number(r.year) - 1}-01`;
  let prev: number | undefined;
  for (let i = 0; i < 24; i++) {
    if (!(mask & (2 ** i))) continue;
    if (i >= 12) {
      const f = (r.months[addMonths(first, i)] ??= emptyMonth());
      bump(f[field], prev !== undefined && i - prev <= LOOKBACK_MONTHS ? addMonths(first, prev) : '');
      if (field === 'pairsSince') f.volunteerTimes++;
    }
    prev = i;
  }
}

/** buildYearRollups, and the people of the subtree of `peopleOf` (one of `orgs`) as its rollup counts them. */
export function buildRollups(
  year: string,
  orgs: readonly RollupOrg[],
  rows: RollupRows,
  peopleOf?: string,
): { rollups: YearRollup[]; people: RollupPerson[] } {
  const byId = new Map(orgs.map((o) => [o._id, o]));
  const teamsBelow = new Map<string, number>();
  for (const o of orgs) if (o.status === 'approved') for (const above of o.path) teamsBelow.set(above, (teamsBelow.get(above) ?? 0) + 1);
  const rollups = new Map<string, YearRollup>();
  for (const o of orgs) {
    rollups.set(`tree:${o._id}`, {
      scope: 'tree',
      orgId: o._id,
      orgName: o.name ?? '',
      parentId: o.parentId ?? null,
      status: o.status,
      year,
      teams: 1 + (teamsBelow.get(o._id) ?? 0),
      months: {},
      firstApproved: {},
      ownFirstApproved: {},
    });
  }
  const targets = (orgId: string): YearRollup[] => {
    const team = byId.get(orgId);
    if (!team) return [];
    return scopesOf(team)
      .map((k) => rollups.get(k))
      .filter((r): r is YearRollup => !!r);
  };
  const month = (r: YearRollup, m: string) => (r.months[m] ??= emptyMonth());
  const day = (f: MonthFigures, date: string) => (f.days[date] ??= { activities: 0, volunteerTimes: 0, minutes: 0 });

  for (const a of rows.activities) {
    if (a.status !== 'published' || !a.startDate.startsWith(year)) continue;
    const cat = STAT_CATEGORY_OF[a.category] ?? '其他';
    for (const r of targets(a.orgId)) {
      const f = month(r, monthOf(a.startDate));
      f.activities++;
      f.byCategory[cat]++;
      if (a.keyDay) f.keyDayActivities++;
      if (isKeyGroupActivity(a)) f.keyGroupActivities++;
      f.servedPeople += a.servedCount ?? 0;
      day(f, a.startDate).activities++;
    }
  }

  // Per scope: the months each volunteer and each pair was active in (a bit per month of the two years read), and
  // the days each pair was active in this year's months (a pair is one 人次 of a day, however many records).
  const first = `${Number(year) - 1}-01`;
  const volunteerMonths = new Map<string, number>();
  const pairMonths = new Map<string, number>();
  const pairDays = new Set<string>();
  for (const rec of rows.records) {
    if (rec.minutes <= 0) continue;
    const m = monthOf(rec.date);
    const bit = 2 ** monthsApart(first, m);
    if (bit < 1 || m > `${year}-12`) continue;
    const inYear = rec.date.startsWith(year);
    for (const r of targets(rec.orgId)) {
      const key = `${r.scope}:${r.orgId}`;
      const v = `${key}\u0000${rec.openid}`;
      const pair = `${v}\u0000${rec.activityId}`;
      volunteerMonths.set(v, (volunteerMonths.get(v) ?? 0) | bit);
      pairMonths.set(pair, (pairMonths.get(pair) ?? 0) | bit);
      if (!inYear) continue;
      const f = month(r, m);
      f.minutes += rec.minutes;
      day(f, rec.date).minutes += rec.minutes;
      const pd = `${pair}\u0000${rec.date}`;
      if (!pairDays.has(pd)) {
        pairDays.add(pd);
        day(f, rec.date).volunteerTimes++;
      }
    }
  }
  const gaps = (bits: Map<string, number>, field: 'volunteersSince' | 'pairsSince') => {
    for (const [key, mask] of bits) addGaps(rollups.get(key.slice(0, key.indexOf('\u0000')))!, mask, field);
  };
  gaps(volunteerMonths, 'volunteersSince');
  gaps(pairMonths, 'pairsSince');

  // 亮点活动 candidates: each activity's figures over its records of the year, the best of each month kept.
  const perActivity = new Map<string, { people: Set<string>; minutes: number }>();
  for (const rec of rows.records) {
    if (rec.minutes <= 0 || !rec.date.startsWith(year)) continue;
    let f = perActivity.get(rec.activityId);
    if (!f) perActivity.set(rec.activityId, (f = { people: new Set(), minutes: 0 }));
    f.people.add(rec.openid);
    f.minutes += rec.minutes;
  }
  for (const a of rows.activities) {
    if (a.status !== 'published' || !a.startDate.startsWith(year)) continue;
    const f = perActivity.get(a._id);
    const c: HighlightCandidate = {
      activityId: a._id,
      orgId: a.orgId,
      orgName: a.orgName ?? '',
      title: a.title ?? '',
      startDate: a.startDate,
      endDate: a.endDate ?? a.startDate,
      address: a.address ?? '',
      ...(a.servedCount !== undefined ? { servedCount: a.servedCount } : {}),
      ...(a.summary ? { summary: a.summary } : {}),
      photoCount: a.recapPhotoIds?.length ?? 0,
      volunteerTimes: f?.people.size ?? 0,
      minutes: f?.minutes ?? 0,
    };
    if (c.volunteerTimes === 0 && !c.servedCount) continue;
    for (const r of targets(a.orgId)) {
      const m = month(r, monthOf(a.startDate));
      m.top = [...m.top, c].sort(byHighlight).slice(0, HIGHLIGHT_CANDIDATES);
    }
  }

  // Each person's first approval day per rollup, then the histograms: the subtree's, and the team's own.
  const firstApprovals = (of: (orgId: string) => YearRollup[], field: 'firstApproved' | 'ownFirstApproved') => {
    const first = new Map<YearRollup, Map<string, string>>();
    for (const m of rows.memberships) {
      if (m.status !== 'approved') continue;
      const d = approvedOn(m);
      for (const r of of(m.orgId)) {
        let people = first.get(r);
        if (!people) first.set(r, (people = new Map()));
        const seen = people.get(m.openid);
        if (!seen || d < seen) people.set(m.openid, d);
      }
    }
    for (const [r, people] of first) for (const d of people.values()) bump(r[field], d);
    return first;
  };
  const firstOf = firstApprovals(targets, 'firstApproved');
  firstApprovals((orgId) => {
    const own = rollups.get(`tree:${orgId}`);
    return own ? [own] : [];
  }, 'ownFirstApproved');
  return { rollups: [...rollups.values()], people: peopleOf ? peopleIn(`tree:${peopleOf}`) : [] };

  function peopleIn(scope: string): RollupPerson[] {
    const out = new Map<string, RollupPerson>();
    const prefix = `${scope}\u0000`;
    for (const [key, mask] of volunteerMonths) {
      if (key.startsWith(prefix)) out.set(key.slice(prefix.length), [key.slice(prefix.length), mask, '']);
    }
    const r = rollups.get(scope);
    for (const [openid, d] of (r && firstOf.get(r)) ?? []) {
      const person = out.get(openid) ?? [openid, 0, ''];
      out.set(openid, [openid, person[1], d]);
    }
    return [...out.values()];
  }
}

/** highlights()' order: more 人次, then minutes, then people served, then the earlier start. */
export const byHighlight = (a: HighlightCandidate, b: HighlightCandidate) =>
  b.volunteerTimes - a.volunteerTimes ||
  b.minutes - a.minutes ||
  (b.servedCount ?? 0) - (a.servedCount ?? 0) ||
  a.startDate.localeCompare(b.startDate);

/**
 * 附件3's 1–`n` 亮点活动 over whole months from the rollups: the best candidates of the months that lie within the
 * period (start and end, in one year), so that their figures, over the records of their year, are those of the period.
 * An activity running past the period's end, or beyond a month's HIGHLIGHT_CANDIDATES best, is not chosen here.
 */
export function highlightsFromRollups(rollups: readonly YearRollup[], p: Period, months: readonly string[], n = 2): HighlightCandidate[] {
  const byYear = new Map(rollups.map((r) => [r.year, r]));
  return months
    .flatMap((m) => byYear.get(m.slice(0, 4))?.months[m]?.top ?? [])
    .filter((c) => c.startDate >= p.from && c.endDate <= p.to && c.endDate.slice(0, 4) === c.startDate.slice(0, 4))
    .sort(byHighlight)
    .slice(0, n);
}

/** People of the team itself at the period's end (approved on or before it), from the newest rollup. */
export function ownMembersFromRollups(rollups: readonly YearRollup[], p: Period): number {
  const latest = rollups.find((r) => r.year === p.to.slice(0, 4)) ?? rollups[0];
  return Object.entries(latest?.ownFirstApproved ?? {}).reduce((s, [d, n]) => (d <= p.to ? s + n : s), 0);
}

/** Distinct over months `months` from their gap counts (see the top of this file). */
function distinctOver(
  months: readonly string[],
  figures: (m: string) => MonthFigures | undefined,
  field: 'volunteersSince' | 'pairsSince',
) {
  const start = months[0];
  let n = 0;
  for (const m of months)
    for (const [prev, count] of Object.entries(figures(m)?.[field] ?? {})) if (prev === '' || prev < start) n += count;
  return n;
}

/**
 * orgStats' figures over whole months (wholeMonths) from the rollups of the years they touch: the same numbers
 * orgFigures gives from the rows.
 */
export function figuresFromRollups(rollups: readonly YearRollup[], p: Period, months: readonly string[]): StatFigures {
  const byYear = new Map(rollups.map((r) => [r.year, r]));
  const figures = (m: string) => byYear.get(m.slice(0, 4))?.months[m];
  const sum = (pick: (f: MonthFigures) => number) => months.reduce((s, m) => s + (figures(m) ? pick(figures(m)!) : 0), 0);
  const categories = Object.fromEntries(STAT_CATEGORIES.map((c) => [c, sum((f) => f.byCategory[c] ?? 0)])) as Record<StatCategory, number>;
  // Members from the newest rollup read (all were built from the memberships of their time: see the freshness check).
  const latest = byYear.get(monthOf(p.to).slice(0, 4)) ?? rollups[0];
  let members = 0;
  let newMembers = 0;
  for (const [d, n] of Object.entries(latest?.firstApproved ?? {})) {
    if (d > p.to) continue;
    members += n;
    if (d >= p.from) newMembers += n;
  }
  const dates = daysBetween(p.from, p.to, 32);
  return {
    members,
    newMembers,
    activities: sum((f) => f.activities),
    byCategory: categories,
    keyDayActivities: sum((f) => f.keyDayActivities),
    keyGroupActivities: sum((f) => f.keyGroupActivities),
    volunteerTimes: distinctOver(months, figures, 'pairsSince'),
    distinctVolunteers: distinctOver(months, figures, 'volunteersSince'),
    minutes: sum((f) => f.minutes),
    servedPeople: sum((f) => f.servedPeople),
    series: months.map((month) => ({
      month,
      activities: figures(month)?.activities ?? 0,
      volunteerTimes: figures(month)?.volunteerTimes ?? 0,
      minutes: figures(month)?.minutes ?? 0,
    })),
    ...(dates.length <= 31
      ? {
          days: dates.map((date) => ({
            date,
            ...(figures(monthOf(date))?.days[date] ?? { activities: 0, volunteerTimes: 0, minutes: 0 }),
          })),
        }
      : {}),
  };
}
