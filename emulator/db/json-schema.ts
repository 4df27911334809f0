// Why: the $jsonSchema query operator (db.command.jsonSchema) with MongoDB's keyword set, so such queries are answered instead of refused; keywords it cannot honour fail loudly.
import { fingerprint, isDate, isObjectId, isPlainObject, isRegExp } from './ejson';
import { notImplemented, requestFailed } from './errors';

type Check = (v: unknown) => boolean;

/** MongoDB's JSON types for `type` ("integer" is not supported by MongoDB: use bsonType int). */
const JSON_TYPES: Record<string, Check> = {
  object: (v) => isPlainObject(v),
  array: (v) => Array.isArray(v),
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  null: (v) => v === null,
};

const isInt32 = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647;

/**
 * bsonType aliases. Numbers arrive from the SDK as Int32 (integral values) or Double, so int/double follow that split;
 * long and decimal cannot be told apart here.
 */
const BSON_TYPES: Record<string, Check> = {
  double: (v) => typeof v === 'number' && !isInt32(v),
  string: JSON_TYPES.string,
  object: JSON_TYPES.object,
  array: JSON_TYPES.array,
  objectId: (v) => isObjectId(v),
  bool: JSON_TYPES.boolean,
  date: (v) => isDate(v),
  null: JSON_TYPES.null,
  regex: (v) => isRegExp(v),
  int: isInt32,
  number: JSON_TYPES.number,
};

const UNSUPPORTED_BY_MONGODB = new Set(['$ref', '$schema', 'default', 'definitions', 'format', 'id']);
const NOT_HERE = new Set(['dependencies', 'patternProperties', 'additionalItems']);

function typeCheck(spec: unknown, table: Record<string, Check>, keyword: string): Check {
  const names = Array.isArray(spec) ? spec : [spec];
  const checks = names.map((n) => {
    if (typeof n !== 'string') throw requestFailed(`$jsonSchema keyword '${keyword}' must be a string or an array of strings`);
    if (
      keyword === 'bsonType' &&
      ['long', 'decimal', 'binData', 'timestamp', 'javascript', 'minKey', 'maxKey', 'undefined', 'dbPointer', 'symbol'].includes(n)
    ) {
      throw notImplemented(`$jsonSchema bsonType '${n}'`);
    }
    const c = table[n];
    if (!c) throw requestFailed(`Unknown type name alias: ${n}`);
    return c;
  });
  return (v) => checks.some((c) => c(v));
}

function num(spec: Record<string, unknown>, k: string): number {
  const v = spec[k];
  if (typeof v !== 'number' || Number.isNaN(v)) throw requestFailed(`$jsonSchema keyword '${k}' must be a number`);
  return v;
}

function nonNegInt(spec: Record<string, unknown>, k: string): number {
  const v = num(spec, k);
  if (!Number.isInteger(v) || v < 0) throw requestFailed(`$jsonSchema keyword '${k}' must be a non-negative integer`);
  return v;
}

function schemaList(spec: Record<string, unknown>, k: string): Check[] {
  const v = spec[k];
  if (!Array.isArray(v) || v.length === 0) throw requestFailed(`$jsonSchema keyword '${k}' must be a non-empty array`);
  return v.map(compile);
}

const codePoints = (s: string) => Array.from(s).length;

/** Compiles one schema into a predicate; throws for invalid or unsupported keywords. */
export function compile(schema: unknown): Check {
  if (!isPlainObject(schema)) throw requestFailed('$jsonSchema must be an object');
  const checks: Check[] = [];
  const when = (applies: Check, test: Check) => checks.push((v) => !applies(v) || test(v));
  const isNum: Check = (v) => typeof v === 'number';
  const isStr: Check = (v) => typeof v === 'string';
  const isArr: Check = (v) => Array.isArray(v);
  const isObj: Check = (v) => isPlainObject(v);
  for (const k of Object.keys(schema)) {
    if (UNSUPPORTED_BY_MONGODB.has(k)) throw requestFailed(`$jsonSchema keyword '${k}' is not currently supported`);
    if (NOT_HERE.has(k)) throw notImplemented(`$jsonSchema keyword '${k}'`);
    switch (k) {
      case 'title':
      case 'description':
        break;
      case 'type':
        if (schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer'))) {
          throw requestFailed("$jsonSchema type 'integer' is not currently supported.");
        }
        checks.push(typeCheck(schema.type, JSON_TYPES, 'type'));
        break;
      case 'bsonType':
        checks.push(typeCheck(schema.bsonType, BSON_TYPES, 'bsonType'));
        break;
      case 'enum': {
        if (!Array.isArray(schema.enum) || schema.enum.length === 0)
          throw requestFailed("$jsonSchema keyword 'enum' must be a non-empty array");
        const allowed = new Set(schema.enum.map(fingerprint));
        checks.push((v) => allowed.has(fingerprint(v)));
        break;
      }
      case 'minimum': {
        const m = num(schema, k);
        when(isNum, (v) => (schema.exclusiveMinimum === true ? (v as number) > m : (v as number) >= m));
        break;
      }
      case 'maximum': {
        const m = num(schema, k);
        when(isNum, (v) => (schema.exclusiveMaximum === true ? (v as number) < m : (v as number) <= m));
        break;
      }
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        if (typeof schema[k] !== 'boolean') throw requestFailed(`$jsonSchema keyword '${k}' must be a boolean`);
        if (!((k === 'exclusiveMinimum' ? 'minimum' : 'maximum') in schema))
          throw requestFailed(`$jsonSchema keyword '${k}' needs its bound`);
        break;
      case 'multipleOf': {
        const m = num(schema, k);
        if (m <= 0) throw requestFailed("$jsonSchema keyword 'multipleOf' must have a positive value");
        when(isNum, (v) => Number.isInteger((v as number) / m));
        break;
      }
      case 'minLength': {
        const n = nonNegInt(schema, k);
        when(isStr, (v) => codePoints(v as string) >= n);
        break;
      }
      case 'maxLength': {
        const n = nonNegInt(schema, k);
        when(isStr, (v) => codePoints(v as string) <= n);
        break;
      }
      case 'pattern': {
        if (typeof schema.pattern !== 'string') throw requestFailed("$jsonSchema keyword 'pattern' must be a string");
        let re: RegExp;
        try {
          re = new RegExp(schema.pattern, 'u');
        } catch (e) {
          throw requestFailed(`$jsonSchema pattern: ${(e as Error).message}`);
        }
        when(isStr, (v) => re.test(v as string));
        break;
      }
      case 'minItems': {
        const n = nonNegInt(schema, k);
        when(isArr, (v) => (v as unknown[]).length >= n);
        break;
      }
      case 'maxItems': {
        const n = nonNegInt(schema, k);
        when(isArr, (v) => (v as unknown[]).length <= n);
        break;
      }
      case 'uniqueItems':
        if (typeof schema.uniqueItems !== 'boolean') throw requestFailed("$jsonSchema keyword 'uniqueItems' must be a boolean");
        if (schema.uniqueItems) when(isArr, (v) => new Set((v as unknown[]).map(fingerprint)).size === (v as unknown[]).length);
        break;
      case 'items': {
        if (Array.isArray(schema.items)) {
          const each = schema.items.map(compile);
          when(isArr, (v) => each.every((c, i) => i >= (v as unknown[]).length || c((v as unknown[])[i])));
        } else {
          const c = compile(schema.items);
          when(isArr, (v) => (v as unknown[]).every(c));
        }
        break;
      }
      case 'minProperties': {
        const n = nonNegInt(schema, k);
        when(isObj, (v) => Object.keys(v as object).length >= n);
        break;
      }
      case 'maxProperties': {
        const n = nonNegInt(schema, k);
        when(isObj, (v) => Object.keys(v as object).length <= n);
        break;
      }
      case 'required': {
        const names = schema.required;
        if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string')) {
          throw requestFailed("$jsonSchema keyword 'required' must be a non-empty array of strings");
        }
        when(isObj, (v) => names.every((n) => Object.prototype.hasOwnProperty.call(v, n)));
        break;
      }
      case 'properties': {
        if (!isPlainObject(schema.properties)) throw requestFailed("$jsonSchema keyword 'properties' must be an object");
        const props = Object.entries(schema.properties).map(([name, s]) => [name, compile(s)] as const);
        when(isObj, (v) =>
          props.every(([name, c]) => !Object.prototype.hasOwnProperty.call(v, name) || c((v as Record<string, unknown>)[name])),
        );
        break;
      }
      case 'additionalProperties': {
        const ap = schema.additionalProperties;
        const known = new Set(isPlainObject(schema.properties) ? Object.keys(schema.properties) : []);
        const c: Check = typeof ap === 'boolean' ? () => ap : compile(ap);
        when(isObj, (v) => Object.entries(v as Record<string, unknown>).every(([name, x]) => known.has(name) || c(x)));
        break;
      }
      case 'allOf': {
        const list = schemaList(schema, k);
        checks.push((v) => list.every((c) => c(v)));
        break;
      }
      case 'anyOf': {
        const list = schemaList(schema, k);
        checks.push((v) => list.some((c) => c(v)));
        break;
      }
      case 'oneOf': {
        const list = schemaList(schema, k);
        checks.push((v) => list.filter((c) => c(v)).length === 1);
        break;
      }
      case 'not': {
        const c = compile(schema.not);
        checks.push((v) => !c(v));
        break;
      }
      default:
        throw requestFailed(`Unknown $jsonSchema keyword: ${k}`);
    }
  }
  return (v) => checks.every((c) => c(v));
}

/** mingo's jsonSchemaValidator hook: the top-level schema describes the whole document. */
export const jsonSchemaValidator = (schema: Record<string, unknown>): ((doc: Record<string, unknown>) => boolean) => compile(schema);
