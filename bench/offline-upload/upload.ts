// The body of bench/offline-upload (bundled by run.mjs): seed, mint the personal codes, then upload and check.
import { startBenchEmulator } from '../emulator';

const LANZHOU = { province: '620000', city: '620100', county: '620102' };
const POINT = { lat: 36.0611, lng: 103.8343 };
const BATCH = 200;

interface Item {
  nonce: string;
  payload: string;
  kind: 'in' | 'out';
  claimedAt: string;
  syncedServerTime: string;
  elapsedMs: number;
}
type Answer = { ok: boolean; code?: string; data?: unknown };
type Results = { results: { result: string }[] };

export async function runOfflineUpload({ root, volunteers }: { root: string; volunteers: number }) {
  const { emu, post, resetStats, databaseRequests } = await startBenchEmulator(root);
  const call = (action: string, input: Record<string, unknown>, openid: string) =>
    post<Answer>('/functions/checkin', { action, ...input }, openid);
  try {
    const created = new Date('2026-11-01T00:00:00Z');
    await emu.db.insert('orgs', [
      {
        _id: 'org-bench',
        name: '兰州市科技志愿服务支队',
        level: '支队',
        parentId: null,
        path: [],
        region: LANZHOU,
        status: 'approved',
        createdAt: created,
      },
    ]);
    const openids = Array.from({ length: volunteers }, (_, i) => `vol-${String(i).padStart(6, '0')}`);
    // Only the admin is a registered volunteer here (names are read for the audit trail; a missing one reads as '').
    await emu.db.insert('volunteers', [
      { _id: 'admin-bench', openid: 'admin-bench', realName: '李敏', phone: '13900000000', registeredAt: created },
    ]);
    await emu.db.insert('memberships', [
      { _id: 'org-bench_admin-bench', orgId: 'org-bench', openid: 'admin-bench', role: 'admin', status: 'approved', appliedAt: created },
    ]);
    await emu.db.insert('activities', [
      {
        _id: 'act-bench',
        orgId: 'org-bench',
        orgName: '兰州市科技志愿服务支队',
        title: '科普日大型科普展',
        category: '科普讲解',
        description: '基准测试用活动',
        serviceTargets: [],
        region: LANZHOU,
        address: '兰州市城关区',
        location: POINT,
        radiusM: 5000,
        startDate: '2026-12-01',
        endDate: '2026-12-02',
        dailyStart: '09:00',
        dailyEnd: '17:00',
        signupStartAt: created,
        signupEndAt: new Date('2026-11-30T00:00:00Z'),
        startAt: new Date('2026-12-01T01:00:00Z'),
        endAt: new Date('2026-12-02T09:00:00Z'),
        capacity: volunteers,
        waitlist: false,
        audience: 'public',
        dailyCapMinutes: 480,
        status: 'published',
        enrolledCount: volunteers,
        waitlistCount: 0,
        createdAt: created,
        updatedAt: created,
        publishedBy: 'admin-bench',
      },
    ]);
    await emu.db.insert(
      'enrollments',
      openids.map((o) => ({
        _id: `act-bench_${o}`,
        activityId: 'act-bench',
        openid: o,
        status: 'enrolled',
        enrolledAt: created,
        queuedAt: created,
      })),
    );

    /** Every volunteer's personal code as shown at `iso`, scanned then by the admin's offline phone. */
    const scansAt = async (iso: string, kind: 'in' | 'out', tag: string): Promise<Item[]> => {
      await post('/_dev/clock', { now: iso });
      const items: Item[] = [];
      for (const [i, o] of openids.entries()) {
        const code = await call('myCode', { activityId: 'act-bench' }, o);
        if (!code.ok) throw new Error(`checkin.myCode failed: ${JSON.stringify(code)}`);
        const claimedAt = new Date(Date.parse(iso) + i * 10).toISOString();
        items.push({
          nonce: `bench-${tag}-${kind}-${i}`,
          payload: (code.data as { payload: string }).payload,
          kind,
          claimedAt,
          syncedServerTime: new Date(Date.parse(iso) - 3_600_000).toISOString(),
          elapsedMs: 3_600_000 + i * 10,
        });
      }
      return items;
    };
    const batches = (items: Item[]) =>
      Array.from({ length: Math.ceil(items.length / BATCH) }, (_, b) => items.slice(b * BATCH, (b + 1) * BATCH));
    const upload = async (scans: Item[]) => {
      const r = await call('uploadOfflineVolunteerScans', { activityId: 'act-bench', scans }, 'admin-bench');
      if (!r.ok) throw new Error(`uploadOfflineVolunteerScans failed: ${r.code}`);
      return (r.data as Results).results;
    };
    const tally = (results: { result: string }[]) =>
      results.reduce<Record<string, number>>((n, r) => ({ ...n, [r.result]: (n[r.result] ?? 0) + 1 }), {});

    /** Day records of `date` signed in and out with the expected minutes, and offline scans per state. */
    const accountedFor = async (date: string, minutes: number) => {
      const days = (await emu.db.find('checkin_days', { activityId: 'act-bench', date })) as { minutes: number; offline?: unknown[] }[];
      const complete = days.filter((d) => d.minutes === minutes && d.offline?.length === 2).length;
      const kept = (await emu.db.find('checkin_offline_scans', { activityId: 'act-bench', date })) as { state: string }[];
      return { days: days.length, complete, kept: tally(kept.map((k) => ({ result: k.state }))) };
    };

    const day1 = [...(await scansAt('2026-12-01T01:05:00Z', 'in', 'd1')), ...(await scansAt('2026-12-01T08:30:00Z', 'out', 'd1'))];
    const day2 = [...(await scansAt('2026-12-02T01:05:00Z', 'in', 'd2')), ...(await scansAt('2026-12-02T08:30:00Z', 'out', 'd2'))];
    await post('/_dev/clock', { now: '2026-12-02T10:00:00Z' });

    const measure = async (label: string, run: () => Promise<{ result: string }[]>, date: string) => {
      await resetStats();
      const t0 = performance.now();
      const results = await run();
      const seconds = (performance.now() - t0) / 1000;
      const db = await databaseRequests();
      const check = await accountedFor(date, 445);
      console.log(
        `${label.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s  ${String(db.total).padStart(6)} db requests (${(db.total / results.length).toFixed(2)}/scan)  ` +
          `answers ${JSON.stringify(tally(results))}  days ${check.days}, complete ${check.complete}, kept ${JSON.stringify(check.kept)}`,
      );
      return { results, check };
    };

    console.log(
      `\noffline-upload: ${day1.length} queued scans per day (${volunteers} volunteers, in and out), node ${process.version}, ${new Date().toISOString()}`,
    );
    const a = await measure(
      '5 calls of 200, one after another',
      async () => (await sequential(batches(day1), upload)).flat(),
      '2026-12-01',
    );
    const b = await measure('5 calls of 200, all at once', async () => (await Promise.all(batches(day2).map(upload))).flat(), '2026-12-02');
    const c = await measure(
      'the same 5 again, all at once',
      async () => (await Promise.all(batches(day2).map(upload))).flat(),
      '2026-12-02',
    );
    const lost =
      [a, b].some((r) => r.check.complete !== volunteers || r.results.length !== day1.length) ||
      c.results.some((r) => r.result !== 'duplicate');
    console.log(`every scan accounted for (each day: ${volunteers} complete records, re-upload all duplicates): ${lost ? 'NO' : 'yes'}`);
  } finally {
    await emu.close();
  }
}

async function sequential<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await work(item));
  return out;
}
