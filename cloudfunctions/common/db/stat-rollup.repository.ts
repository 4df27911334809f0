// 统计汇总: one document per team, scope and calendar year (`_id` = scope:orgId:year, see domain/stat-rollup), the rows
// a rebuild reads (every team, and one part's rows: domain/stat-rollup-merge), the state of a rebuild in parts
// (`job:year`) and the parts' shares of the root (`share:year:orgId:n`), and the freshness check that decides whether a
// report may trust them. Jobs and shares carry no `orgId` or `parentId`: no read of rollups meets them.
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';
import { pageAll } from './checkin.repository';
import type { RollupActivity, RollupOrg, RollupPerson, RollupRecord, RollupScope, YearRollup } from '../domain/stat-rollup';
import type { RootShare } from '../domain/stat-rollup-merge';
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

/** Every team, as a rebuild reads them. */
export async function rollupOrgs(): Promise<RollupOrg[]> {
  const orgs = await everything<RollupOrg>(C.orgs, {}, { name: true, parentId: true, path: true, status: true });
  return orgs.map((o) => ({ ...o, path: o.path ?? [] }));
}

type Rows = { activities: RollupActivity[]; records: RollupRecord[]; memberships: StatMembership[] };

/**
 * What a rebuild of `year` reads of some teams (a part): activities held starting in the year; credited records of it
 * and the year before; approved memberships. 100 teams a read.
 */
export async function rollupRowsOf(year: string, orgIds: readonly string[]): Promise<Rows> {
  const _ = database().command;
  const out: Rows = { activities: [], records: [], memberships: [] };
  for (let i = 0; i < orgIds.length; i += 100) {
    const rows = await rowsWhere(year, { orgId: _.in(orgIds.slice(i, i + 100)) });
    out.activities.push(...rows.activities);
    out.records.push(...rows.records);
    out.memberships.push(...rows.memberships);
  }
  return out;
}

async function rowsWhere(year: string, teams: object): Promise<Rows> {
  const _ = database().command;
  const [activities, cancelled, records, memberships] = await Promise.all([
    everything<RollupActivity>(
      C.activities,
      { ...teams, status: 'published', startDate: _.and([_.gte(`${year}-01-01`), _.lte(`${year}-12-31`)]) },
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
    everything<{ _id: string }>(C.activities, { ...teams, status: 'cancelled' }, { _id: true }),
    everything<RollupRecord>(
      C.dayRecords,
      { ...teams, date: _.and([_.gte(`${Number(year) - 1}-01-01`), _.lte(`${year}-12-31`)]), minutes: _.gt(0) },
      { activityId: true, orgId: true, openid: true, date: true, minutes: true },
    ),
    everything<StatMembership>(
      C.memberships,
      { ...teams, status: 'approved' },
      { orgId: true, openid: true, status: true, appliedAt: true, reviewedAt: true },
    ),
  ]);
  const gone = new Set(cancelled.map((a) => a._id));
  return { activities, records: records.filter((r) => !gone.has(r.activityId)), memberships };
}

// ---- A rebuild in parts ----

/** A year's rebuild in parts: the teams whose subtrees are built one by one, how many are done, each one's share chunks. */
export interface RebuildJob {
  _id: string;
  year: string;
  rootId: string;
  /** Its time, the rollups' builtAt: the root's is this, before anything was read. */
  startedAt: Date;
  parts: string[];
  done: number;
  /** Share documents written by each part done (0 for a part not below the root). */
  chunks: number[];
  finishedAt?: Date;
}

const jobId = (year: string) => `job:${year}`;
const shareId = (year: string, orgId: string, n: number) => `share:${year}:${orgId}:${n}`;
/** People per share document: a province's volunteers in a few documents of a few hundred KB. */
const PEOPLE_PER_DOC = 5000;

export async function findJob(year: string): Promise<RebuildJob | undefined> {
  return ((await unwrap(rollups().doc(jobId(year)).get())).data as RebuildJob[])[0];
}

/** Starts (or restarts) a year's rebuild: a job left by an earlier start stops advancing (see advanceJob). */
export async function startJob(job: Omit<RebuildJob, '_id' | 'done' | 'chunks'>): Promise<RebuildJob> {
  const doc: RebuildJob = { _id: jobId(job.year), ...job, done: 0, chunks: [] };
  const { _id, ...fields } = doc;
  await unwrap(rollups().doc(_id).set(fields));
  return doc;
}

/** Marks part `job.done` done; false when another call did it first or the job was restarted. */
export async function advanceJob(job: RebuildJob, chunks: number): Promise<boolean> {
  const res = await unwrap(
    rollups()
      .where({ _id: job._id, startedAt: job.startedAt, done: job.done })
      .update({ done: job.done + 1, chunks: [...job.chunks, chunks] }),
  );
  return res.updated === 1;
}

export async function finishJob(job: RebuildJob, at: Date): Promise<void> {
  await unwrap(rollups().where({ _id: job._id, startedAt: job.startedAt }).update({ finishedAt: at }));
}

/** A part's share of the root, its people split over documents; answers how many documents. */
export async function putShare(year: string, orgId: string, share: RootShare): Promise<number> {
  const chunks = Math.max(1, Math.ceil(share.people.length / PEOPLE_PER_DOC));
  for (let n = 0; n < chunks; n++) {
    const people = share.people.slice(n * PEOPLE_PER_DOC, (n + 1) * PEOPLE_PER_DOC);
    await unwrap(
      rollups()
        .doc(shareId(year, orgId, n))
        .set(n === 0 ? { year, rollup: share.rollup, people } : { year, people }),
    );
  }
  return chunks;
}

/** The shares the job's parts wrote, one per part below the root. */
export async function sharesOf(job: RebuildJob): Promise<RootShare[]> {
  const _ = database().command;
  const ids = job.parts.flatMap((orgId, i) => Array.from({ length: job.chunks[i] ?? 0 }, (_x, n) => shareId(job.year, orgId, n)));
  const docs = new Map<string, { rollup?: YearRollup; people: RollupPerson[] }>();
  for (let i = 0; i < ids.length; i += 20) {
    const chunk = ids.slice(i, i + 20);
    const res = await unwrap(
      rollups()
        .where({ _id: _.in(chunk) })
        .limit(chunk.length)
        .get(),
    );
    for (const d of res.data as ({ _id: string } & { rollup?: YearRollup; people: RollupPerson[] })[]) docs.set(d._id, d);
  }
  return job.parts.flatMap((orgId, i) => {
    const parts = Array.from({ length: job.chunks[i] ?? 0 }, (_x, n) => docs.get(shareId(job.year, orgId, n)));
    if (parts.length === 0) return [];
    if (parts.some((d) => !d) || !parts[0]!.rollup) throw new Error(`统计汇总: share of ${orgId} ${job.year} missing`);
    return [{ rollup: parts[0]!.rollup, people: parts.flatMap((d) => d!.people) }];
  });
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
