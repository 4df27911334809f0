// Why: no request can write into Object.prototype (or any shared prototype) of the emulator process through a field name or path, and such names never read inherited members.
import { startHarness, prototypeKeys, type EmulatorHarness } from './helpers';

let h: EmulatorHarness;
let before: string[];

beforeAll(async () => {
  h = await startHarness();
  before = prototypeKeys();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.engine.reset();
  await h.seed('scans', [
    { _id: 's1', scans: { a: 1 }, list: [{ k: 1 }], n: 1 },
    { _id: 's2', scans: { a: 2 }, list: [], n: 2 },
  ]);
});

function expectClean(): void {
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(prototypeKeys()).toEqual(before);
}

async function expectStillAnswers(): Promise<void> {
  const res = await h.db
    .collection('scans')
    .where({ n: h._.gte(1) })
    .orderBy('n', 'asc')
    .get();
  expect(res.data).toEqual([
    { _id: 's1', scans: { a: 1 }, list: [{ k: 1 }], n: 1 },
    { _id: 's2', scans: { a: 2 }, list: [], n: 2 },
  ]);
  expect(
    (
      await h.db
        .collection('scans')
        .where({ x: h._.exists(true) })
        .count()
    ).total,
  ).toBe(0);
}

const raw = (action: string, fields: object) => h.raw({ action: `database.${action}`, collectionName: 'scans', ...fields });

// The emulator refuses these names (INVALID_PARAM) rather than storing them: mingo reads and writes fields with plain
// property access, so they cannot be kept as own fields safely (MongoDB itself would store them as plain names).
describe('update paths', () => {
  it.each([
    ['scans.__proto__.x', 1],
    ['scans.constructor.prototype.x', 1],
    ['__proto__.x', 1],
    ['list.0.__proto__.x', 1],
    ['scans.prototype', 1],
  ])('$set %s is refused and pollutes nothing', async (path, value) => {
    await expect(
      h.db
        .collection('scans')
        .doc('s1')
        .update({ [path]: value }),
    ).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    const rawRes = await raw('modifyDocument', {
      queryType: 'WHERE',
      query: '{}',
      data: JSON.stringify({ $set: { [path]: value } }),
      multi: true,
      merge: true,
    });
    expect(rawRes).toMatchObject({ code: 'INVALID_PARAM' });
    expectClean();
    await expectStillAnswers();
  });

  it("{ 'scans.__proto__': {...} } (nested object under a __proto__ path) is refused", async () => {
    await expect(
      h.db
        .collection('scans')
        .doc('s1')
        .update({ 'scans.__proto__': { x: 1 } }),
    ).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    const rawRes = await raw('modifyDocument', {
      queryType: 'DOC',
      query: '{"_id":"s1"}',
      data: '{"$set":{"scans.__proto__":{"x":1}}}',
      merge: true,
    });
    expect(rawRes).toMatchObject({ code: 'INVALID_PARAM' });
    expectClean();
    await expectStillAnswers();
  });

  it('every update operator with a reserved path segment is refused', async () => {
    for (const op of ['$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$pull', '$unset', '$currentDate', '$pop']) {
      const operand = op === '$currentDate' || op === '$pop' ? 1 : op === '$unset' ? '' : 1;
      const res = await raw('modifyDocument', {
        queryType: 'WHERE',
        query: '{}',
        data: JSON.stringify({ [op]: { 'a.__proto__.x': operand } }),
        multi: true,
        merge: true,
      });
      expect([op, res.code]).toEqual([op, 'INVALID_PARAM']);
    }
    const rename = await raw('modifyDocument', {
      queryType: 'WHERE',
      query: '{}',
      data: '{"$rename":{"n":"scans.__proto__.x"}}',
      multi: true,
      merge: true,
    });
    expect(rename).toMatchObject({ code: 'INVALID_PARAM' });
    expectClean();
    await expectStillAnswers();
  });
});

describe('stored objects and EJSON input', () => {
  it('__proto__ / constructor / prototype as keys inside stored objects are refused (insert, set, update values)', async () => {
    const docs = [
      '{"__proto__":{"x":1}}',
      '{"a":{"__proto__":{"x":1}}}',
      '{"a":[{"constructor":{"prototype":{"x":1}}}]}',
      '{"prototype":1}',
    ];
    for (const d of docs) expect(await raw('insertDocument', { data: [d] })).toMatchObject({ code: 'INVALID_PARAM' });
    const set = await raw('modifyDocument', {
      queryType: 'DOC',
      query: '{"_id":"s1"}',
      data: '{"a":{"__proto__":{"x":1}}}',
      merge: false,
      upsert: true,
    });
    expect(set).toMatchObject({ code: 'INVALID_PARAM' });
    const upd = await raw('modifyDocument', {
      queryType: 'DOC',
      query: '{"_id":"s1"}',
      data: '{"$set":{"scans":{"__proto__":{"polluted":1}}}}',
      merge: true,
    });
    expect(upd).toMatchObject({ code: 'INVALID_PARAM' });
    const push = await raw('modifyDocument', {
      queryType: 'DOC',
      query: '{"_id":"s1"}',
      data: '{"$push":{"list":{"$each":[{"__proto__":{"x":1}}]}}}',
      merge: true,
    });
    expect(push).toMatchObject({ code: 'INVALID_PARAM' });
    const ejson = await raw('insertDocument', { data: ['{"a":{"__proto__":{"$date":{"$numberLong":"1"}}}}'] });
    expect(ejson).toMatchObject({ code: 'INVALID_PARAM' });
    expect((await h.engine.find('scans')).map((d) => d._id)).toEqual(['s1', 's2']);
    expectClean();
    await expectStillAnswers();
  });

  it('an SDK add() of an object with an own __proto__ key stores nothing under Object.prototype', async () => {
    // The SDK's serializer copies the object with Object.assign, which turns the own __proto__ key into the copy's
    // prototype and then enumerates its members: the request carries { name, x } and never a __proto__ key.
    const doc = JSON.parse('{"name":"p","__proto__":{"x":1}}');
    const { id } = await h.db.collection('scans').add(doc);
    expect(
      (
        await h.db
          .collection('scans')
          .doc(id as string)
          .get()
      ).data,
    ).toEqual([{ _id: id, name: 'p', x: 1 }]);
    expectClean();
  });
});

describe('query paths and expressions', () => {
  it('reserved names in where() paths are refused instead of reading inherited members', async () => {
    // Without the check, mingo read {}.constructor (Object) and matched every document.
    await expect(
      h.db
        .collection('scans')
        .where({ constructor: h._.exists(true) })
        .get(),
    ).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(
      h.db
        .collection('scans')
        .where({ 'scans.toString': h._.exists(true) })
        .count(),
    ).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(h.db.collection('scans').where({ 'scans.__proto__.x': 1 }).remove()).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    const q = await raw('getDocument', { queryType: 'WHERE', query: '{"list":{"$elemMatch":{"constructor":{"$exists":true}}}}' });
    expect(q).toMatchObject({ code: 'INVALID_PARAM' });
    const expr = await raw('getDocument', { queryType: 'WHERE', query: '{"$expr":{"$eq":["$scans.constructor","$n"]}}' });
    expect(expr).toMatchObject({ code: 'INVALID_PARAM' });
    await expect(h.db.collection('scans').orderBy('constructor', 'asc').get()).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(h.db.collection('scans').field({ 'scans.__proto__': true }).get()).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    expectClean();
    await expectStillAnswers();
  });

  it('reserved names in aggregation field paths and stage options are refused', async () => {
    const agg = () => h.db.collection('scans').aggregate();
    await expect(agg().project({ x: '$scans.constructor' }).end()).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(
      agg()
        .group({ _id: '$__proto__', n: h.$.sum(1) })
        .end(),
    ).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(agg().addFields({ 'a.__proto__.x': 1 }).end()).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(agg().lookup({ from: 'scans', localField: 'constructor', foreignField: '_id', as: 'j' }).end()).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    });
    await expect(agg().lookup({ from: 'scans', localField: 'n', foreignField: 'n', as: '__proto__' }).end()).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    });
    await expect(agg().unwind({ path: '$list', includeArrayIndex: '__proto__' }).end()).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(agg().count('__proto__').end()).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(agg().replaceRoot({ newRoot: '$$ROOT.__proto__' }).end()).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(
      agg()
        .project({ _id: 0, v: h.$.literal('$constructor') })
        .end(),
    ).resolves.toMatchObject({ data: [{ v: '$constructor' }, { v: '$constructor' }] });
    expectClean();
    await expectStillAnswers();
  });
});
