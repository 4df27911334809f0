// Why: the SDK speaks bson 4.x EJSON (canonical) both ways; this file is the only boundary between EJSON text and plain JS values.
import { EJSON, ObjectId } from 'bson';
import { invalidParam, notImplemented } from './errors';

/** A stored document: plain JS (string, number, boolean, null, Date, ObjectId, arrays, plain objects). */
export type Doc = Record<string, unknown>;

/**
 * Names of Object.prototype members (plus 'prototype'). mingo reads fields with `obj[key]` and writes paths with
 * `obj[key] = …`, so such a field name would read an inherited member (a silent wrong answer) or write into a shared
 * prototype; the emulator refuses them wherever a field name or path can appear.
 */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

export function isReservedName(name: string): boolean {
  return RESERVED_NAMES.has(name);
}

/** Throws INVALID_PARAM when a dotted field path (or `$path`/`$$var.path` reference) has a reserved segment. */
export function assertSafePath(path: string, where = 'field path'): void {
  for (const seg of path.replace(/^\$+/, '').split('.')) {
    if (RESERVED_NAMES.has(seg)) {
      throw invalidParam(
        `${where} '${path}' uses the name '${seg}', which the emulator refuses (it names a JavaScript Object.prototype member)`,
      );
    }
  }
}

// Realm-independent type checks: values may come from another realm (e.g. Jest's vm context vs Node's globals).
const tag = (v: unknown): string => Object.prototype.toString.call(v);

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || tag(v) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export const isDate = (v: unknown): v is Date => tag(v) === '[object Date]';
export const isRegExp = (v: unknown): v is RegExp => tag(v) === '[object RegExp]';

export function isObjectId(v: unknown): v is ObjectId {
  if (v === null || typeof v !== 'object') return false;
  const t = (v as { _bsontype?: unknown })._bsontype;
  return t === 'ObjectID' || t === 'ObjectId';
}

const REGEX_FLAGS: Record<string, string> = { i: 'i', m: 'm', s: 's', u: 'u' };

function toRegExp(pattern: string, options: string): RegExp {
  let flags = '';
  for (const f of options) {
    if (!(f in REGEX_FLAGS)) throw notImplemented(`regular expression option '${f}'`);
    if (!flags.includes(f)) flags += REGEX_FLAGS[f];
  }
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    throw invalidParam(`invalid regular expression /${pattern}/: ${(e as Error).message}`);
  }
}

/**
 * Turns the output of EJSON.parse(…, { relaxed: false }) into plain JS:
 * Int32/Double/Long → number, BSONRegExp → RegExp, ObjectId stays an ObjectId, `{ $tcb_server_date: { offset } }` →
 * now() + offset. Any other BSON type (Decimal128, Binary, Timestamp, …) is refused explicitly, and so are field names
 * that name Object.prototype members (see RESERVED_NAMES).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fromBson(v: any, now: () => Date): unknown {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'string' || t === 'boolean' || t === 'number') return v;
  if (t !== 'object') throw invalidParam(`unsupported value of type ${t}`);
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) throw invalidParam('invalid date');
    return new Date(v.getTime());
  }
  if (Array.isArray(v)) return v.map((x) => fromBson(x, now));
  const bsontype: unknown = v._bsontype;
  if (typeof bsontype === 'string') {
    switch (bsontype) {
      case 'Int32':
      case 'Double':
        return Number(v.valueOf());
      case 'Long': {
        const n = Number(v.toString());
        if (!Number.isSafeInteger(n)) throw notImplemented('64-bit integers beyond ±2^53 (Long)');
        return n;
      }
      case 'BSONRegExp':
        return toRegExp(String(v.pattern), String(v.options ?? ''));
      case 'ObjectID':
      case 'ObjectId':
        return new ObjectId(v.toHexString());
      default:
        throw notImplemented(`BSON type ${bsontype}`);
    }
  }
  if (isRegExp(v)) return new RegExp(v.source, v.flags);
  if (!isPlainObject(v)) throw invalidParam('unsupported object value');
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const spec = fromBson(v.$tcb_server_date, now);
    const offset = isPlainObject(spec) && spec.offset !== undefined ? Number(spec.offset) : 0;
    if (!Number.isFinite(offset)) throw invalidParam('invalid serverDate offset');
    return new Date(now().getTime() + offset);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    assertSafePath(k, 'field name');
    out[k] = fromBson(v[k], now);
  }
  return out;
}

/** Parses one EJSON field of a request (a string, as the SDK sends; a raw object is accepted too). */
export function parseEJSON(raw: unknown, field: string, now: () => Date): unknown {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let parsed: any;
  try {
    if (typeof raw === 'string') parsed = EJSON.parse(raw, { relaxed: false });
    else if (raw !== null && typeof raw === 'object') parsed = EJSON.deserialize(raw as Record<string, unknown>, { relaxed: false });
    else if (typeof raw === 'number' || typeof raw === 'boolean') parsed = raw;
    else throw new Error(`expected an EJSON string, got ${raw === null ? 'null' : typeof raw}`);
  } catch (e) {
    throw invalidParam(`invalid EJSON in '${field}': ${(e as Error).message}`);
  }
  return fromBson(parsed, now);
}

/** Parses an EJSON field that must be an object (query, update data, document, order, projection). */
export function parseEJSONObject(raw: unknown, field: string, now: () => Date): Record<string, unknown> {
  const v = parseEJSON(raw, field, now);
  if (!isPlainObject(v)) throw invalidParam(`'${field}' must be an object`);
  return v;
}

/** Serializes one document for a response list; the SDK reads it back with EJSON.parse (Dates come back as Date). */
export function encodeDoc(doc: unknown): string {
  return EJSON.stringify(doc as Doc, { relaxed: false });
}

/** An ObjectId as its hex string, anywhere in a value (arrays, nested objects), other values copied as they are. */
function objectIdsAsHex(v: unknown): unknown {
  if (isObjectId(v)) return v.toHexString();
  if (Array.isArray(v)) return v.map(objectIdsAsHex);
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) setOwn(out, k, objectIdsAsHex(x));
  return out;
}

/**
 * Serializes a document that get() (or updateAndReturn()) hands out. CloudBase answers ObjectId values there as
 * their hex strings: node-sdk test/database/unit/oid.test.ts:60-62, run against a real environment, reads
 * `where({ a: db.ObjectId({ id }) }).get()` back as `data[0].a === id`. (An EJSON ObjectId would reach the caller
 * as `{}`: the SDK's formatResDocumentData copies it into a plain object.)
 */
export function encodeReadDoc(doc: unknown): string {
  return encodeDoc(objectIdsAsHex(doc));
}

/** Sets an own enumerable property, also for the name '__proto__' (plain assignment would replace the prototype). */
export function setOwn(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}

/** A deep copy of a stored value (Dates and RegExps preserved), built in this realm (unlike structuredClone). */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isDate(v)) return new Date(v.getTime()) as T;
  if (isRegExp(v)) return new RegExp(v.source, v.flags) as T;
  if (isObjectId(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) setOwn(out, k, clone(x));
  return out as T;
}

/** An exact, type-aware, key-order-sensitive fingerprint of a value (Date ≠ number, 1 === 1.0 like MongoDB). */
export function fingerprint(v: unknown): string {
  return EJSON.stringify({ v: v === undefined ? null : (v as Doc) }, { relaxed: false });
}
