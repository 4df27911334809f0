// What the report use cases share: the period, the teams and the rows a report covers.
import type { OrgDoc } from '../../db/org.repository';
import {
  activitiesByIds,
  activitiesIn,
  approvedDescendants,
  approvedMembershipsOf,
  needsIn,
  needsPostedIn,
  recordsIn,
  type ReportActivity,
  type ReportNeed,
  type ReportRecord,
} from '../../db/report.repository';
import { countedNeeds, needFigures, orgFigures, periodOrDefault, type Period, type StatFigures } from '../../domain/report-stats';
import type { NeedFigures } from '@contract/report';
import { linkedActivities, linkedFrom } from '../need/need-view';
import type { LinkedActivity } from '../../domain/need';
import { periodRange, requestedRange } from '../../domain/shanghai-time';
import { attendanceIn, trainingsDated, trainingsOf, type TrainingDoc } from '../../db/training.repository';
import { findOrgsByIds } from '../../db/org.repository';
import { trainingFigures, type TrainingFigures } from '../../domain/training';
import { teamPeriodRows } from '../../db/team-period.repository';
import type { Period as NamedPeriod } from '@contract/common';

/**
 * The period a report covers: the named period or the dates asked for (bounded: see requestedRange), else by
 * default this month (statistics, ranking) or the year to date (the forms; a lone end date means its year so far).
 */
export function reportPeriod(
  input: { period?: NamedPeriod; from?: string; to?: string },
  now: Date,
  fallback: 'thisMonth' | 'yearToDate',
): Period {
  const requested = requestedRange(input, now);
  if (requested.from && requested.to) return { from: requested.from, to: requested.to };
  return fallback === 'thisMonth' ? periodRange('thisMonth', now) : periodOrDefault(requested, now);
}

/** Who may read a team's reports: its leader/admins and those of every team above it (app/access requireReadableOrg). */
export const READ_STATS = '只有本队及上级队伍的负责人、管理员可以查看统计';

/** The team alone, or with every approved team below it. */
export async function teamsOf(org: OrgDoc, includeDescendants: boolean): Promise<OrgDoc[]> {
  return includeDescendants ? [org, ...(await approvedDescendants(org._id))] : [org];
}

/**
 * Day records of the teams dated within the period, except those of cancelled activities (their hours are never
 * credited, as on a certificate); with the activities they belong to that `held` (those starting within it) lacks.
 */
export async function periodRecords(
  ids: readonly string[],
  p: Period,
  held: readonly ReportActivity[],
): Promise<{ records: ReportRecord[]; earlier: Map<string, ReportActivity> }> {
  const records = await recordsIn(ids, p);
  const known = new Set(held.map((a) => a._id));
  const others = [...new Set(records.map((r) => r.activityId))].filter((id) => !known.has(id));
  const found = others.length ? await activitiesByIds(others) : [];
  const cancelled = new Set(found.filter((a) => a.status === 'cancelled').map((a) => a._id));
  return {
    records: records.filter((r) => !cancelled.has(r.activityId)),
    earlier: new Map(found.filter((a) => a.status !== 'cancelled').map((a) => [a._id, a])),
  };
}

/** The rows of the teams within the period and the figures of 附件3 over them. */
export async function figuresOf(teams: OrgDoc[], p: Period) {
  const ids = teams.map((t) => t._id);
  const [activities, memberships] = await Promise.all([activitiesIn(ids, p), approvedMembershipsOf(ids)]);
  const { records, earlier } = await periodRecords(ids, p, activities);
  const figures: StatFigures = orgFigures({ activities, records, memberships }, p);
  return { activities, records, memberships, earlier, figures };
}

/**
 * 供需对接 in scope: the needs posted within the period whose covering or assigned team is one of `teams`, and their
 * figures (two reads: the needs, then their linked activities for 已完成).
 */
export async function needFiguresOf(
  teams: readonly OrgDoc[],
  p: Period,
  now: Date,
): Promise<{ needs: ReportNeed[]; linked: Map<string, LinkedActivity>; figures: NeedFigures }> {
  const ids = teams.map((t) => t._id);
  const needs = countedNeeds(await needsIn(ids, p), new Set(ids), p);
  const linked = await linkedActivities(needs, now);
  return { needs, linked, figures: needFigures(needs, linked, now) };
}

/** 培训 in scope: the teams' trainings dated within the period and their attendances (kept apart from service time). */
export async function trainingFiguresOf(
  teams: readonly OrgDoc[],
  p: Period,
): Promise<{ trainings: TrainingDoc[]; figures: TrainingFigures }> {
  const ids = teams.map((t) => t._id);
  const [trainings, attendances] = await Promise.all([trainingsOf(ids, p.from, p.to), attendanceIn(ids, p.from, p.to)]);
  return { trainings: trainings.filter((t) => t.status !== 'cancelled'), figures: trainingFigures(trainings, attendances) };
}

/**
 * figuresOf's, needFiguresOf's and trainingFiguresOf's figures for one team alone from one read of its rows
 * (team-period.repository); undefined when they do not fit one document, and the three read them apart, or (with
 * `unlessTeamsBelow`) when an approved team is below it.
 */
export async function oneTeamFigures(
  org: OrgDoc,
  p: Period,
  now: Date,
  opts: { unlessTeamsBelow?: boolean } = {},
): Promise<{ figures: StatFigures; needs: NeedFigures; training: TrainingFigures } | undefined> {
  const rows = await teamPeriodRows(org._id, p, opts);
  if (!rows) return undefined;
  // As periodRecords: the days of a cancelled activity are credited nothing (a held one is never cancelled).
  const cancelled = new Set(rows.recordActivities.filter((a) => a.status === 'cancelled').map((a) => a._id));
  const records = rows.records.filter((r) => !cancelled.has(r.activityId));
  const needs = countedNeeds(rows.needs, new Set([org._id]), p);
  return {
    figures: orgFigures({ activities: rows.activities, records, memberships: rows.memberships }, p),
    needs: needFigures(needs, linkedFrom(rows.needActivities, now), now),
    training: trainingFigures(rows.trainings, rows.attendances),
  };
}

// ---- A subtree of many teams (the rollups' reports): what is found in the period, kept if its team is in the tree ----

/** Those of these teams that are approved teams below `root`, reading only them, 100 a read. */
export async function teamsBelowAmong(root: OrgDoc, ids: readonly string[]): Promise<OrgDoc[]> {
  const others = [...new Set(ids)].filter((id) => id !== root._id);
  const found: OrgDoc[] = [];
  for (let i = 0; i < others.length; i += 100) found.push(...(await findOrgsByIds(others.slice(i, i + 100))));
  return found.filter((o) => o.status === 'approved' && (o.path ?? []).includes(root._id));
}

/** Which of these teams are in `root`'s subtree: itself, or approved below it. */
async function inTree(root: OrgDoc, ids: readonly string[]): Promise<Set<string>> {
  return new Set([root._id, ...(await teamsBelowAmong(root, ids)).map((o) => o._id)]);
}

/** needFiguresOf for `root` and its subtree, from the needs posted in the period rather than the tree's ids. */
export async function needFiguresInTree(
  root: OrgDoc,
  p: Period,
  now: Date,
): Promise<{ needs: ReportNeed[]; linked: Map<string, LinkedActivity>; figures: NeedFigures }> {
  const posted = await needsPostedIn(p);
  const teams = await inTree(
    root,
    posted.flatMap((n) => [n.coveringOrgId, ...(n.assignedOrgId ? [n.assignedOrgId] : [])]),
  );
  const needs = countedNeeds(posted, teams, p);
  const linked = needs.length ? await linkedActivities(needs, now) : new Map<string, LinkedActivity>();
  return { needs, linked, figures: needFigures(needs, linked, now) };
}

/** trainingFiguresOf's figures for `root` and its subtree, from the trainings dated in the period rather than the tree's ids. */
export async function trainingFiguresInTree(root: OrgDoc, p: Period): Promise<{ trainings: TrainingDoc[]; figures: TrainingFigures }> {
  const dated = await trainingsDated(p.from, p.to);
  const teams = await inTree(
    root,
    dated.map((t) => t.orgId),
  );
  const trainings = dated.filter((t) => teams.has(t.orgId));
  const attendances = trainings.length ? await attendanceIn([...new Set(trainings.map((t) => t.orgId))], p.from, p.to) : [];
  return { trainings: trainings.filter((t) => t.status !== 'cancelled'), figures: trainingFigures(trainings, attendances) };
}
