// Why: query operators answer what CloudBase answers, ported from the node-sdk's advanced-operator, regex-query, order, logic-operators and query-date tests.
import { startHarness, type EmulatorHarness } from './helpers';

let h: EmulatorHarness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.engine.reset());

// node-sdk test/database/unit/advanced-operator.test.ts:13-45.
const advanced = [
  { category: 'Web', tags: ['JavaScript', 'C#'], index: 0, tags2: [1, 2, 3] },
  { category: 'Web', tags: ['Go', 'C#'], index: 1, tags2: [1, 2, 3] },
  { category: 'luke', tags: ['Go'] },
  { category: 'Life', tags: ['Go', 'Python', 'JavaScript'], index: 2, tags2: [1, 2, 3] },
  { category: 'number', tags: [1, 2, 3, 4, 5, 6, 7, 8, 9], index: 3, tags2: [1, 2, 3] },
  { category: 'embedded', tags: [{ value: 1 }, { value: 7 }], index: 4, tags2: [1, 2, 3] },
  {
    category: 'float',
    tags: ['Go', 'Python', 'JavaScript'],
    index: 0.2,
    arr: [
      { name: 'A', subObj: {} },
      { name: 'B', subObj: {} },
      { name: 'C', subObj: {} },
    ],
  },
];
/** command.mod as the SDK runs it, with [divisor, remainder] or (divisor, remainder); its typings declare no parameters. */
const modAnyArity = (...args: unknown[]) => (h._.mod as (...args: unknown[]) => ReturnType<typeof h._.mod>)(...args);
const cats = async (where: object) => (await h.db.collection('adv').where(where).get()).data.map((d: { category: string }) => d.category);

describe('array operators (advanced-operator.test.ts)', () => {
  beforeEach(() => h.seed('adv', advanced));

  it('all', async () => {
    // advanced-operator.test.ts:179-189.
    expect(await cats({ tags: h._.all(['Go']) })).toEqual(['Web', 'luke', 'Life', 'float']);
  });

  it('elemMatch with an operator tests the elements themselves', async () => {
    // advanced-operator.test.ts:192-218.
    expect(await cats({ tags: h._.elemMatch(h._.gt(2)) })).toEqual(['number']);
    expect((await cats({ tags: h._.elemMatch(h._.neq('Go')) })).includes('luke')).toBe(false);
  });

  it('elemMatch with a field condition matches only documents in the array, never scalars', async () => {
    // advanced-operator.test.ts:220-230 and 255-266 (exactly one match: 'embedded'), 270-297 ($mod, both forms);
    // MongoDB $elemMatch: a query on element fields only matches embedded documents.
    expect(await cats({ tags: h._.elemMatch({ value: h._.gt(0) }) })).toEqual(['embedded']);
    expect(await cats({ tags: h._.elemMatch({ value: h._.exists(true) }) })).toEqual(['embedded']);
    expect(await cats({ tags: h._.elemMatch({ value: modAnyArity([4, 3]) }) })).toEqual(['embedded']);
    expect(await cats({ tags: h._.elemMatch({ value: modAnyArity(4, 3) }) })).toEqual(['embedded']);
    expect(await cats({ tags2: h._.elemMatch({ a: h._.gt(1) }) })).toEqual([]);
    expect(await cats({ tags2: h._.elemMatch(h._.or([{ a: h._.gt(1) }])) })).toEqual([]);
  });

  it('size and exists', async () => {
    // advanced-operator.test.ts:233-254.
    expect(await cats({ tags: h._.size(2) })).toEqual(['Web', 'Web', 'embedded']);
    expect(await cats({ tags: h._.exists(true) })).toHaveLength(advanced.length);
  });

  it('not(gt) also matches documents without the field', async () => {
    // advanced-operator.test.ts:506-515 (4 results: index 0, 1, missing, 0.2).
    expect(await cats({ index: h._.not(h._.gt(1)) })).toEqual(['Web', 'Web', 'luke', 'float']);
  });

  it('not(regexp)', async () => {
    // advanced-operator.test.ts:517-526 is skipped upstream ("not 目前还不支持正则"); MongoDB $not takes a regex.
    expect(await cats({ category: h._.not(/^[A-Z]/) })).toEqual(['luke', 'number', 'embedded', 'float']);
  });

  it('expr with $gte', async () => {
    // advanced-operator.test.ts:529-537.
    expect(await cats(h._.expr(h.$.gte(['$index', 3])))).toEqual(['number', 'embedded']);
  });

  it('jsonSchema required, alone and inside nor', async () => {
    // advanced-operator.test.ts:550-576.
    expect(await cats(h._.jsonSchema({ required: ['category'] }))).toHaveLength(advanced.length);
    expect(await cats(h._.nor([h._.jsonSchema({ required: ['category'] })]))).toEqual([]);
  });

  it('jsonSchema with types, properties and bounds', async () => {
    // MongoDB $jsonSchema (https://www.mongodb.com/docs/manual/reference/operator/query/jsonSchema/): keywords apply
    // only to values of their type; properties only to fields present.
    const schema = {
      required: ['index'],
      properties: { index: { bsonType: 'int', minimum: 1 }, tags2: { bsonType: 'array', maxItems: 3 } },
    };
    expect(await cats(h._.jsonSchema(schema))).toEqual(['Web', 'Life', 'number', 'embedded']);
    expect(await cats(h._.jsonSchema({ properties: { index: { bsonType: 'double' } }, required: ['index'] }))).toEqual(['float']);
    expect(await cats(h._.jsonSchema({ properties: { category: { type: 'string', pattern: '^[a-z]+$', maxLength: 5 } } }))).toEqual([
      'luke',
      'float',
    ]);
    expect(await cats(h._.jsonSchema({ properties: { tags: { items: { bsonType: 'string' } } }, required: ['tags'] }))).toEqual([
      'Web',
      'Web',
      'luke',
      'Life',
      'float',
    ]);
    expect(await cats(h._.jsonSchema({ properties: { category: { enum: ['Web', 'luke'] } } }))).toEqual(['Web', 'Web', 'luke']);
    expect(await cats(h._.jsonSchema({ not: { required: ['tags2'] } }))).toEqual(['luke', 'float']);
  });

  it('jsonSchema keywords the emulator or MongoDB cannot honour are refused', async () => {
    // MongoDB refuses "$ref", "format", type "integer" etc.; the emulator refuses "dependencies"/"patternProperties".
    await expect(cats(h._.jsonSchema({ properties: { a: { type: 'integer' } } }))).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    });
    await expect(cats(h._.jsonSchema({ format: 'email' }))).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    await expect(cats(h._.jsonSchema({ dependencies: { a: ['b'] } }))).rejects.toMatchObject({
      code: 'NOT_IMPLEMENTED',
      message: expect.stringContaining('dependencies'),
    });
    await expect(cats(h._.jsonSchema({ properties: { a: { bsonType: 'long' } } }))).rejects.toMatchObject({
      code: 'NOT_IMPLEMENTED',
      message: expect.stringContaining('long'),
    });
  });

  it('aggregate $match with a query command', async () => {
    // advanced-operator.test.ts:381-394.
    const res = await h.db
      .collection('adv')
      .aggregate()
      .match({ category: h._.eq('Web') })
      .end();
    expect(res.data.map((d: { category: string }) => d.category)).toEqual(['Web', 'Web']);
  });
});

describe('regular expressions (regex-query.test.ts)', () => {
  it('JS RegExp, db.RegExp, several fields, or() of regexes, update and remove by regex', async () => {
    // node-sdk test/database/unit/regex-query.test.ts:44-159.
    const coll = h.db.collection('regex');
    await coll.add({
      name: 'AbCdEfxxxxxxxxxxxxxx1234结尾',
      name2: 'fffffffffffffffffff',
      deepObject: { 'l-02-01': { 'l-03-01': { level: 1 } } },
    });
    const count = async (where: object) => (await coll.where(where).get()).data.length;
    const re = () => h.db.RegExp({ regexp: '^abcdef.*\\d+结尾$', options: 'i' });
    expect(await count({ name: /^abcdef.*\d+结尾$/i })).toBe(1);
    expect(await count({ name: new h.db.RegExp({ regexp: '^abcdef.*\\d+结尾$', options: 'i' }) })).toBe(1);
    expect(await count({ name: re() })).toBe(1);
    expect(await count({ name: re(), name2: /fff/ })).toBe(1);
    expect(await count(h._.or({ name: re(), name2: h.db.RegExp({ regexp: 'fffffff', options: 'i' }) }))).toBe(1);
    expect(await count({ name: h._.or(re(), h.db.RegExp({ regexp: '^fffffff$', options: 'i' })) })).toBe(1);
    const upd = await coll
      .where({ name: h._.or(re(), h.db.RegExp({ regexp: '^fffffff$', options: 'i' })) })
      .update({ name: 'ABCDEFxxxx5678结尾' });
    expect(upd.updated).toBe(1);
    expect((await coll.where({ name: re() }).remove()).deleted).toBe(1);
    expect(await count({})).toBe(0);
  });

  it('where({_id: /.*/}) matches every string _id (how the sdk tests clean up)', async () => {
    // node-sdk test/common/index.ts safeCollection: remove({ _id: /.*/ }) empties a collection.
    await h.seed('regex', [{ a: 1 }, { _id: 'x', a: 2 }]);
    expect((await h.db.collection('regex').where({ _id: /.*/ }).remove()).deleted).toBe(2);
  });
});

describe('order, logic operators and dates', () => {
  it('orderBy on Chinese strings compares binary (code point) order', async () => {
    // node-sdk test/database/unit/order.test.ts:31-88.
    await h.seed('order', [
      { category: '类别B', value: 1 },
      { category: '类别C', value: 2 },
      { category: '类别A', value: 3 },
    ]);
    const res = await h.db.collection('order').where({ category: /^类别/i }).orderBy('category', 'asc').get();
    expect(res.data.map((d: { category: string }) => d.category)).toEqual(['类别A', '类别B', '类别C']);
    expect(
      (
        await h.db
          .collection('order')
          .where({ category: h.db.RegExp({ regexp: '^类别' }) })
          .remove()
      ).deleted,
    ).toBe(3);
  });

  it('or over several fields, nor of field conditions, or over dates', async () => {
    // node-sdk test/database/unit/logic-operators.test.ts:32-59.
    const date = new Date('2030-01-01T00:00:00Z');
    await h.seed('logic', [
      { category: 'Web', tags: ['JavaScript', 'C#'], date },
      { category: 'Web', tags: ['Go', 'C#'] },
      { category: 'Life', tags: ['Go'] },
    ]);
    const logic = h.db.collection('logic');
    expect((await logic.where(h._.or({ category: 'Life' }, { date })).get()).data).toHaveLength(2);
    expect((await logic.where({ category: h._.nor(h._.eq('Life'), h._.eq('Web')) }).get()).data).toEqual([]);
    expect((await logic.where({ date: h._.or(date, new Date(date.getTime() + 10000)) }).get()).data).toHaveLength(1);
  });

  it('dates: direct match, eq, lte', async () => {
    // node-sdk test/database/unit/query-date.test.ts:12-59.
    await h.seed('dates', [
      { date: new Date(1565314149491) },
      { date: new Date(1565314249491) },
      { date: new Date(1565314349491) },
      { date: h.db.serverDate() },
    ]);
    const n = async (where: object) => (await h.db.collection('dates').where(where).get()).data.length;
    expect(await n({ date: new Date(1565314149491) })).toBe(1);
    expect(await n({ date: h._.eq(new Date(1565314149491)) })).toBe(1);
    expect(await n({ date: h._.lte(new Date(1565314349491)) })).toBe(3);
  });

  it('compound and on two fields', async () => {
    // node-sdk test/database/index.test.ts:182-203.
    await h.seed('q', [
      { a: 1, b: 100 },
      { a: 10, b: 1 },
      { a: 5, b: 50 },
    ]);
    const query = h._.or({ b: h._.and(h._.gte(1), h._.lte(10)) }, { b: h._.and(h._.gt(99), h._.lte(101)) });
    expect((await h.db.collection('q').where(query).get()).data).toHaveLength(2);
    expect((await h.db.collection('q').where(query).remove()).deleted).toBe(2);
    const res = await h.db
      .collection('q')
      .where({ date: h._.gt(20190401).and(h._.lte(20190430)), hour: h._.gt(8).and(h._.lte(12)) })
      .get();
    expect(res.data).toEqual([]);
  });

  it('raw (mongodb) queries with $eq', async () => {
    // node-sdk test/database/unit/collection.test.ts:163-183.
    await h.seed('raw', [{ key: 'a', value: 60 }]);
    const coll = h.db.collection('raw');
    const r1 = await coll
      .options({ raw: true })
      .where({ key: { $eq: 'a' } })
      .get();
    const r2 = await coll.options({ raw: true }).where({ key: 'a' }).get();
    expect(r1.data).toHaveLength(1);
    expect(r2.data).toHaveLength(1);
  });
});
