// Why: field() (find projection) and the $project stage answer exactly the fields CloudBase (MongoDB) answers, ported from the node-sdk's projection/aggregation tests.
import { startHarness, type EmulatorHarness } from './helpers';

let h: EmulatorHarness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.engine.reset());

const passages = [
  { category: 'Web', tags: ['JavaScript', 'C#'] },
  { category: 'Web', tags: ['Go', 'C#'] },
  { category: 'Life', tags: ['Go', 'Python', 'JavaScript'] },
];

describe('field() projection on get()', () => {
  beforeEach(() => h.seed('passages', passages));

  it('project.slice(1) keeps one array element and every other field', async () => {
    // node-sdk test/database/unit/projection.test.ts:30-40; MongoDB $slice projection returns all other fields too
    // (https://www.mongodb.com/docs/manual/reference/operator/projection/slice/).
    const res = await h.db
      .collection('passages')
      .field({ tags: h._.project.slice(1) })
      .get();
    expect(res.data.map((d: { tags: string[] }) => d.tags)).toEqual([['JavaScript'], ['Go'], ['Go']]);
    expect(res.data.every((d: { _id: unknown; category: unknown }) => typeof d._id === 'string' && typeof d.category === 'string')).toBe(
      true,
    );
  });

  it('field({category: true}) returns _id and category only', async () => {
    // node-sdk projection.test.ts:42-54.
    const res = await h.db.collection('passages').field({ category: true }).get();
    expect(res.data.map((d: object) => Object.keys(d).sort())).toEqual([
      ['_id', 'category'],
      ['_id', 'category'],
      ['_id', 'category'],
    ]);
  });

  it('field({category: 0}) drops category', async () => {
    // node-sdk projection.test.ts:56-65.
    const res = await h.db.collection('passages').field({ category: 0 }).get();
    expect(Object.keys(res.data[0]).sort()).toEqual(['_id', 'tags']);
  });

  it('_id: 0 with only a $slice keeps every other field (exclusion-style projection)', async () => {
    // MongoDB projection semantics: {_id: 0, f: {$slice}} excludes _id only.
    const res = await h.db
      .collection('passages')
      .field({ _id: false, tags: h._.project.slice(-1) })
      .get();
    expect(res.data).toEqual([
      { category: 'Web', tags: ['C#'] },
      { category: 'Web', tags: ['C#'] },
      { category: 'Life', tags: ['JavaScript'] },
    ]);
  });

  it('_id: 0 with only an $elemMatch returns that field alone (inclusion-style projection)', async () => {
    // MongoDB $elemMatch projection returns only _id and the projected array
    // (https://www.mongodb.com/docs/manual/reference/operator/projection/elemMatch/); with _id: 0, only the array.
    await h.db.collection('schools').add([
      {
        zip: 1,
        students: [
          { name: 'john', school: 102 },
          { name: 'jess', school: 102 },
        ],
      },
      { zip: 2, students: [{ name: 'ajax', school: 100 }] },
    ]);
    const res = await h.db
      .collection('schools')
      .field({ _id: false, students: h._.project.elemMatch({ school: 102 }) })
      .get();
    expect(res.data).toEqual([{ students: [{ name: 'john', school: 102 }] }, {}]);
  });

  it('mixing inclusion and exclusion is refused, not guessed', async () => {
    // MongoDB: "Cannot do exclusion on field tags in inclusion projection" (a request failure).
    await expect(h.db.collection('passages').field({ category: true, tags: false }).get()).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    });
  });

  it('expression projections in field() are refused loudly', async () => {
    // CloudBase documents field() values as true/false (1/0), project.slice and project.elemMatch only
    // (https://docs.cloudbase.net/api-reference/server/node-sdk/database/query#field).
    const res = await h.raw({
      action: 'database.getDocument',
      collectionName: 'passages',
      queryType: 'WHERE',
      projection: '{"_id":0,"c":{"$concat":["$category","!"]}}',
    });
    expect(res).toMatchObject({ code: 'NOT_IMPLEMENTED' });
  });
});

describe('$project stage', () => {
  it('includes listed fields; _id: 0 removes _id', async () => {
    // node-sdk aggregation.test.ts:162-190.
    await h.seed('articles', [{ title: 'This is title', author: 'Nobody', isbn: '123456789', introduction: '......' }]);
    const inc = await h.db.collection('articles').aggregate().project({ title: 1, author: 1 }).end();
    expect(Object.keys(inc.data[0]).sort()).toEqual(['_id', 'author', 'title']);
    const noId = await h.db.collection('articles').aggregate().project({ _id: 0, title: 1, author: 1 }).end();
    expect(noId.data[0]).toEqual({ author: 'Nobody', title: 'This is title' });
  });

  it('computed fields next to an included field', async () => {
    // node-sdk aggregation.test.ts:192-223.
    await h.seed('users', [{ name: '小明', scores: { chinese: 80, math: 90, english: 70 } }]);
    const res = await h.db
      .collection('users')
      .aggregate()
      .project({ _id: 0, name: 1, totalScore: h.$.sum(['$scores.chinese', '$scores.math', '$scores.english']) })
      .end();
    expect(res.data[0]).toEqual({ name: '小明', totalScore: 240 });
  });

  it('_id: 0 with only computed fields returns only those fields', async () => {
    // node-sdk aggregation.test.ts:225-248 (a new array field) and command.test.ts:428-444 ($literal), 514-528 ($concat).
    await h.seed('points', [
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 3, y: 3 },
    ]);
    const arr = await h.db
      .collection('points')
      .aggregate()
      .project({ _id: 0, coordinate: ['$x', '$y'] })
      .end();
    expect(arr.data).toEqual([{ coordinate: [1, 1] }, { coordinate: [2, 2] }, { coordinate: [3, 3] }]);
    const lit = await h.db
      .collection('points')
      .aggregate()
      .project({ _id: 0, isOne: h.$.eq(['$x', h.$.literal(1)]) })
      .end();
    expect(lit.data).toEqual([{ isOne: true }, { isOne: false }, { isOne: false }]);
    const renamed = await h.db.collection('points').aggregate().project({ _id: 0, px: '$x' }).end();
    expect(renamed.data).toEqual([{ px: 1 }, { px: 2 }, { px: 3 }]);
  });

  it('a field included with 1 next to $literal(1)', async () => {
    // node-sdk command.test.ts:446-463.
    await h.seed('goods', [{ price: '$1' }, { price: '$2.50' }]);
    const res = await h.db
      .collection('goods')
      .aggregate()
      .project({ _id: 0, price: 1, amount: h.$.literal(1) })
      .end();
    expect(res.data).toEqual([
      { amount: 1, price: '$1' },
      { amount: 1, price: '$2.50' },
    ]);
    const dollar = await h.db
      .collection('goods')
      .aggregate()
      .project({ _id: 0, isOneDollar: h.$.eq(['$price', h.$.literal('$1')]) })
      .end();
    expect(dollar.data).toEqual([{ isOneDollar: true }, { isOneDollar: false }]);
  });

  it('computed fields without _id: 0 keep _id and nothing else', async () => {
    // MongoDB $project: an inclusion projection (computed fields count as inclusions) keeps _id unless excluded.
    await h.seed('points', [{ _id: 'p1', x: 1, y: 2 }]);
    const res = await h.db
      .collection('points')
      .aggregate()
      .project({ sum: h.$.add(['$x', '$y']) })
      .end();
    expect(res.data).toEqual([{ _id: 'p1', sum: 3 }]);
  });

  it('$cond / $ifNull / $switch with _id: 0', async () => {
    // node-sdk command.test.ts:200-262.
    await h.seed('goods', [
      { name: 'a', amount: 100, desc: 'A' },
      { name: 'b', amount: 200, desc: null },
      { name: 'c', amount: 300 },
    ]);
    const cond = await h.db
      .collection('goods')
      .aggregate()
      .project({ _id: 0, name: 1, discount: h.$.cond({ if: h.$.gte(['$amount', 200]), then: 0.7, else: 0.9 }) })
      .end();
    expect(cond.data).toEqual([
      { name: 'a', discount: 0.9 },
      { name: 'b', discount: 0.7 },
      { name: 'c', discount: 0.7 },
    ]);
    const ifNull = await h.db
      .collection('goods')
      .aggregate()
      .project({ _id: 0, name: 1, desc: h.$.ifNull(['$desc', 'Not defined']) })
      .end();
    expect(ifNull.data).toEqual([
      { desc: 'A', name: 'a' },
      { desc: 'Not defined', name: 'b' },
      { desc: 'Not defined', name: 'c' },
    ]);
    const sw = await h.db
      .collection('goods')
      .aggregate()
      .project({
        _id: 0,
        name: 1,
        discount: h.$.switch({
          branches: [
            { case: h.$.gt(['$amount', 250]), then: 0.8 },
            { case: h.$.gt(['$amount', 150]), then: 0.9 },
          ],
          default: 1,
        }),
      })
      .end();
    expect(sw.data).toEqual([
      { name: 'a', discount: 1 },
      { name: 'b', discount: 0.9 },
      { name: 'c', discount: 0.8 },
    ]);
  });

  it('$let and $mergeObjects with only computed fields', async () => {
    // node-sdk command.test.ts:162-176 ($let) and 785-800 ($mergeObjects outside $group).
    await h.seed('goods', [{ foo: { a: 1 }, bar: { b: 2 }, price: 10, discount: 0.5, cost: -1 }]);
    const merged = await h.db
      .collection('goods')
      .aggregate()
      .project({ _id: 0, foobar: h.$.mergeObjects(['$foo', '$bar']) })
      .end();
    expect(merged.data).toEqual([{ foobar: { a: 1, b: 2 } }]);
    const profit = await h.db
      .collection('goods')
      .aggregate()
      .project({
        _id: 0,
        profit: h.$.let({ vars: { priceTotal: h.$.multiply(['$price', '$discount']) }, in: h.$.sum(['$$priceTotal', '$cost']) }),
      })
      .end();
    expect(profit.data).toEqual([{ profit: 4 }]);
  });

  it('exclusion: {_id: 0} alone after $skip/$sort/$unwind keeps the other fields', async () => {
    // node-sdk aggregation.test.ts:335-345 (skip), 369-391 (sort), 415-468 (unwind).
    await h.seed('articles', [
      { product: 'tshirt', size: ['S', 'M', 'L'] },
      { product: 'pants', size: [] },
      { product: 'socks', size: null },
      { product: 'trousers', size: ['S'] },
      { product: 'sweater', size: ['M', 'L'] },
    ]);
    const unwound = await h.db.collection('articles').aggregate().unwind('$size').project({ _id: 0 }).end();
    expect(unwound.data).toHaveLength(6);
    expect(unwound.data[0]).toEqual({ product: 'tshirt', size: 'S' });
    const indexed = await h.db
      .collection('articles')
      .aggregate()
      .unwind({ path: '$size', includeArrayIndex: 'arrayIndex' })
      .project({ _id: 0 })
      .end();
    expect(indexed.data[0]).toEqual({ arrayIndex: 0, product: 'tshirt', size: 'S' });
    const kept = await h.db
      .collection('articles')
      .aggregate()
      .unwind({ path: '$size', preserveNullAndEmptyArrays: true })
      .project({ _id: 0 })
      .end();
    expect(kept.data).toHaveLength(8);
  });

  it('mixing exclusion with inclusion in $project is refused', async () => {
    // MongoDB: "Invalid $project :: caused by :: Cannot do exclusion on field b in inclusion projection".
    await h.seed('points', [{ x: 1, y: 1 }]);
    await expect(h.db.collection('points').aggregate().project({ x: 1, y: 0 }).end()).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    });
  });
});
