// Why: unique indexes (single and compound, multikey) enforced like MongoDB, checked for a whole batch before anything is applied.
import { Doc, fingerprint, isPlainObject } from './ejson';
import { duplicateWrite } from './errors';

/** An index as declared (cloudfunctions/common/db/collections.ts): keys in order with 1, -1 or '2dsphere'. */
export interface IndexSpec {
  name?: string;
  keys: Record<string, 1 | -1 | '2dsphere'>;
  unique?: boolean;
}

/** A unique index: key fingerprint → idKey of the document owning it. */
export class UniqueIndex {
  readonly name: string;
  readonly fields: string[];
  private readonly owners = new Map<string, string>();

  constructor(fields: string[]) {
    this.fields = fields;
    this.name = fields.map((f) => `${f}_1`).join('_');
  }

  /** Every index key of a document (cartesian product of the multikey values of each field). */
  keys(doc: Doc): string[] {
    let combos: unknown[][] = [[]];
    for (const f of this.fields) {
      const values = pathValues(doc, f);
      const next: unknown[][] = [];
      for (const c of combos) for (const v of values) next.push([...c, v]);
      combos = next;
    }
    return [...new Set(combos.map((c) => fingerprint(c)))];
  }

  owner(key: string): string | undefined {
    return this.owners.get(key);
  }

  remove(idKey: string, doc: Doc): void {
    for (const k of this.keys(doc)) if (this.owners.get(k) === idKey) this.owners.delete(k);
  }

  add(idKey: string, doc: Doc): void {
    for (const k of this.keys(doc)) this.owners.set(k, idKey);
  }

  clear(): void {
    this.owners.clear();
  }

  describe(doc: Doc): string {
    return `{ ${this.fields.map((f) => `${f}: ${JSON.stringify(pathValues(doc, f)[0] ?? null)}`).join(', ')} }`;
  }
}

const EMPTY_ARRAY = { $emptyArray: true };

/** Values a document holds at a dotted path, MongoDB-style: arrays fan out, missing → null, [] → its own key. */
export function pathValues(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown, segs: string[]): void => {
    if (segs.length === 0) {
      if (Array.isArray(v)) {
        if (v.length === 0) out.push(EMPTY_ARRAY);
        else for (const x of v) out.push(x === undefined ? null : x);
      } else out.push(v === undefined ? null : v);
      return;
    }
    const [head, ...rest] = segs;
    if (Array.isArray(v)) {
      if (/^\d+$/.test(head)) walk(v[Number(head)], rest);
      else if (v.length === 0) walk(undefined, rest);
      else for (const x of v) walk(isPlainObject(x) ? x[head] : undefined, rest);
      return;
    }
    walk(isPlainObject(v) ? v[head] : undefined, rest);
  };
  walk(doc, path.split('.'));
  return out.length ? out : [null];
}

export interface IndexChange {
  idKey: string;
  before: Doc | null;
  after: Doc | null;
}

/** Throws DATABASE_DUPLICATE_WRITE if applying all `changes` together would break one of `indexes`. */
export function checkUnique(collection: string, indexes: UniqueIndex[], changes: IndexChange[]): void {
  if (indexes.length === 0) return;
  const changed = new Set(changes.map((c) => c.idKey));
  for (const index of indexes) {
    const batch = new Map<string, string>();
    for (const c of changes) {
      if (!c.after) continue;
      for (const k of index.keys(c.after)) {
        const inBatch = batch.get(k);
        if (inBatch !== undefined && inBatch !== c.idKey) throw duplicateWrite(collection, index.name, index.describe(c.after));
        batch.set(k, c.idKey);
        const owner = index.owner(k);
        if (owner !== undefined && owner !== c.idKey && !changed.has(owner)) {
          throw duplicateWrite(collection, index.name, index.describe(c.after));
        }
      }
    }
  }
}

/** Applies already-checked changes to the index maps. */
export function applyToIndexes(indexes: UniqueIndex[], changes: IndexChange[]): void {
  for (const index of indexes) {
    for (const c of changes) if (c.before) index.remove(c.idKey, c.before);
    for (const c of changes) if (c.after) index.add(c.idKey, c.after);
  }
}
