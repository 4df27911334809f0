// Why: the geometry of geo queries on the unit sphere, as MongoDB's 2dsphere index computes it (see geo/index.ts for the model and its approximations): vectors, loops, polygons, containment, intersection, distance.
import { notImplemented } from '../errors';

/** MongoDB's earth radius for 2dsphere distances, in metres. */
export const EARTH_RADIUS_M = 6378.1 * 1000;
/** Distance (radians) under which a point is on an edge or another point: ~6.4 mm. */
const BOUNDARY_RAD = 1e-9;

// ---- Vectors on the unit sphere ----

export type Vec = readonly [number, number, number];

export const DEG = Math.PI / 180;
export const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec, b: Vec): Vec => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: Vec) => Math.sqrt(dot(a, a));
const scale = (a: Vec, k: number): Vec => [a[0] * k, a[1] * k, a[2] * k];
const add = (a: Vec, b: Vec): Vec => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec, b: Vec): Vec => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const unit = (a: Vec): Vec => scale(a, 1 / norm(a));
export const same = (a: Vec, b: Vec) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** S2LatLng::ToPoint of a [lng, lat] in degrees. */
export function toVec(lng: number, lat: number): Vec {
  const phi = lat * DEG;
  const theta = lng * DEG;
  const c = Math.cos(phi);
  return [Math.cos(theta) * c, Math.sin(theta) * c, Math.sin(phi)];
}

/** The angle between two unit vectors (S1Angle(a, b)), in radians. */
const angle = (a: Vec, b: Vec) => Math.atan2(norm(cross(a, b)), dot(a, b));

/** Whether arcs AB and CD cross at a point interior to both (S2EdgeUtil::SimpleCrossing). */
export function crosses(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
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
export class Loop {
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

export interface Polygon {
  /** Shell first, then holes. */
  loops: Loop[];
}

/** Any GeoJSON geometry, as its parts (a Point has one point, a MultiPolygon several polygons). */
export interface Shape {
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

export const anyCrossing = (xs: [Vec, Vec][], ys: [Vec, Vec][]) => xs.some(([a, b]) => ys.some(([c, d]) => crosses(a, b, c, d)));

function polygonHasLine(poly: Polygon, line: Vec[]): boolean {
  return line.every((p) => polygonHas(poly, p)) && !anyCrossing(segmentsOf(line), edgesOf(poly));
}

function polygonHasPolygon(poly: Polygon, other: Polygon): boolean {
  const shell = other.loops[0];
  if (!shell.v.every((p) => polygonHas(poly, p))) return false;
  if (
    anyCrossing(
      shell.v.map((_, i) => shell.edge(i)),
      edgesOf(poly),
    )
  )
    return false;
  // A hole of `poly` lying inside `other` leaves part of `other` outside `poly`.
  return poly.loops.slice(1).every((hole) => !hole.v.some((p) => !other.loops.some((l) => l.nearBoundary(p)) && strictlyInside(other, p)));
}

/** A region $geoWithin can test against. */
export type Region = { polygons: Polygon[] } | { cap: { center: Vec; radius: number } };

export function within(s: Shape, region: Region): boolean {
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
  return (
    x.some((p) => ys.some(([a, b]) => distToArc(p, a, b) < BOUNDARY_RAD)) ||
    y.some((p) => xs.some(([a, b]) => distToArc(p, a, b) < BOUNDARY_RAD))
  );
}

function lineTouchesPolygon(line: Vec[], poly: Polygon): boolean {
  return line.some((p) => polygonHas(poly, p)) || anyCrossing(segmentsOf(line), edgesOf(poly));
}

function polygonsTouch(x: Polygon, y: Polygon): boolean {
  return x.loops[0].v.some((p) => polygonHas(y, p)) || y.loops[0].v.some((p) => polygonHas(x, p)) || anyCrossing(edgesOf(x), edgesOf(y));
}

export function intersects(a: Shape, b: Shape): boolean {
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
export function distanceTo(s: Shape, p: Vec): number {
  let best = Infinity;
  for (const q of s.points) best = Math.min(best, angle(p, q));
  for (const l of s.lines) for (const [a, b] of segmentsOf(l)) best = Math.min(best, distToArc(p, a, b));
  for (const poly of s.polygons) {
    if (polygonHas(poly, p)) return 0;
    for (const [a, b] of edgesOf(poly)) best = Math.min(best, distToArc(p, a, b));
  }
  return best;
}
