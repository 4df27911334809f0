// Why: applies modifyDocument's update operators (or a replacement) to one document with MongoDB semantics, refusing what it cannot do exactly.
import { createUpdater } from 'mingo';
import { Doc, assertSafePath, clone, fingerprint, isDate, isPlainObject, isRegExp } from './ejson';
import { DbError, invalidParam, notImplemented, requestFailed } from './errors';
import { MINGO_OPTIONS } from './operators';
import { compileQuery } from './query';
import type { DocId } from './store';

/** Every update operator the SDK's db.command can emit, plus $currentDate (resolved with the emulator clock). */
const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pull',
  '$pullAll',
  '$pop',
  '$addToSet',
  '$bit',
  '$currentDate',
]);

const updater = createUpdater({ cloneMode: 'deep', queryOptions: MINGO_OPTIONS as never });

export type UpdateSpec = Record<string, Record<string, unknown>>;

/** Checks an operator-style update ({$set: {...}, $inc: {...}}) and returns it typed. */
export function validateUpdate(data: Record<string, unknown>): UpdateSpec {
  const keys = Object.keys(data);
  if (keys.length === 0) throw invalidParam('update data must not be empty');
  const paths: string[] = [];
  for (const op of keys) {
    if (!op.startsWith('$')) throw invalidParam(`unknown update field '${op}': an update must use operators ($set, $inc, …)`);
    if (!UPDATE_OPERATORS.has(op)) throw notImplemented(`update operator ${op}`);
    const fields = data[op];
    if (!isPlainObject(fields)) throw invalidParam(`${op} needs an object`);
    for (const [path, operand] of Object.entries(fields)) {
      checkPath(path);
      paths.push(path);
      if ((op === '$inc' || op === '$mul') && typeof operand !== 'number') {
        throw invalidParam(
          `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(operand)}}`,
        );
      }
      if (op === '$rename') {
        if (typeof operand !== 'string') throw invalidParam(`$rename target of '${path}' must be a string`);
        assertSafePath(operand);
        checkPath(operand);
        if (operand === path) throw invalidParam(`$rename source and target must differ: '${path}'`);
        paths.push(operand);
      }
      if (op === '$pop' && operand !== 1 && operand !== -1) throw invalidParam(`$pop expects 1 or -1 (on '${path}')`);
      if (op === '$currentDate' && operand !== true && !(isPlainObject(operand) && operand.$type === 'date')) {
        throw notImplemented(`$currentDate other than a date (on '${path}')`);
      }
    }
  }
  assertNoConflicts(paths);
  return data as UpdateSpec;
}

function checkPath(path: string): void {
  const segs = path.split('.');
  if (path === '' || segs.some((s) => s === '')) throw invalidParam(`invalid field path '${path}'`);
  if (segs[0] === '_id') throw invalidParam(`Performing an update on the path '_id' would modify the immutable field '_id'`);
  for (const s of segs) {
    if (s === '$[]') continue;
    if (s === '$' || /^\$\[.*\]$/.test(s)) throw notImplemented(`positional update path '${path}'`);
    if (s.startsWith('$')) throw invalidParam(`invalid field name '${s}' in '${path}'`);
  }
}

/** MongoDB refuses two operators touching the same path or a path and its prefix. */
function assertNoConflicts(paths: string[]): void {
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a === b || b.startsWith(`${a}.`)) throw invalidParam(`Updating the path '${b}' would create a conflict at '${a}'`);
  }
}

/** Operators that create missing fields along their path. */
const CREATING = new Set(['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate', '$bit']);
const ARRAY_TARGET = new Set(['$push', '$addToSet', '$pop', '$pull', '$pullAll']);

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (isDate(v)) return 'date';
  return typeof v;
}

/** MongoDB's refusals that mingo does not make: creating a field inside a scalar/array, array ops on non-arrays, $inc on non-numbers. */
function checkTarget(doc: Doc, op: string, path: string): void {
  if (path.split('.').includes('$[]')) return;
  const segs = path.split('.');
  const creating = CREATING.has(op);
  let cur: unknown = doc;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (cur === undefined) return;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg)) {
        if (creating) throw requestFailed(`Cannot create field '${seg}' in element {${segs[i - 1]}: [...]}`);
        return;
      }
      cur = cur[Number(seg)];
      continue;
    }
    if (isPlainObject(cur)) {
      cur = cur[seg];
      continue;
    }
    if (creating) throw requestFailed(`Cannot create field '${seg}' in element {${segs[i - 1]}: ${JSON.stringify(cur)}}`);
    return;
  }
  if (cur === undefined) return;
  if (ARRAY_TARGET.has(op) && !Array.isArray(cur))
    throw requestFailed(`The field '${path}' must be an array but is of type ${typeName(cur)}`);
  if ((op === '$inc' || op === '$mul') && typeof cur !== 'number') {
    throw requestFailed(`Cannot apply ${op} to a value of non-numeric type: '${path}' is of type ${typeName(cur)}`);
  }
}

/** The values an update operator stores (checked like a document being written). */
function storedValues(op: string, operand: unknown): unknown[] {
  if (op === '$set' || op === '$setOnInsert' || op === '$min' || op === '$max') return [operand];
  if (op === '$push' || op === '$addToSet')
    return isPlainObject(operand) && '$each' in operand && Array.isArray(operand.$each) ? operand.$each : [operand];
  return [];
}

/** The array at a plain path (objects by name, arrays by index), or undefined. */
function arrayAt(doc: Doc, path: string): unknown[] | undefined {
  let cur: unknown = doc;
  for (const seg of path.split('.')) {
    if (Array.isArray(cur) && /^\d+$/.test(seg)) cur = cur[Number(seg)];
    else if (isPlainObject(cur)) cur = cur[seg];
    else return undefined;
  }
  return Array.isArray(cur) ? cur : undefined;
}

/**
 * $pull with a query on element fields ({arr: {a: {$gt: 1}}}) removes only documents that match: mingo also matched
 * scalars (it resolves `a` of a scalar to the scalar). Rewritten as $pullAll of the matching elements.
 */
function pullByQuery(doc: Doc, path: string, cond: Record<string, unknown>): Record<string, unknown> | null {
  if (Object.keys(cond).some((k) => k.startsWith('$')) || path.split('.').includes('$[]')) return null;
  const arr = arrayAt(doc, path);
  if (!arr) return null;
  const test = compileQuery(cond);
  return { $pullAll: { [path]: arr.filter((x) => isPlainObject(x) && test(x)) } };
}

/** Applies a validated operator update to a copy of `doc`; `modified` is false for no-op updates (like MongoDB's nModified). */
export function applyUpdate(doc: Doc, spec: UpdateSpec, now: () => Date): { doc: Doc; modified: boolean } {
  const next = clone(doc);
  for (const [op, fields] of Object.entries(spec)) {
    for (const [path, operand] of Object.entries(fields)) {
      if (op === '$rename') checkTarget(next, '$set', operand as string);
      else checkTarget(next, op, path);
      for (const v of storedValues(op, operand)) assertStorable(v, 'update', path);
      try {
        if (op === '$currentDate') updater(next, { $set: { [path]: now() } });
        else if (op === '$pull' && isPlainObject(operand) && pullByQuery(next, path, operand))
          updater(next, pullByQuery(next, path, operand) as never);
        else updater(next, { [op]: { [path]: operand } } as never);
      } catch (e) {
        if (e instanceof DbError) throw e;
        throw requestFailed(`cannot apply ${op} to '${path}': ${(e as Error).message}`);
      }
    }
  }
  assertStorable(next, 'values');
  return { doc: next, modified: fingerprint(next) !== fingerprint(doc) };
}

/** doc.set(): the replacement keeps the document's _id. */
export function applyReplacement(id: DocId, replacement: Record<string, unknown>): Doc {
  if ('_id' in replacement && fingerprint(replacement._id) !== fingerprint(id))
    throw invalidParam(`the (immutable) field '_id' was found to have been altered`);
  const { _id: _ignored, ...rest } = replacement;
  const doc: Doc = { _id: id, ...rest };
  assertStorable(doc, 'update');
  return doc;
}

/** The document an upsert starts from: the equality conditions of the query (MongoDB's rule). */
export function seedFromQuery(query: Record<string, unknown>): Doc {
  const seed: Doc = {};
  const visit = (q: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(q)) {
      if (k === '$and' && Array.isArray(v)) {
        for (const sub of v) if (isPlainObject(sub)) visit(sub);
        continue;
      }
      if (k.startsWith('$')) continue;
      let value: unknown = v;
      if (isPlainObject(v) && Object.keys(v).some((x) => x.startsWith('$'))) {
        if (Object.keys(v).length === 1 && '$eq' in v) value = v.$eq;
        else continue;
      }
      if (isRegExp(value)) continue;
      updater(seed, { $set: { [k]: clone(value) } });
    }
  };
  visit(query);
  return seed;
}

/**
 * Field names and values a write may store. MongoDB (4.x, as CloudBase answers) refuses '$'-prefixed field names in
 * every write (node-sdk test/database/index.test.ts:106-107: add({ $_key: 1 }) → DATABASE_REQUEST_FAILED) and dotted
 * field names in updates and replacements ("The dotted field … is not valid for storage"), while an insert keeps them
 * (index.test.ts:149-158: add({ 'key.': '1' }) succeeds). mode 'values' checks only the values this emulator cannot persist.
 */
export function assertStorable(doc: unknown, mode: 'insert' | 'update' | 'values', path = ''): void {
  if (Array.isArray(doc)) {
    doc.forEach((v, i) => assertStorable(v, mode, `${path}.${i}`));
    return;
  }
  if (isRegExp(doc)) throw notImplemented(`storing a regular expression value (at '${path.replace(/^\./, '')}')`);
  if (!isPlainObject(doc)) {
    if (typeof doc === 'number' && !Number.isFinite(doc)) throw notImplemented(`storing ${doc} (at '${path.replace(/^\./, '')}')`);
    return;
  }
  for (const [k, v] of Object.entries(doc)) {
    const at = path ? `${path.replace(/^\./, '')}.${k}` : k;
    if (mode !== 'values' && k.startsWith('$'))
      throw requestFailed(`The dollar ($) prefixed field '${k}' in '${at}' is not valid for storage.`);
    if (mode === 'update' && k.includes('.')) throw requestFailed(`The dotted field '${k}' in '${at}' is not valid for storage.`);
    assertStorable(v, mode, `${path}.${k}`);
  }
}
