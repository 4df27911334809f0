// Why: geo in find(), count() and $match: $geoWithin/$geoIntersects as mingo operators, and $nearSphere planned as a distance sort that needs a 2dsphere index.
// mingo names its registration `useOperators`; it is not a React hook.
import { OpType, useOperators as registerOperators } from 'mingo/core';
import { Doc, isPlainObject } from '../ejson';
import { DbError, invalidParam, notImplemented, requestFailed } from '../errors';
import type { IndexSpec } from '../indexes';
import { GeoError, fmt, geoValues, operandShape, parsePosition, storedShape } from './geojson';
import { DEG, EARTH_RADIUS_M, distanceTo, intersects, within, type Region, type Shape, type Vec } from './sphere';

// ---- Query operators ----

const NEAR_OPS = new Set(['$nearSphere', '$near']);
export const GEO_OPERATORS = new Set(['$geoWithin', '$geoIntersects', '$nearSphere', '$near']);

function regionOf(operand: unknown): Region {
  if (!isPlainObject(operand)) throw invalidParam('$geoWithin needs an object');
  const keys = Object.keys(operand);
  if (keys.length !== 1) throw invalidParam(`$geoWithin takes exactly one shape, got ${fmt(keys)}`);
  const [key] = keys;
  const value = operand[key];
  if (key === '$geometry') {
    const { type, shape } = operandShape(value, '$geoWithin');
    if (type !== 'Polygon' && type !== 'MultiPolygon') throw invalidParam(`$geoWithin not supported with provided geometry: ${fmt(value)}`);
    return { polygons: shape.polygons };
  }
  if (key === '$centerSphere') {
    if (!Array.isArray(value) || value.length !== 2) throw invalidParam(`malformed $centerSphere: ${fmt(value)}`);
    const [center, radius] = value;
    if (typeof radius !== 'number' || !Number.isFinite(radius) || radius < 0)
      throw invalidParam(`radius must be a non-negative number: ${fmt(value)}`);
    try {
      return { cap: { center: parsePosition(center), radius } };
    } catch (e) {
      if (e instanceof GeoError) throw invalidParam(`$centerSphere: ${e.message}`);
      throw e;
    }
  }
  if (key === '$box' || key === '$polygon' || key === '$center') throw notImplemented(`$geoWithin ${key} (legacy flat shapes, a 2d index)`);
  throw invalidParam(`unknown $geoWithin shape ${key}`);
}

export interface NearSpec {
  center: Vec;
  minDistance: number;
  maxDistance: number;
}

/** {$geometry: Point, $maxDistance?, $minDistance?} in metres, as the SDK's _.geoNear sends it. */
export function parseNear(op: string, operand: unknown): NearSpec {
  if (Array.isArray(operand) || (isPlainObject(operand) && !('$geometry' in operand))) {
    throw notImplemented(`${op} with legacy coordinates (radians, a 2d index); use {$geometry: Point}`);
  }
  if (!isPlainObject(operand)) throw invalidParam(`${op} needs an object`);
  const { $geometry, $maxDistance, $minDistance, ...other } = operand;
  if (Object.keys(other).length) throw invalidParam(`${op}: unknown argument ${Object.keys(other)[0]}`);
  const { type, shape } = operandShape($geometry, op);
  if (type !== 'Point') throw invalidParam(`${op} requires a point, given ${fmt($geometry)}`);
  const metres = (v: unknown, name: string, dflt: number): number => {
    if (v === undefined || v === null) return dflt;
    if (typeof v !== 'number' || Number.isNaN(v)) throw invalidParam(`${name} must be a number`);
    if (v < 0) throw invalidParam(`${name} must be non-negative`);
    return v;
  };
  return {
    center: shape.points[0],
    maxDistance: metres($maxDistance, '$maxDistance', Infinity),
    minDistance: metres($minDistance, '$minDistance', 0),
  };
}

/** Checks a geo operand while the query is validated (query.ts whitelist). */
export function validateGeoOperand(op: string, operand: unknown): void {
  if (op === '$geoWithin') regionOf(operand);
  else if (op === '$geoIntersects') geoIntersectsShape(operand);
  else parseNear(op, operand);
}

function geoIntersectsShape(operand: unknown): Shape {
  if (!isPlainObject(operand) || Object.keys(operand).length !== 1 || !('$geometry' in operand))
    throw invalidParam('$geoIntersects needs {$geometry: <GeoJSON>}');
  return operandShape(operand.$geometry, '$geoIntersects').shape;
}

const someShape = (doc: unknown, path: string, test: (s: Shape) => boolean) =>
  geoValues(doc, path).some((v) => {
    const s = storedShape(v);
    return s !== null && test(s);
  });

// Evaluated inside mingo like any query operator (so they work under $or, $not, $elemMatch, $match, …).
registerOperators(OpType.QUERY, {
  $geoWithin: (selector: string, value: unknown) => {
    const region = regionOf(value);
    return (obj: unknown) => someShape(obj, selector, (s) => within(s, region));
  },
  $geoIntersects: (selector: string, value: unknown) => {
    const shape = geoIntersectsShape(value);
    return (obj: unknown) => someShape(obj, selector, (s) => intersects(s, shape));
  },
});

// ---- $nearSphere in find() ----

interface NearHit {
  field: string;
  op: string;
  operand: unknown;
  topLevel: boolean;
}

function collectNear(q: Record<string, unknown>, topLevel: boolean, out: NearHit[]): void {
  for (const [key, value] of Object.entries(q)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(value)) continue;
      // MongoDB flattens nested $and (and a one-branch $or) before it looks for the near: those stay top level.
      const stays = key === '$and' || (key === '$or' && value.length === 1);
      for (const sub of value) if (isPlainObject(sub)) collectNear(sub, topLevel && stays, out);
      continue;
    }
    if (key.startsWith('$') || !isPlainObject(value)) continue;
    for (const [op, operand] of Object.entries(value)) {
      if (NEAR_OPS.has(op)) out.push({ field: key, op, operand, topLevel });
      else if ((op === '$not' || op === '$elemMatch') && isPlainObject(operand)) {
        if (Object.keys(operand).some((k) => NEAR_OPS.has(k))) out.push({ field: key, op, operand, topLevel: false });
        else if (op === '$elemMatch') collectNear(operand, false, out);
      }
    }
  }
}

/** The query without its (top-level) near condition. */
function withoutNear(q: Record<string, unknown>, hit: NearHit): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(q)) {
    if (key === '$and' || key === '$or') {
      const parts = (value as Record<string, unknown>[]).map((s) => withoutNear(s, hit)).filter((s) => Object.keys(s).length > 0);
      if (parts.length) out[key] = parts;
      else if (key === '$or') out[key] = [{}];
      continue;
    }
    if (key === hit.field && isPlainObject(value) && value[hit.op] === hit.operand) {
      const { [hit.op]: _dropped, ...rest } = value;
      if (Object.keys(rest).length) out[key] = rest;
      continue;
    }
    out[key] = value;
  }
  return out;
}

/** Where near conditions may not be: count() and $match (MongoDB's words), update/remove (not implemented). */
export function refuseNear(q: Record<string, unknown>, context: string): void {
  const hits: NearHit[] = [];
  collectNear(q, true, hits);
  if (!hits.length) return;
  if (context === 'count' || context === '$match') throw requestFailed('$geoNear, $near, and $nearSphere are not allowed in this context');
  throw notImplemented(`${hits[0].op} in ${context}`);
}

/** What geo needs to know of the collection being read. */
export interface GeoCollection {
  name: string;
  /** Declared indexes (CollectionState.declared). */
  indexes: IndexSpec[];
}

export const has2dsphere = (indexes: IndexSpec[], field: string) => indexes.some((i) => i.keys[field] === '2dsphere');

export function missingIndex(coll: GeoCollection, field: string): DbError {
  return requestFailed(
    `error processing query: ns=${coll.name} planner returned error :: caused by :: unable to find index for $geoNear query ` +
      `(no 2dsphere index on '${field}' is declared for collection ${coll.name})`,
  );
}

export interface NearPlan {
  /** The rest of the query, to filter with before distances are computed. */
  rest: Record<string, unknown>;
  /** Matching documents (already filtered by `rest`) in distance order, those out of [min, max] dropped. */
  order(docs: Doc[]): Doc[];
}

/** The near condition of a find() query, checked like MongoDB's planner; undefined without one. */
export function planNear(q: Record<string, unknown>, coll: GeoCollection | undefined): NearPlan | undefined {
  const hits: NearHit[] = [];
  collectNear(q, true, hits);
  if (!hits.length) return undefined;
  if (hits.length > 1) throw requestFailed('Too many geoNear expressions');
  const [hit] = hits;
  if (!hit.topLevel) throw requestFailed('geoNear must be top-level expr');
  const spec = parseNear(hit.op, hit.operand);
  if (coll && !has2dsphere(coll.indexes, hit.field)) throw missingIndex(coll, hit.field);
  return {
    rest: withoutNear(q, hit),
    order: (docs) => byDistance(docs, hit.field, spec).map((x) => x.doc),
  };
}

interface Ranked {
  doc: Doc;
  /** Metres. */
  distance: number;
  /** The stored value the distance was measured to. */
  location: unknown;
}

/** Radians from `c` to a plain, valid GeoJSON Point (the common case, without allocations); undefined for anything else. */
function pointAngle(c: Vec, v: unknown): number | undefined {
  if (!isPlainObject(v) || v.type !== 'Point' || v.crs !== undefined) return undefined;
  const xy = v.coordinates;
  if (!Array.isArray(xy) || xy.length !== 2) return undefined;
  const [lng, lat] = xy;
  if (typeof lng !== 'number' || typeof lat !== 'number' || !(Math.abs(lng) <= 180) || !(Math.abs(lat) <= 90)) return undefined;
  const phi = lat * DEG;
  const theta = lng * DEG;
  const k = Math.cos(phi);
  const x = Math.cos(theta) * k;
  const y = Math.sin(theta) * k;
  const z = Math.sin(phi);
  const cx = c[1] * z - c[2] * y;
  const cy = c[2] * x - c[0] * z;
  const cz = c[0] * y - c[1] * x;
  return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), c[0] * x + c[1] * y + c[2] * z);
}

/** Documents with geometry at `field` whose distance is within [min, max], nearest first (ties in natural order). */
export function byDistance(docs: Doc[], field: string, spec: NearSpec): Ranked[] {
  const out: Ranked[] = [];
  const topLevel = !field.includes('.');
  for (const doc of docs) {
    if (topLevel) {
      const v = doc[field];
      const a = pointAngle(spec.center, v);
      if (a !== undefined) {
        const distance = a * EARTH_RADIUS_M;
        if (distance >= spec.minDistance && distance <= spec.maxDistance) out.push({ doc, distance, location: v });
        continue;
      }
    }
    let best: Ranked | undefined;
    for (const v of geoValues(doc, field)) {
      const s = storedShape(v);
      if (!s) continue;
      const d = distanceTo(s, spec.center) * EARTH_RADIUS_M;
      if (!best || d < best.distance) best = { doc, distance: d, location: v };
    }
    if (best && best.distance >= spec.minDistance && best.distance <= spec.maxDistance) out.push(best);
  }
  return out.sort((a, b) => a.distance - b.distance);
}
