// Why: collection- and document-level calls (add/get/set/remove/count, options) answer like CloudBase, ported from the node-sdk's collection, document and index tests.
import { startHarness, type EmulatorHarness } from './helpers';

let h: EmulatorHarness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.engine.reset());

describe('collection (collection.test.ts)', () => {
  it('createCollection, get, orderBy, limit(1), skip', async () => {
    // node-sdk test/database/unit/collection.test.ts:17-62; test/common/index.ts safeCollection (createCollection).
    await h.db.createCollection('coll');
    await expect(h.db.createCollection('coll')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_ALREADY_EXIST' });
    await h.seed('coll', [{ name: 'A' }, { name: 'B' }]);
    expect((await h.db.collection('coll').get()).data).toHaveLength(2);
    expect((await h.db.collection('coll').orderBy('name', 'desc').get()).data.map((d: { name: string }) => d.name)).toEqual(['B', 'A']);
    expect((await h.db.collection('coll').limit(1).get()).data).toHaveLength(1);
    expect((await h.db.collection('coll').skip(2).get()).data).toEqual([]);
  });

  it('remove() ignores skip/orderBy/limit (the SDK does not send them)', async () => {
    // collection.test.ts:98-130: where({text}).orderBy().skip(3).remove() leaves no document.
    const text = 'test for add and remove with skip';
    await h.seed(
      'coll',
      Array.from({ length: 10 }, () => ({ text })),
    );
    await h.db.collection('coll').where({ text }).orderBy('text', 'asc').skip(3).remove();
    expect((await h.db.collection('coll').where({ text }).get()).data).toHaveLength(0);
  });

  it('add, update with eq(), remove; where({}) reads everything', async () => {
    // collection.test.ts:64-89 and 132-161.
    const res = await h.db.collection('coll').add({ name: 'huming' });
    expect(typeof res.id).toBe('string');
    expect(
      (
        await h.db
          .collection('coll')
          .where({ name: h._.eq('huming') })
          .update({ age: 18 })
      ).updated,
    ).toBe(1);
    expect((await h.db.collection('coll').where({}).get()).data).toEqual([{ _id: res.id, name: 'huming', age: 18 }]);
    expect(
      (
        await h.db
          .collection('coll')
          .where({ name: h._.eq('huming') })
          .remove()
      ).deleted,
    ).toBe(1);
    expect((await h.db.collection('coll').field({ age: 1 }).get()).data).toEqual([]);
  });
});

describe('documents (document.test.ts, index.test.ts)', () => {
  it('set() on a missing document upserts it; removing a missing document deletes 0', async () => {
    // node-sdk test/database/unit/document.test.ts:46-62 and 97-111.
    const res = await h.db.collection('docs').doc('123123123').set({ name: 'jude' });
    expect(res.upsertedId).toBe('123123123');
    expect(
      (
        await h.db
          .collection('docs')
          .where({ name: h._.eq('jude') })
          .get()
      ).data,
    ).toHaveLength(1);
    expect((await h.db.collection('docs').doc('abcdefABCDEF0123456789ab').remove()).deleted).toBe(0);
    expect((await h.db.collection('docs').doc('123123123').remove()).deleted).toBe(1);
  });

  it('null fields, ten inserts in one add(), remove counts, count() without a query', async () => {
    // node-sdk test/database/index.test.ts:70-130.
    const { id } = await h.db.collection('docs').add({ name: null });
    expect((await h.db.collection('docs').where({ _id: id }).get()).data).toEqual([{ _id: id, name: null }]);
    const many = await h.db.collection('docs').add(Array.from({ length: 10 }, () => ({ string: 'a', int: -1 })));
    expect(many.ids).toHaveLength(10);
    expect((await h.db.collection('docs').where({ int: -1 }).remove()).deleted).toBe(10);
    expect((await h.db.collection('docs').count()).total).toBe(1);
  });

  it('update() on a collection without where() is INVALID_PARAM, not an update of every document', async () => {
    // node-sdk index.test.ts:132-138 ("验证 无 query update": e.code === 'INVALID_PARAM').
    await h.seed('docs', [{ a: 0 }, { a: 0 }]);
    await expect(h.db.collection('docs').update({ a: 1 })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    expect((await h.engine.find('docs')).map((d) => d.a)).toEqual([0, 0]);
  });

  it('the $text operator is refused loudly', async () => {
    // advanced-operator.test.ts:539-548 (skipped upstream: no text index in CloudBase).
    await h.seed('docs', [{ a: 'life' }]);
    const res = await h.raw({
      action: 'database.getDocument',
      collectionName: 'docs',
      queryType: 'WHERE',
      query: '{"$text":{"$search":"life"}}',
    });
    expect(res).toMatchObject({ code: 'NOT_IMPLEMENTED', message: expect.stringContaining('$text') });
  });
});
