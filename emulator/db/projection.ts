// Why: find projections (field()) with MongoDB's rules — inclusion vs exclusion, $slice keeping every other field, $elemMatch as an inclusion — which mingo's projection gets wrong.
import { Doc, clone, isPlainObject, setOwn } from './ejson';
import { invalidParam, notImplemented, requestFailed } from './errors';

type Test = (doc: Doc) => boolean;

interface Plan {
  mode: 'include' | 'exclude';
  /** Top-level _id kept? */
  id: boolean;
  /** Dotted paths included (inclusion) or excluded (exclusion). */
  paths: string[];
  slices: Array<{ path: string; skip: number; limit: number | null }>;
  elemMatches: Array<{ field: string; test: (element: unknown) => boolean }>;
}

function sliceArgs(v: unknown, path: string): { skip: number; limit: number | null } {
  if (typeof v === 'number' && Number.isInteger(v)) return v >= 0 ? { skip: 0, limit: v } : { skip: v, limit: null };
  if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isInteger(x))) {
    const [skip, limit] = v as number[];
    if (limit <= 0) throw requestFailed(`$slice limit must be positive (on '${path}')`);
    return { skip, limit };
  }
  throw requestFailed(`$slice only supports numbers and [skip, limit] arrays (on '${path}')`);
}

/** Compiles a projection as field() sends it: {f: 0|1}, {f: {$slice}}, {f: {$elemMatch}}. */
export function planProjection(p: Record<string, unknown>, compileQuery: (q: Record<string, unknown>) => Test): Plan {
  const plan: Plan = { mode: 'exclude', id: true, paths: [], slices: [], elemMatches: [] };
  let inclusion: string | null = null;
  let exclusion: string | null = null;
  for (const [path, v] of Object.entries(p)) {
    if (path.startsWith('$')) throw invalidParam(`invalid projection field '${path}'`);
    if (path === '' || path.split('.').some((s) => s === '')) throw invalidParam(`invalid projection field '${path}'`);
    if (v === 1 || v === true || v === 0 || v === false) {
      const on = v === 1 || v === true;
      if (path === '_id') plan.id = on;
      else {
        plan.paths.push(path);
        if (on) inclusion ??= path;
        else exclusion ??= path;
      }
      continue;
    }
    if (!isPlainObject(v)) throw invalidParam(`invalid projection value for '${path}'`);
    const ops = Object.keys(v);
    if (ops.length === 1 && ops[0] === '$slice') {
      plan.slices.push({ path, ...sliceArgs(v.$slice, path) });
      continue;
    }
    if (ops.length === 1 && ops[0] === '$elemMatch') {
      if (path.includes('.')) throw requestFailed(`Cannot use $elemMatch projection on a nested field: '${path}'`);
      const cond = v.$elemMatch;
      if (!isPlainObject(cond)) throw requestFailed(`elemMatch: Invalid argument, object required (on '${path}')`);
      const operatorForm =
        Object.keys(cond).length > 0 && Object.keys(cond).every((k) => k.startsWith('$') && !['$and', '$or', '$nor'].includes(k));
      const test = compileQuery(operatorForm ? { v: cond } : cond);
      plan.elemMatches.push({
        field: path,
        test: operatorForm ? (x) => test({ v: x }) : (x) => (isPlainObject(x) || Array.isArray(x)) && test(x as Doc),
      });
      inclusion ??= path;
      continue;
    }
    throw notImplemented(
      `projection ${JSON.stringify(ops)} on '${path}' (CloudBase's field() takes true/false, project.slice and project.elemMatch)`,
    );
  }
  if (inclusion !== null && exclusion !== null) throw requestFailed(`Cannot do exclusion on field ${exclusion} in inclusion projection`);
  if (inclusion !== null || (plan.id && Object.keys(p).length === 1 && '_id' in p)) plan.mode = 'include';
  const all = [...plan.paths, ...plan.slices.map((s) => s.path), ...plan.elemMatches.map((e) => e.field)].sort();
  for (let i = 1; i < all.length; i++) {
    if (all[i] === all[i - 1] || all[i].startsWith(`${all[i - 1]}.`)) throw requestFailed(`Path collision at ${all[i]}`);
  }
  return plan;
}

/** Keeps only `paths` (dotted) of `v`, descending into objects and arrays of objects like MongoDB. */
function include(v: unknown, tree: Map<string, unknown>): unknown {
  if (Array.isArray(v)) return v.filter((x) => isPlainObject(x) || Array.isArray(x)).map((x) => include(x, tree));
  if (!isPlainObject(v)) return undefined;
  const out: Doc = {};
  for (const [k, x] of Object.entries(v)) {
    if (!tree.has(k)) continue;
    const sub = tree.get(k);
    if (sub === true) setOwn(out, k, clone(x));
    else if (isPlainObject(x) || Array.isArray(x)) setOwn(out, k, include(x, sub as Map<string, unknown>));
  }
  return out;
}

function exclude(v: unknown, tree: Map<string, unknown>): void {
  if (Array.isArray(v)) {
    for (const x of v) exclude(x, tree);
    return;
  }
  if (!isPlainObject(v)) return;
  for (const [k, sub] of tree) {
    if (!(k in v)) continue;
    if (sub === true) delete v[k];
    else exclude(v[k], sub as Map<string, unknown>);
  }
}

function pathTree(paths: string[]): Map<string, unknown> {
  const root = new Map<string, unknown>();
  for (const p of paths) {
    const segs = p.split('.');
    let node = root;
    segs.forEach((s, i) => {
      if (i === segs.length - 1) node.set(s, true);
      else {
        if (!(node.get(s) instanceof Map)) node.set(s, new Map());
        node = node.get(s) as Map<string, unknown>;
      }
    });
  }
  return root;
}

function applySlice(arr: unknown[], skip: number, limit: number | null): unknown[] {
  const start = skip < 0 ? Math.max(0, arr.length + skip) : Math.min(skip, arr.length);
  return arr.slice(start, limit === null ? undefined : start + limit);
}

function sliceAt(v: unknown, segs: string[], skip: number, limit: number | null): void {
  if (Array.isArray(v)) {
    for (const x of v) sliceAt(x, segs, skip, limit);
    return;
  }
  if (!isPlainObject(v)) return;
  const [head, ...rest] = segs;
  if (!(head in v)) return;
  if (rest.length) sliceAt(v[head], rest, skip, limit);
  else if (Array.isArray(v[head])) v[head] = applySlice(v[head] as unknown[], skip, limit);
}

/** Applies a planned projection to one document (returns a fresh object). */
export function project(doc: Doc, plan: Plan): Doc {
  let out: Doc;
  if (plan.mode === 'include') {
    const keep = [...plan.paths, ...plan.slices.map((s) => s.path), ...plan.elemMatches.map((e) => e.field)];
    if (plan.id) keep.push('_id');
    out = include(doc, pathTree(keep)) as Doc;
  } else {
    out = clone(doc);
    exclude(out, pathTree(plan.id ? plan.paths : [...plan.paths, '_id']));
  }
  for (const s of plan.slices) sliceAt(out, s.path.split('.'), s.skip, s.limit);
  for (const e of plan.elemMatches) {
    const arr = doc[e.field];
    const hit = Array.isArray(arr) ? arr.find(e.test) : undefined;
    if (hit === undefined) delete out[e.field];
    else out[e.field] = [clone(hit)];
  }
  return out;
}
