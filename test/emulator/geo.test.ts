// Why: the emulator's geo (emulator/db/geo.ts) against what CloudBase/MongoDB answer, driven only through the real @cloudbase/node-sdk.
//
// Sources cited per case:
//  - SDK tests: TencentCloudBase/node-sdk test/database/unit/geo.test.ts, geo-advanced.test.ts, aggregation.test.ts
//    (the stored mirror, commit b3c9dda) and docs/database/aggregate/stages/geoNear.md;
//  - CloudBase/WeChat docs: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/command/Command.geoNear.html,
//    …/Command.geoWithin.html, …/Command.geoIntersects.html, …/aggregate/Aggregate.geoNear.html;
//  - MongoDB manual: https://www.mongodb.com/docs/manual/reference/operator/query/nearSphere/, …/geoWithin/,
//    …/geoIntersects/, …/aggregation/geoNear/, https://www.mongodb.com/docs/manual/core/indexes/index-types/geospatial/2dsphere/.
import tcb from '@cloudbase/node-sdk';
import type * as GeoClasses from '@cloudbase/database/dist/commonjs/geo';
import { createDatabase, createDatabaseServer, type DatabaseEngine } from '../../emulator/db';
import { LOCAL_ENV_ID, pointSdkAt } from '../helpers/sdk-env';

const sphere = (field: string) => ({ name: `${field}_2dsphere`, keys: { [field]: '2dsphere' as const } });
const collections = [
  { name: 'places', indexes: [sphere('location')] },
  { name: 'attractions', indexes: [sphere('location')] },
  { name: 'shapes' },
  { name: 'unindexed' },
  { name: 'two', indexes: [sphere('home'), sphere('work')] },
];

let engine: DatabaseEngine;
let server: { url: string; close(): Promise<void> };
let db: ReturnType<ReturnType<typeof tcb.init>['database']>;
let _: typeof db.command;
/** db.Geo with every class (the SDK's typings declare only Point). */
let Geo: typeof GeoClasses;

beforeAll(async () => {
  engine = await createDatabase({ data: 'memory', collections });
  server = await createDatabaseServer(engine, 0);
  pointSdkAt(server.url);
  db = tcb.init({ env: LOCAL_ENV_ID }).database();
  _ = db.command;
  Geo = db.Geo as unknown as typeof GeoClasses;
});

afterAll(async () => {
  await server.close();
  await engine.close();
});

beforeEach(async () => {
  await engine.reset();
  engine.resetStats();
});

/** Great-circle metres on MongoDB's sphere (6378.1 km), by the haversine formula: an independent check of the engine's S2 angle. */
function metres([lng1, lat1]: number[], [lng2, lat2]: number[]): number {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2;
  return 2 * 6378100 * Math.asin(Math.sqrt(h));
}

const square = (d: number) => {
  const { Point, LineString } = Geo;
  return new LineString([new Point(-d, -d), new Point(d, -d), new Point(d, d), new Point(-d, d), new Point(-d, -d)]);
};

/** The names of the documents of `shapes` that match `where`, in the order stored. */
const shapeNames = async (where: object) => (await db.collection('shapes').where(where).get()).data.map((d: { name: string }) => d.name);

describe('db.Geo values', () => {
  // geo-advanced.test.ts:81-109 ("GEO Advanced - CRUD"): every Geo type read back is an instance of its class, deepStrictEqual
  // to what was written; geo.test.ts:76: a Point reads back as { longitude, latitude }. The SDK sends GeoJSON
  // (geo/*.js toJSON) and turns stored GeoJSON back into Geo objects (util.js formatField).
  it('round-trip through add/get as GeoJSON, and come back as db.Geo objects', async () => {
    const { Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon } = Geo;
    const data = {
      point: new Point(-180, 20),
      line: new LineString([new Point(1, 2), new Point(3, 4)]),
      polygon: new Polygon([square(2), square(1)]),
      multiPoint: new MultiPoint([new Point(1, 1), new Point(2, 2)]),
      multiLineString: new MultiLineString([
        new LineString([new Point(0, 0), new Point(1, 1)]),
        new LineString([new Point(2, 2), new Point(3, 3)]),
      ]),
      multiPolygon: new MultiPolygon([new Polygon([square(2)]), new Polygon([square(1)])]),
      pointArr: [new Point(90, 23), new Point(90, 23)],
    };
    const { id } = await db.collection('shapes').add(data);
    const [stored] = await engine.find('shapes', { _id: id });
    expect(stored.point).toEqual({ type: 'Point', coordinates: [-180, 20] });
    expect(stored.polygon.type).toBe('Polygon');
    expect(stored.polygon.coordinates[1]).toEqual([
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
      [-1, -1],
    ]);
    const [got] = (
      await db
        .collection('shapes')
        .doc(id as string)
        .get()
    ).data;
    expect(got.point).toBeInstanceOf(Point);
    expect(got.point).toMatchObject({ longitude: -180, latitude: 20 });
    expect(got.line).toBeInstanceOf(LineString);
    expect(got.polygon).toBeInstanceOf(Polygon);
    expect(got.multiPoint).toBeInstanceOf(MultiPoint);
    expect(got.multiLineString).toBeInstanceOf(MultiLineString);
    expect(got.multiPolygon).toBeInstanceOf(MultiPolygon);
    for (const k of Object.keys(data) as (keyof typeof data)[]) expect(got[k]).toEqual(data[k]);
  });

  // geo.test.ts:65 / geo-advanced.test.ts:112: doc().set() with Geo values; update() with one replaces the field.
  it('set() and update() write Geo values as GeoJSON too', async () => {
    const { Point } = Geo;
    const { id } = await db.collection('places').add({ name: 'a', location: new Point(103.8, 36.06) });
    expect(
      (
        await db
          .collection('places')
          .doc(id as string)
          .update({ location: new Point(104, 36) })
      ).updated,
    ).toBe(1);
    expect((await engine.find('places', { _id: id }))[0].location).toEqual({ type: 'Point', coordinates: [104, 36] });
    await db
      .collection('places')
      .doc(id as string)
      .set({ name: 'b', location: new Point(105, 35) });
    expect((await engine.find('places', { _id: id }))[0].location).toEqual({ type: 'Point', coordinates: [105, 35] });
  });

  // MongoDB 2dsphere: "You cannot insert a document with non-geometry data into a field that is indexed with a
  // 2dsphere index" (error 16755 "Can't extract geo keys"); a missing field is fine (2dsphere v2+ indexes are sparse).
  it('a 2dsphere-indexed field refuses non-geometry, accepts a missing field', async () => {
    await expect(db.collection('places').add({ location: 'Lanzhou' })).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining("Can't extract geo keys"),
    });
    await expect(db.collection('places').add({ location: { type: 'Point', coordinates: [200, 0] } })).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('out of bounds'),
    });
    await db.collection('places').add({ name: 'nowhere' });
    const { id } = await db.collection('places').add({ location: new Geo.Point(1, 1) });
    await expect(
      db
        .collection('places')
        .doc(id as string)
        .update({ location: 5 }),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    // Other collections store whatever they like.
    await db.collection('shapes').add({ location: 'Lanzhou' });
  });
});

describe('_.geoNear ($nearSphere)', () => {
  const center = [103.8343, 36.0611];
  /** Six places due north of the centre, 0 m to 10 km. */
  async function northward() {
    const kms = [7, 0, 3, 10, 1, 5];
    await db
      .collection('places')
      .add(kms.map((km) => ({ name: `${km}km`, km, location: new Geo.Point(center[0], center[1] + km / 111.3) })));
    await db.collection('places').add({ name: 'no location' });
  }

  // Command.geoNear doc: "按从近到远的顺序，找出字段值在给定点的附近的记录"; minDistance/maxDistance in metres
  // (MongoDB $nearSphere with a GeoJSON point: metres, both bounds inclusive, sorted nearest first).
  it('sorts by distance and keeps what lies between minDistance and maxDistance', async () => {
    await northward();
    const near = (opts: { minDistance?: number; maxDistance?: number } = {}) =>
      db
        .collection('places')
        .where({ location: _.geoNear({ geometry: new Geo.Point(center[0], center[1]), ...opts }) })
        .get();
    expect((await near()).data.map((d: { name: string }) => d.name)).toEqual(['0km', '1km', '3km', '5km', '7km', '10km']);
    const between = (await near({ minDistance: 2000, maxDistance: 5500 })).data;
    expect(between.map((d: { name: string }) => d.name)).toEqual(['3km', '5km']);
    // Both bounds are inclusive: the "1 km" place (1/111.3 of a degree north, 1000.15 m) is alone in ±1 cm of its distance.
    const exact1km = metres(center, [center[0], center[1] + 1 / 111.3]);
    expect((await near({ minDistance: exact1km - 0.01, maxDistance: exact1km + 0.01 })).data.map((d: { name: string }) => d.name)).toEqual([
      '1km',
    ]);
    expect(between[0].location).toBeInstanceOf(Geo.Point);
  });

  // geo-advanced.test.ts:158-204 ("GEO - geoNear"): the point itself is found with maxDistance 1, minDistance 0, and without either.
  it('finds the point itself (SDK test: maxDistance 1, minDistance 0)', async () => {
    const geoPoint = new Geo.Point(22, 33);
    await db.collection('places').add({ location: geoPoint });
    const res = await db
      .collection('places')
      .where({ location: _.geoNear({ geometry: geoPoint, maxDistance: 1, minDistance: 0 }) })
      .get();
    expect(res.data[0].location).toEqual(geoPoint);
    expect(
      (
        await db
          .collection('places')
          .where({ location: _.geoNear({ geometry: geoPoint }) })
          .get()
      ).data,
    ).toHaveLength(1);
  });

  // MongoDB $nearSphere: skip/limit page through the distance order; other conditions combine with it (the SDK's
  // _.and puts it inside $and, which MongoDB flattens); "If you also include a sort() for the query, sort()
  // re-orders the matching documents, effectively overriding the sort operation already performed by $nearSphere".
  it('pages with skip/limit, combines with other conditions, and a sort re-orders the matches', async () => {
    await northward();
    const geometry = new Geo.Point(center[0], center[1]);
    const page = (skip: number) =>
      db
        .collection('places')
        .where({ location: _.geoNear({ geometry }) })
        .skip(skip)
        .limit(2)
        .get();
    expect((await page(2)).data.map((d: { km: number }) => d.km)).toEqual([3, 5]);
    expect((await page(4)).data.map((d: { km: number }) => d.km)).toEqual([7, 10]);
    const combined = await db
      .collection('places')
      .where(_.and([{ km: _.gte(3) }, { location: _.geoNear({ geometry, maxDistance: 8000 }) }]))
      .get();
    expect(combined.data.map((d: { km: number }) => d.km)).toEqual([3, 5, 7]);
    const sorted = await db
      .collection('places')
      .where({ location: _.geoNear({ geometry, maxDistance: 6000 }) })
      .orderBy('name', 'desc')
      .get();
    expect(sorted.data.map((d: { name: string }) => d.name)).toEqual(['5km', '3km', '1km', '0km']);
  });

  // MongoDB: $nearSphere "requires a geospatial index" (2dsphere for GeoJSON points); without one the planner fails
  // with "unable to find index for $geoNear query". CloudBase's doc (Command.geoNear "索引要求"): "需对查询字段建立地理位置索引".
  it('is refused without a 2dsphere index on the field', async () => {
    await db.collection('unindexed').add({ location: new Geo.Point(1, 1) });
    const q = db.collection('unindexed').where({ location: _.geoNear({ geometry: new Geo.Point(1, 1) }) });
    await expect(q.get()).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('unable to find index for $geoNear query'),
    });
    await expect(q.get()).rejects.toMatchObject({ message: expect.stringContaining("no 2dsphere index on 'location'") });
    // An index on another field does not help.
    await expect(
      db
        .collection('places')
        .where({ elsewhere: _.geoNear({ geometry: new Geo.Point(1, 1) }) })
        .get(),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  });

  // MongoDB countDocuments(): "$near → use $geoWithin with $center; $nearSphere → $geoWithin with $centerSphere":
  // "$geoNear, $near, and $nearSphere are not allowed in this context". A count of the same area is allowed.
  it('cannot be counted; $geoWithin $centerSphere counts the same circle', async () => {
    await northward();
    const geometry = new Geo.Point(center[0], center[1]);
    await expect(
      db
        .collection('places')
        .where({ location: _.geoNear({ geometry, maxDistance: 5500 }) })
        .count(),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: '$geoNear, $near, and $nearSphere are not allowed in this context',
    });
    const circle = await db
      .collection('places')
      .where({ location: _.geoWithin({ centerSphere: [geometry, 5500 / 6378100] }) })
      .count();
    expect(circle.total).toBe(4);
  });

  // MongoDB CanonicalQuery::isValid: "Too many geoNear expressions" (at most one per query) and "geoNear must be
  // top-level expr" (not under $or with several branches, $nor, $not or $elemMatch).
  it('is allowed once per query, at the top level only', async () => {
    await northward();
    const a = { location: _.geoNear({ geometry: new Geo.Point(center[0], center[1]) }) };
    const b = { location: _.geoNear({ geometry: new Geo.Point(0, 0) }) };
    await expect(
      db
        .collection('places')
        .where(_.and([a, b]))
        .get(),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: 'Too many geoNear expressions' });
    await expect(
      db
        .collection('places')
        .where(_.or([a, { km: 1 }]))
        .get(),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: 'geoNear must be top-level expr' });
  });

  // Emulator rule: update/remove with a near query (MongoDB would pick documents by distance) is not implemented.
  it('in update() or remove() is refused NOT_IMPLEMENTED', async () => {
    await northward();
    const where = { location: _.geoNear({ geometry: new Geo.Point(center[0], center[1]), maxDistance: 1500 }) };
    await expect(db.collection('places').where(where).update({ seen: true })).rejects.toMatchObject({ code: 'NOT_IMPLEMENTED' });
    await expect(db.collection('places').where(where).remove()).rejects.toMatchObject({ code: 'NOT_IMPLEMENTED' });
  });

  // MongoDB: distances to a non-point geometry are to its nearest point (0 inside a polygon); an array of points
  // (multikey) counts by its nearest element.
  it('measures to the nearest part of lines, polygons and arrays of points', async () => {
    const { Point, LineString, Polygon } = Geo;
    await db.collection('places').add([
      { name: 'line', location: new LineString([new Point(10, -1), new Point(10, 1)]) },
      { name: 'around', location: new Polygon([square(3)]) },
      { name: 'points', location: [new Point(20, 0), new Point(5, 0)] },
    ]);
    const res = await db
      .collection('places')
      .where({ location: _.geoNear({ geometry: new Point(0, 0) }) })
      .get();
    expect(res.data.map((d: { name: string }) => d.name)).toEqual(['around', 'points', 'line']);
    const res2 = await db
      .collection('places')
      .where({ location: _.geoNear({ geometry: new Point(9, 0), minDistance: 1 }) })
      .get();
    expect(res2.data.map((d: { name: string }) => d.name)).toEqual(['line', 'points', 'around']);
  });
});

describe('_.geoWithin', () => {
  /** The names of the shapes whose point lies within `geometry`. */
  const names = (geometry: object) => shapeNames({ point: _.geoWithin({ geometry }) });

  // geo-advanced.test.ts:206-240 ("GEO - geoWithin geometry"): (0, 0) is within the square (-2..2); remove() with
  // the same condition deletes it. Command.geoWithin doc: "指定的区域必须是多边形(Polygon)或多边形集合(MultiPolygon)".
  it('finds points inside a Polygon (and remove() takes the same condition)', async () => {
    const { Point, Polygon } = Geo;
    await db.collection('shapes').add([
      { name: 'in', point: new Point(0, 0) },
      { name: 'out', point: new Point(3, 0) },
      { name: 'corner', point: new Point(2, 2) },
    ]);
    const within = { point: _.geoWithin({ geometry: new Polygon([square(2)]) }) };
    const res = await db.collection('shapes').where(within).get();
    expect(res.data.map((d: { name: string }) => d.name)).toEqual(['in', 'corner']);
    expect(res.data[0].point).toEqual(new Point(0, 0));
    expect((await db.collection('shapes').where(within).remove()).deleted).toBe(2);
  });

  // MongoDB 2dsphere: polygon edges are geodesics. The edge from (-2, 2) to (2, 2) bulges north to latitude
  // atan(tan 2° / cos 2°) ≈ 2.00122° at longitude 0: (0, 2.001) is inside, (0, 2.0015) outside.
  // A polygon with a hole (GeoJSON: first ring exterior, then holes) excludes the hole.
  it('uses geodesic edges, and holes', async () => {
    const { Point, Polygon } = Geo;
    await db.collection('shapes').add([
      { name: 'bulge', point: new Point(0, 2.001) },
      { name: 'beyond', point: new Point(0, 2.0015) },
      { name: 'hole', point: new Point(0, 0) },
      { name: 'ring', point: new Point(1.5, 0) },
    ]);
    expect(await names(new Polygon([square(2)]))).toEqual(['bulge', 'hole', 'ring']);
    // geo-advanced.test.ts:31-34: the "回" polygon, outer ring and inner ring.
    expect(await names(new Polygon([square(2), square(1)]))).toEqual(['bulge', 'ring']);
  });

  // MongoDB $geoWithin: a Polygon ring is taken as the smaller of the two areas it bounds, whatever its winding
  // (S2Loop::Normalize in the GeoJSON parser); MultiPolygon: within any of its polygons.
  it('ignores the winding order and takes MultiPolygons', async () => {
    const { Point, LineString, Polygon, MultiPolygon } = Geo;
    await db.collection('shapes').add([
      { name: 'a', point: new Point(0.5, 0.5) },
      { name: 'b', point: new Point(10.5, 10.5) },
      { name: 'c', point: new Point(5, 5) },
    ]);
    const clockwise = new Polygon([new LineString([new Point(0, 0), new Point(0, 1), new Point(1, 1), new Point(1, 0), new Point(0, 0)])]);
    const ccw = (x: number) =>
      new Polygon([new LineString([new Point(x, x), new Point(x + 1, x), new Point(x + 1, x + 1), new Point(x, x + 1), new Point(x, x)])]);
    expect(await names(clockwise)).toEqual(['a']);
    expect(await names(new MultiPolygon([ccw(0), ccw(10)]))).toEqual(['a', 'b']);
  });

  // geo-advanced.test.ts:242-298 ("GEO - geoWithin centerSphere"): (-88, 30.001) is within 10 km of (-88, 30), the
  // centre given as a Point or as [lng, lat]; a bad centre or radius throws (the SDK checks before sending).
  // Command.geoWithin doc: "半径需以弧度计 … 用距离除以地球半径 6378.1km".
  it('takes a centerSphere: [centre, radius in radians]', async () => {
    const { Point } = Geo;
    await db.collection('shapes').add([
      { name: 'near', point: new Point(-88, 30.001) },
      { name: 'far', point: new Point(-88, 31) },
    ]);
    for (const centre of [new Point(-88, 30), [-88, 30]]) {
      const res = await db
        .collection('shapes')
        .where({ point: _.geoWithin({ centerSphere: [centre, 10 / 6378.1] }) })
        .get();
      expect(res.data.map((d: { name: string }) => d.name)).toEqual(['near']);
      expect(res.data[0].point).toEqual(new Point(-88, 30.001));
    }
    expect(() => db.collection('shapes').where({ point: _.geoWithin({ centerSphere: [[-288, 30], 10 / 6378.1] }) })).toThrow();
    expect(() =>
      db.collection('shapes').where({ point: _.geoWithin({ centerSphere: [new Point(-88, 30), '10' as unknown as number] }) }),
    ).toThrow();
  });

  // MongoDB: lines and polygons are within when wholly inside; $geoWithin needs no index (CloudBase recommends one).
  it('tests whole lines and polygons, without an index', async () => {
    const { Point, LineString, Polygon } = Geo;
    await db.collection('unindexed').add([
      { name: 'short', shape: new LineString([new Point(-1, 0), new Point(1, 0)]) },
      { name: 'long', shape: new LineString([new Point(-1, 0), new Point(3, 0)]) },
      { name: 'small', shape: new Polygon([square(1)]) },
      { name: 'big', shape: new Polygon([square(3)]) },
    ]);
    const res = await db
      .collection('unindexed')
      .where({ shape: _.geoWithin({ geometry: new Polygon([square(2)]) }) })
      .get();
    expect(res.data.map((d: { name: string }) => d.name)).toEqual(['short', 'small']);
  });

  // MongoDB geoparser: "Loop is not valid: … Edges i and j cross" for a self-intersecting ring (the SDK only checks
  // that rings are closed).
  it('refuses a self-intersecting polygon', async () => {
    const { Point, LineString, Polygon } = Geo;
    const bowtie = new Polygon([new LineString([new Point(0, 0), new Point(1, 1), new Point(1, 0), new Point(0, 1), new Point(0, 0)])]);
    await expect(
      db
        .collection('shapes')
        .where({ point: _.geoWithin({ geometry: bowtie }) })
        .get(),
    ).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringMatching(/Loop is not valid: .* Edges \d and \d cross/),
    });
  });
});

describe('_.geoIntersects', () => {
  // Command.geoIntersects doc: "找出给定的地理位置图形相交的记录"; MongoDB $geoIntersects: shares at least one point
  // with the given geometry (boundaries included).
  it('finds stored geometries that share a point with the given one', async () => {
    const { Point, LineString, Polygon, MultiPoint } = Geo;
    await db.collection('shapes').add([
      { name: 'area', geo: new Polygon([square(2)]) },
      { name: 'road', geo: new LineString([new Point(-5, 3), new Point(5, 3)]) },
      { name: 'stop', geo: new Point(2, 0) },
      { name: 'far', geo: new MultiPoint([new Point(50, 50), new Point(60, 60)]) },
    ]);
    const names = (geometry: object) => shapeNames({ geo: _.geoIntersects({ geometry }) });
    expect(await names(new Point(0, 0))).toEqual(['area']);
    // A point on the polygon's edge (the meridian 2°E) and the stored point itself.
    expect(await names(new Point(2, 0))).toEqual(['area', 'stop']);
    expect(await names(new LineString([new Point(0, 0), new Point(0, 10)]))).toEqual(['area', 'road']);
    expect(
      await names(
        new Polygon([new LineString([new Point(49, 49), new Point(51, 49), new Point(51, 51), new Point(49, 51), new Point(49, 49)])]),
      ),
    ).toEqual(['far']);
    expect(await names(new Point(30, 30))).toEqual([]);
  });
});

describe('aggregate().geoNear()', () => {
  const date = new Date('2030-05-01T08:00:00Z');
  // aggregation.test.ts:611-655: the SDK's $geoNear fixture (raw GeoJSON documents).
  const attractions = [
    {
      _id: 'geoNear.0',
      city: 'Guangzhou',
      docType: 'geoNear',
      date,
      location: { type: 'Point', coordinates: [113.30593, 23.1361155] },
      name: 'Canton Tower',
    },
    {
      _id: 'geoNear.1',
      city: 'Hangzhou',
      docType: 'geoNear',
      date: new Date(date.getTime() - 1000),
      location: { type: 'Point', coordinates: [113.306789, 23.1564721] },
      name: 'Baiyun Mountain',
    },
    {
      _id: 'geoNear.2',
      city: 'Beijing',
      docType: 'geoNear',
      date: new Date(date.getTime() + 1000),
      location: { type: 'Point', coordinates: [116.3949659, 39.9163447] },
      name: 'The Palace Museum',
    },
    {
      _id: 'geoNear.3',
      city: 'Beijing',
      docType: 'geoNear',
      location: { type: 'Point', coordinates: [116.2328567, 40.242373] },
      name: 'Great Wall',
    },
  ];
  const near = () => new Geo.Point(113.3089506, 23.0968251);

  // aggregation.test.ts:670-690: with query { city: /zhou/, date: _.lt(date) } only Baiyun Mountain (Hangzhou) is left,
  // and its distance is exactly 6643.521654040738 (metres on MongoDB's 6378.1 km sphere).
  it('matches the SDK test: query, distanceField, key, includeLocs, the exact distance', async () => {
    await db.collection('attractions').add(attractions);
    const res = await db
      .collection('attractions')
      .aggregate()
      .geoNear({
        distanceField: 'distance',
        spherical: true,
        near: near(),
        query: { city: /zhou/, date: _.lt(date) },
        key: 'location',
        includeLocs: 'location',
      })
      .end();
    expect(res.data.length === 1 && res.data[0].city === 'Hangzhou').toBe(true);
    expect(res.data[0].distance).toBe(6643.521654040738);
  });

  // docs/database/aggregate/stages/geoNear.md (and the WeChat Aggregate.geoNear doc): nearest first, with the
  // distances 4384.68131486958, 6643.521654040738, 1894750.4414538583, 1928300.3308822548; GeoJSON comes back as
  // stored (aggregate() results are not turned into Geo objects by the SDK).
  it('outputs every document nearest first with its distance (the doc example)', async () => {
    await db.collection('attractions').add(attractions);
    const res = await db
      .collection('attractions')
      .aggregate()
      .geoNear({ distanceField: 'distance', spherical: true, near: near(), query: { docType: 'geoNear' } })
      .end();
    expect(res.data.map((d: { name: string }) => d.name)).toEqual(['Canton Tower', 'Baiyun Mountain', 'The Palace Museum', 'Great Wall']);
    const distances = res.data.map((d: { distance: number }) => d.distance);
    expect(distances[0]).toBeCloseTo(4384.68131486958, 6);
    expect(distances.slice(1)).toEqual([6643.521654040738, 1894750.4414538583, 1928300.3308822548]);
    expect(res.data[0].location).toEqual({ type: 'Point', coordinates: [113.30593, 23.1361155] });
  });

  // MongoDB $geoNear: maxDistance/minDistance in metres for a GeoJSON near, distanceMultiplier scales the output,
  // distanceField may be a dotted path, includeLocs names where the location used goes; later stages follow.
  it('takes maxDistance, minDistance, distanceMultiplier, a dotted distanceField and later stages', async () => {
    await db.collection('attractions').add(attractions);
    const $ = db.command.aggregate;
    const res = await db
      .collection('attractions')
      .aggregate()
      .geoNear({
        distanceField: 'geo.km',
        distanceMultiplier: 0.001,
        spherical: true,
        near: near(),
        minDistance: 5000,
        maxDistance: 2_000_000,
        includeLocs: 'geo.at',
      })
      .project({ _id: 0, name: 1, geo: 1 })
      .limit(2)
      .end();
    expect(res.data.map((d: { name: string }) => d.name)).toEqual(['Baiyun Mountain', 'The Palace Museum']);
    expect(res.data[0].geo.km).toBeCloseTo(6.643521654040738, 12);
    expect(res.data[0].geo.at).toEqual({ type: 'Point', coordinates: [113.306789, 23.1564721] });
    const grouped = await db
      .collection('attractions')
      .aggregate()
      .geoNear({ distanceField: 'd', spherical: true, near: near() })
      .group({ _id: '$city', n: $.sum(1) })
      .sort({ _id: 1 })
      .end();
    expect(grouped.data).toEqual([
      { _id: 'Beijing', n: 2 },
      { _id: 'Guangzhou', n: 1 },
      { _id: 'Hangzhou', n: 1 },
    ]);
  });

  // Aggregate.geoNear doc: "geoNear 必须为第一个聚合阶段"; MongoDB: "$geoNear is only valid as the first stage in a pipeline."
  // "必须有地理位置索引。如果有多个，必须用 key 参数指定要使用的索引": MongoDB "$geoNear requires a 2d or 2dsphere index,
  // but none were found" / "There is more than one 2dsphere index on …; unsure which to use for $geoNear".
  it('must come first, and needs exactly one 2dsphere index or a key naming one', async () => {
    await db.collection('attractions').add(attractions);
    await expect(
      db
        .collection('attractions')
        .aggregate()
        .match({ docType: 'geoNear' })
        .geoNear({ distanceField: 'd', spherical: true, near: near() })
        .end(),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: '$geoNear is only valid as the first stage in a pipeline.',
    });
    await db.collection('unindexed').add({ location: new Geo.Point(1, 1) });
    await expect(
      db.collection('unindexed').aggregate().geoNear({ distanceField: 'd', spherical: true, near: near() }).end(),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: '$geoNear requires a 2d or 2dsphere index, but none were found',
    });
    await db.collection('two').add([{ name: 'x', home: new Geo.Point(113.3, 23.1), work: new Geo.Point(116.4, 39.9) }]);
    await expect(
      db.collection('two').aggregate().geoNear({ distanceField: 'd', spherical: true, near: near() }).end(),
    ).rejects.toMatchObject({
      message: expect.stringContaining('There is more than one 2dsphere index on two; unsure which to use for $geoNear'),
    });
    const byWork = await db.collection('two').aggregate().geoNear({ distanceField: 'd', spherical: true, near: near(), key: 'work' }).end();
    expect(byWork.data[0].d).toBeGreaterThan(1_800_000);
    await expect(
      db.collection('two').aggregate().geoNear({ distanceField: 'd', spherical: true, near: near(), key: 'school' }).end(),
    ).rejects.toMatchObject({
      message: expect.stringContaining('unable to find index for $geoNear query'),
    });
  });

  // MongoDB ≤ 4.0 took `limit`/`num` in $geoNear and stopped at 100 documents by default; 4.2 removed both (use a
  // $limit stage). Which one CloudBase runs is not documented: the emulator answers only what both agree on.
  it('refuses what depends on the MongoDB version: limit, and reading past 100 documents', async () => {
    const rows = Array.from({ length: 150 }, (_x, i) => ({ i, location: { type: 'Point', coordinates: [113 + i / 1000, 23] } }));
    await engine.insert('attractions', rows);
    // A fresh options object each time: aggregate().geoNear() rewrites its `near` in place (aggregate.js).
    const geoNear = () => ({ distanceField: 'd', spherical: true, near: new Geo.Point(113, 23) });
    await expect(
      db
        .collection('attractions')
        .aggregate()
        .geoNear({ ...geoNear(), limit: 10 })
        .end(),
    ).rejects.toMatchObject({ code: 'NOT_IMPLEMENTED' });
    const first = await db.collection('attractions').aggregate().geoNear(geoNear()).limit(30).end();
    expect(first.data.map((d: { i: number }) => d.i)).toEqual(Array.from({ length: 30 }, (_x, i) => i));
    await expect(db.collection('attractions').aggregate().geoNear(geoNear()).skip(120).limit(10).end()).rejects.toMatchObject({
      code: 'NOT_IMPLEMENTED',
    });
  });

  // MongoDB: "$geoNear, $near, and $nearSphere are not allowed in this context" inside $match; $geoWithin is fine there.
  it('$match takes $geoWithin but not a near query', async () => {
    await db.collection('attractions').add(attractions);
    await expect(
      db
        .collection('attractions')
        .aggregate()
        .match({ location: _.geoNear({ geometry: near() }) })
        .end(),
    ).rejects.toMatchObject({
      message: '$geoNear, $near, and $nearSphere are not allowed in this context',
    });
    const res = await db
      .collection('attractions')
      .aggregate()
      .match({ location: _.geoWithin({ centerSphere: [near(), 10 / 6378.1] }) })
      .end();
    expect(res.data.map((d: { name: string }) => d.name)).toEqual(['Canton Tower', 'Baiyun Mountain']);
  });
});
