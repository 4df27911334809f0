// Why: db.ObjectId values (as _id and in fields) are stored, matched and answered as BSON ObjectIds, ported from the node-sdk's oid test.
import { ObjectId } from 'bson';
import { startHarness, type EmulatorHarness } from './helpers';

let h: EmulatorHarness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.engine.reset());

const hex = () => new ObjectId().toHexString();

describe('db.ObjectId', () => {
  it('as _id: add() answers the hex string; the document comes back with an ObjectId _id', async () => {
    // node-sdk test/database/unit/oid.test.ts:39-47: add({ _id: db.ObjectId({ id }) }) → addRes.id === id (a string).
    const id = hex();
    const res = await h.db.collection('oid').add({ _id: h.db.ObjectId({ id }), name: 'x' });
    expect(res.id).toBe(id);
    // get() answers an ObjectId as its hex string (oid.test.ts:60-62, see below).
    expect(
      (
        await h.db
          .collection('oid')
          .where({ _id: h.db.ObjectId({ id }) })
          .get()
      ).data,
    ).toEqual([{ _id: id, name: 'x' }]);
    const agg = await h.db
      .collection('oid')
      .aggregate()
      .match({ _id: h.db.ObjectId({ id }) })
      .end();
    expect(agg.data[0]._id).toBeInstanceOf(ObjectId);
    // An ObjectId and its hex string are different values (MongoDB compares by type first).
    expect((await h.db.collection('oid').where({ _id: id }).get()).data).toEqual([]);
    await expect(h.db.collection('oid').add({ _id: h.db.ObjectId({ id }) })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
  });

  it('in a field: stored and matched by ObjectId; get() answers it as the hex string', async () => {
    // node-sdk oid.test.ts:49-63, run against a real environment: where({ a: db.ObjectId({ id }) }).get() reads back
    // data[0].a === id (a plain string; an EJSON ObjectId would reach the caller as {} through formatResDocumentData).
    const id = hex();
    const res = await h.db.collection('oid').add({ a: h.db.ObjectId({ id }) });
    expect(typeof res.id).toBe('string');
    const got = (
      await h.db
        .collection('oid')
        .where({ a: h.db.ObjectId({ id }) })
        .get()
    ).data;
    expect(got).toHaveLength(1);
    expect(got[0].a).toBe(id);
    expect((await h.db.collection('oid').where({ a: id }).get()).data).toEqual([]);
    expect(
      (
        await h.db
          .collection('oid')
          .where({ a: h._.in([h.db.ObjectId({ id: hex() }), h.db.ObjectId({ id })]) })
          .count()
      ).total,
    ).toBe(1);
  });

  it('update and remove through a where() on an ObjectId _id', async () => {
    const id = hex();
    await h.db.collection('oid').add({ _id: h.db.ObjectId({ id }), n: 1 });
    const upd = await h.db
      .collection('oid')
      .where({ _id: h.db.ObjectId({ id }) })
      .update({ n: h._.inc(1), ref: h.db.ObjectId({ id }) });
    expect(upd.updated).toBe(1);
    // Stored as an ObjectId: it still matches by ObjectId (not by its string), and get() answers the hex string.
    expect(
      (
        await h.db
          .collection('oid')
          .where({ ref: h.db.ObjectId({ id }) })
          .get()
      ).data,
    ).toEqual([{ _id: id, n: 2, ref: id }]);
    expect((await h.db.collection('oid').where({ ref: id }).count()).total).toBe(0);
    expect(
      (
        await h.db
          .collection('oid')
          .where({ _id: h.db.ObjectId({ id }) })
          .remove()
      ).deleted,
    ).toBe(1);
  });

  it('lookup joins an ObjectId field to an ObjectId _id', async () => {
    // node-sdk oid.test.ts:65-91.
    const id1 = hex();
    const id2 = hex();
    expect(
      (await h.db.collection('oid').add({ _id: h.db.ObjectId({ id: id1 }), inviter_uid: h.db.ObjectId({ id: id2 }), name: 'test' })).id,
    ).toBe(id1);
    expect(
      (await h.db.collection('oidlookup').add({ _id: h.db.ObjectId({ id: id2 }), inviter_uid: h.db.ObjectId({ id: id1 }), name: 'test1' }))
        .id,
    ).toBe(id2);
    const res = await h.db
      .collection('oidlookup')
      .aggregate()
      .lookup({ from: 'oid', localField: 'inviter_uid', foreignField: '_id', as: 'newTest' })
      .end();
    expect(res.data).toHaveLength(1);
    expect(res.data[0].newTest.map((d: { name: string }) => d.name)).toEqual(['test']);
    expect(res.data[0].newTest[0]._id).toBeInstanceOf(ObjectId);
    const grouped = await h.db
      .collection('oid')
      .aggregate()
      .group({ _id: '$inviter_uid', n: h.$.sum(1) })
      .end();
    expect(grouped.data).toHaveLength(1);
    expect(String(grouped.data[0]._id)).toBe(id2);
  });

  it('an insert of a 24-hex string _id keeps it a string', async () => {
    // node-sdk test/database/index.test.ts:85-91.
    await h.db.collection('oid').add({ a: 'test', _id: '5e7b474a5e54c773b58d7b39' });
    expect((await h.db.collection('oid').where({ _id: '5e7b474a5e54c773b58d7b39' }).get()).data).toEqual([
      { _id: '5e7b474a5e54c773b58d7b39', a: 'test' },
    ]);
    expect((await h.db.collection('oid').doc('5e7b474a5e54c773b58d7b39').get()).data).toHaveLength(1);
  });
});

describe('ObjectId comparisons', () => {
  it('sorts after numbers and strings, compares within its type, matches $type objectId', async () => {
    // MongoDB BSON comparison order: numbers < strings < objects < arrays < binData < ObjectId
    // (https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/); $type alias "objectId".
    const a = '5b2509efdc9c81268a7348d3';
    const b = '6b2509efdc9c81268a7348d3';
    const c = '4b2509efdc9c81268a7348d3';
    await h.seed('cmp', [
      { i: 1, o: h.db.ObjectId({ id: a }) },
      { i: 2, o: h.db.ObjectId({ id: b }) },
      { i: 3, o: h.db.ObjectId({ id: c }) },
      { i: 4, o: 'str' },
      { i: 5, o: 7 },
    ]);
    const order = await h.db.collection('cmp').orderBy('o', 'asc').get();
    expect(order.data.map((d: { i: number }) => d.i)).toEqual([5, 4, 3, 1, 2]);
    expect(
      (
        await h.db
          .collection('cmp')
          .where({ o: h._.gt(h.db.ObjectId({ id: a })) })
          .get()
      ).data.map((d: { i: number }) => d.i),
    ).toEqual([2]);
    const typed = await h.db
      .collection('cmp')
      .options({ raw: true })
      .where({ o: { $type: 'objectId' } })
      .get();
    expect(typed.data.map((d: { i: number }) => d.i)).toEqual([1, 2, 3]);
  });
});
