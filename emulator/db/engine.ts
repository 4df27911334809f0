// Why: the DatabaseEngine — lifecycle (load, declared collections, reset, close), action dispatch, stats, and direct access for dev endpoints/tests.
import { randomBytes } from 'crypto';
import { EJSON } from 'bson';
import * as docs from './documents';
import { Doc, clone, isPlainObject } from './ejson';
import { DbError, errorBody, invalidParam, notImplemented } from './errors';
import { IndexSpec } from './indexes';
import { runFind } from './query';
import { DiskPersistence, MemoryPersistence } from './storage';
import { Store, checkCollectionName } from './store';
import { TRANSACTION_LIFETIME_MS, TransactionManager } from './transactions';

export interface CollectionSpec {
  name: string;
  indexes?: IndexSpec[];
}

export interface DatabaseOptions {
  /** 'memory' (nothing touches disk) or a directory: a data file per collection and a write-ahead journal (storage.ts). */
  data: 'memory' | string;
  /** The emulator clock; serverDate() resolves to now() + offset. */
  now?: () => Date;
  /** Declared collections and their unique indexes; other collections are created on first insert/upsert. */
  collections?: CollectionSpec[];
  /** Transaction lifetime before the server aborts it (CloudBase: 30 s). For tests only. */
  transactionLifetimeMs?: number;
}

export interface DatabaseEngine {
  /** One SDK request body → the JSON object to answer (always HTTP 200). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handle(body: any): Promise<any>;
  /** Requests per action name, e.g. { 'database.getDocument': 3 }. */
  stats(): Record<string, number>;
  resetStats(): void;
  /** Empties every collection (keeps collections and indexes) and aborts open transactions. */
  reset(): Promise<void>;
  /** Direct read (plain JS, Dates as Date); [] for an unknown collection. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  find(collection: string, query?: object): Promise<any[]>;
  /** Direct write for seeding; same checks as an SDK insert (ids generated, unique indexes enforced). */
  insert(collection: string, documents: object[]): Promise<void>;
  close(): Promise<void>;
}

type Handler = (ctx: docs.Ctx, body: docs.Body) => Promise<object>;

/**
 * Actions the node-sdk 3.18.3 / @cloudbase/database 1.4.3 sends. Anything else (e.g. the legacy
 * database.getInTransaction/updateDocInTransaction/deleteDocInTransaction of the unused transaction.js) is answered
 * NOT_IMPLEMENTED.
 */
function handlers(txm: TransactionManager): Record<string, Handler> {
  return {
    'database.getDocument': docs.getDocument,
    'database.insertDocument': docs.insertDocument,
    'database.modifyDocument': docs.modifyDocument,
    'database.modifyAndReturnDoc': docs.modifyAndReturnDoc,
    'database.removeDocument': docs.removeDocument,
    'database.calculateDocument': docs.calculateDocument,
    'database.aggregateDocuments': docs.aggregateDocuments,
    'database.addCollection': docs.addCollection,
    'database.startTransaction': async () => ({ transactionId: txm.start() }),
    'database.commitTransaction': async (_ctx, body) => {
      await txm.commit(body.transactionId);
      return {};
    },
    'database.abortTransaction': async (_ctx, body) => {
      txm.abort(body.transactionId);
      return {};
    },
  };
}

/** A 32-hex _id like CloudBase's: 8 hex per-engine prefix, 8 hex seconds (emulator clock), 16 hex counter + random. */
function idGenerator(now: () => Date): () => string {
  const prefix = randomBytes(4).toString('hex');
  let counter = randomBytes(3).readUIntBE(0, 3);
  return () => {
    counter = (counter + 1) % 0x100000000;
    const secs = (Math.floor(now().getTime() / 1000) >>> 0).toString(16).padStart(8, '0');
    return `${prefix}${secs}${counter.toString(16).padStart(8, '0')}${randomBytes(4).toString('hex')}`;
  };
}

class Engine implements DatabaseEngine {
  private readonly counts = new Map<string, number>();
  private readonly ctx: docs.Ctx;
  private readonly actions: Record<string, Handler>;
  private closed = false;
  private requestSeq = 0;

  constructor(private readonly opts: DatabaseOptions) {
    const now = opts.now ?? (() => new Date());
    const txm = new TransactionManager(opts.transactionLifetimeMs ?? TRANSACTION_LIFETIME_MS);
    const persistence = opts.data === 'memory' ? new MemoryPersistence() : new DiskPersistence(opts.data);
    const store = new Store(persistence, () => txm.oldestSnapshot());
    txm.attach(store);
    this.ctx = { store, txm, now, newId: idGenerator(now) };
    this.actions = handlers(txm);
  }

  async init(): Promise<void> {
    const { store } = this.ctx;
    for (const [name, list] of await store.persistence.loadAll()) store.load(name, list);
    for (const spec of this.opts.collections ?? []) {
      const coll = store.create(checkCollectionName(spec.name));
      for (const index of spec.indexes ?? []) coll.addIndex(index);
      await store.persistence.ensure(spec.name);
    }
  }

  private requestId(): string {
    this.requestSeq += 1;
    return `emu-${Date.now().toString(36)}-${this.requestSeq}`;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async handle(body: any): Promise<any> {
    const requestId = this.requestId();
    const action = isPlainObject(body) && typeof body.action === 'string' ? body.action : '<none>';
    this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
    try {
      if (this.closed) throw new DbError('SYS_ERR', 'the database engine is closed');
      if (!isPlainObject(body)) throw invalidParam('request body must be a JSON object');
      const handler = Object.prototype.hasOwnProperty.call(this.actions, action) ? this.actions[action] : undefined;
      if (!handler) throw notImplemented(`action ${action}`);
      const instant = this.ctx.now();
      const result = await handler({ ...this.ctx, now: () => instant }, body);
      return { requestId, ...result };
    } catch (e) {
      if (!(e instanceof DbError)) console.error('[emulator/db] unexpected error', e);
      return errorBody(e, requestId);
    }
  }

  stats(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  resetStats(): void {
    this.counts.clear();
  }

  async reset(): Promise<void> {
    this.ctx.txm.abortAll();
    await this.ctx.store.clearAll();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async find(collection: string, query: object = {}): Promise<any[]> {
    const coll = this.ctx.store.get(collection);
    if (!coll) return [];
    return runFind([...coll.docs.values()], { query: query as Record<string, unknown> }).map(clone);
  }

  async insert(collection: string, documents: object[]): Promise<void> {
    if (this.closed) throw new DbError('SYS_ERR', 'the database engine is closed');
    const data = documents.map((d) => EJSON.stringify(d as Doc, { relaxed: false }));
    await docs.insertDocument(this.ctx, { collectionName: collection, data });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.ctx.txm.abortAll();
    this.ctx.store.wakeAll();
    await this.ctx.store.persistence.close();
  }
}

export async function createDatabase(opts: DatabaseOptions): Promise<DatabaseEngine> {
  const engine = new Engine(opts);
  await engine.init();
  return engine;
}
