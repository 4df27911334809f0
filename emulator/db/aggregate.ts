// Why: database.aggregateDocuments — the SDK's aggregate() stages run by mingo, with CloudBase's default result cap.
import 'mingo/init/system';
import { Aggregator } from 'mingo';
import { Doc, isPlainObject, parseEJSON } from './ejson';
import { invalidParam, notImplemented } from './errors';
import { mingoError, validateQuery } from './query';

/** Stages aggregate() can build (aggregate.js) that this emulator runs; $geoNear is not implemented. */
const STAGES = new Set([
  '$addFields', '$bucket', '$bucketAuto', '$count', '$group', '$limit', '$match', '$project', '$lookup',
  '$replaceRoot', '$sample', '$skip', '$sort', '$sortByCount', '$unwind',
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
    }
    if (key === '$lookup' && isPlainObject(value) && typeof value.from !== 'string') throw invalidParam('$lookup needs from');
    if ((key === '$limit' || key === '$skip') && !(typeof value === 'number' && Number.isInteger(value) && value >= (key === '$limit' ? 1 : 0))) {
      throw invalidParam(`${key} needs a ${key === '$limit' ? 'positive' : 'non-negative'} integer`);
    }
    return { [key]: value };
  });
}

/** Runs a parsed pipeline; `resolve` gives the (copied) documents of another collection for $lookup. */
export function runPipeline(docs: Doc[], pipeline: Record<string, unknown>[], resolve: (name: string) => Doc[]): Doc[] {
  const stages = pipeline.some((s) => '$limit' in s) ? pipeline : [...pipeline, { $limit: AGGREGATE_DEFAULT_LIMIT }];
  try {
    return new Aggregator(stages, { collectionResolver: resolve }).run<Doc>(docs);
  } catch (e) {
    throw mingoError(e);
  }
}
