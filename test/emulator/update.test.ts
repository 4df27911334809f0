// Why: writes (add/set/update/remove) store and count what CloudBase stores and counts, ported from the node-sdk's advanced-operator, document, collection, date and index tests.
import { startHarness, type EmulatorHarness } from './helpers';

let h: EmulatorHarness;
let clock = new Date('2030-05-01T08:00:00.000Z');
let ticks = 0;

beforeAll(async () => {
  // A clock that moves on every read, so anything resolving serverDate() more than once per request shows.
  h = await startHarness({
    now: () => {
      ticks += 1;
      return new Date(clock.getTime() + ticks);
    },
  });
});
afterAll(() => h.close());
beforeEach(() => h.engine.reset());

const getOne = async (coll: string, where: object) => (await h.db.collection(coll).where(where).get()).data[0];

describe('update operators (advanced-operator.test.ts)', () => {
  beforeEach(() =>
    h.seed('adv', [
      { category: 'Life', tags: ['Go', 'Python', 'JavaScript'], index: 2, tags2: [1, 2, 3] },
      { category: 'number', tags: [1, 2, 3, 4, 5, 6, 7, 8, 9], index: 3 },
      {
        category: 'float',
        index: 0.2,
        arr: [
          { name: 'A', subObj: {} },
          { name: 'B', subObj: {} },
          { name: 'C', subObj: {} },
        ],
      },
    ]),
  );
  const life = (data: object) => h.db.collection('adv').where({ category: 'Life' }).update(data);

  it('addToSet, pullAll, pull (value, in, several fields, gte)', async () => {
    // advanced-operator.test.ts:60-176.
    expect((await life({ tags: h._.addToSet('Java') })).updated).toBe(1);
    expect((await getOne('adv', { category: 'Life' })).tags).toEqual(['Go', 'Python', 'JavaScript', 'Java']);
    expect((await life({ tags: h._.pullAll(['Java']) })).updated).toBe(1);
    expect((await life({ tags: h._.pull('Go') })).updated).toBe(1);
    expect((await getOne('adv', { category: 'Life' })).tags).toEqual(['Python', 'JavaScript']);
    expect((await life({ tags: h._.pull(h._.in(['Python'])), tags2: h._.pull(1) })).updated).toBe(1);
    expect(await getOne('adv', { category: 'Life' })).toMatchObject({ tags: ['JavaScript'], tags2: [2, 3] });
    const num = await h.db
      .collection('adv')
      .where({ category: 'number' })
      .update({ tags: h._.pull(h._.gte(5)) });
    expect(num.updated).toBe(1);
    expect((await getOne('adv', { category: 'number' })).tags).toEqual([1, 2, 3, 4]);
  });

  it('pull with a condition on element fields removes matching documents only, never scalars', async () => {
    // MongoDB $pull: a condition on fields applies to array elements that are documents.
    await h.seed('mixed', [{ _id: 'm', arr: [1, 7, { a: 1 }, { a: 5 }] }]);
    const res = await h.db
      .collection('mixed')
      .doc('m')
      .update({ arr: h._.pull({ a: h._.gt(2) }) });
    expect(res.updated).toBe(1);
    expect((await h.db.collection('mixed').doc('m').get()).data[0].arr).toEqual([1, 7, { a: 1 }]);
    expect(
      (
        await h.db
          .collection('mixed')
          .doc('m')
          .update({ arr: h._.pull({ a: h._.gt(100) }) })
      ).updated,
    ).toBe(0);
  });

  it('rename, max, min', async () => {
    // advanced-operator.test.ts:299-379.
    expect((await life({ index: h._.max(100) })).updated).toBe(1);
    expect((await getOne('adv', { category: 'Life' })).index).toBe(100);
    expect((await life({ index: h._.min(0) })).updated).toBe(1);
    expect((await getOne('adv', { category: 'Life' })).index).toBe(0);
    expect((await life({ category: h._.rename('cat') })).updated).toBe(1);
    expect((await getOne('adv', { cat: 'Life' })).cat).toBe('Life');
  });

  it('push: array, single item, several items, with each/sort/slice', async () => {
    // advanced-operator.test.ts:424-504.
    expect((await life({ tags2: h._.push([1, 2, 3]) })).updated).toBe(1);
    expect((await getOne('adv', { category: 'Life' })).tags2).toEqual([1, 2, 3, 1, 2, 3]);
    expect((await life({ tags2: h._.push(4) })).updated).toBe(1);
    expect((await life({ tags2: h._.push(5, 6) })).updated).toBe(1);
    expect((await getOne('adv', { category: 'Life' })).tags2).toEqual([1, 2, 3, 1, 2, 3, 4, 5, 6]);
    expect((await life({ tags2: h._.push({ each: [7, 8, 9], sort: -1, slice: 3 }) })).updated).toBe(1);
    expect((await getOne('adv', { category: 'Life' })).tags2).toEqual([9, 8, 7]);
  });

  it('inc by a float, remove inside array elements (unset of an element sets it to null)', async () => {
    // advanced-operator.test.ts:578-626.
    const float = h.db.collection('adv').where({ category: 'float' });
    expect((await float.update({ index: h._.inc(-0.05) })).updated).toBe(1);
    expect((await getOne('adv', { category: 'float' })).index).toBe(0.2 - 0.05);
    expect((await float.update({ arr: { [0]: { subObj: h._.remove() }, [1]: h._.remove() } })).updated).toBe(1);
    const doc = await getOne('adv', { category: 'float' });
    expect(doc.arr[1]).toBeNull();
    expect(doc.arr[0]).toEqual({ name: 'A' });
  });
});

describe('updated counts', () => {
  it('set() of an existing document counts 1, also when it writes identical content', async () => {
    // document.test.ts:64-95 (set → updated 1); WeChat Document.set reference: "updated: 若指定的 _id 已存在则为 1，否则为 0"
    // (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-server-api/database/doc.set.html).
    await h.seed('docs', [{ _id: 'd', data: { type: 'set' } }]);
    const same = await h.db
      .collection('docs')
      .doc('d')
      .set({ data: { type: 'set' } });
    expect(same).toMatchObject({ updated: 1 });
    const other = await h.db
      .collection('docs')
      .doc('d')
      .set({ data: { arr: [1, 2, 3], foo: 123 }, array: [0, 0, 0] });
    expect(other.updated).toBe(1);
    const upd = await h.db
      .collection('docs')
      .doc('d')
      .update({ data: { arr: h._.push([4, 5, 6]), foo: h._.inc(1) }, array: h._.pop() });
    expect(upd.updated).toBe(1);
    expect((await h.db.collection('docs').doc('d').get()).data[0]).toEqual({
      _id: 'd',
      data: { arr: [1, 2, 3, 4, 5, 6], foo: 124 },
      array: [0, 0],
    });
    const created = await h.db.collection('docs').doc('123123123').set({ name: 'jude' });
    expect(created).toMatchObject({ updated: 0, upsertedId: '123123123' });
  });

  it('update() that changes nothing counts 0; a conditional update that changes counts 1', async () => {
    // MongoDB nModified (the SDK tests assert counts only for updates that change: collection.test.ts:73-80,
    // document.test.ts:113-127, regex-query.test.ts:131-147); compare-and-set code relies on updated === 1.
    await h.seed('docs', [{ _id: 'c', n: 1, s: 'x' }]);
    expect((await h.db.collection('docs').doc('c').update({ s: 'x' })).updated).toBe(0);
    expect((await h.db.collection('docs').where({ _id: 'c', n: 1 }).update({ n: 2 })).updated).toBe(1);
    expect((await h.db.collection('docs').where({ _id: 'c', n: 1 }).update({ n: 3 })).updated).toBe(0);
    const raw = await h.db
      .collection('docs')
      .options({ raw: true })
      .where({ s: { $eq: 'x' } })
      .update({ $set: { n: 10 } });
    expect(raw.updated).toBe(1);
  });

  it('where().update() counts every changed document; options({multiple: false}) one', async () => {
    // node-sdk test/database/index.test.ts:219-265.
    await h.seed('docs', [{ testNum: 1 }, { testNum: 1 }, { testNum: 1 }]);
    const coll = h.db.collection('docs');
    // What one where().options() update (+1) or remove answers it counted.
    type Options = { multiple?: boolean };
    const updated = async (where: object, options: Options) =>
      (
        await coll
          .where(where)
          .options(options)
          .update({ testNum: h._.inc(1) })
      ).updated as number;
    const deleted = async (where: object, options: Options) => (await coll.where(where).options(options).remove()).deleted as number;
    expect(await updated({ testNum: 1 }, { multiple: false })).toBe(1);
    expect(await updated({ testNum: h._.gt(0) }, { multiple: true })).toBe(3);
    expect(await updated({ testNum: h._.gt(0) }, {})).toBe(3);
    expect(await deleted({ testNum: h._.gt(0) }, { multiple: false })).toBe(1);
    expect(await deleted({ testNum: h._.gt(0) }, {})).toBe(2);
  });

  it('updating to an empty array, nested nulls', async () => {
    // node-sdk index.test.ts:77-83 and 149-180.
    const id = (await h.db.collection('docs').add({ a: 1 })).id as string;
    await h.db.collection('docs').where({ _id: id }).update({ a: [] });
    expect((await getOne('docs', { _id: id })).a).toEqual([]);
    const res = await h.db
      .collection('docs')
      .where({ _id: id })
      .update({ data: { a: null, b: null, c: null } });
    expect(res.updated).toBe(1);
    expect((await getOne('docs', { _id: id })).data).toEqual({ a: null, b: null, c: null });
    expect((await h.db.collection('docs').doc(id).remove()).deleted).toBe(1);
  });
});

describe('field names', () => {
  it("a '$'-prefixed field name is refused with DATABASE_REQUEST_FAILED", async () => {
    // node-sdk test/database/index.test.ts:93-108: add({ $_key: 1 }) answers code DATABASE_REQUEST_FAILED.
    await expect(h.db.collection('names').add({ $_key: 1 })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    await expect(h.db.collection('names').add({ a: { $b: 1 } })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    await h.seed('names', [{ _id: 'n' }]);
    await expect(h.db.collection('names').doc('n').set({ $x: 1 })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    await expect(
      h.db
        .collection('names')
        .doc('n')
        .update({ a: h._.set({ $x: 1 }) }),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  });

  it('an insert keeps a field name containing a dot; later updates of other fields work', async () => {
    // node-sdk test/database/index.test.ts:149-180: add({ 'key.': '1' }) succeeds, then where({_id}).update() counts > 0.
    const res = await h.db.collection('names').add({ 'key.': '1', 'a.b': 2 });
    const id = res.id as string;
    expect((await h.db.collection('names').doc(id).get()).data[0]).toEqual({ _id: id, 'key.': '1', 'a.b': 2 });
    expect(
      (
        await h.db
          .collection('names')
          .where({ _id: id })
          .update({ data: { a: null } })
      ).updated,
    ).toBe(1);
    // A dotted query path walks nested fields (MongoDB): it does not read the dotted field name.
    expect((await h.db.collection('names').where({ 'a.b': 2 }).get()).data).toEqual([]);
  });

  it('set() of nested objects stores them nested; a dotted field name inside set()/update values is refused', async () => {
    // MongoDB 4.x storage validation for updates/replacements: "The dotted field 'x.y' in 'o.x.y' is not valid for storage."
    await h.seed('names', [{ _id: 'n' }]);
    await h.db
      .collection('names')
      .doc('n')
      .set({ o: { x: { y: 1 } } });
    expect((await h.db.collection('names').doc('n').get()).data[0]).toEqual({ _id: 'n', o: { x: { y: 1 } } });
    await expect(
      h.db
        .collection('names')
        .doc('n')
        .set({ o: { 'x.y': 1 } }),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    await expect(
      h.db
        .collection('names')
        .doc('n')
        .update({ o: h._.set({ 'x.y': 1 }) }),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    // update() with a dotted key is a path into nested objects.
    await h.db.collection('names').doc('n').update({ 'o.x.z': 2 });
    expect((await h.db.collection('names').doc('n').get()).data[0]).toEqual({ _id: 'n', o: { x: { y: 1, z: 2 } } });
  });
});

describe('serverDate()', () => {
  it('is one instant for every occurrence in one request', async () => {
    // node-sdk test/database/unit/date.test.ts:27-44 and 91-95: serverDate2 (offset 60 s) is exactly serverDate1 + 60 s;
    // the server resolves serverDate() once per request.
    const offset = 60 * 1000;
    const res = await h.db.collection('dates').add({
      name: 'test',
      serverDate1: h.db.serverDate(),
      serverDate2: h.db.serverDate({ offset }),
      innerServerDate: [h.db.serverDate({ offset })],
      foo: { bar: h.db.serverDate({ offset }) },
      emptyArray: [],
      emptyObject: {},
    });
    const [doc] = (await h.db.collection('dates').where({ _id: res.id }).get()).data;
    expect(doc.serverDate1).toBeInstanceOf(Date);
    expect(doc.serverDate2.getTime()).toBe(doc.serverDate1.getTime() + offset);
    expect(doc.innerServerDate[0].getTime()).toBe(doc.serverDate2.getTime());
    expect(doc.foo.bar.getTime()).toBe(doc.serverDate2.getTime());
    expect(doc.emptyArray).toEqual([]);
    expect(doc.emptyObject).toEqual({});
    await h.db
      .collection('dates')
      .doc(res.id as string)
      .update({ a: h.db.serverDate(), b: h.db.serverDate(), list: h._.push(h.db.serverDate()) });
    const [after] = (await h.db.collection('dates').where({ _id: res.id }).get()).data;
    expect(after.a.getTime()).toBe(after.b.getTime());
    expect(after.list[0].getTime()).toBe(after.a.getTime());
    expect(after.a.getTime()).toBeGreaterThan(doc.serverDate1.getTime());
  });

  it('a long offset (one year) is honoured', async () => {
    // node-sdk date.test.ts:59-72.
    const res = await h.db.collection('dates').add({ name: 'longOffsetTest', serverDate1: h.db.serverDate({ offset: 31536000000 }) });
    const [doc] = (await h.db.collection('dates').where({ _id: res.id }).get()).data;
    expect(doc.serverDate1.getUTCFullYear()).toBe(clock.getUTCFullYear() + 1);
  });

  it('update with dates and serverDate offsets, push(serverDate)', async () => {
    // node-sdk date.test.ts:121-143.
    const date = new Date('2030-01-01T00:00:00Z');
    const id = (await h.db.collection('dates').add({ date, serverDate1: h.db.serverDate(), innerServerDate: [] })).id as string;
    const newDate = new Date('2030-02-01T00:00:00Z');
    const res = await h.db
      .collection('dates')
      .where({ date: h._.lte(date).and(h._.gte(date)) })
      .update({
        date: newDate,
        serverDate2: h.db.serverDate({ offset: 1000 * 60 * 60 }),
        innerServerDate: h._.push(h.db.serverDate({ offset: 60000 })),
      });
    expect(res.updated).toBe(1);
    const doc = (await h.db.collection('dates').doc(id).get()).data[0];
    expect(doc.date.getTime()).toBe(newDate.getTime());
    expect(doc.serverDate2.getTime() - doc.serverDate1.getTime()).toBeGreaterThan(1000 * 60 * 60);
    clock = new Date(clock.getTime());
  });
});

describe('a write pinned to one _id inside _.and (the compare-and-set of a sign-out)', () => {
  beforeEach(() =>
    h.seed('days', [
      { _id: 'd1', signInAt: 1, signOutAt: 5 },
      { _id: 'd2', signInAt: 1 },
      { _id: 'd3', signInAt: 1, signOutAt: 9 },
    ]),
  );
  const later = (id: unknown, at: number) => {
    const _ = h.db.command;
    return h.db
      .collection('days')
      .where(_.and([{ _id: id, signInAt: _.exists(true) }, _.or([{ signOutAt: _.exists(false) }, { signOutAt: _.lt(at) }])]))
      .update({ signOutAt: at });
  };

  it('writes that one document only when the rest of the condition holds, as a scan of the whole collection would', async () => {
    expect((await later('d1', 7)).updated).toBe(1);
    expect((await later('d3', 7)).updated).toBe(0);
    expect((await later('d2', 3)).updated).toBe(1);
    expect((await later('none', 7)).updated).toBe(0);
    // Not pinned to one _id: every document the condition matches is a candidate.
    const _ = h.db.command;
    expect((await later(_.in(['d1', 'd3']), 8)).updated).toBe(1);
    const docs = (await h.db.collection('days').orderBy('_id', 'asc').get()).data;
    expect(docs.map((d: { signOutAt?: number }) => d.signOutAt)).toEqual([8, 3, 9]);
  });
});
