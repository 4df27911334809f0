// Why: durability only — the engine keeps the authoritative data in memory; this writes it through to one nedb file per collection (or nowhere for 'memory').
//
// Each nedb row is { _id, o, d }: d is the document, o its insertion rank, so natural order
// (MongoDB's insertion order for un-sorted reads) survives a restart; nedb alone would reload by _id.
import { promises as fs } from 'fs';
import path from 'path';
import Datastore from '@seald-io/nedb';
import { Doc } from './ejson';

export interface StoredChange {
  collection: string;
  id: string | number;
  /** The new document, or null when it was removed. */
  after: Doc | null;
  /** Insertion rank of the document in its collection (natural order). */
  order: number;
}

interface Row {
  _id: string | number;
  o: number;
  d: Doc;
}

export interface Persistence {
  /** Every persisted collection with its documents in natural order (empty for memory). */
  loadAll(): Promise<Map<string, Doc[]>>;
  /** Makes sure a collection exists on disk (a declared or newly created collection). */
  ensure(collection: string): Promise<void>;
  /** Writes changes in call order; resolves once they are on disk. */
  write(changes: StoredChange[]): Promise<void>;
  /** Removes every document of the collection. */
  clear(collection: string): Promise<void>;
  close(): Promise<void>;
}

export class MemoryPersistence implements Persistence {
  async loadAll(): Promise<Map<string, Doc[]>> {
    return new Map();
  }
  async ensure(): Promise<void> {}
  async write(): Promise<void> {}
  async clear(): Promise<void> {}
  async close(): Promise<void> {}
}

const SUFFIX = '.db';
const fileFor = (dir: string, collection: string) => path.join(dir, `${encodeURIComponent(collection)}${SUFFIX}`);

export class NedbPersistence implements Persistence {
  private readonly stores = new Map<string, Promise<Datastore<Row>>>();

  constructor(private readonly dir: string) {}

  private store(collection: string): Promise<Datastore<Row>> {
    let s = this.stores.get(collection);
    if (!s) {
      const ds = new Datastore<Row>({ filename: fileFor(this.dir, collection) });
      s = ds.loadDatabaseAsync().then(() => ds);
      this.stores.set(collection, s);
    }
    return s;
  }

  async loadAll(): Promise<Map<string, Doc[]>> {
    await fs.mkdir(this.dir, { recursive: true });
    const out = new Map<string, Doc[]>();
    for (const file of (await fs.readdir(this.dir)).sort()) {
      if (!file.endsWith(SUFFIX)) continue;
      const name = decodeURIComponent(file.slice(0, -SUFFIX.length));
      const ds = await this.store(name);
      const rows = (await ds.findAsync({})) as Row[];
      out.set(name, rows.sort((a, b) => a.o - b.o).map((r) => r.d));
    }
    return out;
  }

  async ensure(collection: string): Promise<void> {
    await this.store(collection);
  }

  async write(changes: StoredChange[]): Promise<void> {
    const pending: Promise<unknown>[] = [];
    for (const c of changes) {
      // Chained on the store promise in call order; nedb's executor then keeps that order per file.
      pending.push(
        this.store(c.collection).then(async (ds): Promise<void> => {
          if (c.after) await ds.updateAsync({ _id: c.id }, { _id: c.id, o: c.order, d: c.after }, { upsert: true });
          else await ds.removeAsync({ _id: c.id }, { multi: false });
        }),
      );
    }
    await Promise.all(pending);
  }

  async clear(collection: string): Promise<void> {
    const ds = await this.store(collection);
    await ds.removeAsync({}, { multi: true });
    await ds.compactDatafileAsync();
  }

  async close(): Promise<void> {
    for (const s of this.stores.values()) {
      const ds = await s;
      await ds.compactDatafileAsync();
    }
    this.stores.clear();
  }
}
