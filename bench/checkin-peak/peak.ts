// The body of bench/checkin-peak (bundled by run.mjs): seed, then measure scans and a no-op call side by side.
import { startBenchEmulator } from '../emulator';

const LANZHOU = { province: '620000', city: '620100', county: '620102' };
const POINT = { lat: 36.0611, lng: 103.8343 };

type Sample = { ms: number; ok: boolean; code?: string };

type Call = (i: number) => Promise<{ ok: boolean; code?: string }>;
type Load = { concurrency: number } | { rate: number };
type Result = {
  perSec: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  failures: Record<string, number>;
  maxInFlight: number;
};

function summarize(samples: Sample[], seconds: number, maxInFlight: number): Result {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const failures: Record<string, number> = {};
  for (const s of samples) if (!s.ok) failures[s.code ?? '?'] = (failures[s.code ?? '?'] ?? 0) + 1;
  return { perSec: samples.length / seconds, seconds, p50: q(50), p95: q(95), p99: q(99), failures, maxInFlight };
}

/** Closed loop: `concurrency` callers, each starting its next call when the last one answers (saturation). */
async function driveClosed(total: number, concurrency: number, call: Call): Promise<Result> {
  const samples: Sample[] = new Array(total);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t0 = performance.now();
        const res = await call(i);
        samples[i] = { ms: performance.now() - t0, ok: res.ok, code: res.code };
      }
    }),
  );
  return summarize(samples, (performance.now() - started) / 1000, concurrency);
}

/**
 * Open loop: call i is due at start + i / rate whatever happened before, and its latency runs from that scheduled
 * moment, so a server that falls behind shows its queue in the figures instead of slowing the arrivals down.
 */
async function driveOpen(total: number, rate: number, call: Call): Promise<Result> {
  const samples: Sample[] = new Array(total);
  const pending: Promise<void>[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const started = performance.now();
  const due = (i: number) => started + (i * 1000) / rate;
  for (let i = 0; i < total; ) {
    while (i < total && due(i) <= performance.now()) {
      const k = i++;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      pending.push(
        call(k).then((res) => {
          samples[k] = { ms: performance.now() - due(k), ok: res.ok, code: res.code };
          inFlight -= 1;
        }),
      );
    }
    if (i < total) await new Promise((r) => setTimeout(r, Math.max(0, due(i) - performance.now())));
  }
  await Promise.all(pending);
  return summarize(samples, (performance.now() - started) / 1000, maxInFlight);
}

const drive = (total: number, load: Load, call: Call) =>
  'rate' in load ? driveOpen(total, load.rate, call) : driveClosed(total, load.concurrency, call);

export async function runPeak({ root, scans, load }: { root: string; scans: number; load: Load }) {
  const { emu, post, resetStats, databaseRequests } = await startBenchEmulator(root);
  try {
    // 09:05 on the activity's day, Asia/Shanghai.
    await post('/_dev/clock', { now: '2026-12-01T01:05:00Z' });
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
        endDate: '2026-12-01',
        dailyStart: '09:00',
        dailyEnd: '17:00',
        signupStartAt: created,
        signupEndAt: new Date('2026-11-30T00:00:00Z'),
        startAt: new Date('2026-12-01T01:00:00Z'),
        endAt: new Date('2026-12-01T09:00:00Z'),
        capacity: scans,
        waitlist: false,
        audience: 'public',
        dailyCapMinutes: 480,
        status: 'published',
        enrolledCount: scans,
        waitlistCount: 0,
        createdAt: created,
        updatedAt: created,
        publishedBy: 'admin-bench',
      },
    ]);
    const openids = Array.from({ length: scans }, (_, i) => `vol-${String(i).padStart(6, '0')}`);
    for (let i = 0; i < scans; i += 1000) {
      const chunk = openids.slice(i, i + 1000);
      await emu.db.insert(
        'enrollments',
        chunk.map((o) => ({
          _id: `act-bench_${o}`,
          activityId: 'act-bench',
          openid: o,
          status: 'enrolled',
          enrolledAt: created,
          queuedAt: created,
        })),
      );
    }
    const codeOf = async (kind: 'in' | 'out') => {
      const code = await post<{ ok: boolean; data?: { payload?: unknown } }>(
        '/functions/checkin',
        { action: 'code', activityId: 'act-bench', kind, mode: 'static' },
        'admin-bench',
      );
      if (!code.ok) throw new Error(`checkin.code failed: ${JSON.stringify(code)}`);
      return code.data?.payload as string;
    };
    const payload = await codeOf('in');
    const outPayload = await codeOf('out');

    // Warm both paths once, then measure.
    await post('/functions/checkin', { action: 'noop' }, openids[0]);
    const noop = await drive(scans, load, (i) =>
      post('/functions/checkin', { action: 'noop' }, openids[i]).then((r) => ({ ok: r.code === 'UNKNOWN_ACTION', code: r.code })),
    );

    await resetStats();
    const near = { lat: POINT.lat + 0.001, lng: POINT.lng, accuracy: 30 };
    const scan = await drive(scans, load, (i) =>
      post('/functions/checkin', { action: 'scan', payload, location: near, nonce: `bench-nonce-${i}` }, openids[i]),
    );
    const dbRequests = await databaseRequests();
    const records = await post('/functions/checkin', { action: 'roster', activityId: 'act-bench', date: '2026-12-01' }, 'admin-bench');
    const signedIn = records.ok ? (records.data as { status: string }[]).filter((r) => r.status === 'open').length : -1;

    // The same wave signing out at 16:55.
    await post('/_dev/clock', { now: '2026-12-01T08:55:00Z' });
    await resetStats();
    const signOut = await drive(scans, load, (i) =>
      post('/functions/checkin', { action: 'scan', payload: outPayload, location: near, nonce: `bench-out-${i}` }, openids[i]),
    );
    const outRequests = await databaseRequests();

    const fmt = (n: number) => n.toFixed(1).padStart(8);
    const mode =
      'rate' in load
        ? `open loop at ${load.rate} calls/s (latency from each call's scheduled time)`
        : `${load.concurrency} in flight (closed loop)`;
    console.log(`\ncheckin-peak: ${scans} scans, ${mode}, node ${process.version}, ${new Date().toISOString()}`);
    console.log('                 calls/s   p50 ms   p95 ms   p99 ms   seconds   most in flight');
    const row = (r: Result) =>
      `${fmt(r.perSec)} ${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.p99)} ${fmt(r.seconds)} ${String(r.maxInFlight).padStart(16)}`;
    console.log(`no-op call     ${row(noop)}`);
    console.log(`checkin.scan   ${row(scan)}`);
    console.log(`sign-out scan  ${row(signOut)}`);
    console.log(`scan/no-op throughput ratio: ${(scan.perSec / noop.perSec).toFixed(2)}; p50 ratio ${(scan.p50 / noop.p50).toFixed(2)}`);
    console.log(`database requests per scan: ${(dbRequests.total / scans).toFixed(2)} (${JSON.stringify(dbRequests.byAction)})`);
    console.log(`database requests per sign-out: ${(outRequests.total / scans).toFixed(2)} (${JSON.stringify(outRequests.byAction)})`);
    console.log(
      `failed scans: ${JSON.stringify(scan.failures)}; failed sign-outs: ${JSON.stringify(signOut.failures)}; day records signed in: ${signedIn}`,
    );
    console.log(`${scans} scans fit in one minute: ${scan.seconds <= 60 ? 'yes' : 'no'} (${scan.seconds.toFixed(1)} s)`);
  } finally {
    await emu.close();
  }
}
