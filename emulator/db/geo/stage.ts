// Why: the $geoNear aggregation stage (first stage only, over a 2dsphere index), with MongoDB's options and refusals.
import { Doc, assertSafePath, clone, isPlainObject } from '../ejson';
import { invalidParam, notImplemented, requestFailed } from '../errors';
import { isLegacyPair } from './geojson';
import { byDistance, has2dsphere, missingIndex, parseNear, refuseNear, type GeoCollection, type NearSpec } from './query';

// ---- The $geoNear aggregation stage ----

export interface GeoNearStage {
  near: NearSpec;
  distanceField: string;
  query: Record<string, unknown>;
  includeLocs?: string;
  distanceMultiplier: number;
  key?: string;
}

const GEO_NEAR_OPTIONS = new Set([
  'near',
  'distanceField',
  'spherical',
  'maxDistance',
  'minDistance',
  'query',
  'includeLocs',
  'distanceMultiplier',
  'key',
]);

/**
 * Parses the stage as MongoDB 4.x does (https://www.mongodb.com/docs/manual/reference/operator/aggregation/geoNear/).
 * `limit`/`num` are refused: MongoDB ≤ 4.0 honoured them (and capped the stage at 100 documents by default),
 * 4.2+ rejects them; which one CloudBase runs is not documented.
 */
export function parseGeoNearStage(value: unknown, validate: (q: Record<string, unknown>) => void): GeoNearStage {
  if (!isPlainObject(value)) throw invalidParam('$geoNear needs an object');
  for (const k of Object.keys(value)) {
    if (k === 'limit' || k === 'num')
      throw notImplemented(`$geoNear '${k}' (MongoDB ≤ 4.0 honours it, 4.2+ rejects it): use a $limit stage`);
    if (!GEO_NEAR_OPTIONS.has(k)) throw invalidParam(`Unknown argument to $geoNear: ${k}`);
  }
  const { near, distanceField, spherical, maxDistance, minDistance, query, includeLocs, distanceMultiplier, key } = value;
  if (near === undefined) throw invalidParam("$geoNear requires a 'near' option as an Array or Object");
  if (isLegacyPair(near)) throw notImplemented('$geoNear near a legacy coordinate pair (distances in radians); use a GeoJSON Point');
  if (typeof distanceField !== 'string' || !distanceField) throw invalidParam("$geoNear requires a 'distanceField' option as a String");
  if (spherical !== undefined && typeof spherical !== 'boolean') throw invalidParam('spherical must be a boolean');
  for (const [name, v] of [
    ['includeLocs', includeLocs],
    ['key', key],
  ] as const) {
    if (v !== undefined && (typeof v !== 'string' || !v)) throw invalidParam(`$geoNear ${name} must be a non-empty string`);
  }
  for (const path of [distanceField, includeLocs, key]) if (typeof path === 'string') assertSafePath(path);
  if (distanceMultiplier !== undefined && (typeof distanceMultiplier !== 'number' || distanceMultiplier < 0)) {
    throw invalidParam('distanceMultiplier must be a non-negative number');
  }
  const q = query === undefined ? {} : query;
  if (!isPlainObject(q)) throw invalidParam('$geoNear query must be an object');
  validate(q);
  refuseNear(q, '$match');
  return {
    near: parseNear('$geoNear', { $geometry: near, $maxDistance: maxDistance, $minDistance: minDistance }),
    distanceField,
    query: q,
    includeLocs: includeLocs as string | undefined,
    distanceMultiplier: distanceMultiplier ?? 1,
    key: key as string | undefined,
  };
}

function geoNearField(stage: GeoNearStage, coll: GeoCollection): string {
  if (stage.key !== undefined) {
    if (!has2dsphere(coll.indexes, stage.key)) throw missingIndex(coll, stage.key);
    return stage.key;
  }
  const fields = coll.indexes.flatMap((i) => Object.keys(i.keys).filter((f) => i.keys[f] === '2dsphere'));
  if (fields.length === 0) throw requestFailed('$geoNear requires a 2d or 2dsphere index, but none were found');
  if (fields.length > 1) throw requestFailed(`There is more than one 2dsphere index on ${coll.name}; unsure which to use for $geoNear`);
  return fields[0];
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const segs = path.split('.');
  let at: Record<string, unknown> = doc;
  for (const s of segs.slice(0, -1)) {
    if (!isPlainObject(at[s])) at[s] = {};
    at = at[s] as Record<string, unknown>;
  }
  at[segs[segs.length - 1]] = value;
}

/** MongoDB ≤ 4.0 stopped a $geoNear stage without `limit` at 100 documents; 4.2+ does not. */
const GEO_NEAR_DEFAULT_LIMIT_40 = 100;

/**
 * The stage's output (copies, nearest first, with distanceField/includeLocs), handed to `rest` for the following
 * stages. When more than 100 documents come out and the rest of the pipeline answers differently on the first 100
 * only (MongoDB ≤ 4.0) and on all of them (4.2+), the answer depends on CloudBase's MongoDB version: refused.
 */
export function runGeoNear(
  docs: Doc[],
  stage: GeoNearStage,
  coll: GeoCollection,
  test: (d: Doc) => boolean,
  rest: (docs: Doc[]) => Doc[],
): Doc[] {
  const field = geoNearField(stage, coll);
  const ranked = byDistance(docs.filter(test), field, stage.near);
  const out = ranked.map(({ doc, distance, location }) => {
    const d = clone(doc);
    setPath(d, stage.distanceField, distance * stage.distanceMultiplier);
    if (stage.includeLocs) setPath(d, stage.includeLocs, clone(location));
    return d;
  });
  const result = rest(out);
  if (out.length > GEO_NEAR_DEFAULT_LIMIT_40) {
    const capped = rest(out.slice(0, GEO_NEAR_DEFAULT_LIMIT_40).map(clone));
    if (JSON.stringify(capped) !== JSON.stringify(result)) {
      throw notImplemented(
        'a $geoNear pipeline whose answer depends on the MongoDB version (≤ 4.0 caps $geoNear at 100 documents, 4.2+ does not): ' +
          'put a $limit of at most 100 right after $geoNear, or page with a find() and _.geoNear',
      );
    }
  }
  return result;
}
