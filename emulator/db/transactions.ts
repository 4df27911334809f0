// Why: CloudBase's transaction semantics — snapshot reads, per-document write locks, immediate conflicts between transactions, atomic commit.
//
// CloudBase documents (developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html, "快照隔离"):
//  1. reads inside a transaction return a snapshot, not the live data;
//  2. a write changes the snapshot and puts a transaction lock on the document;
//  3. with a lock present, another transaction's write fails at once (DATABASE_TRANSACTION_CONFLICT) and a
//     plain (non-transactional) write blocks until the lock is released or times out;
//  4. on commit the snapshot is written atomically.
// Transactions only support single-document operations (doc(id).get/set/update/remove, add).
// A write to a document committed by someone else after the transaction's snapshot also conflicts (CloudBase's
// own test "读偏" in TencentCloudBase/tcb-admin-node test/database/unit/transaction.test.ts; MongoDB's WriteConflict).
// Like MongoDB (which CloudBase runs on), a conflict aborts the transaction: runTransaction() retries with a new
// one on DATABASE_TRANSACTION_CONFLICT; later calls with the old id answer DATABASE_TRANSACTION_FAIL, except
// abort(), which stays idempotent so `catch { await tx.rollback() }` works. The snapshot is taken at the
// transaction's first operation (MongoDB's rule).
import { randomBytes } from 'crypto';
import { Doc, clone } from './ejson';
import { transactionConflict, transactionNotExist } from './errors';
import { Change, DocId, Store } from './store';

/**
 * "transaction must be commit or abort in 30 seconds" — the message CloudBase answers for an expired transaction
 * (recorded in TencentCloudBase/tcb-admin-node test/database/unit/transaction.test.ts).
 */
export const TRANSACTION_LIFETIME_MS = 30_000;

export interface TxWrite {
  collection: string;
  idKey: string;
  id: DocId;
  doc: Doc | null;
}

export class Transaction {
  snapshot: number | null = null;
  readonly writes = new Map<string, TxWrite>();
  timer: NodeJS.Timeout | null = null;
  constructor(readonly id: string) {}
}

export class TransactionManager {
  private readonly active = new Map<string, Transaction>();
  /** Recently finished transactions (bounded), so abort() of an already aborted one stays idempotent. */
  private readonly ended = new Map<string, 'committed' | 'aborted'>();
  private store!: Store;

  constructor(private readonly lifetimeMs = TRANSACTION_LIFETIME_MS) {}

  attach(store: Store): void {
    this.store = store;
  }

  oldestSnapshot(): number | null {
    let oldest: number | null = null;
    for (const tx of this.active.values()) if (tx.snapshot !== null && (oldest === null || tx.snapshot < oldest)) oldest = tx.snapshot;
    return oldest;
  }

  start(): string {
    const tx = new Transaction(randomBytes(16).toString('hex'));
    tx.timer = setTimeout(() => this.end(tx, 'aborted'), this.lifetimeMs);
    tx.timer.unref();
    this.active.set(tx.id, tx);
    return tx.id;
  }

  /** The open transaction, or DATABASE_TRANSACTION_FAIL (committed, aborted, expired or unknown). */
  require(id: unknown): Transaction {
    const tx = typeof id === 'string' ? this.active.get(id) : undefined;
    if (!tx) throw transactionNotExist();
    return tx;
  }

  private ensureSnapshot(tx: Transaction): number {
    if (tx.snapshot === null) tx.snapshot = this.store.seq;
    return tx.snapshot;
  }

  /** The document as this transaction sees it: its own writes over its snapshot. */
  read(tx: Transaction, collection: string, idKey: string): Doc | null {
    const own = tx.writes.get(Store.key(collection, idKey));
    if (own) return own.doc ? clone(own.doc) : null;
    const snapshot = this.ensureSnapshot(tx);
    const doc = this.store.readAt(collection, idKey, snapshot);
    return doc ? clone(doc) : null;
  }

  /** Conflict checks before a write; a conflict aborts the transaction. */
  prepareWrite(tx: Transaction, collection: string, idKey: string): void {
    const snapshot = this.ensureSnapshot(tx);
    const holder = this.store.lockHolder(collection, idKey);
    const lockedByOther = holder !== undefined && holder !== tx.id;
    if (lockedByOther || this.store.lastWriteOf(collection, idKey) > snapshot) {
      this.end(tx, 'aborted');
      throw transactionConflict();
    }
  }

  write(tx: Transaction, collection: string, idKey: string, id: DocId, doc: Doc | null): void {
    tx.writes.set(Store.key(collection, idKey), { collection, idKey, id, doc });
    this.store.lock(collection, idKey, tx.id);
  }

  /** The transaction's writes as changes against the committed state (for unique checks and commit). */
  changes(tx: Transaction, extra?: TxWrite): Change[] {
    const writes = new Map(tx.writes);
    if (extra) writes.set(Store.key(extra.collection, extra.idKey), extra);
    const out: Change[] = [];
    for (const w of writes.values()) {
      const before = this.store.get(w.collection)?.docs.get(w.idKey) ?? null;
      if (before === null && w.doc === null) continue;
      out.push({ collection: w.collection, idKey: w.idKey, id: w.id, before, after: w.doc });
    }
    return out;
  }

  async commit(id: unknown): Promise<void> {
    const tx = this.require(id);
    const changes = this.changes(tx);
    try {
      this.store.check(changes);
    } catch (e) {
      this.end(tx, 'aborted');
      throw e;
    }
    const persisted = this.store.commit(changes);
    this.end(tx, 'committed');
    await persisted;
  }

  abort(id: unknown): void {
    if (typeof id === 'string' && this.ended.get(id) === 'aborted') return;
    this.end(this.require(id), 'aborted');
  }

  abortAll(): void {
    for (const tx of [...this.active.values()]) this.end(tx, 'aborted');
  }

  private end(tx: Transaction, state: 'committed' | 'aborted'): void {
    if (!this.active.has(tx.id)) return;
    if (tx.timer) clearTimeout(tx.timer);
    this.active.delete(tx.id);
    this.ended.set(tx.id, state);
    if (this.ended.size > 1000) this.ended.delete(this.ended.keys().next().value as string);
    this.store.releaseLocks(tx.id);
    this.store.prune();
  }
}
