// Why: database.aggregateDocuments — the SDK's aggregate() stages run by mingo, with CloudBase's default result cap.
import 'mingo/init/system';
import { Aggregator } from 'mingo';
import { Doc, assertSafePath, isPlainObject, parseEJSON } from './ejson';
import { invalidParam, notImplemented, requestFailed } from './errors';
import { MINGO_OPTIONS } from './operators';
import { type GeoCollection, type GeoNearStage, parseGeoNearStage, refuseNear, runGeoNear } from './geo';
import { assertSafeExpression, compileQuery, mingoError, validateQuery } from './query';

/** Stages aggregate() can build (aggregate.js) that this emulator runs; $geoNear is geo.ts's. */
const STAGES = new Set([
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$geoNear',
  '$group',
  '$limit',
  '$match',
  '$project',
  '$lookup',
  '$replaceRoot',
  '$sample',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unwind',
]);

/**
 * Without a $limit stage CloudBase returns at most 20 aggregation results, on the server SDK too
 * (measured and reported by developers: developers.weixin.qq.com community article
 * "云函数端Aggregate聚合操作limit默认20条限制", and "云函数中的聚合查询操作,默认是多少条?").
 */
export const AGGREGATE_DEFAULT_LIMIT = 20;

export function parsePipeline(stages: unknown, now: () => Date): Record<string, unknown>[] {
  if (!Array.isArray(stages)) throw invalidParam("'stages' must be an array");
  return stages.map((s: unknown, i) => {
    if (!isPlainObject(s) || typeof s.stageKey !== 'string') throw invalidParam(`stage ${i} needs a stageKey`);
    const key = s.stageKey;
    if (!STAGES.has(key)) throw notImplemented(`aggregation stage ${key}`);
    const value = parseEJSON(s.stageValue, `stages[${i}].stageValue`, now);
    if (key === '$match') {
      if (!isPlainObject(value)) throw invalidParam('$match needs an object');
      validateQuery(value);
      refuseNear(value, '$match');
    }
    if (key === '$geoNear') {
      if (i !== 0) throw requestFailed('$geoNear is only valid as the first stage in a pipeline.');
      return { $geoNear: parseGeoNearStage(value, validateQuery) };
    }
    if (key === '$lookup' && isPlainObject(value) && typeof value.from !== 'string') throw invalidParam('$lookup needs from');
    if (key !== '$match') assertSafeExpression(value);
    assertSafeNames(key, value);
    if (
      (key === '$limit' || key === '$skip') &&
      !(typeof value === 'number' && Number.isInteger(value) && value >= (key === '$limit' ? 1 : 0))
    ) {
      throw invalidParam(`${key} needs a ${key === '$limit' ? 'positive' : 'non-negative'} integer`);
    }
    return { [key]: value };
  });
}

/** Stage options that name output or input fields by a plain string (not a '$path'). */
function assertSafeNames(key: string, value: unknown): void {
  const names: unknown[] = [];
  if (key === '$count') names.push(value);
  if (isPlainObject(value)) {
    if (key === '$unwind') names.push(value.includeArrayIndex);
    if (key === '$lookup') names.push(value.localField, value.foreignField, value.as);
  }
  for (const n of names) if (typeof n === 'string') assertSafePath(n);
}

const isInclusionValue = (v: unknown) => v === 1 || v === true;
const isExclusionValue = (v: unknown) => v === 0 || v === false;

/** 'include', 'exclude' or 'computed' for one $project value (nested field specs recurse). */
function projectKinds(spec: Record<string, unknown>, path: string, out: Array<[string, 'include' | 'exclude' | 'computed']>): void {
  for (const [k, v] of Object.entries(spec)) {
    const p = path ? `${path}.${k}` : k;
    if (isInclusionValue(v)) out.push([p, 'include']);
    else if (isExclusionValue(v)) out.push([p, 'exclude']);
    else if (isPlainObject(v) && Object.keys(v).length > 0 && !Object.keys(v).some((x) => x.startsWith('$'))) projectKinds(v, p, out);
    else out.push([p, 'computed']);
  }
}

/**
 * MongoDB's $project rules that mingo does not follow: computed fields make an inclusion projection (mingo returned
 * every stored field for `{_id: 0, c: <expr>}`), and exclusions cannot be mixed with inclusions (except _id).
 * `{_id: 0, …inclusions}` runs as `{_id: 1, …}` then `{_id: 0}`.
 */
function normalizeProject(spec: Record<string, unknown>): Record<string, unknown>[] {
  const kinds: Array<[string, 'include' | 'exclude' | 'computed']> = [];
  projectKinds(spec, '', kinds);
  const excluded = kinds.find(([p, k]) => k === 'exclude' && p !== '_id');
  const included = kinds.find(([p, k]) => k !== 'exclude' && p !== '_id');
  if (excluded && included)
    throw requestFailed(`Invalid $project :: caused by :: Cannot do exclusion on field ${excluded[0]} in inclusion projection`);
  if (!included || !isExclusionValue(spec._id)) return [{ $project: spec }];
  return [{ $project: { ...spec, _id: 1 } }, { $project: { _id: 0 } }];
}

/** Rewrites $project stages (also inside $lookup sub-pipelines) into forms mingo evaluates like MongoDB. */
function normalizeStages(stages: Record<string, unknown>[]): Record<string, unknown>[] {
  return stages.flatMap((stage) => {
    const [key, value] = Object.entries(stage)[0];
    if (key === '$project' && isPlainObject(value)) return normalizeProject(value);
    if (key === '$lookup' && isPlainObject(value) && Array.isArray(value.pipeline)) {
      return [{ $lookup: { ...value, pipeline: normalizeStages(value.pipeline as Record<string, unknown>[]) } }];
    }
    return [stage];
  });
}

/**
 * Runs a parsed pipeline; `resolve` gives the (copied) documents of another collection for $lookup, `geo` the
 * collection's declared indexes for a first $geoNear stage.
 */
export function runPipeline(
  docs: Doc[],
  pipeline: Record<string, unknown>[],
  resolve: (name: string) => Doc[],
  geo?: GeoCollection,
): Doc[] {
  const [first, ...rest] = pipeline;
  if (first && '$geoNear' in first) {
    if (!geo) throw notImplemented('$geoNear without the collection it reads');
    const stage = first.$geoNear as GeoNearStage;
    return runGeoNear(docs, stage, geo, compileQuery(stage.query, '$match'), (out) => runPipeline(out, rest, resolve));
  }
  const capped = pipeline.some((s) => '$limit' in s) ? pipeline : [...pipeline, { $limit: AGGREGATE_DEFAULT_LIMIT }];
  const stages = normalizeStages(capped);
  try {
    return new Aggregator(stages, { ...MINGO_OPTIONS, collectionResolver: resolve }).run<Doc>(docs);
  } catch (e) {
    throw mingoError(e);
  }
}
