// Why: database.aggregateDocuments — the SDK's aggregate() stages run by mingo, with CloudBase's default result cap
// and MongoDB's 16 MB limit on a document.
import 'mingo/init/system';
import { Aggregator } from 'mingo';
import { resolve as resolvePath } from 'mingo/util';
import { calculateObjectSize } from 'bson';
import { Doc, assertSafePath, isPlainObject, isRegExp, parseEJSON } from './ejson';
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
    if (key === '$geoNear') {
      if (i !== 0) throw requestFailed('$geoNear is only valid as the first stage in a pipeline.');
      return { $geoNear: parseGeoNearStage(value, validateQuery) };
    }
    validateStage(key, value);
    return { [key]: value };
  });
}

/** The checks of one stage other than $geoNear, at the top or inside a $lookup's pipeline. */
function validateStage(key: string, value: unknown): void {
  if (key === '$match') {
    if (!isPlainObject(value)) throw invalidParam('$match needs an object');
    validateQuery(value);
    refuseNear(value, '$match');
  }
  if (key === '$lookup') validateLookup(value);
  if (key !== '$match') assertSafeExpression(value);
  assertSafeNames(key, value);
  if (
    (key === '$limit' || key === '$skip') &&
    !(typeof value === 'number' && Number.isInteger(value) && value >= (key === '$limit' ? 1 : 0))
  ) {
    throw invalidParam(`${key} needs a ${key === '$limit' ? 'positive' : 'non-negative'} integer`);
  }
}

/**
 * CloudBase's two forms of $lookup: equal fields (localField/foreignField), or a pipeline (with `let` for the outer
 * document's fields); the stages of a pipeline are checked as the top ones are. Both at once is MongoDB 5.0's, refused.
 */
function validateLookup(value: unknown): void {
  if (!isPlainObject(value) || typeof value.from !== 'string') throw invalidParam('$lookup needs from');
  if (value.pipeline === undefined) return;
  if (value.localField !== undefined || value.foreignField !== undefined)
    throw notImplemented('$lookup with both localField/foreignField and a pipeline');
  if (!Array.isArray(value.pipeline)) throw invalidParam('$lookup pipeline must be an array');
  for (const [i, stage] of value.pipeline.entries()) {
    const keys = isPlainObject(stage) ? Object.keys(stage) : [];
    if (keys.length !== 1) throw invalidParam(`$lookup pipeline stage ${i} must name one stage`);
    const [key] = keys;
    if (!STAGES.has(key) || key === '$geoNear') throw notImplemented(`aggregation stage ${key} in a $lookup pipeline`);
    validateStage(key, (stage as Record<string, unknown>)[key]);
  }
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

/** What a collection holds for a $lookup: all of it, or (`where`) only what that query matches, as find() does. */
export type Resolve = (name: string, where?: Record<string, unknown>) => Doc[];

/** Whether a query reads the outer document's variables (only $expr can): such a $match depends on the outer document. */
function hasExpr(q: unknown): boolean {
  if (Array.isArray(q)) return q.some(hasExpr);
  return isPlainObject(q) && Object.entries(q).some(([k, v]) => k === '$expr' || (k.startsWith('$') && hasExpr(v)));
}

/** The collection a rewritten $lookup joins (its `from` may now be the documents themselves). */
const lookupNames = new WeakMap<object, string>();

/**
 * Rewrites $project stages (also inside $lookup sub-pipelines) into forms mingo evaluates like MongoDB. A $lookup
 * pipeline starting with a $match of constants is joined to only what that $match finds (the emulator's own query
 * matching, not a copy of the whole collection per lookup); the $match still runs on it.
 */
function normalizeStages(stages: Record<string, unknown>[], resolve: Resolve): Record<string, unknown>[] {
  return stages.flatMap((stage) => {
    const [key, value] = Object.entries(stage)[0];
    if (key === '$project' && isPlainObject(value)) return normalizeProject(value);
    if (key === '$lookup' && isPlainObject(value) && Array.isArray(value.pipeline)) {
      const pipeline = value.pipeline as Record<string, unknown>[];
      const first = pipeline[0]?.$match;
      const from = isPlainObject(first) && !hasExpr(first) ? resolve(value.from as string, first) : value.from;
      const lookup = { ...value, from, pipeline: normalizeStages(pipeline, resolve) };
      lookupNames.set(lookup, value.from as string);
      return [{ $lookup: lookup }];
    }
    return [stage];
  });
}

/** MongoDB's largest document (BSONObjMaxUserSize): no stored document, nor any aggregation result, may be larger. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
/** What a $lookup may join into one document (BSONObjMaxInternalSize: 16 MB + 16 KB), as MongoDB counts it. */
export const MAX_LOOKUP_BYTES = MAX_DOCUMENT_BYTES + 16 * 1024;

/**
 * MongoDB refuses a $lookup that joins more than 16 MB into one document (error 4568), and an aggregation result
 * document over 16 MB (BSONObjectTooLarge); CloudBase answers DATABASE_REQUEST_FAILED. The emulator refuses alike
 * rather than answer what CloudBase cannot.
 */
function assertFits(docs: readonly Doc[], lookupFrom?: string): void {
  for (const d of docs) {
    const size = calculateObjectSize(d);
    if (lookupFrom !== undefined && size > MAX_LOOKUP_BYTES)
      throw requestFailed(
        `Total size of documents in ${lookupFrom} matching pipeline's $lookup stage exceeds ${MAX_LOOKUP_BYTES} bytes (16 MB)`,
      );
    if (lookupFrom === undefined && size > MAX_DOCUMENT_BYTES)
      throw requestFailed(
        `BSONObjectTooLarge: an aggregation result of ${size} bytes exceeds the 16 MB limit (${MAX_DOCUMENT_BYTES} bytes)`,
      );
  }
}

/**
 * Runs a parsed pipeline; `resolve` gives the (copied) documents of another collection for $lookup, `geo` the
 * collection's declared indexes for a first $geoNear stage.
 */
export function runPipeline(docs: Doc[], pipeline: Record<string, unknown>[], resolve: Resolve, geo?: GeoCollection): Doc[] {
  const [first, ...rest] = pipeline;
  if (first && '$geoNear' in first) {
    if (!geo) throw notImplemented('$geoNear without the collection it reads');
    const stage = first.$geoNear as GeoNearStage;
    return runGeoNear(docs, stage, geo, compileQuery(stage.query, '$match'), (out) => runPipeline(out, rest, resolve));
  }
  const capped = pipeline.some((s) => '$limit' in s) ? pipeline : [...pipeline, { $limit: AGGREGATE_DEFAULT_LIMIT }];
  const options = { ...MINGO_OPTIONS, collectionResolver: (name: string) => resolve(name) };
  // Run each $lookup apart and measure what it joined.
  let out = docs;
  let segment: Record<string, unknown>[] = [];
  const run = () => {
    if (segment.length === 0) return;
    try {
      out = new Aggregator(segment, options).run<Doc>(out);
    } catch (e) {
      throw mingoError(e);
    }
    segment = [];
  };
  for (const stage of normalizeStages(capped, resolve)) {
    const lookup = stage.$lookup;
    if (!isPlainObject(lookup)) {
      segment.push(stage);
      continue;
    }
    run();
    segment.push(byIds(lookup, out, resolve) ?? stage);
    run();
    assertFits(out, lookupNames.get(lookup) ?? String(lookup.from));
  }
  run();
  assertFits(out);
  return out;
}

/**
 * A $lookup of equal fields on the joined collection's `_id` (the _id index on CloudBase), joined to only the
 * documents whose _id the input names rather than a copy of the whole collection; mingo still does the matching.
 */
function byIds(lookup: Record<string, unknown>, input: readonly Doc[], resolve: Resolve): Record<string, unknown> | undefined {
  const { from, localField, foreignField, pipeline } = lookup;
  if (typeof from !== 'string' || foreignField !== '_id' || typeof localField !== 'string' || pipeline !== undefined) return undefined;
  const ids = new Set<unknown>();
  for (const d of input) {
    const local = resolvePath(d, localField);
    for (const v of Array.isArray(local) ? [...local, ...local.flat(Infinity)] : [local]) if (v !== undefined && v !== null) ids.add(v);
  }
  // A regular expression is no _id ($in refuses them): such a lookup reads the whole collection.
  if ([...ids].some(isRegExp)) return undefined;
  return { $lookup: { ...lookup, from: resolve(from, { _id: { $in: [...ids] } }) } };
}
