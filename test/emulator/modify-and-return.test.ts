// Why: updateAndReturn() (database.modifyAndReturnDoc) answers like CloudBase's findAndModify, ported from the node-sdk's index and transaction tests.
import { startHarness, type EmulatorHarness } from './helpers';

let h: EmulatorHarness;
/** What startTransaction() hands out (@cloudbase/database types it as any). */
interface Transaction {
  collection(name: string): ReturnType<EmulatorHarness['db']['collection']>;
  commit(): Promise<unknown>;
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.engine.reset());

describe('updateAndReturn()', () => {
  it('updates the first match and returns its new version', async () => {
    // node-sdk test/database/index.test.ts:267-274: res.doc.a === 2.
    const ids = await h.seed('fam', [
      { a: 1, n: 1 },
      { a: 1, n: 2 },
    ]);
    const res = await h.db.collection('fam').where({ a: 1 }).updateAndReturn({ a: 2 });
    expect(res.updated).toBe(1);
    expect(res.doc).toEqual({ _id: ids[0], a: 2, n: 1 });
    const rows = await h.engine.find('fam');
    expect(rows.map((r) => r.a)).toEqual([2, 1]);
  });

  it('counts 1 when the update writes the values the document already has', async () => {
    // node-sdk index.test.ts:276-282: updateAndReturn({a: 1}) on {a: 1} answers updated === 1.
    await h.seed('fam', [{ a: 1 }]);
    const res = await h.db.collection('fam').where({ a: 1 }).updateAndReturn({ a: 1 });
    expect(res.updated).toBe(1);
    expect(res.doc).toMatchObject({ a: 1 });
  });

  it('answers updated 0 and doc null when nothing matches', async () => {
    // node-sdk index.test.ts:284-287.
    await h.seed('fam', [{ a: 1 }]);
    const res = await h.db.collection('fam').where({ a: -1 }).updateAndReturn({ a: 1 });
    expect(res.updated).toBe(0);
    expect(res.doc).toBeNull();
  });

  it('applies update commands and returns typed values (dates)', async () => {
    await h.seed('fam', [{ _id: 'x', n: 1, tags: [] }]);
    const at = new Date('2030-01-01T00:00:00Z');
    const res = await h.db
      .collection('fam')
      .where({ _id: 'x' })
      .updateAndReturn({ n: h._.inc(5), tags: h._.push('t'), at });
    expect(res.doc).toEqual({ _id: 'x', n: 6, tags: ['t'], at });
    expect(res.doc.at).toBeInstanceOf(Date);
  });

  it('inside a transaction, by _id; other queries there are refused loudly', async () => {
    // node-sdk test/database/unit/transaction.test.ts:255-266 (modifyAndReturnDoc in a transaction, where({category})):
    // the emulator runs single-document transactions only, so a non-_id query there is NOT_IMPLEMENTED.
    await h.seed('fam', [{ _id: 'a', category: 'Web' }]);
    const tx: Transaction = await h.db.startTransaction();
    const res = await tx.collection('fam').where({ _id: 'a' }).updateAndReturn({ category: 'web' });
    expect(res.doc.category).toBe('web');
    expect((await h.db.collection('fam').doc('a').get()).data[0].category).toBe('Web');
    await expect(tx.collection('fam').where({ category: 'web' }).updateAndReturn({ category: 'x' })).rejects.toMatchObject({
      code: 'NOT_IMPLEMENTED',
    });
    await tx.commit();
    expect((await h.db.collection('fam').doc('a').get()).data[0].category).toBe('web');
  });

  it('an unknown collection is DATABASE_COLLECTION_NOT_EXIST', async () => {
    await expect(h.db.collection('nope').where({ a: 1 }).updateAndReturn({ a: 2 })).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
    });
  });
});
