// Why: the committed state (in memory, written through to Persistence), with the version history and document locks that transactions need.
import type { ObjectId } from 'bson';
import { Doc, clone, isObjectId } from './ejson';
import { collectionNotExist, duplicateWrite, invalidParam, notImplemented } from './errors';
import { checkGeoKeys } from './geo';
import { IndexChange, IndexSpec, UniqueIndex, applyToIndexes, checkUnique } from './indexes';
import { Persistence } from './storage';

export type DocId = string | number | ObjectId;

/** Map key of an _id: strings, numbers and ObjectIds never collide ('1' ≠ 1, hex string ≠ ObjectId, like MongoDB). */
export function idKeyOf(id: unknown): string {
  if (typeof id === 'string') return `s:${id}`;
  if (typeof id === 'number' && Number.isFinite(id)) return `n:${id}`;
  if (isObjectId(id)) return `o:${id.toHexString()}`;
  if (id === undefined) throw invalidParam('document has no _id');
  throw notImplemented(
    `_id values of type ${id === null ? 'null' : Array.isArray(id) ? 'array' : typeof id} (only string, number and ObjectId)`,
  );
}

// CloudBase collection names: letters, digits, '_' and '-' (console rule); kept permissive but file-safe.
const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,128}$/;

export function checkCollectionName(name: unknown): string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) throw invalidParam(`invalid collectionName ${JSON.stringify(name)}`);
  return name;
}

export class CollectionState {
  /** idKey → document, in natural (insertion) order. */
  readonly docs = new Map<string, Doc>();
  /** idKey → insertion rank, persisted so natural order survives restarts. */
  readonly ranks = new Map<string, number>();
  nextRank = 1;
  readonly indexes: UniqueIndex[] = [];
  constructor(readonly name: string) {}

  /** Every declared index (unique or not, 2dsphere included): what geo queries look for. */
  readonly declared: IndexSpec[] = [];

  addIndex(spec: IndexSpec): void {
    const fields = Object.keys(spec.keys);
    if (!fields.length) throw new Error(`index on ${this.name} needs keys`);
    if (!this.declared.some((d) => JSON.stringify(d.keys) === JSON.stringify(spec.keys))) this.declared.push(spec);
    if (!spec.unique) return; // other indexes only change performance, not results (2dsphere: see declared)
    const index = new UniqueIndex(fields);
    if (this.indexes.some((i) => i.name === index.name)) return;
    for (const [k, d] of this.docs) {
      for (const key of index.keys(d)) {
        const owner = index.owner(key);
        if (owner !== undefined && owner !== k) throw duplicateWrite(this.name, index.name, index.describe(d));
      }
      index.add(k, d);
    }
    this.indexes.push(index);
  }
}

/** One document write, as committed. */
export interface Change {
  collection: string;
  idKey: string;
  id: DocId;
  before: Doc | null;
  after: Doc | null;
}

interface Version {
  /** This version was current until the commit with this sequence number. */
  until: number;
  doc: Doc | null;
}

export class Store {
  readonly collections = new Map<string, CollectionState>();
  /** Sequence number of the last commit (any non-transactional write or transaction commit). */
  seq = 0;
  /** While snapshots are open: last commit seq per document, and the versions they replaced. */
  private readonly lastWrite = new Map<string, number>();
  private readonly history = new Map<string, Version[]>();
  /** Document locks held by open transactions: collection\0idKey → transaction id. */
  readonly locks = new Map<string, string>();
  private waiters: Array<() => void> = [];

  constructor(
    readonly persistence: Persistence,
    /** Oldest snapshot still open, or null: decides how much history to keep. */
    private readonly oldestSnapshot: () => number | null,
  ) {}

  static key(collection: string, idKey: string): string {
    return `${collection}\u0000${idKey}`;
  }

  get(name: string): CollectionState | undefined {
    return this.collections.get(name);
  }

  require(name: string): CollectionState {
    const c = this.collections.get(name);
    if (!c) throw collectionNotExist(name);
    return c;
  }

  /** Creates the collection in memory (persistence catches up via ensure/write). */
  create(name: string): CollectionState {
    let c = this.collections.get(name);
    if (!c) {
      c = new CollectionState(name);
      this.collections.set(name, c);
    }
    return c;
  }

  /** The committed document as seen by a snapshot taken at `snapshot`. */
  readAt(collection: string, idKey: string, snapshot: number): Doc | null {
    const k = Store.key(collection, idKey);
    const last = this.lastWrite.get(k);
    if (last === undefined || last <= snapshot) return this.get(collection)?.docs.get(idKey) ?? null;
    for (const v of this.history.get(k) ?? []) if (v.until > snapshot) return v.doc;
    return this.get(collection)?.docs.get(idKey) ?? null;
  }

  /** Sequence number of the last commit that touched the document (0 if unknown: older than every open snapshot). */
  lastWriteOf(collection: string, idKey: string): number {
    return this.lastWrite.get(Store.key(collection, idKey)) ?? 0;
  }

  /** Throws DATABASE_DUPLICATE_WRITE if the changes would break _id uniqueness or a unique index. */
  check(changes: Change[]): void {
    const byCollection = new Map<string, Change[]>();
    for (const c of changes) {
      const list = byCollection.get(c.collection) ?? [];
      list.push(c);
      byCollection.set(c.collection, list);
    }
    for (const [name, list] of byCollection) {
      const coll = this.get(name);
      const seen = new Set<string>();
      for (const c of list) {
        if (seen.has(c.idKey)) throw duplicateWrite(name, '_id_', `{ _id: ${JSON.stringify(c.id)} }`);
        seen.add(c.idKey);
        if (c.before === null && c.after !== null && coll?.docs.has(c.idKey)) {
          throw duplicateWrite(name, '_id_', `{ _id: ${JSON.stringify(c.id)} }`);
        }
      }
      if (coll) checkUnique(name, coll.indexes, list as IndexChange[]);
      // A 2dsphere index refuses a document whose indexed field holds something other than geometry (geo.ts).
      if (coll) for (const c of list) if (c.after) checkGeoKeys(name, coll.declared, c.after);
    }
  }

  /** Applies checked changes atomically (synchronously) and returns the promise of their persistence. */
  commit(changes: Change[]): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    this.seq += 1;
    const tracking = this.oldestSnapshot() !== null;
    const byCollection = new Map<string, Change[]>();
    for (const c of changes) {
      const coll = this.create(c.collection);
      if (tracking) {
        const k = Store.key(c.collection, c.idKey);
        this.lastWrite.set(k, this.seq);
        const versions = this.history.get(k) ?? [];
        versions.push({ until: this.seq, doc: c.before });
        this.history.set(k, versions);
      }
      if (c.after) {
        coll.docs.set(c.idKey, c.after);
        if (!coll.ranks.has(c.idKey)) coll.ranks.set(c.idKey, coll.nextRank++);
      } else {
        coll.docs.delete(c.idKey);
      }
      const list = byCollection.get(c.collection) ?? [];
      list.push(c);
      byCollection.set(c.collection, list);
    }
    for (const [name, list] of byCollection) applyToIndexes(this.get(name)!.indexes, list);
    const stored = changes.map((c) => {
      const coll = this.get(c.collection)!;
      const order = coll.ranks.get(c.idKey) ?? 0;
      if (!c.after) coll.ranks.delete(c.idKey);
      return { collection: c.collection, id: c.id, after: c.after, order };
    });
    return this.persistence.write(stored);
  }

  /** Drops history no open snapshot can see any more. */
  prune(): void {
    const oldest = this.oldestSnapshot();
    if (oldest === null) {
      this.lastWrite.clear();
      this.history.clear();
      return;
    }
    for (const [k, seq] of this.lastWrite) if (seq <= oldest) this.lastWrite.delete(k);
    for (const [k, versions] of this.history) {
      const kept = versions.filter((v) => v.until > oldest);
      if (kept.length) this.history.set(k, kept);
      else this.history.delete(k);
    }
  }

  lock(collection: string, idKey: string, txId: string): void {
    this.locks.set(Store.key(collection, idKey), txId);
  }

  lockHolder(collection: string, idKey: string): string | undefined {
    return this.locks.get(Store.key(collection, idKey));
  }

  releaseLocks(txId: string): void {
    for (const [k, holder] of this.locks) if (holder === txId) this.locks.delete(k);
    this.wakeAll();
  }

  /** Resolves at the next lock release (or when the engine closes). */
  waitForRelease(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Committed documents of a collection, copied (for reads that hand documents out). */
  snapshotDocs(name: string): Doc[] {
    const c = this.get(name);
    return c ? [...c.docs.values()].map(clone) : [];
  }

  /** Empties every collection (keeps collections and their indexes). */
  async clearAll(): Promise<void> {
    for (const c of this.collections.values()) {
      c.docs.clear();
      c.ranks.clear();
      c.nextRank = 1;
      for (const i of c.indexes) i.clear();
    }
    this.lastWrite.clear();
    this.history.clear();
    await Promise.all([...this.collections.keys()].map((n) => this.persistence.clear(n)));
  }

  /** Loads persisted documents (startup). */
  load(name: string, docs: Doc[]): void {
    const c = this.create(name);
    for (const d of docs) {
      const k = idKeyOf(d._id);
      c.docs.set(k, d);
      c.ranks.set(k, c.nextRank++);
    }
  }
}
