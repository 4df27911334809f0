// 离我最近 at scale: activity.list with `near` is a geo query paged by the database, right past 1,000 activities, at a
// fixed cost per page (a count of each of the square's groups, one geo read of the group the page lies in).
import type { InputOf } from '@contract/functions';
import { databaseRequests, dataOf, LANZHOU_POINT, publishActivity, seedTeam, useTestEmulator } from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });

beforeEach(async () => {
  await seedTeam(t);
});

const list = (input: InputOf<'activity', 'list'>) => t.call('activity', 'list', input);

/** Great-circle distance for ordering (haversine; any radius orders the same). */
function haversine(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lng - a.lng) * r) / 2) ** 2;
  return 2 * Math.asin(Math.sqrt(h));
}

/**
 * `n` activities cloned from one published through activity.publish (so every stored field is real), written straight
 * into the database: spread around LANZHOU_POINT on a spiral, 40 m apart in distance, inserted in a shuffled order.
 * `ended` more lie closest of all but are over (activity.list near me leaves them out).
 */
async function manyActivities(n: number, ended: number) {
  const published = await publishActivity(t, 'lz-admin', 'lz', { title: '模板活动（将被删除）' });
  const [template] = await t.emu.db.find('activities', { _id: published._id });
  expect(template.point).toEqual({ type: 'Point', coordinates: [LANZHOU_POINT.lng, LANZHOU_POINT.lat] });
  const docs = [];
  for (let k = 0; k < n + ended; k++) {
    const i = (k * 7919) % (n + ended); // a permutation: insertion order is not distance order
    const metres = 100 + i * 40;
    const bearing = i * 2.39996; // golden angle, radians
    const location = {
      lat: LANZHOU_POINT.lat + (metres * Math.cos(bearing)) / 111_320,
      lng: LANZHOU_POINT.lng + (metres * Math.sin(bearing)) / (111_320 * Math.cos((LANZHOU_POINT.lat * Math.PI) / 180)),
    };
    const over = i < ended;
    docs.push({
      ...template,
      _id: `near-${String(i).padStart(5, '0')}`,
      title: `活动${i}`,
      location,
      point: { type: 'Point', coordinates: [location.lng, location.lat] },
      ...(over
        ? {
            startDate: '2026-11-01',
            endDate: '2026-11-01',
            startAt: new Date('2026-11-01T01:00:00Z'),
            endAt: new Date('2026-11-01T09:00:00Z'),
          }
        : {}),
    });
  }
  await t.emu.db.insert('activities', docs);
  return docs
    .filter((d) => Number(d._id.slice(5)) >= ended)
    .sort((a, b) => haversine(LANZHOU_POINT, a.location) - haversine(LANZHOU_POINT, b.location))
    .map((d) => d._id);
}

describe('activity.list near me over 1,500 activities', () => {
  it('pages in distance order past the first 1,000, with the total of all, at 4 database requests a page', async () => {
    const expected = await manyActivities(1500, 100);
    // The template itself (at LANZHOU_POINT) is the nearest of all: leave it out of the comparison by cancelling it.
    const [template] = await t.emu.db.find('activities', { title: '模板活动（将被删除）' });
    expect((await t.call('activity', 'cancel', { activityId: template._id, reason: '模板' }, 'lz-admin')).ok).toBe(true);

    const distances = new Map<number, (number | undefined)[]>();
    for (const page of [1, 2, 20, 21, 30]) {
      await t.dev('DELETE', '/_dev/stats');
      const r = dataOf(await list({ near: LANZHOU_POINT, page, pageSize: 50 }));
      expect(await databaseRequests(t)).toEqual({ total: 4, byAction: { 'database.getDocument': 1, 'database.calculateDocument': 3 } });
      expect(r.total).toBe(1500);
      expect(r.page).toBe(page);
      expect(r.items.map((i: { _id: string }) => i._id)).toEqual(expected.slice((page - 1) * 50, page * 50));
      distances.set(
        page,
        r.items.map((i) => i.distanceM),
      );
    }
    // Distances (whole metres) never decrease, within a page and from one page to the next.
    for (const [a, b] of [
      [1, 2],
      [20, 21],
    ]) {
      const run = [...distances.get(a)!, ...distances.get(b)!];
      expect(run).toEqual([...run].sort((x, y) => Number(x) - Number(y)));
    }
    // Page 30 ends with the farthest activity, ~60 km out: a list of the "first 1,000" never reached it.
    expect(distances.get(30)!.at(-1)).toBeGreaterThan(59_000);
    expect(dataOf(await list({ near: LANZHOU_POINT, page: 31, pageSize: 50 })).items).toEqual([]);
  });

  it('keeps the filters: a phase asked for replaces "not ended", keyword and category still apply', async () => {
    await manyActivities(200, 20);
    const ended = dataOf(await list({ near: LANZHOU_POINT, phase: 'ended', pageSize: 50 }));
    expect(ended.total).toBe(20);
    expect(ended.items.map((i: { phase: string }) => i.phase)).toEqual(Array(20).fill('ended'));
    const keyword = dataOf(await list({ near: LANZHOU_POINT, keyword: '活动19' }));
    // 活动19 is one of the 20 that are over; 活动190…199 lie in that order outwards.
    expect(keyword.items.map((i: { title: string }) => i.title)).toEqual(Array.from({ length: 10 }, (_x, k) => `活动19${k}`));
    expect(dataOf(await list({ near: LANZHOU_POINT, category: '农技服务' })).total).toBe(0);
  });
});

describe('the stored point follows the location', () => {
  it('activity.publish stores point = location as GeoJSON [lng, lat]; activity.update moves it with the location', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    const stored = async () => (await t.emu.db.find('activities', { _id: a._id }))[0];
    expect((await stored()).point).toEqual({ type: 'Point', coordinates: [LANZHOU_POINT.lng, LANZHOU_POINT.lat] });
    expect((a as Record<string, unknown>).point).toBeUndefined(); // not part of the contract
    const moved = { lat: 34.58, lng: 105.72 };
    expect((await t.call('activity', 'update', { activityId: a._id, location: moved }, 'lz-admin')).ok).toBe(true);
    expect(await stored()).toMatchObject({ location: moved, point: { type: 'Point', coordinates: [105.72, 34.58] } });
    expect((await t.call('activity', 'update', { activityId: a._id, title: '改个名字的活动' }, 'lz-admin')).ok).toBe(true);
    expect((await stored()).point).toEqual({ type: 'Point', coordinates: [105.72, 34.58] });
    const near = dataOf(await list({ near: moved }));
    expect(near.items.map((i) => [i._id, i.distanceM])).toEqual([[a._id, 0]]);
  });
});
