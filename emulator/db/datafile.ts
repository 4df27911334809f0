// Why: the on-disk encoding of documents and of the per-collection data files (nedb's row format, so older .data/ folders load as they are), plus crash-safe file replacement.
//
// A data file `<collection>.db` holds one JSON row per line: { _id, o, d } — d the document, o its insertion rank
// (natural order). Values nedb could not keep get a one-key tag: Date → {"$$date": ms} (nedb's own tag),
// RegExp → {"$$regex": [source, flags]}, ObjectId → {"$$oid": hex}, NaN/±Infinity/-0 → {"$$num": "NaN"}; an object that itself has a
// single "$$…" key is wrapped as {"$$obj": {…}}. Files written by nedb (appended updates, {$$deleted} rows,
// {$$indexCreated} rows, a torn last line) are read with nedb's rules: the last row of an _id wins.
import { promises as fs } from 'fs';
import path from 'path';
import { ObjectId } from 'bson';
import { Doc, isDate, isObjectId, isPlainObject, isRegExp } from './ejson';

export type StoredId = string | number | ObjectId;

export const DATA_SUFFIX = '.db';
/** A data file being written by a checkpoint (replaceFile); renamed over `<collection>.db` once complete and synced. */
export const TEMP_SUFFIX = '.db.tmp';
/** nedb's own compaction temp file (`<file>~`): nedb uses it when the data file itself is missing. */
export const NEDB_TEMP_SUFFIX = '.db~';

export const dataFileName = (collection: string) => `${encodeURIComponent(collection)}${DATA_SUFFIX}`;
export const collectionOfFile = (file: string) => decodeURIComponent(file.slice(0, -DATA_SUFFIX.length));

/** Map key of a stored _id: '1', 1 and an ObjectId stay distinct. */
export function storedKey(id: StoredId): string {
  if (typeof id === 'number') return `n:${id}`;
  if (typeof id === 'string') return `s:${id}`;
  return `o:${id.toHexString()}`;
}

function setOwn(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}

function encodeValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      if (Number.isFinite(v) && !Object.is(v, -0)) return v;
      return { $$num: Object.is(v, -0) ? '-0' : String(v) };
    case 'object':
      break;
    default:
      throw new Error(`cannot store a value of type ${typeof v}`);
  }
  if (Array.isArray(v)) return v.map(encodeValue);
  if (isDate(v)) {
    const t = v.getTime();
    return { $$date: Number.isFinite(t) ? t : 'invalid' };
  }
  if (isRegExp(v)) return { $$regex: [v.source, v.flags] };
  if (isObjectId(v)) return { $$oid: v.toHexString() };
  if (!isPlainObject(v)) throw new Error('cannot store a non-plain object');
  const out: Record<string, unknown> = {};
  let only: string | null = null;
  let n = 0;
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    setOwn(out, k, encodeValue(x));
    only = k;
    n += 1;
  }
  return n === 1 && only!.startsWith('$$') ? { $$obj: out } : out;
}

function decodeObject(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) setOwn(out, k, decodeValue(v[k]));
  return out;
}

/** The inverse of encodeValue, applied to JSON.parse output. */
export function decodeValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(decodeValue);
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1) {
    const x = o[keys[0]];
    switch (keys[0]) {
      case '$$date':
        return new Date(typeof x === 'number' ? x : NaN);
      case '$$num':
        return Number(x);
      case '$$regex': {
        const [source, flags] = x as [string, string];
        return new RegExp(source, flags);
      }
      case '$$oid':
        return new ObjectId(String(x));
      case '$$obj':
        return decodeObject(x as Record<string, unknown>);
      default:
    }
  }
  return decodeObject(o);
}

/** A document as the JSON text stored in data files and journal records. */
export function encodeDoc(doc: Doc): string {
  return JSON.stringify(encodeValue(doc));
}

export function decodeDoc(json: string): Doc {
  return decodeValue(JSON.parse(json)) as Doc;
}

/** An _id as JSON text. */
export const encodeId = (id: StoredId): string => JSON.stringify(encodeValue(id));

/** A decoded _id, or null if the value is not one. */
export function decodeId(v: unknown): StoredId | null {
  if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v;
  if (isPlainObject(v) && typeof v.$$oid === 'string' && Object.keys(v).length === 1) {
    try {
      return new ObjectId(v.$$oid);
    } catch {
      return null;
    }
  }
  return null;
}

/** One stored document: its _id, rank and encoded JSON text. */
export interface StoredRow {
  id: StoredId;
  o: number;
  json: string;
}

export const rowLine = (r: StoredRow) => `{"_id":${encodeId(r.id)},"o":${r.o},"d":${r.json}}\n`;

/**
 * Reads a data file's text (ours or nedb's): rows by stored key, in file order, and how many lines were unreadable
 * (nedb's append-only files may end with a torn line; nedb itself skips up to 10 % of such lines).
 */
export function parseDataFile(text: string): { rows: Map<string, StoredRow>; bad: number } {
  const rows = new Map<string, StoredRow>();
  let bad = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line);
    } catch {
      bad += 1;
      continue;
    }
    if (!isPlainObject(row)) {
      bad += 1;
      continue;
    }
    if ('$$indexCreated' in row || '$$indexRemoved' in row) continue;
    const id = decodeId(row._id);
    if (id === null) {
      bad += 1;
      continue;
    }
    const key = storedKey(id);
    if (row.$$deleted === true) {
      rows.delete(key);
      continue;
    }
    if (!isPlainObject(row.d) || typeof row.o !== 'number') {
      bad += 1;
      continue;
    }
    rows.delete(key); // a re-written row moves to the end of the file order, like nedb's last-wins
    rows.set(key, { id, o: row.o, json: JSON.stringify(row.d) });
  }
  return { rows, bad };
}

/** Rows in natural order: by rank, ties (only in files from older versions) in file order. */
export function inNaturalOrder(rows: Iterable<StoredRow>): StoredRow[] {
  return [...rows]
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.o - b.r.o || a.i - b.i)
    .map((x) => x.r);
}

/** fsync of a directory, so renames, creations and deletions in it survive a power loss (a no-op where unsupported). */
export async function fsyncDir(dir: string): Promise<void> {
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(dir, 'r');
    await fh.sync();
  } catch {
    // Windows cannot open or sync directories; renames there are durable enough for a dev emulator.
  } finally {
    await fh?.close();
  }
}

/** Writes `<name>.tmp`, fsyncs it and renames it over `name`: a reader sees the old or the new file, never a mix. */
export async function replaceFile(dir: string, name: string, text: string): Promise<void> {
  const target = path.join(dir, name);
  const temp = `${target}.tmp`;
  const fh = await fs.open(temp, 'w');
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(temp, target);
}
