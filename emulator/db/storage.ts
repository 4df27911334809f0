// Why: durability only — the engine keeps the authoritative data in memory; DiskPersistence puts each commit on disk atomically (write-ahead journal, folded into per-collection data files), MemoryPersistence keeps nothing (tests).
//
// On disk (the data directory):
//   <collection>.db        the collection as of the last checkpoint: one row { _id, o, d } per line (datafile.ts;
//                          nedb's format, so folders written by the earlier nedb persistence load unchanged)
//   journal.<n>.wal        every commit since, one checksummed record per commit (journal.ts)
// A commit — one non-transactional write or a whole transaction, all collections it touches — is a single journal
// record, appended and fdatasync'd before write() resolves (and so before the SDK call is answered). Commits that
// arrive while an fsync is under way are appended together and share the next fsync (group commit).
// Startup loads the data files, replays the journals up to the first torn/damaged record, and folds the result
// into the data files. A checkpoint (journal over checkpointBytes, every checkpointIntervalMs, on close) starts a
// new journal generation, writes each changed collection to `<collection>.db.tmp`, fsyncs it, renames it over the
// data file, fsyncs the directory, then deletes the older journals. Records hold whole documents (put/delete/clear),
// so replaying a journal over data files that already contain it changes nothing: a crash at any point of a
// checkpoint leaves data files + remaining journals that replay to exactly the acknowledged state.
// `emulator.lock` (the owner's pid) keeps a second emulator off a folder in use.
import { promises as fs } from 'fs';
import path from 'path';
import { Doc } from './ejson';
import {
  DATA_SUFFIX,
  NEDB_TEMP_SUFFIX,
  StoredId,
  StoredRow,
  TEMP_SUFFIX,
  collectionOfFile,
  dataFileName,
  decodeDoc,
  decodeId,
  encodeDoc,
  encodeId,
  fsyncDir,
  inNaturalOrder,
  parseDataFile,
  replaceFile,
  rowLine,
  storedKey,
} from './datafile';
import { JournalFile, frameRecord, journalFileName, journalGeneration, readJournal, removeJournals } from './journal';

export interface StoredChange {
  collection: string;
  id: StoredId;
  /** The new document, or null when it was removed. */
  after: Doc | null;
  /**
   * Insertion rank of the document in its collection (natural order). DiskPersistence keeps its own ranks by the
   * same rule (a new document goes last, an update keeps its place), so they stay right across restarts.
   */
  order: number;
}

export interface Persistence {
  /** Every persisted collection with its documents in natural order (empty for memory). Called once, first. */
  loadAll(): Promise<Map<string, Doc[]>>;
  /** Makes sure a collection exists on disk (a declared or newly created collection). */
  ensure(collection: string): Promise<void>;
  /** Writes one commit (its changes in order); resolves once it is durable. A crash keeps all of it or none. */
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

/** One operation of a journal record: put a document, delete one, clear a collection, ensure a collection exists. */
type Op =
  | { t: 'p'; c: string; key: string; id: StoredId; o: number; json: string }
  | { t: 'd'; c: string; key: string; id: StoredId }
  | { t: 'x' | 'e'; c: string };

function opJson(op: Op): string {
  const c = JSON.stringify(op.c);
  if (op.t === 'p') return `["p",${c},${encodeId(op.id)},${op.o},${op.json}]`;
  if (op.t === 'd') return `["d",${c},${encodeId(op.id)}]`;
  return `["${op.t}",${c}]`;
}

/** The operations of one record's payload; throws if it is not one this file wrote. */
function parseOps(payload: string): Op[] {
  const list: unknown = JSON.parse(payload);
  if (!Array.isArray(list)) throw new Error('journal record is not a list');
  return list.map((a: unknown): Op => {
    if (!Array.isArray(a) || typeof a[1] !== 'string') throw new Error('bad journal operation');
    const [t, c] = a as [unknown, string];
    const id = t === 'p' || t === 'd' ? decodeId(a[2]) : null;
    if ((t === 'p' || t === 'd') && id !== null) {
      if (t === 'd') return { t, c, key: storedKey(id), id };
      if (typeof a[3] === 'number' && a[4] !== null && typeof a[4] === 'object') {
        return { t, c, key: storedKey(id), id, o: a[3], json: JSON.stringify(a[4]) };
      }
    }
    if (t === 'x' || t === 'e') return { t, c };
    throw new Error(`bad journal operation ${JSON.stringify(a).slice(0, 80)}`);
  });
}

interface Pending {
  frame: Buffer;
  ops: Op[];
  resolve(): void;
  reject(e: unknown): void;
}

export interface DiskPersistenceOptions {
  /** Journal size that starts a checkpoint (default: EMULATOR_CHECKPOINT_BYTES, else 4 MiB). */
  checkpointBytes?: number;
  /** A non-empty journal is checkpointed at least this often (default 30 s). */
  checkpointIntervalMs?: number;
}

const DEFAULT_CHECKPOINT_BYTES = 4 * 1024 * 1024;
const LOCK_FILE = 'emulator.lock';
/** Data folders this process has open (a lock file with our own pid is stale unless listed here). */
const openFolders = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process. A second emulator on the same folder would fold (and delete) the
 * journal the first one is still appending to, losing what the first acknowledges afterwards. The lock of a
 * process that is gone (kill -9) is taken over.
 */
async function lockFolder(dir: string): Promise<void> {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(file, String(process.pid), { flag: 'wx' });
      openFolders.add(path.resolve(dir));
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const pid = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
    const inUse = pid === process.pid ? openFolders.has(path.resolve(dir)) : Number.isInteger(pid) && pid > 0 && isAlive(pid);
    if (inUse)
      throw new Error(
        `the data folder ${dir} is in use by process ${pid} (another emulator?); stop it, or delete ${file} if that process is not an emulator`,
      );
    await fs.rm(file, { force: true });
  }
  throw new Error(`could not lock the data folder ${dir}`);
}

async function unlockFolder(dir: string): Promise<void> {
  openFolders.delete(path.resolve(dir));
  await fs.rm(path.join(dir, LOCK_FILE), { force: true });
}

function defaultCheckpointBytes(): number {
  const env = Number(process.env.EMULATOR_CHECKPOINT_BYTES);
  return Number.isFinite(env) && env > 0 ? env : DEFAULT_CHECKPOINT_BYTES;
}

export class DiskPersistence implements Persistence {
  /** The durable state (data files + every fsync'd record), documents as encoded JSON: what checkpoints write. */
  private readonly image = new Map<string, Map<string, StoredRow>>();
  /** Collections whose durable state changed since the last checkpoint took its snapshot. */
  private readonly dirty = new Set<string>();
  /** Ranks as of the last write() call: ahead of `image` while records wait for their fsync. */
  private readonly ranks = new Map<string, { next: number; of: Map<string, number> }>();
  private queue: Pending[] = [];
  /** True from the first queued record until the queue is empty again (appends happen only inside pump()). */
  private pumping = false;
  private idleWaiters: Array<() => void> = [];
  private journal: JournalFile | null = null;
  /** Generation of the journal the next append goes to. */
  private generation = 1;
  private checkpointing: Promise<void> | null = null;
  private checkpointWanted = false;
  private failure: unknown = null;
  private state: 'new' | 'open' | 'closing' | 'closed' = 'new';
  private closing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private locked = false;
  private readonly checkpointBytes: number;
  private readonly checkpointIntervalMs: number;

  constructor(
    private readonly dir: string,
    opts: DiskPersistenceOptions = {},
  ) {
    this.checkpointBytes = opts.checkpointBytes ?? defaultCheckpointBytes();
    this.checkpointIntervalMs = opts.checkpointIntervalMs ?? 30_000;
  }

  async loadAll(): Promise<Map<string, Doc[]>> {
    if (this.state !== 'new') throw new Error('loadAll() runs once, before any other call');
    await fs.mkdir(this.dir, { recursive: true });
    await lockFolder(this.dir);
    this.locked = true;
    try {
      return await this.load();
    } catch (e) {
      this.locked = false;
      await unlockFolder(this.dir);
      throw e;
    }
  }

  private async load(): Promise<Map<string, Doc[]>> {
    const before = await fs.readdir(this.dir);
    for (const f of before) {
      // An interrupted checkpoint: its journal is still there, so the half-written file is not needed.
      if (f.endsWith(TEMP_SUFFIX)) await fs.rm(path.join(this.dir, f), { force: true });
      // nedb's interrupted compaction (older data folders): nedb itself then loads `<file>~`.
      else if (f.endsWith(NEDB_TEMP_SUFFIX) && !before.includes(f.slice(0, -1))) {
        await fs.rename(path.join(this.dir, f), path.join(this.dir, f.slice(0, -1)));
      }
    }
    const files = (await fs.readdir(this.dir)).sort();
    for (const f of files) {
      if (!f.endsWith(DATA_SUFFIX)) continue;
      const { rows, bad } = parseDataFile(await fs.readFile(path.join(this.dir, f), 'utf8'));
      if (bad) console.warn(`[emulator/db] ${f}: skipped ${bad} unreadable line(s)`);
      this.image.set(collectionOfFile(f), rows);
    }
    const generations = files.map(journalGeneration).filter((g): g is number => g !== null);
    generations.sort((a, b) => a - b);
    await this.replay(generations);
    for (const [name, rows] of this.image) {
      let next = 1;
      const of = new Map<string, number>();
      for (const [key, r] of rows) {
        of.set(key, r.o);
        if (r.o >= next) next = Math.floor(r.o) + 1;
      }
      this.ranks.set(name, { next, of });
    }
    this.state = 'open';
    if (generations.length) {
      // Fold what was replayed into the data files, so the next journal starts empty and clean.
      this.generation = generations[generations.length - 1];
      await this.beginCheckpoint();
    }
    this.timer = setInterval(() => {
      if (this.journal && this.journal.bytes > 0) this.requestCheckpoint();
    }, this.checkpointIntervalMs);
    this.timer.unref();
    const out = new Map<string, Doc[]>();
    for (const name of [...this.image.keys()].sort())
      out.set(
        name,
        inNaturalOrder(this.image.get(name)!.values()).map((r) => decodeDoc(r.json)),
      );
    return out;
  }

  /** Applies the journals in order, up to the first torn or damaged record (later ones are kept aside). */
  private async replay(generations: number[]): Promise<void> {
    for (let i = 0; i < generations.length; i++) {
      const file = path.join(this.dir, journalFileName(generations[i]));
      const contents = await readJournal(file);
      let end = contents.end;
      let applied = 0;
      for (const payload of contents.payloads) {
        let ops: Op[];
        try {
          ops = parseOps(payload);
        } catch {
          end = 'damaged';
          break;
        }
        for (const op of ops) this.apply(op);
        applied += 1;
      }
      const last = i === generations.length - 1;
      if (end === 'clean') continue;
      if (end === 'torn' && last) {
        console.warn(`[emulator/db] ${path.basename(file)}: dropped an incomplete last record (a commit that was never acknowledged)`);
        return;
      }
      // Not just an interrupted append: keep copies of this journal and the later ones for inspection.
      const kept: string[] = [];
      for (const g of generations.slice(i)) {
        const f = path.join(this.dir, journalFileName(g));
        await fs.copyFile(f, `${f}.damaged-${Date.now()}`);
        kept.push(path.basename(f));
      }
      console.error(
        `[emulator/db] ${path.basename(file)} is damaged after record ${applied}: later commits are not loaded (copies kept of ${kept.join(', ')})`,
      );
      return;
    }
  }

  private apply(op: Op): void {
    let rows = this.image.get(op.c);
    if (!rows) {
      rows = new Map();
      this.image.set(op.c, rows);
    }
    if (op.t === 'p') rows.set(op.key, { id: op.id, o: op.o, json: op.json });
    else if (op.t === 'd') rows.delete(op.key);
    else if (op.t === 'x') rows.clear();
    this.dirty.add(op.c);
  }

  private rankState(collection: string): { next: number; of: Map<string, number> } {
    let r = this.ranks.get(collection);
    if (!r) {
      r = { next: 1, of: new Map() };
      this.ranks.set(collection, r);
    }
    return r;
  }

  async ensure(collection: string): Promise<void> {
    if (this.ranks.has(collection)) return;
    this.rankState(collection);
    await this.submit([{ t: 'e', c: collection }]);
  }

  write(changes: StoredChange[]): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    let encoded: Array<string | null>;
    try {
      encoded = changes.map((ch) => (ch.after ? encodeDoc(ch.after) : null));
    } catch (e) {
      return Promise.reject(e);
    }
    const ops = changes.map((ch, i): Op => {
      const key = storedKey(ch.id);
      const r = this.rankState(ch.collection);
      const json = encoded[i];
      if (json === null) {
        r.of.delete(key);
        return { t: 'd', c: ch.collection, key, id: ch.id };
      }
      let o = r.of.get(key);
      if (o === undefined) {
        o = r.next++;
        r.of.set(key, o);
      }
      return { t: 'p', c: ch.collection, key, id: ch.id, o, json };
    });
    return this.submit(ops);
  }

  async clear(collection: string): Promise<void> {
    this.rankState(collection).of.clear();
    await this.submit([{ t: 'x', c: collection }]);
  }

  /** Queues one record; the pump appends everything queued so far with one write and one fsync. */
  private submit(ops: Op[]): Promise<void> {
    if (this.state === 'new') return Promise.reject(new Error('the database files are not loaded yet'));
    if (this.state === 'closed') return Promise.reject(new Error('the database files are closed'));
    if (this.failure) return Promise.reject(this.failure);
    const frame = frameRecord(`[${ops.map(opJson).join(',')}]`);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ frame, ops, resolve, reject });
      if (!this.pumping) {
        this.pumping = true;
        // Started after the current job, so records queued in the same tick share the first write.
        queueMicrotask(() => void this.pump());
      }
    });
  }

  private async pump(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue;
      this.queue = [];
      let journal: JournalFile;
      try {
        if (this.failure) throw this.failure;
        journal = this.journal ??= await JournalFile.create(this.dir, this.generation);
        await journal.append(batch.length === 1 ? batch[0].frame : Buffer.concat(batch.map((p) => p.frame)));
      } catch (e) {
        if (!this.failure) console.error('[emulator/db] journal write failed; later writes are refused until restart', e);
        this.failure ??= e;
        for (const p of batch) p.reject(e);
        continue;
      }
      for (const p of batch) for (const op of p.ops) this.apply(op);
      for (const p of batch) p.resolve();
      if (journal.bytes >= this.checkpointBytes) this.checkpointWanted = true;
      this.maybeCheckpoint(); // between appends: the only safe moment to switch journals
    }
    this.pumping = false;
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private requestCheckpoint(): void {
    this.checkpointWanted = true;
    if (!this.pumping) this.maybeCheckpoint(); // else the pump starts it after its current append
  }

  /** Starts a background checkpoint if one is wanted and none runs. Never call it while an append is under way. */
  private maybeCheckpoint(): void {
    if (!this.checkpointWanted || this.checkpointing || this.state !== 'open') return;
    this.checkpointWanted = false;
    this.beginCheckpoint().catch((e: unknown) => console.error('[emulator/db] checkpoint failed (the journal still holds the data)', e));
  }

  /**
   * Switches to a new journal generation and snapshots the changed collections synchronously (so appends can go
   * on meanwhile), then writes their data files and deletes the journals the snapshot covers.
   */
  private beginCheckpoint(): Promise<void> {
    const old = this.journal;
    this.journal = null;
    const upTo = this.generation;
    this.generation += 1;
    const snapshot = [...this.dirty].map((c) => ({ c, name: dataFileName(c), text: this.fileText(c) }));
    this.dirty.clear();
    const work = (async () => {
      await old?.close();
      for (const s of snapshot) await replaceFile(this.dir, s.name, s.text);
      if (snapshot.length) await fsyncDir(this.dir);
      await removeJournals(this.dir, upTo);
    })();
    const done = work.then(
      () => {
        this.checkpointing = null;
        if (!this.pumping) this.maybeCheckpoint();
      },
      (e: unknown) => {
        this.checkpointing = null;
        for (const s of snapshot) this.dirty.add(s.c);
        throw e;
      },
    );
    this.checkpointing = done;
    return done;
  }

  private fileText(collection: string): string {
    return inNaturalOrder(this.image.get(collection)?.values() ?? [])
      .map(rowLine)
      .join('');
  }

  private async whenIdle(): Promise<void> {
    while (this.pumping) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Waits for queued commits, then folds the journal into the data files: a cleanly closed folder has only data files. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closing = (async () => {
      if (this.timer) clearInterval(this.timer);
      if (this.state === 'new') {
        this.state = 'closed';
        return;
      }
      this.state = 'closing';
      await this.whenIdle();
      this.state = 'closed';
      while (this.checkpointing) await this.checkpointing.catch(() => undefined);
      await this.beginCheckpoint();
      if (this.locked) await unlockFolder(this.dir);
    })();
    return this.closing;
  }

  /** Closes the journal without a checkpoint, leaving the files as a crash right now would (tests). */
  async abandon(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.closing ??= Promise.resolve();
    this.state = 'closed';
    await this.whenIdle();
    while (this.checkpointing) await this.checkpointing.catch(() => undefined);
    await this.journal?.close();
    this.journal = null;
    // A crashed process leaves its lock behind too, but a dead pid's lock is taken over anyway; this one is alive.
    if (this.locked) await unlockFolder(this.dir);
  }
}
