// 小程序码 scenes, the one on-site auto code, the short sign-out that asks first, undoing one's own sign-out, code keys.
import { dataOf, detailsOf, refusalOf, useTestEmulator } from '../helpers/emulator';
import { activityScene, dbRequests, nonce, north, seedActivity, seedCheckinScene, seedEnrollment } from '../helpers/checkin';

// 09:30 on the first day (Asia/Shanghai); the day runs 09:00–17:00.
const t = useTestEmulator({ clock: '2026-12-01T01:30:00.000Z' });
let act: { _id: string };

beforeEach(async () => {
  act = await seedCheckinScene(t, ['vol', 'vol2']);
});

const scan = (payload: string, openid = 'vol', extra: { n?: string; confirmShort?: boolean } = {}) =>
  t.call(
    'checkin',
    'scan',
    { payload, location: north(100), nonce: extra.n ?? nonce(), ...(extra.confirmShort ? { confirmShort: true } : {}) },
    openid,
  );
const day = async (openid = 'vol') => (await t.emu.db.find('checkin_days', { activityId: act._id, openid }))[0] as Record<string, unknown>;
const undo = (openid = 'vol', date = '2026-12-01') => t.call('checkin', 'undoSignOut', { activityId: act._id, date }, openid);

describe('checkin.code: the 小程序码', () => {
  it('answers a short scene, the scan page and a PNG, and keeps the long payload for the in-app scanner', async () => {
    const r = dataOf(await t.call('checkin', 'code', { activityId: act._id, kind: 'in' }, 'lz-admin'));
    expect(r.scene.length).toBeLessThanOrEqual(32);
    expect(r.scene).toMatch(/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/);
    expect(r.page).toBe('pages/scan/index');
    expect(r.wxacode).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(r.payload).toMatch(/^kjzy1\./);
    expect(r.qrSvg).toMatch(/^<svg/);
  });

  it('two admins asking for the first code at once end with one key for the activity', async () => {
    const fresh = await seedActivity(t, 'lz');
    const [a, b] = await Promise.all(
      ['lz-admin', 'lz-admin'].map((admin) => t.call('checkin', 'code', { activityId: fresh._id, kind: 'in' }, admin)),
    );
    const key = (scene: string) => scene.slice(3, 11);
    expect(key(dataOf(a).scene)).toBe(key(dataOf(b).scene));
    const [stored] = await t.emu.db.find('activities', { _id: fresh._id });
    expect(stored.codeKey).toBe(key(dataOf(a).scene));
    expect(await t.emu.db.find('checkin_code_keys', { activityId: fresh._id })).toEqual([expect.objectContaining({ _id: stored.codeKey })]);
  });
});

describe('checkin.scan with a scene', () => {
  it('signs in and out with scenes; a warm sign-in costs two requests', async () => {
    const inScene = await activityScene(t, act._id, 'in', 'lz-admin');
    expect(await scan(inScene, 'vol2')).toMatchObject({ ok: true, data: { kind: 'in', outcome: 'signedIn' } }); // warms key and activity
    await t.dev('DELETE', '/_dev/stats');
    expect(await scan(inScene)).toMatchObject({ ok: true, data: { kind: 'in', outcome: 'signedIn', repeated: false } });
    expect(await dbRequests(t)).toBe(2);
    await t.setClock('2026-12-01T03:30:00Z');
    const outScene = await activityScene(t, act._id, 'out', 'lz-admin');
    expect(await scan(outScene)).toMatchObject({ ok: true, data: { kind: 'out', outcome: 'signedOut', record: { minutes: 120 } } });
  });

  it('CHECKIN.CODE_INVALID for a changed character and for a made-up key', async () => {
    const scene = await activityScene(t, act._id, 'in', 'lz-admin');
    const last = scene.length - 1;
    const changed = scene.slice(0, last) + (scene[last] === 'A' ? 'B' : 'A');
    expect(refusalOf(await scan(changed)).code).toBe('CHECKIN.CODE_INVALID');
    const madeUp = `${scene.slice(0, 3)}ZZZZZZZZ${scene.slice(11)}`;
    expect(refusalOf(await scan(madeUp)).code).toBe('CHECKIN.CODE_INVALID');
    expect(await t.emu.db.find('checkin_days', {})).toEqual([]);
  });

  it("CHECKIN.CODE_INVALID for another activity's scene under this activity's key", async () => {
    const other = await seedActivity(t, 'lz');
    await seedEnrollment(t, other._id, 'vol');
    const mine = await activityScene(t, act._id, 'in', 'lz-admin');
    const theirs = await activityScene(t, other._id, 'in', 'lz-admin');
    const foreign = `${theirs.slice(0, 3)}${mine.slice(3, 11)}${theirs.slice(11)}`;
    expect(refusalOf(await scan(foreign)).code).toBe('CHECKIN.CODE_INVALID');
  });

  it('CHECKIN.CODE_EXPIRED for a rotating scene older than the previous step', async () => {
    const scene = await activityScene(t, act._id, 'in', 'lz-admin', 'rotating');
    await t.setClock('2026-12-01T01:31:30Z');
    expect(refusalOf(await scan(scene)).code).toBe('CHECKIN.CODE_EXPIRED');
  });

  it('answers a revoked scene as revoked, and a new one works', async () => {
    const scene = await activityScene(t, act._id, 'in', 'lz-admin');
    expect(await t.call('checkin', 'revokeCodes', { activityId: act._id }, 'lz-admin')).toMatchObject({ ok: true });
    const r = await scan(scene);
    expect(refusalOf(r).code).toBe('CHECKIN.CODE_INVALID');
    expect(detailsOf(r)).toEqual({ revoked: true });
    expect(await scan(await activityScene(t, act._id, 'in', 'lz-admin'))).toMatchObject({ ok: true });
  });

  it('ACTIVITY.CANCELLED for a scene of a cancelled activity', async () => {
    const scene = await activityScene(t, act._id, 'in', 'lz-admin');
    expect(await t.call('activity', 'cancel', { activityId: act._id, reason: '天气原因，活动取消' }, 'lz-admin')).toMatchObject({
      ok: true,
    });
    expect(refusalOf(await scan(scene)).code).toBe('ACTIVITY.CANCELLED');
  });
});

describe('an auto code', () => {
  it('is rotating by default and may be static for a poster', async () => {
    expect(dataOf(await t.call('checkin', 'code', { activityId: act._id, kind: 'auto' }, 'lz-admin'))).toMatchObject({
      kind: 'auto',
      mode: 'rotating',
    });
    expect(dataOf(await t.call('checkin', 'code', { activityId: act._id, kind: 'auto', mode: 'static' }, 'lz-admin')).mode).toBe('static');
  });

  it('signs in, then out, then says the day is already signed out and writes nothing', async () => {
    const scene = await activityScene(t, act._id, 'auto', 'lz-admin');
    expect(await scan(scene)).toMatchObject({ ok: true, data: { kind: 'in', outcome: 'signedIn', repeated: false } });
    await t.setClock('2026-12-01T03:35:00Z'); // 11:35
    expect(await scan(scene)).toMatchObject({
      ok: true,
      data: { kind: 'out', outcome: 'signedOut', repeated: false, record: { status: 'closed', minutes: 125 } },
    });
    await t.setClock('2026-12-01T04:00:00Z');
    const before = await day();
    await t.dev('DELETE', '/_dev/stats');
    const again = await scan(scene);
    expect(again).toMatchObject({ ok: true, data: { kind: 'out', outcome: 'alreadySignedOut', repeated: true, record: { minutes: 125 } } });
    expect(dataOf(again).at).toMatch(/^2026-12-01T11:35/); // the day's sign-out, not this scan
    const stats = await t.dev<{ database: Record<string, number> }>('GET', '/_dev/stats');
    expect(Object.keys(stats.database).filter((k) => /insert|modify|update|remove|delete|transaction/i.test(k))).toEqual([]);
    expect(await day()).toEqual(before);
  });

  it('a replayed nonce answers the sign-in again rather than signing out', async () => {
    const scene = await activityScene(t, act._id, 'auto', 'lz-admin');
    const n = nonce();
    await scan(scene, 'vol', { n });
    await t.setClock('2026-12-01T03:00:00Z');
    expect(await scan(scene, 'vol', { n })).toMatchObject({ ok: true, data: { kind: 'in', outcome: 'signedIn', repeated: true } });
    expect((await day()).signOutAt).toBeUndefined();
  });
});

describe('a short sign-out asks first', () => {
  it('CHECKIN.CONFIRM_SHORT_SIGN_OUT within 30 minutes of the sign-in, writing nothing; confirmed, it signs out', async () => {
    const scene = await activityScene(t, act._id, 'auto', 'lz-admin', 'static');
    await scan(scene);
    await t.setClock('2026-12-01T01:50:00Z'); // 20 min later
    const before = await day();
    const n = nonce();
    const refused = await scan(scene, 'vol', { n });
    expect(refusalOf(refused)).toMatchObject({ code: 'CHECKIN.CONFIRM_SHORT_SIGN_OUT', message: '现在签退将只记录20分钟，确定吗？' });
    expect(detailsOf(refused)).toEqual({ minutes: 20 });
    expect(await day()).toEqual(before);
    expect(await scan(scene, 'vol', { confirmShort: true })).toMatchObject({
      ok: true,
      data: { outcome: 'signedOut', record: { minutes: 20, status: 'closed' } },
    });
    // The refused attempt left no echo: its nonce is free, and now finds the day signed out.
    expect(await scan(scene, 'vol', { n })).toMatchObject({ ok: true, data: { outcome: 'alreadySignedOut' } });
  });

  it('refuses an out code before dailyStart too, until confirmed', async () => {
    await t.setClock('2026-12-01T00:10:00Z'); // 08:10
    await scan(await activityScene(t, act._id, 'in', 'lz-admin'));
    await t.setClock('2026-12-01T00:55:00Z'); // 08:55, 45 min later but before 09:00
    const out = await activityScene(t, act._id, 'out', 'lz-admin');
    const refused = await scan(out);
    expect(refusalOf(refused)).toMatchObject({ code: 'CHECKIN.CONFIRM_SHORT_SIGN_OUT', message: '现在签退将只记录0分钟，确定吗？' });
    expect((await day()).signOutAt).toBeUndefined();
    expect(await scan(out, 'vol', { confirmShort: true })).toMatchObject({
      ok: true,
      data: { outcome: 'signedOut', record: { minutes: 0 } },
    });
  });
});

describe('checkin.undoSignOut', () => {
  /** Signed in at 09:30, signed out by the volunteer's own scan at 11:30; the stored sign-out (the clock runs on). */
  async function signedOutAt1130() {
    const scene = await activityScene(t, act._id, 'auto', 'lz-admin', 'static');
    await scan(scene);
    await t.setClock('2026-12-01T03:30:00Z');
    expect(await scan(scene)).toMatchObject({ ok: true, data: { outcome: 'signedOut' } });
    return { scene, signOutAt: (await day()).signOutAt as Date };
  }
  const after = (at: Date, ms: number) => t.setClock(new Date(at.getTime() + ms).toISOString());

  it('within 5 minutes restores the day to signed in, with an entry on its trail; the next sign-out counts', async () => {
    const { scene, signOutAt } = await signedOutAt1130();
    await after(signOutAt, 4 * 60_000 + 59_000);
    const r = await undo();
    expect(r).toMatchObject({ ok: true, data: { record: { status: 'open', minutes: 0 } } });
    expect(dataOf(r).record.signInAt).toMatch(/^2026-12-01T09:30/);
    expect(dataOf(r).record.signOutAt).toBeUndefined();
    const stored = await day();
    expect(stored).toMatchObject({ status: 'open', minutes: 0 });
    expect(stored.signOutAt).toBeUndefined();
    expect(stored.adjustments).toEqual([
      expect.objectContaining({
        by: 'vol',
        byName: '张伟',
        reason: '本人撤销签退',
        before: expect.objectContaining({ signOutAt, minutes: 120 }),
        after: expect.objectContaining({ minutes: 0 }),
      }),
    ]);
    await t.setClock('2026-12-01T05:00:00Z');
    expect(await scan(scene)).toMatchObject({ ok: true, data: { outcome: 'signedOut', record: { minutes: 210 } } });
  });

  it('CHECKIN.UNDO_EXPIRED at 5 minutes and 1 second', async () => {
    const { signOutAt } = await signedOutAt1130();
    await after(signOutAt, 5 * 60_000 + 1000);
    expect(refusalOf(await undo())).toMatchObject({ code: 'CHECKIN.UNDO_EXPIRED', message: '签退已超过5分钟，无法撤销，请联系管理员更正' });
    expect((await day()).signOutAt).toEqual(signOutAt);
  });

  it("acts on the caller's own day only: someone else finds nothing to undo", async () => {
    await signedOutAt1130();
    const before = await day();
    expect(refusalOf(await undo('vol2')).code).toBe('CHECKIN.NOT_SIGNED_OUT');
    expect(refusalOf(await undo('lz-admin')).code).toBe('CHECKIN.NOT_SIGNED_OUT');
    expect(await day()).toEqual(before);
  });

  it('of two undos at once, one applies', async () => {
    await signedOutAt1130();
    const answers = await Promise.all([undo(), undo()]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => refusalOf(a).code)).toEqual(['CHECKIN.NOT_SIGNED_OUT']);
    expect((await day()).adjustments).toHaveLength(1);
  });

  it('CHECKIN.UNDO_NOT_OWN for a sign-out an admin recorded', async () => {
    await scan(await activityScene(t, act._id, 'in', 'lz-admin'));
    await t.setClock('2026-12-01T03:30:00Z');
    expect(
      await t.call('checkin', 'batchSignOut', { activityId: act._id, date: '2026-12-01', at: '2026-12-01T11:29:00+08:00' }, 'lz-admin'),
    ).toMatchObject({ ok: true, data: { closed: 1 } });
    expect(refusalOf(await undo()).code).toBe('CHECKIN.UNDO_NOT_OWN');
  });

  it('ACTIVITY.CANCELLED once the activity is cancelled', async () => {
    await signedOutAt1130();
    expect(await t.call('activity', 'cancel', { activityId: act._id, reason: '天气原因，活动取消' }, 'lz-admin')).toMatchObject({
      ok: true,
    });
    expect(refusalOf(await undo()).code).toBe('ACTIVITY.CANCELLED');
  });
});
