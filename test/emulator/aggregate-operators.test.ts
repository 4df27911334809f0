// Why: aggregation stages and expression operators answer what CloudBase (MongoDB) answers, ported from the node-sdk's aggregation, command and lookup-pipeline tests.
import { startHarness, type EmulatorHarness } from './helpers';

let h: EmulatorHarness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.engine.reset());

const agg = (coll: string) => h.db.collection(coll).aggregate();

describe('date operators', () => {
  // node-sdk aggregation.test.ts:471-557: new Date(1557826731686) = 2019-05-14T09:38:51.686Z, a Tuesday.
  const date = new Date(1557826731686);

  it('all date parts of one date, dateFromParts with a timezone, dateFromString', async () => {
    await h.seed('articles', [{ date }]);
    const plain = await agg('articles').project({ _id: 0 }).end();
    expect(plain.data[0]).toEqual({ date });
    const res = await agg('articles')
      .project({
        _id: 0,
        date: 1,
        dayOfWeek: h.$.dayOfWeek('$date'),
        dayOfYear: h.$.dayOfYear('$date'),
        dayOfMonth: h.$.dayOfMonth('$date'),
        year: h.$.year('$date'),
        month: h.$.month('$date'),
        hour: h.$.hour('$date'),
        minute: h.$.minute('$date'),
        second: h.$.second('$date'),
        millisecond: h.$.millisecond('$date'),
        week: h.$.week('$date'),
        dateFromParts: h.$.dateFromParts({ year: 2017, month: 2, day: 8, hour: 12, timezone: 'America/New_York' }),
        dateFromString: h.$.dateFromString({ dateString: date.toISOString() }),
        isoDayOfWeek: h.$.isoDayOfWeek('$date'),
        isoWeek: h.$.isoWeek('$date'),
        isoWeekYear: h.$.isoWeekYear('$date'),
      })
      .end();
    // aggregation.test.ts:538-555 (year/month/day/minute/... compared with the local clock of a UTC+8 machine; UTC here).
    expect(res.data[0]).toEqual({
      date,
      year: 2019,
      month: 5,
      dayOfMonth: 14,
      hour: 9,
      minute: 38,
      second: 51,
      millisecond: 686,
      dayOfYear: 134,
      dayOfWeek: 3,
      week: 19,
      dateFromParts: new Date('2017-02-08T17:00:00.000Z'),
      dateFromString: date,
      isoDayOfWeek: 2,
      isoWeek: 20,
      isoWeekYear: 2019,
    });
  });

  it('week numbers and ISO years around new year follow MongoDB', async () => {
    // MongoDB $week: weeks start on Sunday, days before the first Sunday are week 0 (strftime %U); $isoWeekYear is the
    // ISO 8601 year (https://www.mongodb.com/docs/manual/reference/operator/aggregation/week/, .../isoWeekYear/).
    await h.seed('days', [
      { d: new Date('2018-12-31T12:00:00Z') },
      { d: new Date('2021-01-03T12:00:00Z') },
      { d: new Date('2021-01-01T12:00:00Z') },
      { d: new Date('2016-01-01T00:00:00Z') },
    ]);
    const res = await agg('days')
      .project({
        _id: 0,
        week: h.$.week('$d'),
        isoWeek: h.$.isoWeek('$d'),
        isoWeekYear: h.$.isoWeekYear('$d'),
        dayOfWeek: h.$.dayOfWeek('$d'),
      })
      .end();
    expect(res.data).toEqual([
      { week: 52, isoWeek: 1, isoWeekYear: 2019, dayOfWeek: 2 },
      { week: 1, isoWeek: 53, isoWeekYear: 2020, dayOfWeek: 1 },
      { week: 0, isoWeek: 53, isoWeekYear: 2020, dayOfWeek: 6 },
      { week: 0, isoWeek: 53, isoWeekYear: 2015, dayOfWeek: 6 },
    ]);
  });

  it('timezones: Olson names and UTC offsets', async () => {
    // MongoDB date operators take { date, timezone } (https://www.mongodb.com/docs/manual/reference/operator/aggregation/hour/).
    await h.seed('days', [{ d: new Date('2021-01-02T20:30:00Z') }]);
    const res = await agg('days')
      .project({
        _id: 0,
        h: h.$.hour({ date: '$d', timezone: 'Asia/Shanghai' }),
        d: h.$.dayOfWeek({ date: '$d', timezone: '+08:00' }),
        w: h.$.week({ date: '$d', timezone: 'Asia/Shanghai' }),
        y: h.$.dayOfYear({ date: '$d', timezone: '-0530' }),
      })
      .end();
    expect(res.data).toEqual([{ h: 4, d: 1, w: 1, y: 2 }]);
  });

  it('dateToString: formats, timezone, onNull', async () => {
    // node-sdk command.test.ts:530-582 (dates built with new Date('1999/12/12') on a UTC+8 machine = 1999-12-11T16:00Z).
    await h.seed('students', [
      { date: new Date('1999-12-11T16:00:00Z') },
      { date: new Date('1998-11-10T16:00:00Z') },
      { date: new Date('1997-10-09T16:00:00Z') },
    ]);
    const fmt = await agg('students')
      .project({ _id: 0, formatDate: h.$.dateToString({ date: '$date', format: '%Y-%m-%d' }) })
      .end();
    expect(fmt.data).toEqual([{ formatDate: '1999-12-11' }, { formatDate: '1998-11-10' }, { formatDate: '1997-10-09' }]);
    const tz = await agg('students')
      .project({ _id: 0, formatDate: h.$.dateToString({ date: '$date', format: '%H:%M:%S', timezone: 'Asia/Shanghai' }) })
      .end();
    expect(tz.data.every((d: { formatDate: string }) => d.formatDate === '00:00:00')).toBe(true);
    const onNull = await agg('students')
      .project({ _id: 0, formatDate: h.$.dateToString({ date: '$empty', onNull: 'null' }) })
      .end();
    expect(onNull.data.every((d: { formatDate: string }) => d.formatDate === 'null')).toBe(true);
  });

  it('dateToString: every MongoDB format specifier', async () => {
    // https://www.mongodb.com/docs/manual/reference/operator/aggregation/dateToString/#format-specifiers
    await h.seed('articles', [{ date }]);
    const res = await agg('articles')
      .project({
        _id: 0,
        all: h.$.dateToString({ date: '$date', format: '%Y-%m-%d %H:%M:%S.%L|%j|%w|%u|%U|%V|%G|%z|%Z|%%' }),
        shanghai: h.$.dateToString({ date: '$date', format: '%H %z %Z', timezone: 'Asia/Shanghai' }),
        plain: h.$.dateToString({ date: '$date' }),
      })
      .end();
    expect(res.data[0]).toEqual({
      all: '2019-05-14 09:38:51.686|134|3|2|19|20|2019|+0000|0|%',
      shanghai: '17 +0800 480',
      plain: '2019-05-14T09:38:51.686Z',
    });
    await expect(
      agg('articles')
        .project({ _id: 0, x: h.$.dateToString({ date: '$date', format: '%Q' }) })
        .end(),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  });

  it('date operators mingo answers differently from MongoDB are refused', async () => {
    // mingo adds months without clamping to the month's end (MongoDB $dateAdd clamps); not in CloudBase's operator list.
    await h.seed('articles', [{ date }]);
    const raw = (stage: object) =>
      h.db
        .collection('articles')
        .options({ raw: true })
        .aggregate([{ $project: stage }])
        .end();
    await expect(raw({ x: { $dateAdd: { startDate: '$date', unit: 'month', amount: 1 } } })).rejects.toMatchObject({
      code: 'NOT_IMPLEMENTED',
      message: expect.stringContaining('$dateAdd'),
    });
    await expect(raw({ x: { $dateFromParts: { isoWeekYear: 2019, isoWeek: 20 } } })).rejects.toMatchObject({ code: 'NOT_IMPLEMENTED' });
    await expect(raw({ x: { $dateFromString: { dateString: '2019-05-14 10:00', timezone: 'Asia/Shanghai' } } })).rejects.toMatchObject({
      code: 'NOT_IMPLEMENTED',
    });
  });
});

describe('string operators', () => {
  // node-sdk command.test.ts:466-742.
  beforeEach(() =>
    h.seed('students', [
      { birthday: '1999/12/12', firstName: 'Yuanxin', lastName: 'Dong' },
      { birthday: '1998/11/11', firstName: 'Weijia', lastName: 'Wang' },
      { birthday: '1997/10/10', firstName: 'Chengxi', lastName: 'Li' },
    ]),
  );
  const project = async (spec: object) =>
    (
      await agg('students')
        .project({ _id: 0, ...spec })
        .end()
    ).data;

  it('concat, indexOfBytes, indexOfCP, split, strcasecmp, toLower, toUpper', async () => {
    expect(await project({ fullName: h.$.concat(['$firstName', ' ', '$lastName']) })).toEqual([
      { fullName: 'Yuanxin Dong' },
      { fullName: 'Weijia Wang' },
      { fullName: 'Chengxi Li' },
    ]);
    expect(await project({ aStrIndex: h.$.indexOfBytes(['$firstName', 'a']) })).toEqual([
      { aStrIndex: 2 },
      { aStrIndex: 5 },
      { aStrIndex: -1 },
    ]);
    expect(await project({ aStrIndex: h.$.indexOfCP(['$firstName', 'a']) })).toEqual([
      { aStrIndex: 2 },
      { aStrIndex: 5 },
      { aStrIndex: -1 },
    ]);
    expect(await project({ birthday: h.$.split(['$birthday', '/']) })).toEqual([
      { birthday: ['1999', '12', '12'] },
      { birthday: ['1998', '11', '11'] },
      { birthday: ['1997', '10', '10'] },
    ]);
    expect(await project({ result: h.$.strcasecmp(['$firstName', '$lastName']) })).toEqual([{ result: 1 }, { result: 1 }, { result: -1 }]);
    expect(await project({ result: h.$.toLower('$firstName') })).toEqual([
      { result: 'yuanxin' },
      { result: 'weijia' },
      { result: 'chengxi' },
    ]);
    expect(await project({ result: h.$.toUpper('$lastName') })).toEqual([{ result: 'DONG' }, { result: 'WANG' }, { result: 'LI' }]);
  });

  it('substr and substrBytes with a negative length take the rest of the string', async () => {
    // command.test.ts:662-696.
    const expected = [
      { day: '12', month: '12', year: '1999' },
      { day: '11', month: '11', year: '1998' },
      { day: '10', month: '10', year: '1997' },
    ];
    expect(
      await project({
        year: h.$.substr(['$birthday', 0, 4]),
        month: h.$.substr(['$birthday', 5, 2]),
        day: h.$.substr(['$birthday', 8, -1]),
      }),
    ).toEqual(expected);
    expect(
      await project({
        year: h.$.substrBytes(['$birthday', 0, 4]),
        month: h.$.substrBytes(['$birthday', 5, 2]),
        day: h.$.substrBytes(['$birthday', 8, -1]),
      }),
    ).toEqual(expected);
  });

  it('byte and code point operators on non-ASCII text', async () => {
    // command.test.ts:636-708 (skipped upstream): strLenBytes('dongyuanxin') 11, strLenBytes('心谭') 6, strLenCP 2,
    // substrCP(['心谭', 0, 1]) '心'; MongoDB counts UTF-8 bytes / code points (an emoji is one code point, 4 bytes).
    await h.seed('person', [{ name: 'dongyuanxin', nickname: '心谭', s: 'a😀b谭' }]);
    const res = await agg('person')
      .project({
        _id: 0,
        nameLength: h.$.strLenBytes('$name'),
        nicknameLength: h.$.strLenBytes('$nickname'),
        cp: h.$.strLenCP('$nickname'),
        emojiCp: h.$.strLenCP('$s'),
        firstCh: h.$.substrCP(['$nickname', 0, 1]),
        afterEmoji: h.$.substrCP(['$s', 2, 2]),
        bytesIdx: h.$.indexOfBytes(['$s', 'b']),
        cpIdx: h.$.indexOfCP(['$s', 'b']),
        firstBytes: h.$.substrBytes(['$nickname', 0, 3]),
      })
      .end();
    expect(res.data).toEqual([
      { nameLength: 11, nicknameLength: 6, cp: 2, emojiCp: 4, firstCh: '心', afterEmoji: 'b谭', bytesIdx: 5, cpIdx: 2, firstBytes: '心' },
    ]);
    await expect(
      agg('person')
        .project({ _id: 0, x: h.$.substrBytes(['$nickname', 1, 1]) })
        .end(),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  });
});

describe('group accumulators and set operators', () => {
  it('stdDevPop, stdDevSamp, sum of a field and of a list', async () => {
    // command.test.ts:22-139.
    await h.seed('students', [
      { group: 'a', score: 84 },
      { group: 'a', score: 96 },
      { group: 'b', score: 80 },
      { group: 'b', score: 100 },
    ]);
    const pop = await agg('students')
      .group({ _id: '$group', stdDev: h.$.stdDevPop('$score') })
      .sort({ _id: 1 })
      .end();
    expect(pop.data).toEqual([
      { _id: 'a', stdDev: 6 },
      { _id: 'b', stdDev: 10 },
    ]);
    await h.engine.reset();
    await h.seed('students', [{ score: 80 }, { score: 100 }]);
    const samp = await agg('students')
      .group({ _id: null, ageStdDev: h.$.stdDevSamp('$score') })
      .end();
    expect(samp.data[0].ageStdDev.toFixed(2)).toBe('14.14');
    await h.seed('goods', [
      { cost: -10, price: 100 },
      { cost: -15, price: 1 },
      { cost: -10, price: 10 },
    ]);
    expect(
      (
        await agg('goods')
          .group({ _id: null, totalPrice: h.$.sum('$price') })
          .end()
      ).data[0].totalPrice,
    ).toBe(111);
    expect(
      (
        await agg('goods')
          .group({ _id: null, totalProfit: h.$.sum(h.$.sum(['$price', '$cost'])) })
          .end()
      ).data[0].totalProfit,
    ).toBe(76);
  });

  it('push, max, min, first, last, avg, addToSet, mergeObjects', async () => {
    // command.test.ts:265-409 and 744-783.
    await h.seed('students', [
      { group: 'a', name: 'stu1', score: 84 },
      { group: 'a', name: 'stu2', score: 96 },
      { group: 'b', name: 'stu3', score: 80 },
      { group: 'b', name: 'stu4', score: 100 },
    ]);
    const g = await agg('students')
      .group({
        _id: '$group',
        students: h.$.push({ name: '$name', score: '$score' }),
        max: h.$.max('$score'),
        min: h.$.min('$score'),
      })
      .sort({ _id: 1 })
      .end();
    expect(g.data).toEqual([
      {
        _id: 'a',
        students: [
          { name: 'stu1', score: 84 },
          { name: 'stu2', score: 96 },
        ],
        max: 96,
        min: 84,
      },
      {
        _id: 'b',
        students: [
          { name: 'stu3', score: 80 },
          { name: 'stu4', score: 100 },
        ],
        max: 100,
        min: 80,
      },
    ]);
    const ends = await agg('students')
      .sort({ score: 1 })
      .group({ _id: null, first: h.$.first('$score'), last: h.$.last('$score'), average: h.$.avg('$score') })
      .end();
    expect(ends.data).toEqual([{ _id: null, first: 80, last: 100, average: 90 }]);
    await h.seed('passages', [
      { category: 'web', tags: ['JavaScript', 'CSS'] },
      { category: 'System', tags: ['C++', 'C'] },
    ]);
    const sets = await agg('passages')
      .group({ _id: null, categories: h.$.addToSet('$category'), tagsList: h.$.addToSet('$tags') })
      .end();
    expect([...sets.data[0].categories].sort()).toEqual(['System', 'web']);
    expect(sets.data[0].tagsList).toHaveLength(2);
    await h.seed('goods', [
      { name: 'A', foo: { a: 1 }, bar: { b: 2 } },
      { name: 'A', foo: { c: 1 }, bar: { d: 2 } },
      { name: 'A', foo: { e: 1 }, bar: { f: 2 } },
    ]);
    const merged = await agg('goods')
      .group({ _id: '$name', mergedFoo: h.$.mergeObjects('$foo'), mergeBar: h.$.mergeObjects('$bar') })
      .end();
    expect(merged.data).toEqual([{ _id: 'A', mergedFoo: { a: 1, c: 1, e: 1 }, mergeBar: { b: 2, d: 2, f: 2 } }]);
  });

  it('allElementsTrue, anyElementTrue and the set operators', async () => {
    // command.test.ts:803-997.
    await h.seed('flags', [{ arr: [true] }, { arr: [] }, { arr: [true, false] }, { arr: [1] }, { arr: [1, 0] }, { arr: ['stark'] }]);
    const flags = await agg('flags')
      .project({ _id: 0, all: h.$.allElementsTrue(['$arr']), any: h.$.anyElementTrue(['$arr']) })
      .end();
    expect(flags.data.map((d: { all: boolean }) => d.all)).toEqual([true, true, false, true, false, true]);
    expect(flags.data.map((d: { any: boolean }) => d.any)).toEqual([true, false, true, true, true, true]);
    await h.seed('sets', [
      { A: [1, 2], B: [1, 2] },
      { A: [1, 2], B: [2, 1, 2] },
      { A: [1, 2], B: [1, 2, 3] },
      { A: [1, 2], B: [3, 1] },
      { A: [1, 2], B: [] },
      { A: [1, 2], B: [{}, []] },
      { A: [], B: [] },
      { A: [], B: [1] },
    ]);
    const sets = await agg('sets')
      .project({
        _id: 0,
        diff: h.$.setDifference(['$B', '$A']),
        eq: h.$.setEquals(['$A', '$B']),
        inter: h.$.setIntersection(['$A', '$B']),
        sub: h.$.setIsSubset(['$A', '$B']),
      })
      .end();
    expect(sets.data.map((d: { diff: unknown[] }) => d.diff)).toEqual([[], [], [3], [3], [], [{}, []], [], [1]]);
    expect(sets.data.map((d: { eq: boolean }) => d.eq)).toEqual([true, true, false, false, false, false, true, false]);
    expect(sets.data.map((d: { inter: unknown[] }) => d.inter)).toEqual([[1, 2], [1, 2], [1, 2], [1], [], [], [], []]);
    expect(sets.data.map((d: { sub: boolean }) => d.sub)).toEqual([true, true, true, false, false, false, true, true]);
    const union = await agg('sets')
      .project({ _id: 0, u: h.$.setUnion(['$A', '$B']) })
      .end();
    expect(union.data.map((d: { u: unknown[] }) => [...d.u].map((x: unknown) => JSON.stringify(x)).sort())).toEqual(
      [[1, 2], [1, 2], [1, 2, 3], [1, 2, 3], [1, 2], [1, 2, {}, []], [], [1]].map((u) => u.map((x) => JSON.stringify(x)).sort()),
    );
  });
});

describe('stages', () => {
  it('sample, sortByCount, match + group count, replaceRoot, skip, sort', async () => {
    // aggregation.test.ts:12-392.
    await h.seed('users', [{ name: 'a' }, { name: 'b' }]);
    expect((await agg('users').sample({ size: 1 }).end()).data).toHaveLength(1);
    await h.seed('passages', [
      { category: 'Web', tags: ['JavaScript', 'C#'] },
      { category: 'Web', tags: ['Go', 'C#'] },
      { category: 'Life', tags: ['Go', 'Python', 'JavaScript'] },
    ]);
    expect((await agg('passages').sortByCount('$category').end()).data).toEqual([
      { _id: 'Web', count: 2 },
      { _id: 'Life', count: 1 },
    ]);
    expect((await agg('passages').unwind('$tags').sortByCount('$tags').end()).data).toHaveLength(4);
    await h.seed('articles', [
      { author: 'stark', score: 80, age: 18 },
      { author: 'stark', score: 85, age: 22 },
      { author: 'bob', score: 60, age: 18 },
      { author: 'li', score: 55, age: 19 },
      { author: 'jimmy', score: 60, age: 22 },
      { author: 'li', score: 94, age: 19 },
      { author: 'justan', score: 95, age: 33 },
    ]);
    expect(
      (
        await agg('articles')
          .match({ author: h._.or(h._.eq('stark'), h._.neq('stark')) })
          .end()
      ).data,
    ).toHaveLength(7);
    expect(
      (
        await agg('articles')
          .match({ score: h._.gt(80) })
          .group({ _id: null, count: h.$.sum(1) })
          .end()
      ).data[0].count,
    ).toBe(3);
    expect((await agg('articles').skip(6).project({ _id: 0 }).end()).data[0]).toEqual({ author: 'justan', score: 95, age: 33 });
    const sorted = await agg('articles').sort({ age: -1, score: -1 }).project({ _id: 0 }).end();
    expect(sorted.data[0]).toEqual({ author: 'justan', score: 95, age: 33 });
    expect(sorted.data[sorted.data.length - 1]).toEqual({ author: 'bob', score: 60, age: 18 });
    await h.seed('schools', [{ name: 'SFLS', teachers: { chinese: 22, math: 18 } }]);
    expect((await agg('schools').replaceRoot({ newRoot: '$teachers' }).end()).data).toEqual([{ chinese: 22, math: 18 }]);
    await h.seed('names', [{ first_name: '四郎', last_name: '黄' }]);
    expect(
      (
        await agg('names')
          .replaceRoot({ newRoot: { full_name: h.$.concat(['$last_name', '$first_name']) } })
          .end()
      ).data,
    ).toEqual([{ full_name: '黄四郎' }]);
  });

  it('lookup by fields and with a pipeline', async () => {
    // aggregation.test.ts:559-605 and lookup-pipeline.test.ts:37-68.
    const data = [
      { category: 'Web', tags: ['JavaScript', 'C#'] },
      { category: 'Web', tags: ['Go', 'C#'] },
      { category: 'Life', tags: ['Go', 'Python', 'JavaScript'] },
    ];
    await h.seed('l1', data);
    await h.seed('l2', data);
    const byField = await agg('l1').lookup({ from: 'l2', localField: 'category', foreignField: 'category', as: 'docs' }).end();
    expect(byField.data.map((d: { docs: unknown[] }) => d.docs.length)).toEqual([2, 2, 1]);
    const piped = await agg('l1')
      .lookup({
        from: 'l2',
        pipeline: h.$.pipeline()
          .match({ category: 'Web' })
          .project({ _id: 0, n: h.$.size('$tags') })
          .done(),
        as: 'docs',
      })
      .end();
    expect(piped.data.map((d: { docs: unknown[] }) => d.docs)).toEqual([
      [{ n: 2 }, { n: 2 }],
      [{ n: 2 }, { n: 2 }],
      [{ n: 2 }, { n: 2 }],
    ]);
  });

  it('a lookup pipeline with let, and its stages checked as the top ones are', async () => {
    await h.seed('teams', [{ _id: 't1', rows: ['a', 'c'] }]);
    await h.seed('rows', [
      { _id: 'a', status: 'on', n: 1 },
      { _id: 'b', status: 'on', n: 2 },
      { _id: 'c', status: 'off', n: 3 },
    ]);
    const joined = await agg('teams')
      .match({ _id: 't1' })
      .lookup({
        from: 'rows',
        let: { ids: '$rows' },
        pipeline: h.$.pipeline()
          .match({ status: 'on', ...h._.expr(h.$.in(['$_id', '$$ids'])) })
          .project({ n: 1 })
          .done(),
        as: 'found',
      })
      .end();
    expect(joined.data[0].found).toEqual([{ _id: 'a', n: 1 }]);
    const lookup = (pipeline: object[], extra: object = {}) =>
      agg('teams')
        .lookup({ from: 'rows', pipeline, as: 'x', ...extra })
        .end();
    await expect(lookup([{ $out: 'elsewhere' }])).rejects.toMatchObject({ code: 'NOT_IMPLEMENTED' });
    await expect(lookup([{ $match: { n: { $where: 'x' } } }])).rejects.toMatchObject({ code: 'NOT_IMPLEMENTED' });
    await expect(lookup([{ $limit: 0 }])).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    // MongoDB 5.0's form (equal fields and a pipeline at once) is not one CloudBase documents.
    await expect(lookup([{ $match: {} }], { localField: 'rows', foreignField: '_id' })).rejects.toMatchObject({ code: 'NOT_IMPLEMENTED' });
  });

  it('refuses, like MongoDB, a lookup that joins more than 16 MB into one document, and a result over 16 MB', async () => {
    const big = 'x'.repeat(1024 * 1024);
    await h.seed('one', [{ _id: 'o' }]);
    await h.seed(
      'big',
      Array.from({ length: 17 }, (_, i) => ({ _id: `b${i}`, big })),
    );
    const joined = (limit?: number) =>
      agg('one').lookup({
        from: 'big',
        pipeline: (limit ? h.$.pipeline().limit(limit) : h.$.pipeline().match({})).done(),
        as: 'rows',
      });
    // Fifteen of them fit (just under 16 MB).
    expect(
      (
        await joined(15)
          .project({ n: h.$.size('$rows') })
          .end()
      ).data,
    ).toEqual([{ _id: 'o', n: 15 }]);
    // All seventeen do not, even when projected away afterwards: MongoDB measures the $lookup itself.
    await expect(
      joined()
        .project({ n: h.$.size('$rows') })
        .end(),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringMatching(/big matching pipeline's \$lookup stage exceeds 16793600 bytes \(16 MB\)/),
    });
    // A result document built otherwise (here by $group) is held to 16 MB too.
    await expect(
      agg('big')
        .group({ _id: null, all: h.$.push('$big') })
        .end(),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringMatching(/16 MB limit \(16777216 bytes\)/) });
  });

  it('raw pipelines with $match and $count', async () => {
    // aggregation.test.ts:693-721.
    await h.seed('mongoraw', [{ key: 'a' }]);
    const r1 = await h.db
      .collection('mongoraw')
      .options({ raw: true })
      .aggregate([{ $match: { key: 'a' } }, { $count: 'keyA' }])
      .end();
    const r2 = await h.db
      .collection('mongoraw')
      .options({ raw: true })
      .aggregate([{ $match: { key: { $eq: 'a' } } }, { $count: 'keyA' }])
      .end();
    expect(r1.data).toEqual([{ keyA: 1 }]);
    expect(r2.data).toEqual([{ keyA: 1 }]);
  });
});
