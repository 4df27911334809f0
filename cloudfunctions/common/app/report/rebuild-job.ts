// 统计汇总 rebuilt in parts, so that no call reads a whole nation: a year's job builds the subtree of each team
// directly below the root (and of any other top-level team) one part at a time, each writing its teams' rollups and
// its share of the root, and finally the root from its own rows and the shares (domain/stat-rollup-merge). A call
// goes on while it is within its budget and leaves the rest to the next (cron's next tick, or the leader's next tap);
// two calls on the same job write the same documents, and a part counts once (advanceJob).
import {
  findJob,
  advanceJob,
  finishJob,
  putRollups,
  putShare,
  rollupOrgs,
  rollupRowsOf,
  sharesOf,
  startJob,
  type RebuildJob,
} from '../../db/stat-rollup.repository';
import { buildRollups, type RollupOrg } from '../../domain/stat-rollup';
import { mergeRootShares } from '../../domain/stat-rollup-merge';

/**
 * How long a call starts new parts for. A function runs for 20 s (cloudbaserc.json); a part of a national tree (one
 * province) takes a few seconds, so a call started within the budget ends well inside it.
 */
export const REBUILD_BUDGET_MS = 8_000;

export interface RebuildProgress {
  year: string;
  /** Rollups written by this call. */
  rollups: number;
  parts: { done: number; total: number };
  /** The root's rollup is written: the year's rebuild is complete. */
  finished: boolean;
  startedAt: Date;
}

/** The parts of a tree: every top-level team but the root, and every team directly below the root. */
const partsOf = (orgs: readonly RollupOrg[], rootId: string) =>
  orgs.filter((o) => (o.path.length === 0 ? o._id !== rootId : o.path[o.path.length - 1] === rootId)).map((o) => o._id);

/**
 * Goes on with `year`'s rebuild (or starts one: none yet, or the last one finished and `restart`) for `budgetMs`, one
 * step at least.
 */
export async function rebuildInParts(
  year: string,
  rootId: string,
  at: Date,
  opts: { restart: boolean; budgetMs?: number },
): Promise<RebuildProgress> {
  const began = Date.now();
  const budget = opts.budgetMs ?? REBUILD_BUDGET_MS;
  const orgs = await rollupOrgs();
  const root = orgs.find((o) => o._id === rootId);
  let job = await findJob(year);
  if (!job || job.rootId !== rootId || (job.finishedAt && opts.restart)) {
    job = await startJob({ year, rootId, startedAt: at, parts: root ? partsOf(orgs, rootId) : [] });
  }
  let rollups = 0;
  let steps = 0;
  while (!job.finishedAt && (steps === 0 || Date.now() - began < budget)) {
    steps++;
    if (job.done < job.parts.length) {
      const written = await buildPart(job, orgs, root, at);
      rollups += written.rollups;
      job = (await advanceJob(job, written.chunks))
        ? { ...job, done: job.done + 1, chunks: [...job.chunks, written.chunks] }
        : await findJob(year);
      if (!job) throw new Error(`统计汇总: the job of ${year} is gone`);
      continue;
    }
    if (root) {
      await putRollups([await buildRoot(job, root)], job.startedAt);
      rollups++;
    }
    await finishJob(job, at);
    job = { ...job, finishedAt: at };
  }
  return { year, rollups, parts: { done: job.done, total: job.parts.length }, finished: !!job.finishedAt, startedAt: job.startedAt };
}

/** One part: its teams' rollups, and (below the root) its share of the root. */
async function buildPart(job: RebuildJob, orgs: readonly RollupOrg[], root: RollupOrg | undefined, at: Date) {
  const top = job.parts[job.done];
  const part = orgs.filter((o) => o._id === top || o.path.includes(top));
  const below = !!root && part.some((o) => o._id === top && o.path.includes(root._id));
  const rows = await rollupRowsOf(
    job.year,
    part.map((o) => o._id),
  );
  const built = buildRollups(job.year, below ? [...part, root] : part, rows, below ? root._id : undefined);
  const mine = built.rollups.filter((r) => r.orgId !== root?._id);
  await putRollups(mine, at);
  const share = built.rollups.find((r) => r.orgId === root?._id);
  const chunks = below && share ? await putShare(job.year, top, { rollup: share, people: built.people }) : 0;
  return { rollups: mine.length, chunks };
}

/** The root: its own rows, merged with the shares of the parts below it. */
async function buildRoot(job: RebuildJob, root: RollupOrg) {
  const [rows, shares] = await Promise.all([rollupRowsOf(job.year, [root._id]), sharesOf(job)]);
  const own = buildRollups(job.year, [root], rows, root._id);
  return mergeRootShares({ rollup: own.rollups[0], people: own.people }, shares);
}
