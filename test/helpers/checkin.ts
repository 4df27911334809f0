// Fixtures for check-in tests: a published activity written straight into the database, enrollments, codes.
import { LANZHOU, bootstrapRoot, seedMembership, seedOrg, seedVolunteer, type TestEmulator } from './emulator';

export const POINT = { lat: 36.0611, lng: 103.8343 };
/** A point `m` metres north of POINT (1° of latitude = 111,319.49 m on geolib's sphere). */
export const north = (m: number, from = POINT) => ({ lat: from.lat + m / 111_319.49, lng: from.lng });

let seq = 0;
/**
 * A two-day activity, 2026-12-01 and 2026-12-02, 09:00–17:00 Asia/Shanghai (01:00–09:00Z), radius 5 km.
 * Ids are unique per call: the checkin function keeps activities it read for a few seconds.
 */
export async function seedActivity(t: TestEmulator, orgId: string, over: Record<string, unknown> = {}) {
  const _id = `act-${process.pid}-${++seq}`;
  const created = new Date('2026-11-01T00:00:00Z');
  const doc = {
    _id,
    orgId,
    orgName: '兰州市科技志愿服务支队',
    title: '社区科普讲解',
    category: '科普讲解',
    description: '走进社区开展科普讲解活动',
    serviceTargets: ['社区居民'],
    region: LANZHOU,
    address: '兰州市城关区东方红广场',
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
    capacity: 50,
    waitlist: true,
    audience: 'public',
    dailyCapMinutes: 480,
    status: 'published',
    enrolledCount: 0,
    waitlistCount: 0,
    createdAt: created,
    updatedAt: created,
    publishedBy: 'seed',
    ...over,
  };
  await t.emu.db.insert('activities', [doc]);
  return doc;
}

export async function seedEnrollment(
  t: TestEmulator,
  activityId: string,
  openid: string,
  status: 'enrolled' | 'waitlisted' | 'cancelled' = 'enrolled',
) {
  const at = new Date('2026-11-10T00:00:00Z');
  await t.emu.db.insert('enrollments', [{ _id: `${activityId}_${openid}`, activityId, openid, status, enrolledAt: at, queuedAt: at }]);
}

/** An activity's code as `checkin.code` answers it, for `admin`. */
async function codeAnswer(t: TestEmulator, activityId: string, kind: 'in' | 'out' | 'auto', admin: string, mode: 'static' | 'rotating') {
  const r = await t.call('checkin', 'code', { activityId, kind, mode }, admin);
  if (!r.ok) throw new Error(`checkin.code: ${r.code} ${r.message}`);
  return r.data;
}

/** The long signed payload of an activity code (what in-app scanning reads). */
export async function activityCode(
  t: TestEmulator,
  activityId: string,
  kind: 'in' | 'out' | 'auto',
  admin: string,
  mode: 'static' | 'rotating' = 'static',
): Promise<string> {
  return (await codeAnswer(t, activityId, kind, admin, mode)).payload;
}

/** The short signed scene of an activity code (what its 小程序码 carries). */
export async function activityScene(
  t: TestEmulator,
  activityId: string,
  kind: 'in' | 'out' | 'auto',
  admin: string,
  mode: 'static' | 'rotating' = 'static',
): Promise<string> {
  return (await codeAnswer(t, activityId, kind, admin, mode)).scene;
}

/** `openid` asks to have the 2026-12-01 day (signed in, never out) closed at 16:30, the next morning; the correction's id. */
export async function requestForgottenSignOut(t: TestEmulator, activityId: string, openid: string): Promise<string> {
  await t.setClock('2026-12-02T01:00:00Z');
  const asked = await t.call(
    'checkin',
    'requestCorrection',
    { activityId, date: '2026-12-01', signOutAt: '2026-12-01T16:30:00+08:00', note: '我忘记签退了' },
    openid,
  );
  if (!asked.ok) throw new Error(`${asked.code} ${asked.message}`);
  return asked.data.correction.correctionId;
}

let nonceSeq = 0;
export const nonce = () => `nonce-${process.pid}-${++nonceSeq}-${Math.random().toString(36).slice(2, 8)}`;

/** Database requests the emulator served, by action, since the last reset of the stats. */
export async function dbRequests(t: TestEmulator): Promise<number> {
  const stats = await t.dev<{ database: Record<string, number> }>('GET', '/_dev/stats');
  return Object.values(stats.database).reduce((a, b) => a + b, 0);
}

/**
 * The scene of the check-in tests: 兰州 and 天水 支队 under a root, 李敏 admin of 兰州, 赵强 admin of 天水,
 * volunteers 张伟 (a 兰州 member), 刘洋 and 陈静, and the two-day activity of seedActivity with `enrolled` enrolled.
 */
export async function seedCheckinScene(t: TestEmulator, enrolled: string[]) {
  const root = await bootstrapRoot(t, 'root-leader');
  await seedOrg(t, 'lz', '兰州市科技志愿服务支队', root);
  await seedOrg(t, 'ts', '天水市科技志愿服务支队', root);
  const people = [
    ['lz-admin', '李敏'],
    ['ts-admin', '赵强'],
    ['vol', '张伟'],
    ['vol2', '刘洋'],
    ['vol3', '陈静'],
  ];
  for (const [i, [openid, name]] of people.entries()) await seedVolunteer(t, openid, `1390000000${i + 1}`, name);
  await seedMembership(t, 'lz', 'lz-admin', 'admin');
  await seedMembership(t, 'ts', 'ts-admin', 'admin');
  await seedMembership(t, 'lz', 'vol', 'member');
  const act = await seedActivity(t, 'lz');
  for (const v of enrolled) await seedEnrollment(t, act._id, v);
  return act;
}
