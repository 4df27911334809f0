// Why: query matching, ordering, paging and projection with MongoDB semantics (via mingo), behind a whitelist so unsupported operators fail loudly.
import 'mingo/init/system';
import { Query } from 'mingo';
import { compileFast } from './fast-match';
import { Doc, assertSafePath, clone, isObjectId, isPlainObject, isRegExp } from './ejson';
import { DbError, invalidParam, notImplemented } from './errors';
import { GEO_OPERATORS, type GeoCollection, planNear, refuseNear, validateGeoOperand } from './geo';
import { MINGO_OPTIONS } from './operators';
import { planProjection, project } from './projection';
import type { DocId } from './store';

/**
 * Field-level operators the SDK's db.command can emit (plus $regex/$options/$type/$mod), all evaluated by mingo;
 * the geo ones ($geoWithin, $geoIntersects, $nearSphere from _.geoNear, $near) by geo.ts.
 */
const FIELD_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$all',
  '$elemMatch',
  '$exists',
  '$size',
  '$mod',
  '$not',
  '$regex',
  '$options',
  '$type',
  ...GEO_OPERATORS,
]);
/** Top-level operators; $expr takes aggregation expressions (mingo), $jsonSchema a schema (json-schema.ts). */
const TOP_OPERATORS = new Set(['$and', '$or', '$nor', '$expr', '$jsonSchema']);

function hasOperatorKeys(v: Record<string, unknown>): boolean {
  return Object.keys(v).some((k) => k.startsWith('$'));
}

/** Throws NOT_IMPLEMENTED/INVALID_PARAM for anything outside the supported query language. */
export function validateQuery(q: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(q)) {
    if (key.startsWith('$')) {
      if (!TOP_OPERATORS.has(key)) throw notImplemented(`query operator ${key}`);
      if (key === '$expr') {
        assertSafeExpression(value);
        continue;
      }
      if (key === '$jsonSchema') {
        if (!isPlainObject(value)) throw invalidParam('$jsonSchema needs an object');
        continue;
      }
      if (!Array.isArray(value) || value.length === 0) throw invalidParam(`${key} must be a non-empty array`);
      for (const sub of value) {
        if (!isPlainObject(sub)) throw invalidParam(`${key} entries must be objects`);
        validateQuery(sub);
      }
      continue;
    }
    if (key === '' || key.split('.').some((s) => s === '')) throw invalidParam(`invalid field path '${key}'`);
    if (isPlainObject(value) && hasOperatorKeys(value)) validateFieldOperators(key, value);
  }
}

/** Field paths inside aggregation expressions ('$a.b', '$$var.b') must not name Object.prototype members. */
export function assertSafeExpression(v: unknown): void {
  if (typeof v === 'string') {
    if (v.startsWith('$')) assertSafePath(v, 'field path');
    return;
  }
  if (Array.isArray(v)) {
    v.forEach(assertSafeExpression);
    return;
  }
  if (!isPlainObject(v)) return;
  for (const [k, x] of Object.entries(v)) if (k !== '$literal') assertSafeExpression(x);
}

function validateFieldOperators(field: string, ops: Record<string, unknown>): void {
  for (const [op, operand] of Object.entries(ops)) {
    if (!op.startsWith('$')) throw invalidParam(`cannot mix operators and fields in the condition on '${field}'`);
    if (!FIELD_OPERATORS.has(op)) throw notImplemented(`query operator ${op} (on '${field}')`);
    if (GEO_OPERATORS.has(op)) validateGeoOperand(op, operand);
    if (op === '$in' || op === '$nin' || op === '$all') {
      if (!Array.isArray(operand)) throw invalidParam(`${op} needs an array (on '${field}')`);
      if (op !== '$all' && operand.some((x) => isRegExp(x))) throw notImplemented(`regular expressions inside ${op}`);
    }
    if (op === '$not') {
      if (isRegExp(operand)) continue;
      if (!isPlainObject(operand) || !hasOperatorKeys(operand)) throw invalidParam(`$not needs an operator expression (on '${field}')`);
      validateFieldOperators(field, operand);
    }
    if (op === '$elemMatch') {
      if (!isPlainObject(operand)) throw invalidParam(`$elemMatch needs an object (on '${field}')`);
      // Either an operator expression on the elements or a query on element fields.
      if (Object.keys(operand).every((k) => k.startsWith('$') && !TOP_OPERATORS.has(k))) validateFieldOperators(field, operand);
      else validateQuery(operand);
    }
  }
}

/** Compiles a validated query into a predicate; `context` names the caller for refusing $nearSphere (only find() orders by distance). */
export function compileQuery(q: Record<string, unknown>, context = 'update() or remove()'): (doc: Doc) => boolean {
  validateQuery(q);
  refuseNear(q, context);
  let compiled: Query;
  try {
    compiled = new Query(q, MINGO_OPTIONS);
  } catch (e) {
    throw mingoError(e);
  }
  const fast = compileFast(q);
  return (doc) => {
    try {
      return fast?.(doc) ?? compiled.test(doc);
    } catch (e) {
      throw mingoError(e);
    }
  };
}

export function mingoError(e: unknown): DbError {
  if (e instanceof DbError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/unknown|not supported|unsupported|not implemented|not registered/i.test(message))
    return notImplemented(`an operator used here (mingo: ${message})`);
  return invalidParam(message);
}

/** `order` as the SDK sends it: {field: 1|-1, …}; older SDKs sent [{field, direction}]. */
export function normalizeOrder(order: unknown): Record<string, 1 | -1> | undefined {
  if (order === undefined || order === null) return undefined;
  const out: Record<string, 1 | -1> = {};
  if (Array.isArray(order)) {
    for (const o of order) {
      if (!isPlainObject(o) || typeof o.field !== 'string') throw invalidParam('invalid order');
      assertSafePath(o.field);
      out[o.field] = o.direction === 'desc' || o.direction === -1 ? -1 : 1;
    }
  } else if (isPlainObject(order)) {
    for (const [k, d] of Object.entries(order)) {
      if (d !== 1 && d !== -1) throw invalidParam(`order direction of '${k}' must be 1 or -1`);
      out[k] = d;
    }
  } else {
    throw invalidParam('invalid order');
  }
  return Object.keys(out).length ? out : undefined;
}

/** Checks a projection as field() produces it ({f: 0|1}, {f: {$slice}|{$elemMatch}}), see projection.ts. */
export function validateProjection(p: Record<string, unknown>): void {
  planProjection(p, compileQuery);
}

export interface FindSpec {
  query: Record<string, unknown>;
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit?: number;
  projection?: Record<string, unknown>;
  /** The collection read, with its declared indexes: $nearSphere needs a 2dsphere index (none given: not checked). */
  geo?: GeoCollection;
}

/** Filter → sort → skip → limit → project, over documents in natural (insertion) order. Returns fresh objects. */
export function runFind(docs: Doc[], spec: FindSpec): Doc[] {
  validateQuery(spec.query);
  // $nearSphere (_.geoNear): filter by the rest, then distance order (geo.ts), which a sort re-orders as in MongoDB.
  const near = planNear(spec.query, spec.geo);
  const where = near ? near.rest : spec.query;
  const plan = spec.projection && Object.keys(spec.projection).length ? planProjection(spec.projection, compileQuery) : undefined;
  const shape = (d: Doc) => (plan ? project(d, plan) : withIdFirst(clone(d)));
  try {
    // Plain conditions are decided without mingo (fast-match.ts); mingo keeps the last word on everything else.
    const fast = compileFast(where);
    let query = where;
    if (fast) {
      const full = new Query(where, MINGO_OPTIONS);
      docs = docs.filter((d) => fast(d) ?? full.test(d));
      query = {};
    }
    if (near) {
      if (!fast) {
        const rest = new Query(where, MINGO_OPTIONS);
        docs = docs.filter((d) => rest.test(d));
        query = {};
      }
      docs = near.order(docs);
    }
    // Paging by skip sorts every match for every page: on plain string or number keys a native sort does it.
    const sorted = (fast || near) && spec.order ? nativeSort(docs, spec.order) : null;
    if (sorted) {
      const page = sorted.slice(spec.offset ?? 0, spec.limit === undefined ? undefined : (spec.offset ?? 0) + spec.limit);
      return page.map(shape);
    }
    let cursor = new Query(query, MINGO_OPTIONS).find<Doc>(docs);
    if (spec.order) cursor = cursor.sort(spec.order);
    if (spec.offset) cursor = cursor.skip(spec.offset);
    if (spec.limit !== undefined) cursor = cursor.limit(spec.limit);
    return cursor.all().map(shape);
  } catch (e) {
    throw mingoError(e);
  }
}

/** `docs` sorted by `order` when every key is a top-level field holding only strings or only numbers; else null. */
function nativeSort(docs: Doc[], order: Record<string, 1 | -1>): Doc[] | null {
  const keys = Object.entries(order);
  for (const [key] of keys) {
    if (key.includes('.')) return null;
    const kind = typeof docs[0]?.[key];
    if ((kind !== 'string' && kind !== 'number') || docs.some((d) => typeof d[key] !== kind)) return null;
  }
  return [...docs].sort((a, b) => {
    for (const [key, dir] of keys) {
      const x = a[key] as string | number;
      const y = b[key] as string | number;
      if (x !== y) return (x < y ? -1 : 1) * dir;
    }
    return 0;
  });
}

/** MongoDB returns _id as the first field; mingo's projection appends it last. */
function withIdFirst(d: Doc): Doc {
  if (!('_id' in d)) return d;
  const { _id, ...rest } = d;
  return { _id, ...rest };
}

/** The `_id` of a DOC-type query ({_id: string | number | ObjectId}), or undefined. */
export function docQueryId(q: Record<string, unknown>): DocId | undefined {
  const keys = Object.keys(q);
  if (keys.length !== 1 || keys[0] !== '_id') return undefined;
  const id = q._id;
  return typeof id === 'string' || typeof id === 'number' || isObjectId(id) ? id : undefined;
}
