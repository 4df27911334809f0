// Why: the mingo options every query, update and pipeline runs with: operators replaced where mingo's answer differs from MongoDB's ($elemMatch, byte/code-point string operators, date operators) and the $jsonSchema validator.
import { Context, computeValue, type Options } from 'mingo/core';
import * as expressionOps from 'mingo/operators/expression';
import * as queryOps from 'mingo/operators/query';
import { Query } from 'mingo';
import { resolve } from 'mingo/util';
import { dateOperators } from './dates';
import { isDate, isObjectId, isPlainObject } from './ejson';
import { requestFailed } from './errors';
import { jsonSchemaValidator } from './json-schema';

type Expr = (obj: Record<string, unknown>, expr: unknown, options: Options) => unknown;

const isElementOperator = (k: string) => k.startsWith('$') && k !== '$and' && k !== '$or' && k !== '$nor';

/**
 * MongoDB's $elemMatch: `{$elemMatch: {$gt: 1}}` tests the elements themselves; `{$elemMatch: {a: …}}` (a query on
 * element fields) only considers elements that are documents or arrays, never scalars (mingo resolves `a` of a
 * scalar to the scalar itself, so `[1, 2, 3]` matched `{a: {$gt: 1}}`).
 */
function $elemMatch(selector: string, value: unknown, options: Options): (obj: Record<string, unknown>) => boolean {
  if (!isPlainObject(value)) throw requestFailed('$elemMatch needs an Object');
  const operatorForm = Object.keys(value).length > 0 && Object.keys(value).every(isElementOperator);
  const query = new Query(operatorForm ? { v: value } : value, options);
  return (obj) => {
    const a = resolve(obj, selector, { unwrapArray: true });
    if (!Array.isArray(a)) return false;
    return a.some((x) =>
      operatorForm ? query.test({ v: x }) : (isPlainObject(x) || Array.isArray(x)) && query.test(x as Record<string, unknown>),
    );
  };
}

type QueryOp = (selector: string, value: unknown, options: Options) => (obj: Record<string, unknown>) => boolean;

/** $type with MongoDB's 'objectId' (7) alias, which mingo does not know; every other alias is mingo's. */
function $type(selector: string, value: unknown, options: Options): (obj: Record<string, unknown>) => boolean {
  const names = Array.isArray(value) ? value : [value];
  const wantsOid = names.some((n) => n === 'objectId' || n === 7);
  const rest = names.filter((n) => n !== 'objectId' && n !== 7);
  const mingoType = (queryOps as unknown as Record<string, QueryOp>).$type;
  const others = rest.length ? mingoType(selector, rest, options) : () => false;
  return (obj) => {
    if (wantsOid) {
      const v = resolve(obj, selector, { unwrapArray: true });
      if (isObjectId(v) || (Array.isArray(v) && v.some(isObjectId))) return true;
    }
    return others(obj);
  };
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'missing';
  if (Array.isArray(v)) return 'array';
  if (isDate(v)) return 'date';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double';
  return typeof v;
}

function args(obj: Record<string, unknown>, expr: unknown, options: Options, op: string, min: number, max: number): unknown[] {
  const list = Array.isArray(expr) ? expr : [expr];
  if (list.length < min || list.length > max)
    throw requestFailed(
      `Expression ${op} takes ${min === max ? `exactly ${min}` : `at least ${min} and at most ${max}`} arguments. ${list.length} were passed in.`,
    );
  return list.map((e) => computeValue(obj, e, null, options));
}

function nonNegInt(v: unknown, op: string, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw requestFailed(`${op} requires an integral ${what}, found a value of type: ${typeName(v)}`);
  if (v < 0) throw requestFailed(`${op} requires a nonnegative ${what}, found: ${v}`);
  return v;
}

/** $indexOfBytes / $indexOfCP: the first index of a substring at or after `start`, fully before `end`, in bytes or code points. */
function indexOf(op: string, unit: 'bytes' | 'cp'): Expr {
  return (obj, expr, options) => {
    const [s, sub, start, end] = args(obj, expr, options, op, 2, 4);
    if (s === null || s === undefined) return null;
    if (typeof s !== 'string') throw requestFailed(`${op} requires a string as the first argument, found: ${typeName(s)}`);
    if (typeof sub !== 'string') throw requestFailed(`${op} requires a string as the second argument, found: ${typeName(sub)}`);
    const hay = unit === 'bytes' ? [...Buffer.from(s, 'utf8')] : Array.from(s);
    const needle = unit === 'bytes' ? [...Buffer.from(sub, 'utf8')] : Array.from(sub);
    const from = start === undefined ? 0 : nonNegInt(start, op, 'starting index');
    const to = end === undefined ? hay.length : Math.min(nonNegInt(end, op, 'ending index'), hay.length);
    if (from > to) return -1;
    for (let i = from; i + needle.length <= to; i++) {
      let ok = true;
      for (let j = 0; j < needle.length && ok; j++) ok = hay[i + j] === needle[j];
      if (ok) return i;
    }
    return -1;
  };
}

/** MongoDB's string coercion for $substr/$substrBytes: null/missing → "", numbers and dates → their text. */
function coerceToString(v: unknown, op: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (isDate(v)) return v.toISOString();
  throw requestFailed(`${op}: can't convert from BSON type ${typeName(v)} to String`);
}

const isContinuation = (b: number | undefined) => b !== undefined && (b & 0xc0) === 0x80;

function substrBytes(op: string): Expr {
  return (obj, expr, options) => {
    const [s, start, count] = args(obj, expr, options, op, 3, 3);
    const buf = Buffer.from(coerceToString(s, op), 'utf8');
    if (typeof start !== 'number') throw requestFailed(`${op}: starting index must be a numeric type (is BSON type ${typeName(start)})`);
    if (typeof count !== 'number') throw requestFailed(`${op}: length must be a numeric type (is BSON type ${typeName(count)})`);
    const lower = Math.trunc(start);
    if (lower < 0) throw requestFailed(`${op}: starting index must be non-negative (got: ${lower})`);
    const length = count < 0 ? buf.length : Math.trunc(count);
    if (lower < buf.length && isContinuation(buf[lower]))
      throw requestFailed(`${op}: Invalid range, starting index is a UTF-8 continuation byte.`);
    if (lower + length < buf.length && isContinuation(buf[lower + length])) {
      throw requestFailed(`${op}: Invalid range, ending index is in the middle of a UTF-8 character.`);
    }
    if (lower >= buf.length) return '';
    return buf.subarray(lower, Math.min(buf.length, lower + length)).toString('utf8');
  };
}

const $substrCP: Expr = (obj, expr, options) => {
  const [s, start, count] = args(obj, expr, options, '$substrCP', 3, 3);
  const cps = Array.from(coerceToString(s, '$substrCP'));
  if (typeof start !== 'number' || !Number.isInteger(start))
    throw requestFailed(`$substrCP: starting index must be an integer (is ${typeName(start)})`);
  if (typeof count !== 'number' || !Number.isInteger(count))
    throw requestFailed(`$substrCP: length must be an integer (is ${typeName(count)})`);
  if (start < 0) throw requestFailed(`$substrCP: starting index must be non-negative (got: ${start})`);
  if (count < 0) throw requestFailed(`$substrCP: length must be a nonnegative integer (got: ${count})`);
  return cps.slice(start, start + count).join('');
};

const $strLenCP: Expr = (obj, expr, options) => {
  const [s] = args(obj, expr, options, '$strLenCP', 1, 1);
  if (typeof s !== 'string') throw requestFailed(`$strLenCP requires a string argument, found: ${typeName(s)}`);
  return Array.from(s).length;
};

const mingoExpressions = expressionOps as unknown as Record<string, Expr>;

const context = Context.init()
  .addQueryOps({ $elemMatch, $type } as never)
  .addExpressionOps({
    ...dateOperators(mingoExpressions),
    $indexOfBytes: indexOf('$indexOfBytes', 'bytes'),
    $indexOfCP: indexOf('$indexOfCP', 'cp'),
    $substrBytes: substrBytes('$substrBytes'),
    $substr: substrBytes('$substr'),
    $substrCP,
    $strLenCP,
  } as never);

/** Options for every mingo Query/Aggregator/updater the engine creates. */
export const MINGO_OPTIONS: Partial<Options> = { context, jsonSchemaValidator: jsonSchemaValidator as never };
