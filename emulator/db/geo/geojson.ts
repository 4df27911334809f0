// Why: GeoJSON in and out of the emulator's geo code: parsing and validating db.Geo values and query operands (messages as MongoDB's geoparser.cpp words them).
import { Doc, isPlainObject } from '../ejson';
import { invalidParam, notImplemented, requestFailed } from '../errors';
import type { IndexSpec } from '../indexes';
import { Loop, anyCrossing, crosses, dot, same, toVec, type Polygon, type Shape, type Vec } from './sphere';

// ---- GeoJSON parsing (messages as MongoDB's geoparser.cpp words them) ----

export class GeoError extends Error {}

export const fmt = (v: unknown) => JSON.stringify(v);

export function parsePosition(c: unknown): Vec {
  if (!Array.isArray(c)) throw new GeoError(`Point must be an array or object, instead got ${fmt(c)}`);
  if (!c.every((x) => typeof x === 'number' && Number.isFinite(x)))
    throw new GeoError(`Point must only contain numeric elements, instead got ${fmt(c)}`);
  if (c.length !== 2) throw new GeoError(`Point must only contain two numeric elements, instead got ${fmt(c)}`);
  const [lng, lat] = c as number[];
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90) throw new GeoError(`longitude/latitude is out of bounds, lng: ${lng} lat: ${lat}`);
  return toVec(lng, lat);
}

function positions(c: unknown, what: string): Vec[] {
  if (!Array.isArray(c)) throw new GeoError(`${what} coordinates must be an array`);
  return c.map(parsePosition);
}

/** Drops repeated consecutive vertices (geoparser.cpp eraseDuplicatePoints). */
function dedupe(vs: Vec[]): Vec[] {
  return vs.filter((v, i) => i === 0 || !same(v, vs[i - 1]));
}

function parseLine(c: unknown): Vec[] {
  const line = dedupe(positions(c, 'LineString'));
  if (line.length < 2) throw new GeoError(`GeoJSON LineString must have at least 2 vertices: ${fmt(c)}`);
  return line;
}

function parseLoop(ring: unknown): Loop {
  const raw = positions(ring, 'Polygon ring');
  if (raw.length < 4) throw new GeoError(`Loop must have at least 3 different vertices: ${fmt(ring)}`);
  if (!same(raw[0], raw[raw.length - 1])) throw new GeoError(`Loop is not closed, first vertex does not equal last vertex: ${fmt(ring)}`);
  const vs = dedupe(raw.slice(0, -1));
  if (vs.length > 1 && same(vs[0], vs[vs.length - 1])) vs.pop();
  if (vs.length < 3) throw new GeoError(`Loop must have at least 3 different vertices: ${fmt(ring)}`);
  for (let i = 0; i < vs.length; i++) {
    for (let j = i + 1; j < vs.length; j++)
      if (same(vs[i], vs[j])) throw new GeoError(`Loop is not valid: ${fmt(ring)} Duplicate vertices at ${i} and ${j}`);
    if (Math.abs(dot(vs[i], vs[(i + 1) % vs.length]) + 1) < 1e-15)
      throw new GeoError(`Loop is not valid: ${fmt(ring)} Edge ${i} has antipodal vertices`);
  }
  const loop = new Loop(vs);
  for (let i = 0; i < vs.length; i++) {
    for (let j = i + 2; j < vs.length; j++) {
      if (i === 0 && j === vs.length - 1) continue; // adjacent through the closing vertex
      const [a, b] = loop.edge(i);
      const [c, d] = loop.edge(j);
      if (crosses(a, b, c, d)) throw new GeoError(`Loop is not valid: ${fmt(ring)} Edges ${i} and ${j} cross`);
    }
  }
  return loop;
}

function parsePolygon(c: unknown): Polygon {
  if (!Array.isArray(c) || c.length === 0) throw new GeoError('Polygon coordinates must be an array');
  const loops = c.map(parseLoop);
  const [shell, ...holes] = loops;
  for (const hole of holes) {
    const inside = hole.v.every((p) => shell.nearBoundary(p) || shell.contains(p));
    const shellEdges = shell.v.map((_, i) => shell.edge(i));
    if (
      !inside ||
      anyCrossing(
        hole.v.map((_, i) => hole.edge(i)),
        shellEdges,
      )
    ) {
      throw new GeoError(`Secondary loops not contained by first exterior loop - secondary loops must be holes: ${fmt(c)}`);
    }
  }
  return { loops };
}

const EMPTY: Shape = { points: [], lines: [], polygons: [] };

/** A GeoJSON geometry object → its shape, or a GeoError saying why not. */
function parseGeoJSON(v: unknown): { type: string; shape: Shape } {
  if (!isPlainObject(v)) throw new GeoError(`geo element must be an array or object: ${fmt(v)}`);
  const { type, coordinates } = v;
  if (v.crs !== undefined) throw notImplemented('GeoJSON with a crs (MongoDB "big polygons", strict winding)');
  if (type === 'GeometryCollection') throw notImplemented('GeoJSON GeometryCollection');
  if (typeof type !== 'string') throw new GeoError(`unknown GeoJSON type: ${fmt(v)}`);
  if (coordinates === undefined) throw new GeoError(`${type} must have coordinates: ${fmt(v)}`);
  const many = (what: string): unknown[] => {
    if (!Array.isArray(coordinates) || coordinates.length === 0)
      throw new GeoError(`${what} coordinates must have at least 1 element: ${fmt(v)}`);
    return coordinates;
  };
  switch (type) {
    case 'Point':
      return { type, shape: { ...EMPTY, points: [parsePosition(coordinates)] } };
    case 'LineString':
      return { type, shape: { ...EMPTY, lines: [parseLine(coordinates)] } };
    case 'Polygon':
      return { type, shape: { ...EMPTY, polygons: [parsePolygon(coordinates)] } };
    case 'MultiPoint':
      return { type, shape: { ...EMPTY, points: many('MultiPoint').map(parsePosition) } };
    case 'MultiLineString':
      return { type, shape: { ...EMPTY, lines: many('MultiLineString').map(parseLine) } };
    case 'MultiPolygon':
      return { type, shape: { ...EMPTY, polygons: many('MultiPolygon').map(parsePolygon) } };
    default:
      throw new GeoError(`unknown GeoJSON type: ${fmt(v)}`);
  }
}

/** A legacy coordinate pair [x, y], which a 2dsphere index takes as a point. */
export const isLegacyPair = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number');

/** A stored value as a shape: GeoJSON or a legacy pair; anything else (or invalid) is not geometry and never matches. */
export function storedShape(v: unknown): Shape | null {
  try {
    if (isLegacyPair(v)) return { ...EMPTY, points: [parsePosition(v)] };
    return parseGeoJSON(v).shape;
  } catch (e) {
    if (e instanceof GeoError) return null;
    throw e;
  }
}

/** The values at a dotted path that a geo condition looks at: arrays along the path fan out, a leaf array is a pair or a list. */
export function geoValues(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown, segs: string[]): void => {
    if (v === undefined || v === null) return;
    if (segs.length === 0) {
      if (Array.isArray(v) && !isLegacyPair(v)) out.push(...v.filter((x) => x !== undefined && x !== null));
      else out.push(v);
      return;
    }
    const [head, ...rest] = segs;
    if (Array.isArray(v)) {
      if (/^\d+$/.test(head)) walk(v[Number(head)], rest);
      else for (const x of v) if (isPlainObject(x)) walk(x[head], rest);
      return;
    }
    if (isPlainObject(v)) walk(v[head], rest);
  };
  walk(doc, path.split('.'));
  return out;
}

/** A geometry operand of a query: GeoError → INVALID_PARAM with MongoDB's words. */
export function operandShape(v: unknown, op: string): { type: string; shape: Shape } {
  try {
    return parseGeoJSON(v);
  } catch (e) {
    if (e instanceof GeoError) throw invalidParam(`${op}: ${e.message}`);
    throw e;
  }
}

// ---- 2dsphere indexes refuse non-geometry (MongoDB error 16755) ----

/** Throws unless every value at a 2dsphere-indexed field of `doc` is GeoJSON or a legacy pair (missing/null is fine). */
export function checkGeoKeys(collection: string, indexes: IndexSpec[], doc: Doc): void {
  for (const index of indexes) {
    for (const [field, kind] of Object.entries(index.keys)) {
      if (kind !== '2dsphere') continue;
      for (const v of geoValues(doc, field)) {
        if (isPlainObject(v) && v.type === undefined && Object.values(v).filter((x) => typeof x === 'number').length >= 2) {
          throw notImplemented(`legacy {x, y} embedded-document points in the 2dsphere-indexed field '${field}' of ${collection}`);
        }
        try {
          if (isLegacyPair(v)) parsePosition(v);
          else parseGeoJSON(v);
        } catch (e) {
          if (!(e instanceof GeoError)) throw e;
          throw requestFailed(`Can't extract geo keys: { _id: ${fmt(doc._id)}, ${field}: ${fmt(v)} }  ${e.message}`);
        }
      }
    }
  }
}
