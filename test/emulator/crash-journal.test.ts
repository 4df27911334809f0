// Why: the write-ahead journal and checkpoints of the emulator's disk persistence, in process: torn records, crashes at every step of a checkpoint, group commit, older nedb folders.
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import Datastore from '@seald-io/nedb';
import { ObjectId } from 'bson';
import { createDatabase } from '../../emulator/db';
import { decodeDoc, encodeDoc } from '../../emulator/db/datafile';
import type { Doc } from '../../emulator/db/ejson';
import { JournalFile, frameRecord, parseJournal } from '../../emulator/db/journal';
import { DiskPersistence, type StoredChange } from '../../emulator/db/storage';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'emu-journal-'));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

const put = (collection: string, doc: Doc): StoredChange => ({ collection, id: doc._id as string, after: doc, order: 0 });
const del = (collection: string, id: string): StoredChange => ({ collection, id, after: null, order: 0 });

/** One "registration": three documents in three collections, committed as one transaction. */
const registration = (i: number): StoredChange[] => [
  put('volunteers', { _id: `v${i}`, name: `志愿者${i}`, at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) }),
  put('memberships', { _id: `m${i}`, openid: `v${i}` }),
  put('sms_codes', { _id: `c${i}`, used: true }),
];

async function open(): Promise<{ p: DiskPersistence; data: Map<string, Doc[]> }> {
  const p = new DiskPersistence(dir);
  return { p, data: await p.loadAll() };
}

const ids = (data: Map<string, Doc[]>, collection: string) => (data.get(collection) ?? []).map((d) => d._id);
const files = async () => (await fs.readdir(dir)).sort();

describe('journal records', () => {
  const payloads = ['["a"]', '["b",{"x":"多字节"}]', '["c",1,2,3]'];
  const whole = Buffer.concat(payloads.map(frameRecord));
  const lastStart = whole.length - frameRecord(payloads[2]).length;

  it('reads back what was framed', () => {
    expect(parseJournal(whole)).toEqual({ payloads, validBytes: whole.length, end: 'clean' });
  });

  it('drops a last record cut at any byte, keeping the ones before it', () => {
    for (let cut = lastStart + 1; cut < whole.length; cut++) {
      expect(parseJournal(whole.subarray(0, cut))).toEqual({ payloads: payloads.slice(0, 2), validBytes: lastStart, end: 'torn' });
    }
    expect(parseJournal(whole.subarray(0, lastStart))).toEqual({ payloads: payloads.slice(0, 2), validBytes: lastStart, end: 'clean' });
  });

  it('drops a last record whose bytes changed (checksum), and stops at a damaged record in the middle', () => {
    const badLast = Buffer.from(whole);
    badLast[whole.length - 3] ^= 1;
    expect(parseJournal(badLast)).toMatchObject({ payloads: payloads.slice(0, 2), end: 'torn' });
    const badMiddle = Buffer.from(whole);
    badMiddle[12] ^= 1;
    expect(parseJournal(badMiddle)).toEqual({ payloads: [], validBytes: 0, end: 'damaged' });
  });
});

describe('disk persistence', () => {
  it('replays the journal after a crash and drops a torn last transaction whole', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = await open();
    for (let i = 1; i <= 3; i++) await first.p.write(registration(i));
    await first.p.abandon(); // kill -9 now: no checkpoint
    expect(await files()).toEqual(['journal.1.wal']);

    // The last record (registration 3) loses its tail, as when the process dies inside the append.
    const journal = path.join(dir, 'journal.1.wal');
    const size = (await fs.stat(journal)).size;
    await fs.truncate(journal, size - 40);

    const second = await open();
    for (const c of ['volunteers', 'memberships', 'sms_codes']) expect(ids(second.data, c)).toHaveLength(2);
    expect(second.data.get('volunteers')).toEqual([
      { _id: 'v1', name: '志愿者1', at: new Date(Date.UTC(2026, 0, 1, 0, 0, 1)) },
      { _id: 'v2', name: '志愿者2', at: new Date(Date.UTC(2026, 0, 1, 0, 0, 2)) },
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('dropped an incomplete last record'));
    // Startup folded the journal into the data files: the torn bytes cannot swallow the next record.
    expect(await files()).toEqual(['emulator.lock', 'memberships.db', 'sms_codes.db', 'volunteers.db']);
    await second.p.write(registration(4));
    await second.p.abandon();

    const third = await open();
    expect(ids(third.data, 'volunteers')).toEqual(['v1', 'v2', 'v4']);
    expect(ids(third.data, 'sms_codes')).toEqual(['c1', 'c2', 'c4']);
    await third.p.close();
    expect(await files()).toEqual(['memberships.db', 'sms_codes.db', 'volunteers.db']);
  });

  it('stops at a damaged record in the middle and keeps a copy of the journal', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const first = await open();
    for (let i = 1; i <= 3; i++) await first.p.write(registration(i));
    await first.p.abandon();
    const journal = path.join(dir, 'journal.1.wal');
    const bytes = await fs.readFile(journal);
    const secondRecord = bytes.indexOf(0x0a) + 1;
    bytes[secondRecord + 20] ^= 1;
    await fs.writeFile(journal, bytes);

    const second = await open();
    expect(ids(second.data, 'volunteers')).toEqual(['v1']);
    expect(ids(second.data, 'sms_codes')).toEqual(['c1']);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('journal.1.wal is damaged after record 1'));
    expect((await files()).some((f) => f.startsWith('journal.1.wal.damaged-'))).toBe(true);
    await second.p.close();
  });

  it('a crash at any point of a checkpoint loads the same state (replay over newer data files changes nothing)', async () => {
    // S0 on disk as data files; S1 = S0 + a journal of commits touching every collection.
    const zero = await open();
    for (let i = 1; i <= 2; i++) await zero.p.write(registration(i));
    await zero.p.write([put('extra', { _id: 'e1', n: 1 })]);
    await zero.p.close();
    const s0 = await snapshotFiles();

    const one = await open();
    await one.p.write([del('volunteers', 'v1'), del('memberships', 'm1'), put('sms_codes', { _id: 'c1', used: false })]);
    await one.p.write(registration(3));
    await one.p.write([put('volunteers', { _id: 'v2', name: 'renamed', at: new Date(7) }), put('extra', { _id: 'e0', n: 0 })]);
    await one.p.clear('extra');
    await one.p.write([put('extra', { _id: 'e2', n: 2 })]);
    await one.p.abandon();
    const crashed = await snapshotFiles();
    expect(Object.keys(crashed).sort()).toEqual(['extra.db', 'journal.1.wal', 'memberships.db', 'sms_codes.db', 'volunteers.db']);

    const folded = await open();
    const expected = folded.data;
    expect(ids(expected, 'volunteers')).toEqual(['v2', 'v3']);
    expect(expected.get('sms_codes')).toEqual([
      { _id: 'c1', used: false },
      { _id: 'c2', used: true },
      { _id: 'c3', used: true },
    ]);
    expect(ids(expected, 'extra')).toEqual(['e2']);
    await folded.p.close();
    const s1 = await snapshotFiles();

    // Every mix of renamed (S1) and not yet renamed (S0) data files, with the journal not yet deleted.
    const collections = ['extra', 'memberships', 'sms_codes', 'volunteers'];
    for (let mask = 0; mask < 1 << collections.length; mask++) {
      await fs.rm(dir, { recursive: true, force: true });
      await fs.mkdir(dir);
      await fs.writeFile(path.join(dir, 'journal.1.wal'), crashed['journal.1.wal']);
      for (const [i, c] of collections.entries()) await fs.writeFile(path.join(dir, `${c}.db`), (mask & (1 << i) ? s1 : s0)[`${c}.db`]);
      // A half-written temp file of the interrupted checkpoint is ignored too.
      await fs.writeFile(path.join(dir, 'volunteers.db.tmp'), '{"_id":"v9","o":1,"d":{"_id":"v');
      const again = await open();
      expect(again.data).toEqual(expected);
      await again.p.close();
    }
  });

  it('groups concurrent commits into few fsyncs, and checkpoints while writes go on', async () => {
    const append = jest.spyOn(JournalFile.prototype, 'append');
    const p = new DiskPersistence(dir, { checkpointBytes: 2000 });
    await p.loadAll();
    await Promise.all(Array.from({ length: 300 }, (_, i) => p.write(registration(i))));
    expect(append.mock.calls.length).toBeLessThan(60);
    await p.abandon();
    expect((await files()).filter((f) => f.endsWith('.db'))).toEqual(['memberships.db', 'sms_codes.db', 'volunteers.db']); // checkpoints ran
    const { p: p2, data } = await open();
    expect(ids(data, 'volunteers')).toEqual(Array.from({ length: 300 }, (_, i) => `v${i}`));
    expect(ids(data, 'sms_codes')).toHaveLength(300);
    await p2.close();
  });

  it('refuses a data folder another live process has open, and takes over the lock of a dead one', async () => {
    const first = await open();
    await expect(new DiskPersistence(dir).loadAll()).rejects.toThrow(/is in use by process/);
    await first.p.close();
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await new Promise((resolve) => other.once('spawn', resolve));
    await fs.writeFile(path.join(dir, 'emulator.lock'), String(other.pid));
    await expect(new DiskPersistence(dir).loadAll()).rejects.toThrow(`in use by process ${other.pid}`);
    other.kill('SIGKILL');
    await new Promise((resolve) => other.once('exit', resolve));
    const { p } = await open(); // the lock of a dead process
    await p.close();
    expect(await files()).toEqual([]);
  });

  it('keeps every stored value type exactly', async () => {
    const doc: Doc = {
      _id: 'x',
      date: new Date('2026-03-04T05:06:07.089Z'),
      re: /a.b/imsu,
      nums: [1, 1.5, -0, NaN, Infinity, -Infinity, 2 ** 53 - 1],
      nested: { deep: [{ a: null, b: true, s: 'line\nbreak "quoted" 多字节' }] },
      lookalike: { $$date: 5 },
      tag: { $$obj: { $$num: 'x' } },
      oid: new ObjectId('5b2509efdc9c81268a7348d3'),
      empty: {},
    };
    expect(decodeDoc(encodeDoc(doc))).toEqual(doc);
    expect(Object.is((decodeDoc(encodeDoc(doc)).nums as number[])[2], -0)).toBe(true);
    expect((decodeDoc(encodeDoc(doc)).oid as ObjectId).toHexString()).toBe('5b2509efdc9c81268a7348d3');
    const p = (await open()).p;
    await p.write([put('t', doc), { collection: 't', id: 7, after: { _id: 7 }, order: 0 }, put('t', { _id: '7' })]);
    await p.close();
    const { p: p2, data } = await open();
    expect(data.get('t')).toEqual([doc, { _id: 7 }, { _id: '7' }]);
    await p2.close();
  });

  it('loads a folder written by the earlier nedb persistence, including an unfinished nedb compaction', async () => {
    const legacy = new Datastore({ filename: path.join(dir, 'people.db') });
    await legacy.loadDatabaseAsync();
    const row = (id: string, o: number, d: Doc) => legacy.updateAsync({ _id: id }, { _id: id, o, d }, { upsert: true });
    await row('p3', 1, { _id: 'p3', email: 'a@x', at: new Date(5) });
    await row('p1', 2, { _id: 'p1', email: 'b@x' });
    await row('p2', 3, { _id: 'p2', email: 'c@x' });
    await row('p1', 2, { _id: 'p1', email: 'b2@x' });
    await legacy.removeAsync({ _id: 'p2' }, { multi: false });
    await fs.writeFile(path.join(dir, 'orders.db~'), '{"_id":"o1","o":1,"d":{"_id":"o1"}}\n');
    expect((await fs.readFile(path.join(dir, 'people.db'), 'utf8')).trim().split('\n')).toHaveLength(5); // appended, not compacted

    const { p, data } = await open();
    expect(data.get('people')).toEqual([
      { _id: 'p3', email: 'a@x', at: new Date(5) },
      { _id: 'p1', email: 'b2@x' },
    ]);
    expect(data.get('orders')).toEqual([{ _id: 'o1' }]);
    await p.write([put('people', { _id: 'p4', email: 'd@x' })]);
    await p.close();
    const { p: p2, data: again } = await open();
    expect(ids(again, 'people')).toEqual(['p3', 'p1', 'p4']);
    await p2.close();
  });

  it('natural order survives deletes and restarts (the engine renumbers ranks on load)', async () => {
    const specs = [{ name: 'c' }];
    const modify = (id: string, v: number) => ({
      action: 'database.modifyDocument',
      collectionName: 'c',
      queryType: 'DOC',
      query: JSON.stringify({ _id: id }),
      data: `{"$set":{"v":{"$numberInt":"${v}"}}}`,
      multi: false,
      merge: true,
      upsert: false,
    });
    const remove = (id: string) => ({
      action: 'database.removeDocument',
      collectionName: 'c',
      queryType: 'DOC',
      query: JSON.stringify({ _id: id }),
      multi: false,
    });
    const e1 = await createDatabase({ data: dir, collections: specs });
    await e1.insert('c', [{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }, { _id: 'd' }]);
    expect(await e1.handle(remove('a'))).toMatchObject({ data: { deleted: 1 } });
    expect(await e1.handle(remove('b'))).toMatchObject({ data: { deleted: 1 } });
    await e1.close();
    const e2 = await createDatabase({ data: dir, collections: specs });
    await e2.insert('c', [{ _id: 'e' }]);
    expect(await e2.handle(modify('c', 1))).toMatchObject({ data: { updated: 1 } });
    await e2.close();
    const e3 = await createDatabase({ data: dir, collections: specs });
    expect((await e3.find('c')).map((d) => d._id)).toEqual(['c', 'd', 'e']);
    await e3.close();
  });
});

async function snapshotFiles(): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const f of await files()) out[f] = await fs.readFile(path.join(dir, f));
  return out;
}
