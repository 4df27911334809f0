// The emulator's fast path for plain query conditions must agree with mingo on every document: random documents
// (strings, numbers, booleans, null, missing, arrays, dates, objects) against random conditions of the handled kinds.
import 'mingo/init/system';
import { Query } from 'mingo';
import { compileFast } from '../../../emulator/db/fast-match';
import { runFind, type FindSpec } from '../../../emulator/db/query';

let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];

const VALUES: unknown[] = [
  'a',
  'b',
  'lz',
  '2026-05-01',
  '2026-12-31',
  1,
  2,
  10,
  0,
  true,
  false,
  null,
  undefined,
  ['a', 'b'],
  [1, 10],
  new Date('2026-05-01T00:00:00Z'),
  new Date('2026-07-01T00:00:00Z'),
  { a: 1 },
  '',
];
const OPERANDS: (string | number | boolean)[] = ['a', 'b', 'lz', '2026-05-01', '2026-06-30', 1, 2, 5, true];

function randomDoc(): Record<string, unknown> {
  const doc: Record<string, unknown> = { _id: `d${Math.floor(rand() * 1e6)}` };
  for (const f of ['f', 'g', 'h']) {
    const v = pick(VALUES);
    if (v !== undefined) doc[f] = v;
  }
  return doc;
}

function randomCondition(): unknown {
  switch (Math.floor(rand() * 6)) {
    case 0:
      return pick(OPERANDS);
    case 1:
      return { $in: [pick(OPERANDS), pick(OPERANDS), pick(OPERANDS)] };
    case 2:
      return {
        [pick(['$gt', '$gte', '$lt', '$lte'])]: pick([
          ...OPERANDS.filter((o) => typeof o !== 'boolean'),
          // Times: the freshness checks' `updatedAt > t`.
          new Date('2026-05-01T00:00:00Z'),
          new Date('2026-06-01T00:00:00Z'),
        ]),
      };
    case 3:
      return { $gte: pick(['2026-01-01', 1]), $lte: pick(['2026-06-30', 5]) };
    case 4:
      return { $eq: pick(OPERANDS) };
    default:
      return { $gte: pick(['a', 1]), $lt: pick(['m', 5]) };
  }
}

function randomQuery(): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  for (const f of ['f', 'g', 'h']) if (rand() < 0.6) q[f] = randomCondition();
  if (rand() < 0.3) q.$and = [{ f: { $gte: pick(['2026-01-01', 1]) } }, { f: { $lte: pick(['2026-06-30', 5]) } }, { h: randomCondition() }];
  return Object.keys(q).length ? q : { f: 'a' };
}

test('agrees with mingo on 2,000 random queries over 50 documents each', () => {
  let decidedFast = 0;
  const disagreements: unknown[] = [];
  for (let i = 0; i < 2000; i++) {
    const query = randomQuery();
    const fast = compileFast(query);
    if (!fast) throw new Error(`not handled: ${JSON.stringify(query)}`);
    const mingo = new Query(query);
    for (let j = 0; j < 50; j++) {
      const doc = randomDoc();
      const verdict = fast(doc);
      if (verdict !== undefined) decidedFast++;
      if ((verdict ?? mingo.test(doc)) !== mingo.test(doc)) disagreements.push({ query, doc, verdict });
    }
  }
  expect(disagreements.slice(0, 3)).toEqual([]);
  expect(decidedFast).toBeGreaterThan(20000); // most documents never reach mingo
});

test('leaves what it does not handle to mingo entirely', () => {
  for (const q of [
    { 'a.b': 1 },
    { $or: [{ f: 1 }] },
    { f: { $ne: 1 } },
    { f: { $exists: true } },
    { f: { $in: [null] } },
    { f: /a/ },
    { f: { $regex: 'a' } },
    { f: new Date(0) },
    {},
  ]) {
    expect(compileFast(q as Record<string, unknown>)).toBeNull();
  }
});

test('a page found through the fast path is the page mingo finds: filter, sort on plain keys, skip, limit, projection', () => {
  const docs = Array.from({ length: 300 }, (_, i) => ({
    _id: `id-${(i * 7919) % 300}`,
    org: pick(['a', 'b', 'c']),
    n: Math.floor(rand() * 20),
    date: pick(['2026-01-01', '2026-02-01', '2026-03-01']),
    extra: { x: i },
  }));
  const orders: Record<string, 1 | -1>[] = [{ _id: 1 }, { n: -1, _id: 1 }, { date: 1, n: 1, _id: -1 }];
  for (const order of orders) {
    for (const [offset, limit] of [
      [0, 10],
      [25, 50],
      [290, 100],
    ]) {
      const spec: FindSpec = {
        query: { org: { $in: ['a', 'c'] }, $and: [{ date: { $gte: '2026-01-15' } }] },
        order,
        offset,
        limit,
        projection: { n: 1, date: 1 },
      };
      const expected = new Query(spec.query)
        .find<Record<string, unknown>>(docs, spec.projection)
        .sort(order)
        .skip(offset)
        .limit(limit)
        .all();
      expect(runFind(docs, spec).map((d) => d._id)).toEqual(expected.map((d) => d._id));
      expect(runFind(docs, spec)[0]).toEqual(expected[0] && { _id: expected[0]._id, n: expected[0].n, date: expected[0].date });
    }
  }
});
