// Why: the contract of the emulator's database engine, driven only through the real @cloudbase/node-sdk (plus raw HTTP for non-SDK requests).
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import tcb from '@cloudbase/node-sdk';
import { createDatabase, createDatabaseServer, type DatabaseEngine } from '../../emulator/db';
import { LOCAL_ENV_ID, pointSdkAt } from '../helpers/sdk-env';

const T0 = new Date('2030-05-01T08:00:00.000Z');
let clockNow = T0;

const collections = [
  { name: 'todos' },
  { name: 'items' },
  { name: 'people', indexes: [{ keys: { email: 1 as const }, unique: true }] },
  { name: 'pairs', indexes: [{ keys: { a: 1 as const, b: 1 as const }, unique: true }] },
  { name: 'slots' },
  { name: 'accounts' },
  { name: 'orgs' },
  { name: 'bulk' },
];

let engine: DatabaseEngine;
let server: { url: string; close(): Promise<void> };
let db: ReturnType<ReturnType<typeof tcb.init>['database']>;
let _: typeof db.command;
/** What startTransaction()/runTransaction() hand out (@cloudbase/database types it as any). */
interface Transaction {
  collection(name: string): ReturnType<typeof db.collection>;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

async function raw(body: object, url = server.url): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  engine = await createDatabase({ data: 'memory', now: () => clockNow, collections });
  server = await createDatabaseServer(engine, 0);
  pointSdkAt(server.url);
  db = tcb.init({ env: LOCAL_ENV_ID }).database();
  _ = db.command;
});

afterAll(async () => {
  await server.close();
  await engine.close();
});

beforeEach(async () => {
  clockNow = T0;
  await engine.reset();
  engine.resetStats();
});

describe('documents', () => {
  it('add() generates a 32-hex _id; doc().get() returns the document with Dates as Date', async () => {
    const born = new Date('2000-01-02T03:04:05.678Z');
    const res = await db
      .collection('todos')
      .add({ title: 'a', born, n: 1.5, i: 7, ok: true, none: null, tags: ['x', 'y'], nested: { a: { b: 1 } } });
    const id = res.id as string;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const got = await db.collection('todos').doc(id).get();
    expect(got.data).toEqual([
      { _id: id, title: 'a', born, n: 1.5, i: 7, ok: true, none: null, tags: ['x', 'y'], nested: { a: { b: 1 } } },
    ]);
    expect(got.data[0].born).toBeInstanceOf(Date);
    expect(typeof got.requestId).toBe('string');
    expect((await db.collection('todos').doc('missing').get()).data).toEqual([]);
  });

  it('add([...]) inserts several documents and keeps given _ids (string or number)', async () => {
    const res = await db.collection('todos').add([{ _id: 'a1', v: 1 }, { _id: 2, v: 2 }, { v: 3 }]);
    expect(res.ids?.slice(0, 2)).toEqual(['a1', 2]);
    expect(await engine.find('todos', {})).toHaveLength(3);
    expect((await db.collection('todos').doc(2).get()).data[0].v).toBe(2);
    expect((await db.collection('todos').doc('2').get()).data).toEqual([]);
  });

  it('refuses a duplicate _id with DATABASE_DUPLICATE_WRITE and writes nothing of the batch', async () => {
    await db.collection('todos').add({ _id: 'x', v: 1 });
    await expect(db.collection('todos').add({ _id: 'x', v: 2 })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    await expect(db.collection('todos').add([{ _id: 'y' }, { _id: 'x' }])).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    await expect(db.collection('todos').add([{ _id: 'z' }, { _id: 'z' }])).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(await engine.find('todos')).toEqual([{ _id: 'x', v: 1 }]);
  });

  it('enforces declared unique indexes on insert and update, atomically for multi-document writes', async () => {
    const people = db.collection('people');
    await people.add([
      { _id: 'p1', email: 'a@x' },
      { _id: 'p2', email: 'b@x' },
    ]);
    await expect(people.add({ email: 'a@x' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
      message: expect.stringContaining('email_1'),
    });
    await expect(people.doc('p2').update({ email: 'a@x' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    await expect(people.where({}).update({ email: 'same@x' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    await expect(people.doc('p2').set({ email: 'a@x' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    // Missing fields index as null (MongoDB): two documents without email collide.
    await people.add({ _id: 'p3', name: 'no email' });
    await expect(people.add({ _id: 'p4', name: 'no email either' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    // Swapping values inside one multi-document write is fine; freeing a value lets another document take it.
    await people.doc('p1').update({ email: 'c@x' });
    await people.doc('p2').update({ email: 'a@x' });
    const rows = await engine.find('people', {});
    expect(rows.map((r) => [r._id, r.email])).toEqual([
      ['p1', 'c@x'],
      ['p2', 'a@x'],
      ['p3', undefined],
    ]);
  });

  it('enforces compound unique indexes', async () => {
    await db.collection('pairs').add([
      { a: 1, b: 1 },
      { a: 1, b: 2 },
      { a: 2, b: 1 },
    ]);
    await expect(db.collection('pairs').add({ a: 1, b: 1, extra: true })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
      message: expect.stringContaining('a_1_b_1'),
    });
    expect(await engine.find('pairs')).toHaveLength(3);
  });

  it('doc().update() applies every update command, with dot paths, and reports updated 0 for a no-op', async () => {
    await db.collection('todos').add({
      _id: 'u',
      n: 1,
      m: 3,
      s: 'x',
      o: { p: { q: 1 } },
      arr: [1, 2, 3],
      list: [1, 2, 3, 4],
      set: [1],
      pop: [1, 2, 3],
      shift: [1, 2, 3],
      un: [2],
      lo: 5,
      hi: 5,
      old: 'rename me',
      gone: true,
      objs: [{ k: 1 }, { k: 2 }],
    });
    const res = await db
      .collection('todos')
      .doc('u')
      .update({
        n: _.inc(2),
        m: _.mul(2),
        s: 'y',
        'o.p.q': 9,
        o2: { fresh: { deep: true } },
        arr: _.push([4, 5]),
        list: _.pull(_.gt(2)),
        set: _.addToSet(1),
        pop: _.pop(),
        shift: _.shift(),
        un: _.unshift([0, 1]),
        lo: _.min(2),
        hi: _.max(9),
        old: _.rename('renamed'),
        gone: _.remove(),
        objs: _.pull({ k: 1 }),
        whole: _.set({ replaced: 1 }),
      });
    expect(res.updated).toBe(1);
    const [doc] = (await db.collection('todos').doc('u').get()).data;
    expect(doc).toEqual({
      _id: 'u',
      n: 3,
      m: 6,
      s: 'y',
      o: { p: { q: 9 } },
      o2: { fresh: { deep: true } },
      arr: [1, 2, 3, 4, 5],
      list: [1, 2],
      set: [1],
      pop: [1, 2],
      shift: [2, 3],
      un: [0, 1, 2],
      lo: 2,
      hi: 9,
      renamed: 'rename me',
      objs: [{ k: 2 }],
      whole: { replaced: 1 },
    });
    expect((await db.collection('todos').doc('u').update({ s: 'y' })).updated).toBe(0);
    expect((await db.collection('todos').doc('nope').update({ s: 'y' })).updated).toBe(0);
    await expect(
      db
        .collection('todos')
        .doc('u')
        .update({ s: _.inc(1) }),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    await expect(db.collection('todos').doc('u').update({ 'arr.$.x': 1 })).rejects.toMatchObject({ code: 'NOT_IMPLEMENTED' });
  });

  it('doc().set() replaces the document, or upserts it', async () => {
    await db.collection('todos').add({ _id: 's', a: 1, b: 2 });
    const replaced = await db.collection('todos').doc('s').set({ c: 3 });
    expect(replaced.updated).toBe(1);
    expect((await db.collection('todos').doc('s').get()).data).toEqual([{ _id: 's', c: 3 }]);
    const created = await db.collection('todos').doc('new').set({ d: 4 });
    expect(created).toMatchObject({ updated: 0, upsertedId: 'new' });
    expect((await db.collection('todos').doc('new').get()).data).toEqual([{ _id: 'new', d: 4 }]);
  });

  it('where().update() updates all matches (multi) or one (multiple: false)', async () => {
    await db.collection('todos').add([
      { g: 1, v: 0 },
      { g: 1, v: 0 },
      { g: 2, v: 0 },
    ]);
    expect(
      (
        await db
          .collection('todos')
          .where({ g: 1 })
          .update({ v: _.inc(1) })
      ).updated,
    ).toBe(2);
    expect((await db.collection('todos').where({ g: 1 }).options({ multiple: false }).update({ v: 10 })).updated).toBe(1);
    const rows = await engine.find('todos', {});
    expect(rows.map((r) => r.v)).toEqual([10, 1, 0]);
  });

  it('remove() on a document and on a query', async () => {
    await db.collection('todos').add([
      { _id: 'r1', g: 1 },
      { _id: 'r2', g: 2 },
      { _id: 'r3', g: 2 },
      { _id: 'r4', g: 3 },
    ]);
    expect((await db.collection('todos').doc('r1').remove()).deleted).toBe(1);
    expect((await db.collection('todos').doc('r1').remove()).deleted).toBe(0);
    expect((await db.collection('todos').where({ g: 2 }).remove()).deleted).toBe(2);
    expect((await engine.find('todos')).map((r) => r._id)).toEqual(['r4']);
  });

  it('serverDate() resolves to the emulator clock (plus offset), in writes and in queries', async () => {
    const id = (await db.collection('todos').add({ at: db.serverDate() })).id as string;
    expect((await engine.find('todos'))[0].at).toEqual(T0);
    await db
      .collection('todos')
      .doc(id)
      .update({ later: db.serverDate({ offset: 60_000 }) });
    const [doc] = (await db.collection('todos').doc(id).get()).data;
    expect(doc.later).toEqual(new Date(T0.getTime() + 60_000));
    // The query's serverDate() is the clock when it runs.
    const laterThanNow = async () =>
      (
        await db
          .collection('todos')
          .where({ later: _.gt(db.serverDate()) })
          .count()
      ).total;
    clockNow = new Date(T0.getTime() + 30_000);
    expect(await laterThanNow()).toBe(1);
    clockNow = new Date(T0.getTime() + 120_000);
    expect(await laterThanNow()).toBe(0);
  });
});

describe('queries', () => {
  const seed = () =>
    engine.insert('items', [
      {
        _id: 'i1',
        name: 'Apple',
        price: 5,
        tags: ['fruit', 'red'],
        stock: { qty: 10, where: { city: 'Lanzhou' } },
        lines: [
          { sku: 'a', n: 1 },
          { sku: 'b', n: 5 },
        ],
        at: new Date('2030-01-01'),
      },
      {
        _id: 'i2',
        name: 'banana',
        price: 3,
        tags: ['fruit'],
        stock: { qty: 0, where: { city: 'Tianshui' } },
        lines: [{ sku: 'c', n: 2 }],
        at: new Date('2030-02-01'),
      },
      {
        _id: 'i3',
        name: 'Carrot',
        price: 8,
        tags: ['veg', 'red'],
        stock: { qty: 4, where: { city: 'Lanzhou' } },
        lines: [],
        at: new Date('2030-03-01'),
      },
      { _id: 'i4', name: 'durian', price: 30, tags: [], discontinued: true },
    ]);
  const ids = async (where: object) => (await db.collection('items').where(where).get()).data.map((d: { _id: string }) => d._id);

  it('comparison, logical, element and array operators, with dot paths', async () => {
    await seed();
    expect(await ids({ price: 5 })).toEqual(['i1']);
    expect(await ids({ price: _.neq(5) })).toEqual(['i2', 'i3', 'i4']);
    expect(await ids({ price: _.gt(3).and(_.lte(8)) })).toEqual(['i1', 'i3']);
    expect(await ids({ price: _.gte(8) })).toEqual(['i3', 'i4']);
    expect(await ids({ price: _.lt(5) })).toEqual(['i2']);
    expect(await ids({ price: _.in([3, 30]) })).toEqual(['i2', 'i4']);
    expect(await ids({ price: _.nin([3, 30]) })).toEqual(['i1', 'i3']);
    expect(await ids(_.or([{ price: 3 }, { name: 'Carrot' }]))).toEqual(['i2', 'i3']);
    expect(await ids({ price: _.or(_.lt(4), _.gt(20)) })).toEqual(['i2', 'i4']);
    expect(await ids(_.and([{ tags: 'red' }, { price: _.lt(6) }]))).toEqual(['i1']);
    expect(await ids(_.nor([{ tags: 'red' }, { discontinued: true }]))).toEqual(['i2']);
    expect(await ids({ price: _.not(_.gt(5)) })).toEqual(['i1', 'i2']);
    expect(await ids({ discontinued: _.exists(true) })).toEqual(['i4']);
    expect(await ids({ discontinued: _.exists(false) })).toEqual(['i1', 'i2', 'i3']);
    expect(await ids({ tags: _.size(2) })).toEqual(['i1', 'i3']);
    expect(await ids({ tags: _.all(['red', 'fruit']) })).toEqual(['i1']);
    expect(await ids({ lines: _.elemMatch({ sku: 'b', n: _.gte(5) }) })).toEqual(['i1']);
    expect(await ids({ tags: 'fruit' })).toEqual(['i1', 'i2']);
    expect(await ids({ 'stock.where.city': 'Lanzhou' })).toEqual(['i1', 'i3']);
    expect(await ids({ stock: { where: { city: 'Tianshui' } } })).toEqual(['i2']);
    expect(await ids({ 'stock.qty': _.gt(3) })).toEqual(['i1', 'i3']);
    expect(await ids({ 'lines.sku': 'c' })).toEqual(['i2']);
    expect(await ids({ 'lines.1.n': 5 })).toEqual(['i1']);
    expect(await ids({ 'tags.0': 'veg' })).toEqual(['i3']);
    expect(await ids({ at: _.gte(new Date('2030-02-01')) })).toEqual(['i2', 'i3']);
    expect(await ids({ at: new Date('2030-01-01') })).toEqual(['i1']);
  });

  it('regular expressions: db.RegExp and JS RegExp', async () => {
    await seed();
    expect(await ids({ name: db.RegExp({ regexp: '^[a-c]', options: 'i' }) })).toEqual(['i1', 'i2', 'i3']);
    expect(await ids({ name: /^[a-c]/ })).toEqual(['i2']);
    expect(await ids({ name: _.not(/an/) })).toEqual(['i1', 'i3']);
  });

  it('orderBy (multi-key), skip, limit and field() projection', async () => {
    await seed();
    const res = await db
      .collection('items')
      .where({ price: _.gt(0) })
      .orderBy('price', 'desc')
      .skip(1)
      .limit(2)
      .field({ name: true, 'stock.qty': true })
      .get();
    expect(res.data).toEqual([
      { _id: 'i3', name: 'Carrot', stock: { qty: 4 } },
      { _id: 'i1', name: 'Apple', stock: { qty: 10 } },
    ]);
    const byTag = await db
      .collection('items')
      .orderBy('discontinued', 'asc')
      .orderBy('name', 'asc')
      .field({ tags: false, lines: false, stock: false, at: false })
      .get();
    // Missing sorts first; strings compare binary (MongoDB's default collation): 'Apple' < 'Carrot' < 'banana'.
    expect(byTag.data.map((d: { _id: string }) => d._id)).toEqual(['i1', 'i3', 'i2', 'i4']);
    expect(byTag.data[3]).toEqual({ _id: 'i4', name: 'durian', price: 30, discontinued: true });
    const sliced = await db
      .collection('items')
      .doc('i1')
      .field({ lines: _.project.slice(1) })
      .get();
    expect(sliced.data[0].lines).toEqual([{ sku: 'a', n: 1 }]);
  });

  it('count()', async () => {
    await seed();
    expect((await db.collection('items').count()).total).toBe(4);
    expect((await db.collection('items').where({ tags: 'red' }).count()).total).toBe(2);
  });

  it('a get() without limit returns 100 documents; limit is capped at 1000 (SDK and server)', async () => {
    await engine.insert(
      'bulk',
      Array.from({ length: 1005 }, (_x, i) => ({ i })),
    );
    expect((await db.collection('bulk').get()).data).toHaveLength(100);
    expect(
      (
        await db
          .collection('bulk')
          .where({ i: _.gte(0) })
          .get()
      ).data,
    ).toHaveLength(100);
    expect((await db.collection('bulk').limit(2000).get()).data).toHaveLength(1000);
    const page = await db.collection('bulk').orderBy('i', 'asc').skip(1000).limit(100).get();
    expect(page.data.map((d: { i: number }) => d.i)).toEqual([1000, 1001, 1002, 1003, 1004]);
    const rawRes = (await raw({ action: 'database.getDocument', collectionName: 'bulk', queryType: 'WHERE', limit: 5000 })) as {
      data: { list: string[]; limit: number };
    };
    expect(rawRes.data.list).toHaveLength(1000);
    expect(rawRes.data.limit).toBe(1000);
  });

  it('aggregate(): match, group, sort, project, lookup, unwind; 20 results without $limit', async () => {
    await seed();
    await engine.insert('orgs', [
      { _id: 'o1', city: 'Lanzhou', label: 'LZ' },
      { _id: 'o2', city: 'Tianshui', label: 'TS' },
    ]);
    const $ = _.aggregate;
    const grouped = await db
      .collection('items')
      .aggregate()
      .match({ price: _.lt(20) })
      .unwind('$tags')
      .group({ _id: '$tags', count: $.sum(1), total: $.sum('$price') })
      .sort({ count: -1, _id: 1 })
      .project({ _id: 0, tag: '$_id', count: 1, total: 1 })
      .end();
    expect(grouped.data).toEqual([
      { count: 2, total: 8, tag: 'fruit' },
      { count: 2, total: 13, tag: 'red' },
      { count: 1, total: 8, tag: 'veg' },
    ]);
    const joined = await db
      .collection('items')
      .aggregate()
      .match({ 'stock.where.city': _.exists(true) })
      .lookup({ from: 'orgs', localField: 'stock.where.city', foreignField: 'city', as: 'org' })
      .project({ _id: 1, org: '$org.label' })
      .sort({ _id: 1 })
      .end();
    expect(joined.data).toEqual([
      { _id: 'i1', org: ['LZ'] },
      { _id: 'i2', org: ['TS'] },
      { _id: 'i3', org: ['LZ'] },
    ]);
    await engine.insert(
      'bulk',
      Array.from({ length: 30 }, (_x, i) => ({ i })),
    );
    expect((await db.collection('bulk').aggregate().match({}).end()).data).toHaveLength(20);
    expect((await db.collection('bulk').aggregate().match({}).limit(25).end()).data).toHaveLength(25);
  });
});

describe('atomicity and transactions', () => {
  it('100 concurrent conditional increments on capacity 10 update exactly 10 times', async () => {
    await db.collection('slots').add({ _id: 'cap', n: 0 });
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        db
          .collection('slots')
          .where({ _id: 'cap', n: _.lt(10) })
          .update({ n: _.inc(1) }),
      ),
    );
    expect(results.reduce((sum, r) => sum + r.updated, 0)).toBe(10);
    expect((await db.collection('slots').doc('cap').get()).data[0].n).toBe(10);
  });

  it('startTransaction(): writes are invisible outside until commit', async () => {
    await db.collection('accounts').add([
      { _id: 'a', amount: 100 },
      { _id: 'b', amount: 0 },
    ]);
    const tx: Transaction = await db.startTransaction();
    await tx
      .collection('accounts')
      .doc('a')
      .update({ amount: _.inc(-30) });
    await tx
      .collection('accounts')
      .doc('b')
      .update({ amount: _.inc(30) });
    const added = await tx.collection('accounts').add({ _id: 'log1', note: 'transfer' });
    expect(added).toMatchObject({ id: 'log1', inserted: 1 });
    expect((await tx.collection('accounts').doc('a').get()).data).toEqual({ _id: 'a', amount: 70 });
    expect((await db.collection('accounts').doc('a').get()).data).toEqual([{ _id: 'a', amount: 100 }]);
    expect((await db.collection('accounts').doc('log1').get()).data).toEqual([]);
    await tx.commit();
    expect((await engine.find('accounts')).map((d) => [d._id, d.amount ?? d.note])).toEqual([
      ['a', 70],
      ['b', 30],
      ['log1', 'transfer'],
    ]);
  });

  it('runTransaction(): commits and returns the callback value; get() of a missing doc is null', async () => {
    await db.collection('accounts').add({ _id: 'a', amount: 100 });
    const out = await db.runTransaction(async (tx: Transaction) => {
      const missing = await tx.collection('accounts').doc('none').get();
      expect(missing.data).toBeNull();
      const { data } = await tx.collection('accounts').doc('a').get();
      await tx
        .collection('accounts')
        .doc('a')
        .set({ amount: data.amount + 1 });
      await tx.collection('accounts').doc('c').set({ amount: 5 });
      await tx
        .collection('accounts')
        .doc('a')
        .remove()
        .then(() => tx.collection('accounts').add({ _id: 'a', amount: 42 }));
      return 'done';
    });
    expect(out).toBe('done');
    expect(await engine.find('accounts')).toEqual([
      { _id: 'a', amount: 42 },
      { _id: 'c', amount: 5 },
    ]);
  });

  it('rollback()/abort and a throwing callback discard every write', async () => {
    await db.collection('accounts').add({ _id: 'a', amount: 100 });
    const tx: Transaction = await db.startTransaction();
    await tx.collection('accounts').doc('a').update({ amount: 0 });
    await tx.collection('accounts').add({ _id: 'tmp' });
    await tx.rollback();
    await expect(tx.collection('accounts').doc('a').get()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    await expect(
      db.runTransaction(async (t: Transaction) => {
        await t.collection('accounts').doc('a').update({ amount: 1 });
        await t.rollback('not enough');
      }),
    ).rejects.toBe('not enough');
    await expect(
      db.runTransaction(async (t: Transaction) => {
        await t.collection('accounts').doc('a').update({ amount: 2 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await engine.find('accounts')).toEqual([{ _id: 'a', amount: 100 }]);
  });

  it('two transactions writing the same document conflict (DATABASE_TRANSACTION_CONFLICT); the loser is aborted', async () => {
    await db.collection('accounts').add({ _id: 'a', amount: 100 });
    const t1: Transaction = await db.startTransaction();
    const t2: Transaction = await db.startTransaction();
    await t2.collection('accounts').doc('a').get();
    await t1
      .collection('accounts')
      .doc('a')
      .update({ amount: _.inc(1) });
    await expect(
      t2
        .collection('accounts')
        .doc('a')
        .update({ amount: _.inc(10) }),
    ).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
      message: expect.stringContaining('TransactionConflict'),
    });
    await expect(t2.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    await t1.commit();
    await expect(t1.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect((await engine.find('accounts'))[0].amount).toBe(101);
  });

  it('reads inside a transaction see its snapshot; writing a document changed since then conflicts', async () => {
    await db.collection('accounts').add([
      { _id: 'a', v: 1 },
      { _id: 'b', v: 1 },
    ]);
    const tx: Transaction = await db.startTransaction();
    expect((await tx.collection('accounts').doc('a').get()).data.v).toBe(1);
    await db.collection('accounts').doc('a').update({ v: 2 });
    await db.collection('accounts').doc('b').update({ v: 2 });
    expect((await tx.collection('accounts').doc('a').get()).data.v).toBe(1);
    expect((await tx.collection('accounts').doc('b').get()).data.v).toBe(1);
    await expect(tx.collection('accounts').doc('a').update({ v: 3 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect((await engine.find('accounts')).map((d) => d.v)).toEqual([2, 2]);
  });

  it('runTransaction() retries after a conflict and then succeeds', async () => {
    await db.collection('accounts').add({ _id: 'a', amount: 0 });
    const blocker: Transaction = await db.startTransaction();
    await blocker
      .collection('accounts')
      .doc('a')
      .update({ amount: _.inc(100) });
    let attempts = 0;
    await db.runTransaction(async (tx: Transaction) => {
      attempts += 1;
      try {
        await tx
          .collection('accounts')
          .doc('a')
          .update({ amount: _.inc(1) });
      } catch (e) {
        if (attempts === 1) await blocker.commit();
        throw e;
      }
    });
    expect(attempts).toBe(2);
    expect((await engine.find('accounts'))[0].amount).toBe(101);
  });

  it('a plain write on a document locked by a transaction waits for the commit', async () => {
    await db.collection('accounts').add({ _id: 'a', amount: 0 });
    const tx: Transaction = await db.startTransaction();
    await tx
      .collection('accounts')
      .doc('a')
      .update({ amount: _.inc(1) });
    let done = false;
    const plain = db
      .collection('accounts')
      .doc('a')
      .update({ amount: _.inc(10) })
      .then((r) => {
        done = true;
        return r;
      });
    await new Promise((r) => setTimeout(r, 150));
    expect(done).toBe(false);
    expect((await db.collection('accounts').doc('a').get()).data[0].amount).toBe(0);
    await tx.commit();
    expect((await plain).updated).toBe(1);
    expect((await engine.find('accounts'))[0].amount).toBe(11);
  });

  it('where() inside a transaction is refused explicitly (CloudBase transactions are single-document)', async () => {
    await db.collection('accounts').add({ _id: 'a', amount: 0 });
    const tx: Transaction = await db.startTransaction();
    await expect(tx.collection('accounts').where({ amount: 0 }).get()).rejects.toMatchObject({ code: 'NOT_IMPLEMENTED' });
    await tx.rollback();
  });

  it('an open transaction expires after its lifetime (raw engine, short lifetime)', async () => {
    const short = await createDatabase({ data: 'memory', collections: [{ name: 'c' }], transactionLifetimeMs: 50 });
    await short.insert('c', [{ _id: 'x', v: 0 }]);
    const { transactionId } = await short.handle({ action: 'database.startTransaction' });
    const upd = {
      action: 'database.modifyDocument',
      collectionName: 'c',
      queryType: 'DOC',
      query: '{"_id":"x"}',
      data: '{"$set":{"v":{"$numberInt":"1"}}}',
      multi: false,
      merge: true,
      upsert: false,
    };
    expect(await short.handle({ ...upd, transactionId })).toMatchObject({ data: { updated: 1 } });
    await new Promise((r) => setTimeout(r, 100));
    expect(await short.handle({ action: 'database.commitTransaction', transactionId })).toMatchObject({
      code: 'DATABASE_TRANSACTION_FAIL',
    });
    expect(await short.handle(upd)).toMatchObject({ data: { updated: 1 } });
    await short.close();
  });
});

describe('errors, stats and persistence', () => {
  it('answers unimplemented actions and operators with an explicit error, bad input with INVALID_PARAM', async () => {
    expect(await raw({ action: 'database.somethingNew', collectionName: 'todos' })).toMatchObject({
      code: 'NOT_IMPLEMENTED',
      message: expect.stringContaining('database.somethingNew'),
    });
    expect(await raw({ action: 'database.getDocument', collectionName: 'todos', query: '{"a":' })).toMatchObject({ code: 'INVALID_PARAM' });
    expect(await raw({ action: 'database.getDocument', collectionName: 'todos', query: '{"a":{"$where":"1"}}' })).toMatchObject({
      code: 'NOT_IMPLEMENTED',
    });
    expect(
      await raw({ action: 'database.modifyDocument', collectionName: 'todos', query: '{}', data: '{"$foo":{"a":1}}', merge: true }),
    ).toMatchObject({ code: 'NOT_IMPLEMENTED' });
    expect(
      await raw({ action: 'database.insertDocument', collectionName: 'todos', data: ['{"a":{"$numberDecimal":"1.5"}}'] }),
    ).toMatchObject({ code: 'NOT_IMPLEMENTED' });
    const bad = await fetch(server.url, { method: 'POST', body: 'not json' });
    expect(await bad.json()).toMatchObject({ code: 'INVALID_PARAM' });
    // Geo is implemented (test/emulator/geo.test.ts): a near query without a 2dsphere index fails as in MongoDB.
    const geo = db
      .collection('todos')
      .where({ loc: _.geoNear({ geometry: new db.Geo.Point(103.8, 36.1), maxDistance: 10 }) })
      .get();
    await expect(geo).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('unable to find index for $geoNear query'),
    });
    await expect(db.collection('never_created').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    await expect(db.collection('todos').add({ $a: 1 })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  });

  it('counts requests per action', async () => {
    await db.collection('todos').add({ a: 1 });
    await db.collection('todos').where({ a: 1 }).get();
    await db.collection('todos').where({ a: 1 }).get();
    await db.collection('todos').count();
    expect(engine.stats()).toEqual({ 'database.insertDocument': 1, 'database.getDocument': 2, 'database.calculateDocument': 1 });
    engine.resetStats();
    expect(engine.stats()).toEqual({});
  });

  it('persists to a directory across a restart (nedb), keeping unique indexes', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'emu-db-'));
    const specs = [{ name: 'people', indexes: [{ keys: { email: 1 as const }, unique: true }] }];
    try {
      const first = await createDatabase({ data: dir, now: () => clockNow, collections: specs });
      const s1 = await createDatabaseServer(first, 0);
      pointSdkAt(s1.url);
      await db.collection('people').add([
        { _id: 'p1', email: 'a@x', at: db.serverDate() },
        { _id: 'p2', email: 'b@x' },
      ]);
      await db.collection('people').doc('p2').update({ email: 'c@x' });
      await db.collection('people').doc('p1').remove();
      await db.collection('extra').add([
        { _id: 'e', n: 1 },
        { _id: 'b', n: 2 },
        { _id: 'z', n: 3 },
      ]);
      await db.collection('extra').doc('b').update({ n: 20 });
      await s1.close();
      await first.close();
      expect((await fs.readdir(dir)).sort()).toEqual(['extra.db', 'people.db']);

      const second = await createDatabase({ data: dir, collections: specs });
      const s2 = await createDatabaseServer(second, 0);
      pointSdkAt(s2.url);
      expect(await second.find('people')).toEqual([{ _id: 'p2', email: 'c@x' }]);
      expect((await db.collection('extra').doc('e').get()).data).toEqual([{ _id: 'e', n: 1 }]);
      // Natural (insertion) order survives the restart, not _id order.
      expect((await db.collection('extra').get()).data.map((d: { _id: string }) => d._id)).toEqual(['e', 'b', 'z']);
      await expect(db.collection('people').add({ email: 'c@x' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
      await db.collection('people').add({ _id: 'p3', email: 'd@x', at: new Date(5) });
      await s2.close();
      await second.close();

      const third = await createDatabase({ data: dir, collections: specs });
      const rows = await third.find('people');
      expect(rows).toEqual([
        { _id: 'p2', email: 'c@x' },
        { _id: 'p3', email: 'd@x', at: new Date(5) },
      ]);
      expect(rows[1].at).toBeInstanceOf(Date);
      await third.close();
    } finally {
      pointSdkAt(server.url);
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
