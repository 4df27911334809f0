// Why: geo in the emulator — db.Geo values stored as GeoJSON, $nearSphere/$geoWithin/$geoIntersects and the $geoNear stage, computed on a sphere the way MongoDB's 2dsphere index does (CloudBase runs MongoDB).
//
// Model (MongoDB 2dsphere, https://www.mongodb.com/docs/manual/geospatial-queries/#geospatial-models):
//  - coordinates are [longitude, latitude] in degrees (WGS84 "EPSG:4326"; GCJ-02 values are stored and compared as given);
//  - points are unit vectors, edges of lines and polygons are geodesics (great-circle arcs), not straight lines in
//    lng/lat: the edge from (-2, 2) to (2, 2) passes north of latitude 2;
//  - distances are central angles times 6378.1 km (mongo/db/geo/geoconstants.h kRadiusOfEarthInMeters), the angle as
//    S2 computes it, atan2(|a×b|, a·b): the SDK's aggregation test expects 6643.521654040738 m exactly and gets it;
//  - every polygon ring is "normalized" like S2Loop::Normalize in MongoDB's GeoJSON parser: its interior is the side
//    smaller than a hemisphere, whatever the winding. Big polygons (the strict-winding `crs` MongoDB offers for
//    $geoWithin/$geoIntersects) are refused NOT_IMPLEMENTED; the SDK cannot send them anyway.
//
// Approximations (documented, and small): a point within BOUNDARY_RAD (~6 mm) of an edge counts as on the boundary
// (MongoDB tests the ~1 cm S2 leaf cell of the point, geometry_container.cpp containsPoint), and boundaries are
// inclusive; "line/polygon within polygon" is "every vertex inside and no edge properly crosses the boundary", and
// "within a MultiPolygon" is "each part within one of its polygons"; "within $centerSphere" checks vertices (a cap
// no larger than a hemisphere is convex). Polygon validation checks closure, ≥ 3 distinct vertices, duplicate
// vertices, crossing edges and holes inside the shell, as MongoDB does, but not every S2 corner case.
import { OpType, useOperators } from 'mingo/core';
import { Doc, assertSafePath, clone, isPlainObject } from './ejson';
import { DbError, invalidParam, notImplemented, requestFailed } from './errors';
import type { IndexSpec } from './indexes';

/** MongoDB's earth radius for 2dsphere distances, in metres. */
export const EARTH_RADIUS_M = 6378.1 * 1000;
/** Distance (radians) under which a point is on an edge or another point: ~6.4 mm. */
const BOUNDARY_RAD = 1e-9;

// ---- Vectors on the unit sphere ----

type Vec = readonly [number, number, number];

const DEG = Math.PI / 180;
const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec, b: Vec): Vec => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: Vec) => Math.sqrt(dot(a, a));
const scale = (a: Vec, k: number): Vec => [a[0] * k, a[1] * k, a[2] * k];
const add = (a: Vec, b: Vec): Vec => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: Vec, b: Vec): Vec => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const unit = (a: Vec): Vec => scale(a, 1 / norm(a));
const same = (a: Vec, b: Vec) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** S2LatLng::ToPoint of a [lng, lat] in degrees. */
function toVec(lng: number, lat: number): Vec {
  const phi = lat * DEG;
  const theta = lng * DEG;
  const c = Math.cos(phi);
  return [Math.cos(theta) * c, Math.sin(theta) * c, Math.sin(phi)];
}

/** The angle between two unit vectors (S1Angle(a, b)), in radians. */
const angle = (a: Vec, b: Vec) => Math.atan2(norm(cross(a, b)), dot(a, b));

/** Whether arcs AB and CD cross at a point interior to both (S2EdgeUtil::SimpleCrossing). */
function crosses(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
  const ab = cross(a, b);
  const acb = -dot(ab, c);
  const bda = dot(ab, d);
  if (acb * bda <= 0) return false;
  const cd = cross(c, d);
  const cbd = -dot(cd, b);
  const dac = dot(cd, a);
  return acb * cbd > 0 && acb * dac > 0;
}

/** Distance (radians) from p to the minor arc AB. */
function distToArc(p: Vec, a: Vec, b: Vec): number {
  const n = cross(a, b);
  const len = norm(n);
  if (len < 1e-300) return angle(p, a);
  const un = scale(n, 1 / len);
  const pn = dot(p, un);
  const q = sub(p, scale(un, pn));
  if (dot(cross(a, q), un) > 0 && dot(cross(q, b), un) > 0) return Math.asin(Math.min(1, Math.abs(pn)));
  return Math.min(angle(p, a), angle(p, b));
}

/** Signed turn at b on the way a → b → c (S2::TurnAngle): positive for a left turn. */
function turnAngle(a: Vec, b: Vec, c: Vec): number {
  const t = angle(cross(a, b), cross(b, c));
  return dot(cross(a, b), c) > 0 ? t : -t;
}

// ---- Shapes ----

/** A ring without its closing vertex; `inverted`: its interior is on the right of the vertex order (normalized). */
class Loop {
  readonly inverted: boolean;
  private refs: Vec[] | null = null;
  constructor(readonly v: Vec[]) {
    let turning = 0;
    for (let i = 0; i < v.length; i++) turning += turnAngle(v[(i + v.length - 1) % v.length], v[i], v[(i + 1) % v.length]);
    // Gauss-Bonnet: the area on the left is 2π minus the turning; S2Loop::Normalize keeps the side ≤ a hemisphere.
    const leftArea = 2 * Math.PI - turning;
    this.inverted = leftArea > 2 * Math.PI;
  }

  edge(i: number): [Vec, Vec] {
    return [this.v[i], this.v[(i + 1) % this.v.length]];
  }

  nearBoundary(p: Vec): boolean {
    for (let i = 0; i < this.v.length; i++) {
      const [a, b] = this.edge(i);
      if (distToArc(p, a, b) < BOUNDARY_RAD) return true;
    }
    return false;
  }

  /** Points just left of a few edge midpoints, each clear of the other edges: known to be on the left side. */
  private references(): Vec[] {
    if (this.refs) return this.refs;
    const refs: Vec[] = [];
    for (let i = 0; i < this.v.length && refs.length < 3; i++) {
      const [a, b] = this.edge(i);
      const mid = unit(add(a, b));
      const left = unit(cross(a, b));
      for (const step of [1e-7, 1e-9, 1e-11]) {
        const r = unit(add(mid, scale(left, step)));
        let clear = true;
        for (let j = 0; j < this.v.length && clear; j++) {
          if (j === i) continue;
          const [c, d] = this.edge(j);
          if (distToArc(r, c, d) < step * 2) clear = false;
        }
        if (clear) {
          refs.push(r);
          break;
        }
      }
    }
    this.refs = refs;
    return refs;
  }

  /** Whether p (not on the boundary) is inside: crossings on the arc from a left-side reference point, then normalization. */
  contains(p: Vec): boolean {
    for (const r of this.references()) {
      if (Math.abs(dot(r, p) + 1) < 1e-12) continue; // antipodal: no unique arc
      // An arc through a vertex is ambiguous for the crossing count: use another reference.
      if (this.v.some((x) => distToArc(x, r, p) < 1e-12)) continue;
      let count = 0;
      for (let i = 0; i < this.v.length; i++) {
        const [a, b] = this.edge(i);
        if (crosses(r, p, a, b)) count += 1;
      }
      return (count % 2 === 0) !== this.inverted;
    }
    throw notImplemented('a point-in-polygon test this degenerate (emulator geo: no clear reference point)');
  }
}

interface Polygon {
  /** Shell first, then holes. */
  loops: Loop[];
}

/** Any GeoJSON geometry, as its parts (a Point has one point, a MultiPolygon several polygons). */
interface Shape {
  points: Vec[];
  lines: Vec[][];
  polygons: Polygon[];
}

const edgesOf = (poly: Polygon): [Vec, Vec][] => poly.loops.flatMap((l) => l.v.map((_, i) => l.edge(i)));
const segmentsOf = (line: Vec[]): [Vec, Vec][] => line.slice(1).map((b, i) => [line[i], b]);

/** MongoDB containsPoint: inside (odd number of loops around it) or on the boundary. */
function polygonHas(poly: Polygon, p: Vec): boolean {
  if (poly.loops.some((l) => l.nearBoundary(p))) return true;
  return strictlyInside(poly, p);
}

function strictlyInside(poly: Polygon, p: Vec): boolean {
  let n = 0;
  for (const l of poly.loops) if (l.contains(p)) n += 1;
  return n % 2 === 1;
}

const anyCrossing = (xs: [Vec, Vec][], ys: [Vec, Vec][]) => xs.some(([a, b]) => ys.some(([c, d]) => crosses(a, b, c, d)));

function polygonHasLine(poly: Polygon, line: Vec[]): boolean {
  return line.every((p) => polygonHas(poly, p)) && !anyCrossing(segmentsOf(line), edgesOf(poly));
}

function polygonHasPolygon(poly: Polygon, other: Polygon): boolean {
  const shell = other.loops[0];
  if (!shell.v.every((p) => polygonHas(poly, p))) return false;
  if (anyCrossing(shell.v.map((_, i) => shell.edge(i)), edgesOf(poly))) return false;
  // A hole of `poly` lying inside `other` leaves part of `other` outside `poly`.
  return poly.loops.slice(1).every((hole) => !hole.v.some((p) => !other.loops.some((l) => l.nearBoundary(p)) && strictlyInside(other, p)));
}

/** A region $geoWithin can test against. */
type Region = { polygons: Polygon[] } | { cap: { center: Vec; radius: number } };

function within(s: Shape, region: Region): boolean {
  if (!s.points.length && !s.lines.length && !s.polygons.length) return false;
  if ('cap' in region) {
    const { center, radius } = region.cap;
    const vertices = [...s.points, ...s.lines.flat(), ...s.polygons.flatMap((p) => p.loops[0].v)];
    return vertices.every((p) => angle(center, p) <= radius);
  }
  const { polygons } = region;
  return (
    s.points.every((p) => polygons.some((poly) => polygonHas(poly, p))) &&
    s.lines.every((l) => polygons.some((poly) => polygonHasLine(poly, l))) &&
    s.polygons.every((q) => polygons.some((poly) => polygonHasPolygon(poly, q)))
  );
}

function lineTouchesLine(x: Vec[], y: Vec[]): boolean {
  const xs = segmentsOf(x);
  const ys = segmentsOf(y);
  if (anyCrossing(xs, ys)) return true;
  return x.some((p) => ys.some(([a, b]) => distToArc(p, a, b) < BOUNDARY_RAD)) || y.some((p) => xs.some(([a, b]) => distToArc(p, a, b) < BOUNDARY_RAD));
}

function lineTouchesPolygon(line: Vec[], poly: Polygon): boolean {
  return line.some((p) => polygonHas(poly, p)) || anyCrossing(segmentsOf(line), edgesOf(poly));
}

function polygonsTouch(x: Polygon, y: Polygon): boolean {
  return x.loops[0].v.some((p) => polygonHas(y, p)) || y.loops[0].v.some((p) => polygonHas(x, p)) || anyCrossing(edgesOf(x), edgesOf(y));
}

function intersects(a: Shape, b: Shape): boolean {
  for (const p of a.points) {
    if (b.points.some((q) => angle(p, q) < BOUNDARY_RAD)) return true;
    if (b.lines.some((l) => segmentsOf(l).some(([x, y]) => distToArc(p, x, y) < BOUNDARY_RAD))) return true;
    if (b.polygons.some((poly) => polygonHas(poly, p))) return true;
  }
  for (const l of a.lines) {
    if (b.points.some((q) => segmentsOf(l).some(([x, y]) => distToArc(q, x, y) < BOUNDARY_RAD))) return true;
    if (b.lines.some((m) => lineTouchesLine(l, m))) return true;
    if (b.polygons.some((poly) => lineTouchesPolygon(l, poly))) return true;
  }
  for (const poly of a.polygons) {
    if (b.points.some((q) => polygonHas(poly, q))) return true;
    if (b.lines.some((m) => lineTouchesPolygon(m, poly))) return true;
    if (b.polygons.some((other) => polygonsTouch(poly, other))) return true;
  }
  return false;
}

/** Distance (radians) from p to the nearest part of the shape (0 inside a polygon). */
function distanceTo(s: Shape, p: Vec): number {
  let best = Infinity;
  for (const q of s.points) best = Math.min(best, angle(p, q));
  for (const l of s.lines) for (const [a, b] of segmentsOf(l)) best = Math.min(best, distToArc(p, a, b));
  for (const poly of s.polygons) {
    if (polygonHas(poly, p)) return 0;
    for (const [a, b] of edgesOf(poly)) best = Math.min(best, distToArc(p, a, b));
  }
  return best;
}

// ---- GeoJSON parsing (messages as MongoDB's geoparser.cpp words them) ----

class GeoError extends Error {}

const fmt = (v: unknown) => JSON.stringify(v);

function parsePosition(c: unknown): Vec {
  if (!Array.isArray(c)) throw new GeoError(`Point must be an array or object, instead got ${fmt(c)}`);
  if (!c.every((x) => typeof x === 'number' && Number.isFinite(x))) throw new GeoError(`Point must only contain numeric elements, instead got ${fmt(c)}`);
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
    for (let j = i + 1; j < vs.length; j++) if (same(vs[i], vs[j])) throw new GeoError(`Loop is not valid: ${fmt(ring)} Duplicate vertices at ${i} and ${j}`);
    if (Math.abs(dot(vs[i], vs[(i + 1) % vs.length]) + 1) < 1e-15) throw new GeoError(`Loop is not valid: ${fmt(ring)} Edge ${i} has antipodal vertices`);
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
    if (!inside || anyCrossing(hole.v.map((_, i) => hole.edge(i)), shellEdges)) {
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
    if (!Array.isArray(coordinates) || coordinates.length === 0) throw new GeoError(`${what} coordinates must have at least 1 element: ${fmt(v)}`);
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
const isLegacyPair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number');

/** A stored value as a shape: GeoJSON or a legacy pair; anything else (or invalid) is not geometry and never matches. */
function storedShape(v: unknown): Shape | null {
  try {
    if (isLegacyPair(v)) return { ...EMPTY, points: [parsePosition(v)] };
    return parseGeoJSON(v).shape;
  } catch (e) {
    if (e instanceof GeoError) return null;
    throw e;
  }
}

/** The values at a dotted path that a geo condition looks at: arrays along the path fan out, a leaf array is a pair or a list. */
function geoValues(doc: unknown, path: string): unknown[] {
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
function operandShape(v: unknown, op: string): { type: string; shape: Shape } {
  try {
    return parseGeoJSON(v);
  } catch (e) {
    if (e instanceof GeoError) throw invalidParam(`${op}: ${e.message}`);
    throw e;
  }
}

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
    if (typeof radius !== 'number' || !Number.isFinite(radius) || radius < 0) throw invalidParam(`radius must be a non-negative number: ${fmt(value)}`);
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
function parseNear(op: string, operand: unknown): NearSpec {
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
  return { center: shape.points[0], maxDistance: metres($maxDistance, '$maxDistance', Infinity), minDistance: metres($minDistance, '$minDistance', 0) };
}

/** Checks a geo operand while the query is validated (query.ts whitelist). */
export function validateGeoOperand(op: string, operand: unknown): void {
  if (op === '$geoWithin') regionOf(operand);
  else if (op === '$geoIntersects') geoIntersectsShape(operand);
  else parseNear(op, operand);
}

function geoIntersectsShape(operand: unknown): Shape {
  if (!isPlainObject(operand) || Object.keys(operand).length !== 1 || !('$geometry' in operand)) throw invalidParam('$geoIntersects needs {$geometry: <GeoJSON>}');
  return operandShape(operand.$geometry, '$geoIntersects').shape;
}

const someShape = (doc: unknown, path: string, test: (s: Shape) => boolean) =>
  geoValues(doc, path).some((v) => {
    const s = storedShape(v);
    return s !== null && test(s);
  });

// Evaluated inside mingo like any query operator (so they work under $or, $not, $elemMatch, $match, …).
useOperators(OpType.QUERY, {
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

const has2dsphere = (indexes: IndexSpec[], field: string) => indexes.some((i) => i.keys[field] === '2dsphere');

function missingIndex(coll: GeoCollection, field: string): DbError {
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
function byDistance(docs: Doc[], field: string, spec: NearSpec): Ranked[] {
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

// ---- The $geoNear aggregation stage ----

export interface GeoNearStage {
  near: NearSpec;
  distanceField: string;
  query: Record<string, unknown>;
  includeLocs?: string;
  distanceMultiplier: number;
  key?: string;
}

const GEO_NEAR_OPTIONS = new Set(['near', 'distanceField', 'spherical', 'maxDistance', 'minDistance', 'query', 'includeLocs', 'distanceMultiplier', 'key']);

/**
 * Parses the stage as MongoDB 4.x does (https://www.mongodb.com/docs/manual/reference/operator/aggregation/geoNear/).
 * `limit`/`num` are refused: MongoDB ≤ 4.0 honoured them (and capped the stage at 100 documents by default),
 * 4.2+ rejects them; which one CloudBase runs is not documented.
 */
export function parseGeoNearStage(value: unknown, validate: (q: Record<string, unknown>) => void): GeoNearStage {
  if (!isPlainObject(value)) throw invalidParam('$geoNear needs an object');
  for (const k of Object.keys(value)) {
    if (k === 'limit' || k === 'num') throw notImplemented(`$geoNear '${k}' (MongoDB ≤ 4.0 honours it, 4.2+ rejects it): use a $limit stage`);
    if (!GEO_NEAR_OPTIONS.has(k)) throw invalidParam(`Unknown argument to $geoNear: ${k}`);
  }
  const { near, distanceField, spherical, maxDistance, minDistance, query, includeLocs, distanceMultiplier, key } = value;
  if (near === undefined) throw invalidParam("$geoNear requires a 'near' option as an Array or Object");
  if (isLegacyPair(near)) throw notImplemented('$geoNear near a legacy coordinate pair (distances in radians); use a GeoJSON Point');
  if (typeof distanceField !== 'string' || !distanceField) throw invalidParam("$geoNear requires a 'distanceField' option as a String");
  if (spherical !== undefined && typeof spherical !== 'boolean') throw invalidParam('spherical must be a boolean');
  for (const [name, v] of [['includeLocs', includeLocs], ['key', key]] as const) {
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
    distanceMultiplier: (distanceMultiplier as number | undefined) ?? 1,
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
export function runGeoNear(docs: Doc[], stage: GeoNearStage, coll: GeoCollection, test: (d: Doc) => boolean, rest: (docs: Doc[]) => Doc[]): Doc[] {
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
