// 统计汇总: one document per team, scope and calendar year (`_id` = scope:orgId:year, see domain/stat-rollup), the rows
// a rebuild reads (whole collections, no team filter: a rebuild covers every team), and the freshness check that
// decides whether a report may trust them.
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';
import { pageAll } from './checkin.repository';
import type { RollupActivity, RollupOrg, RollupRecord, RollupScope, YearRollup } from '../domain/stat-rollup';
import type { StatMembership } from '../domain/report-stats';

export type RollupDoc = YearRollup & { _id: string; builtAt: Date };

const rollups = () => database().collection(C.statRollups);
export const rollupId = (scope: RollupScope, orgId: string, year: string) => `${scope}:${orgId}:${year}`;

const PAGE = 1000;
/** Every document of `where`, in _id order, with only `fields`. */
const everything = <T>(collection: string, where: object, fields: Record<string, true>) =>
  pageAll<T>((skip) => database().collection(collection).where(where).field(fields).orderBy('_id', 'asc').skip(skip).limit(PAGE).get());

/** A team's rollups of these years, in one read. */
export const rollupsOf = (orgId: string, years: readonly string[]): Promise<RollupDoc[]> => rollupsOfTeams([orgId], years);

/** The rollups of these teams and years, 100 a read. */
export async function rollupsOfTeams(orgIds: readonly string[], years: readonly string[]): Promise<RollupDoc[]> {
  const _ = database().command;
  const ids = orgIds.flatMap((orgId) => years.map((y) => rollupId('tree', orgId, y)));
  const out: RollupDoc[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    out.push(
      ...((
        await unwrap(
          rollups()
            .where({ _id: _.in(chunk) })
            .limit(chunk.length)
            .get(),
        )
      ).data as RollupDoc[]),
    );
  }
  return out;
}

/** A team's rollups of these years and those of the teams directly below it, in one read. */
export async function rollupsWithChildren(orgId: string, years: readonly string[]): Promise<RollupDoc[]> {
  const _ = database().command;
  const where = _.or([{ _id: _.in(years.map((y) => rollupId('tree', orgId, y))) }, { parentId: orgId, year: _.in([...years]) }]);
  return pageAll<RollupDoc>((skip) => rollups().where(where).orderBy('_id', 'asc').skip(skip).limit(PAGE).get());
}

/** Writes (replaces) the rollups, `inFlight` at a time. */
export async function putRollups(docs: readonly YearRollup[], builtAt: Date, inFlight = 16): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < docs.length) {
      const doc = docs[next++];
      await unwrap(
        rollups()
          .doc(rollupId(doc.scope, doc.orgId, doc.year))
          .set({ ...doc, builtAt }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, docs.length) }, worker));
}

/** What a rebuild of `year` reads: every team; activities held starting in the year; credited records of it and the year before; approved memberships. */
export async function rollupRows(year: string): Promise<{
  orgs: RollupOrg[];
  activities: RollupActivity[];
  records: RollupRecord[];
  memberships: StatMembership[];
}> {
  const _ = database().command;
  const [orgs, activities, cancelled, records, memberships] = await Promise.all([
    everything<RollupOrg>(C.orgs, {}, { name: true, parentId: true, path: true, status: true }),
    everything<RollupActivity>(
      C.activities,
      { status: 'published', startDate: _.and([_.gte(`${year}-01-01`), _.lte(`${year}-12-31`)]) },
      {
        orgId: true,
        category: true,
        status: true,
        startDate: true,
        keyDay: true,
        serviceTargets: true,
        servedCount: true,
        // What a 亮点活动 shows.
        title: true,
        orgName: true,
        endDate: true,
        address: true,
        summary: true,
        recapPhotoIds: true,
      },
    ),
    everything<{ _id: string }>(C.activities, { status: 'cancelled' }, { _id: true }),
    everything<RollupRecord>(
      C.dayRecords,
      { date: _.and([_.gte(`${Number(year) - 1}-01-01`), _.lte(`${year}-12-31`)]), minutes: _.gt(0) },
      { activityId: true, orgId: true, openid: true, date: true, minutes: true },
    ),
    everything<StatMembership>(
      C.memberships,
      { status: 'approved' },
      { orgId: true, openid: true, status: true, appliedAt: true, reviewedAt: true },
    ),
  ]);
  const gone = new Set(cancelled.map((a) => a._id));
  return {
    orgs: orgs.map((o) => ({ ...o, path: o.path ?? [] })),
    activities,
    records: records.filter((r) => !gone.has(r.activityId)),
    memberships,
  };
}

/**
 * Whether anything a rollup built at `builtAt` counts has changed since: a day record dated from `recordsFrom` to
 * `to`, an activity, a membership or a team written after `builtAt` less `margin` ms. Every write of these collections
 * stamps `updatedAt` (day records for their compare-and-set, the others for this check), and none is ever deleted
 * except pending memberships, which count nowhere. The margin covers a write stamped before the rebuild began and
 * committed after it read (a function runs at most 60 s) and the clocks of two instances.
 */
export async function changedSince(builtAt: Date, recordsFrom: string, to: string, margin = 120_000): Promise<boolean> {
  const _ = database().command;
  const after = _.gt(new Date(builtAt.getTime() - margin));
  const counts = await Promise.all([
    database()
      .collection(C.dayRecords)
      .where({ updatedAt: after, date: _.and([_.gte(recordsFrom), _.lte(to)]) })
      .count(),
    database().collection(C.activities).where({ updatedAt: after }).count(),
    database().collection(C.memberships).where({ updatedAt: after }).count(),
    database().collection(C.orgs).where({ updatedAt: after }).count(),
  ]);
  for (const c of counts) if ((await unwrap(c)).total > 0) return true;
  return false;
}
