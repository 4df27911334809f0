// checkin.uploadOffline / uploadOfflineVolunteerScans / offlinePending / decideOffline through the emulator: scans kept
// on a phone while offline, uploaded later in any order, more than once, against a day closed meanwhile.
import { dataOf, useTestEmulator } from '../helpers/emulator';
import { activityCode, nonce, north, seedCheckinScene, seedEnrollment } from '../helpers/checkin';

// 09:30 on the first day (Asia/Shanghai); every test sets the clock where its scans happen and where it uploads.
const t = useTestEmulator({ clock: '2026-12-01T01:30:00.000Z' });
let act: { _id: string };

beforeEach(async () => {
  act = await seedCheckinScene(t, ['vol', 'vol2']);
});

const MIN = 60_000;
/** A queued scan as the phone keeps it: the code, the phone's time and the time it measured since it last synced. */
const queued = (
  payload: string,
  claimedAt: string,
  over: { location?: { lat: number; lng: number; accuracy?: number }; elapsedMs?: number; syncedServerTime?: string } = {},
) => ({
  nonce: nonce(),
  payload,
  claimedAt,
  syncedServerTime: new Date(Date.parse(claimedAt) - 20 * MIN).toISOString(),
  elapsedMs: 20 * MIN,
  location: { ...north(100), accuracy: 20 },
  ...over,
});

/** A code as shown at `iso` (a rotating one is that step's). */
async function codeAt(iso: string, kind: 'in' | 'out' | 'auto', mode: 'static' | 'rotating' = 'rotating') {
  await t.setClock(iso);
  return activityCode(t, act._id, kind, 'lz-admin', mode);
}

const upload = async (scans: ReturnType<typeof queued>[], openid = 'vol') =>
  dataOf(await t.call('checkin', 'uploadOffline', { scans }, openid)).results;
const dayOf = async (openid = 'vol') => (await t.emu.db.find('checkin_days', { openid }))[0] as Record<string, unknown> | undefined;

describe('checkin.uploadOffline', () => {
  it('out of order: a sign-out uploaded before its sign-in waits for it, and the day ends as online scans would', async () => {
    const inScan = queued(await codeAt('2026-12-01T01:30:05Z', 'in'), '2026-12-01T01:30:05Z');
    const outScan = queued(await codeAt('2026-12-01T04:00:10Z', 'out'), '2026-12-01T04:00:10Z');
    await t.setClock('2026-12-01T06:00:00Z');
    expect(await upload([outScan])).toMatchObject([{ result: 'waiting', kind: 'out', reason: 'ROTATING_STEP' }]);
    expect(await dayOf()).toBeUndefined();
    const [done] = await upload([inScan]);
    expect(done).toMatchObject({
      result: 'recorded',
      kind: 'in',
      at: '2026-12-01T09:30:05+08:00',
      record: { signInAt: '2026-12-01T09:30:05+08:00', signOutAt: '2026-12-01T12:00:10+08:00', minutes: 150, status: 'closed' },
    });
    expect(done.record?.flags).toContain('offline');
    expect(done.record?.offline).toHaveLength(2);
    expect(await t.emu.db.find('checkin_offline_scans', { state: 'waiting' })).toHaveLength(0);
    // The roster and the trail say 离线.
    const roster = dataOf(await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'lz-admin'));
    const row = roster.find((r) => r.openid === 'vol')!;
    expect(row.flags).toContain('offline');
    expect(row.offline?.map((m) => m.kind)).toEqual(['in', 'out']);
    expect(row.adjustments.map((a) => a.reason)).toEqual([
      expect.stringMatching(/^离线签到（本人扫码，09:30/),
      expect.stringMatching(/^离线签退/),
    ]);
  });

  it('an earlier sign-in arriving later replaces a later one; within one batch the order does not matter', async () => {
    const early = queued(await codeAt('2026-12-01T01:05:00Z', 'in'), '2026-12-01T01:05:00Z');
    const later = queued(await codeAt('2026-12-01T01:40:00Z', 'in'), '2026-12-01T01:40:00Z');
    const out = queued(await codeAt('2026-12-01T08:00:00Z', 'out'), '2026-12-01T08:00:00Z');
    await t.setClock('2026-12-01T09:30:00Z');
    const results = await upload([out, later, early]);
    expect(results.map((r) => r.result)).toEqual(['recorded', 'recorded', 'recorded']);
    expect(await dayOf()).toMatchObject({
      signInAt: new Date('2026-12-01T01:05:00Z'),
      signOutAt: new Date('2026-12-01T08:00:00Z'),
      minutes: 415,
    });
  });

  it('duplicates: the same nonce twice, the batch again, and two uploads of one batch at once count each scan once', async () => {
    const inScan = queued(await codeAt('2026-12-01T01:30:00Z', 'in'), '2026-12-01T01:30:00Z');
    const outScan = queued(await codeAt('2026-12-01T05:00:00Z', 'out'), '2026-12-01T05:00:00Z');
    await t.setClock('2026-12-01T06:00:00Z');
    expect((await upload([inScan, inScan])).map((r) => r.result)).toEqual(['recorded', 'duplicate']);
    const before = await dayOf();
    expect((await upload([inScan])).map((r) => [r.result, r.was])).toEqual([['duplicate', 'recorded']]);
    expect(await dayOf()).toEqual(before);
    const [a, b] = await Promise.all([upload([outScan]), upload([outScan])]);
    expect([a[0].result, b[0].result].sort()).toEqual(['duplicate', 'recorded']);
    const day = await dayOf();
    expect(day).toMatchObject({ minutes: 210, status: 'closed' });
    expect(day?.offline).toHaveLength(2);
    expect(await t.emu.db.find('checkin_offline_scans', { uploadedBy: 'vol' })).toHaveLength(2);
  });

  it('a day closed by 批量签退 meanwhile: an earlier sign-out changes nothing, a later one counts (the latest sign-out counts)', async () => {
    const inScan = queued(await codeAt('2026-12-01T01:30:00Z', 'in'), '2026-12-01T01:30:00Z');
    const early = queued(await codeAt('2026-12-01T07:00:00Z', 'out'), '2026-12-01T07:00:00Z');
    const late = queued(await codeAt('2026-12-01T09:30:00Z', 'out'), '2026-12-01T09:30:00Z');
    await t.setClock('2026-12-01T09:40:00Z');
    await upload([inScan]);
    const batch = await t.call(
      'checkin',
      'batchSignOut',
      { activityId: act._id, date: '2026-12-01', at: '2026-12-01T16:00:00+08:00' },
      'lz-admin',
    );
    expect(dataOf(batch).closed).toBe(1);
    expect(await upload([early])).toMatchObject([
      { result: 'recorded', record: { signOutAt: '2026-12-01T16:00:00+08:00', minutes: 390, status: 'adjusted' } },
    ]);
    expect(await upload([late])).toMatchObject([
      { result: 'recorded', record: { signOutAt: '2026-12-01T17:30:00+08:00', minutes: 450, status: 'adjusted' } },
    ]);
  });

  it('a static code: 待确认 until an admin confirms (or rejects) it; counted only once confirmed; nobody confirms their own', async () => {
    await seedEnrollment(t, act._id, 'lz-admin');
    const stat = await codeAt('2026-12-01T01:30:00Z', 'in', 'static');
    const mine = queued(stat, '2026-12-01T01:20:00Z');
    const theirs = queued(stat, '2026-12-01T01:25:00Z');
    const own = queued(stat, '2026-12-01T01:10:00Z');
    await t.setClock('2026-12-01T03:00:00Z');
    expect(await upload([mine])).toMatchObject([{ result: 'pending', reason: 'STATIC_CODE', at: '2026-12-01T09:20:00+08:00' }]);
    expect(await upload([theirs], 'vol2')).toMatchObject([{ result: 'pending' }]);
    expect(await upload([own], 'lz-admin')).toMatchObject([{ result: 'pending' }]);
    expect(await dayOf()).toBeUndefined();
    const roster = dataOf(await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'lz-admin'));
    expect(roster.find((r) => r.openid === 'vol')).toMatchObject({ status: 'absent', offlinePending: 1 });
    const pending = dataOf(await t.call('checkin', 'offlinePending', { activityId: act._id }, 'lz-admin'));
    expect(pending.map((p) => [p.realName, p.state, p.plausible])).toEqual([
      ['李敏', 'pending', true],
      ['张伟', 'pending', true],
      ['刘洋', 'pending', true],
    ]);
    const ownId = pending.find((p) => p.openid === 'lz-admin')!.id;
    const vol2Id = pending.find((p) => p.openid === 'vol2')!.id;
    // The admin's own: refused by id, left alone by 一键确认.
    expect(
      dataOf(await t.call('checkin', 'decideOffline', { activityId: act._id, decisions: [{ id: ownId, decision: 'confirm' }] }, 'lz-admin'))
        .results,
    ).toMatchObject([{ id: ownId, result: 'refused', code: 'AUTH.SELF_DEALING' }]);
    expect(
      dataOf(
        await t.call('checkin', 'decideOffline', { activityId: act._id, decisions: [{ id: vol2Id, decision: 'reject' }] }, 'lz-admin'),
      ),
    ).toMatchObject({ rejected: 1, confirmed: 0 });
    const all = dataOf(await t.call('checkin', 'decideOffline', { activityId: act._id, confirmAllPlausible: true }, 'lz-admin'));
    expect(all).toMatchObject({ confirmed: 1, results: [{ result: 'confirmed', record: { signInAt: '2026-12-01T09:20:00+08:00' } }] });
    expect(await dayOf()).toMatchObject({ signInAt: new Date('2026-12-01T01:20:00Z'), offline: [{ kind: 'in', confirmedBy: 'lz-admin' }] });
    const confirmedRow = dataOf(await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'lz-admin')).find(
      (r) => r.openid === 'vol',
    );
    expect(confirmedRow).toMatchObject({ offline: [{ kind: 'in', confirmedBy: 'lz-admin', confirmedByName: '李敏' }], offlinePending: 0 });
    expect(await dayOf('vol2')).toBeUndefined();
    expect(await dayOf('lz-admin')).toBeUndefined();
    // Decided once: deciding again is refused; a sibling team's admin decides nothing.
    expect(
      dataOf(
        await t.call('checkin', 'decideOffline', { activityId: act._id, decisions: [{ id: vol2Id, decision: 'confirm' }] }, 'lz-admin'),
      ).results,
    ).toMatchObject([{ result: 'refused', code: 'CHECKIN.OFFLINE_DECIDED' }]);
    expect(await t.call('checkin', 'decideOffline', { activityId: act._id, confirmAllPlausible: true }, 'ts-admin')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
  });

  it('a clock that disagrees with the time measured since the last sync is flagged, not recorded', async () => {
    const code = await codeAt('2026-12-01T01:30:00Z', 'in');
    const tampered = queued(code, '2026-12-01T01:30:00Z', { elapsedMs: 2 * MIN, syncedServerTime: '2026-12-01T00:00:00Z' });
    await t.setClock('2026-12-01T02:00:00Z');
    expect(await upload([tampered])).toMatchObject([{ result: 'flagged', reason: 'CLOCK_DISAGREES' }]);
    expect(await dayOf()).toBeUndefined();
    const pending = dataOf(await t.call('checkin', 'offlinePending', { activityId: act._id }, 'lz-admin'));
    expect(pending).toMatchObject([{ state: 'flagged', reason: 'CLOCK_DISAGREES', plausible: false }]);
  });

  it('expires after 72 hours; the 5 km rule applies to the reported location; a typed number is not taken offline', async () => {
    const code = await codeAt('2026-12-01T01:30:00Z', 'in');
    const old = queued(code, '2026-12-01T01:30:00Z');
    const far = queued(code, '2026-12-01T01:30:00Z', { location: north(6000) });
    const number = queued('123456', '2026-12-01T01:30:00Z');
    await t.setClock('2026-12-04T01:31:00.100Z');
    expect(await upload([old])).toMatchObject([{ result: 'expired', reason: 'TOO_OLD' }]);
    await t.setClock('2026-12-01T02:00:00Z');
    expect(await upload([far, number])).toMatchObject([
      { result: 'refused', code: 'CHECKIN.OUT_OF_RANGE' },
      { result: 'refused', code: 'CHECKIN.OFFLINE_UNSUPPORTED' },
    ]);
    expect(await upload([far])).toMatchObject([{ result: 'duplicate', was: 'refused' }]);
    expect(await dayOf()).toBeUndefined();
  });

  it('VALIDATION: more than 200 scans in one call, nothing written', async () => {
    const code = await codeAt('2026-12-01T01:30:00Z', 'in');
    const many = Array.from({ length: 201 }, () => queued(code, '2026-12-01T01:30:00Z'));
    expect(await t.call('checkin', 'uploadOffline', { scans: many }, 'vol')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.emu.db.find('checkin_offline_scans', {})).toHaveLength(0);
  });

  it('a tap whose online attempt arrived (only its answer was lost) and was then kept offline: the upload answers duplicate, nothing held', async () => {
    const stat = await codeAt('2026-12-01T01:30:00Z', 'in', 'static');
    const tap = queued(stat, '2026-12-01T01:30:00Z');
    const online = await t.call('checkin', 'scan', { payload: stat, location: north(100), nonce: tap.nonce }, 'vol');
    expect(online.ok).toBe(true);
    const before = await dayOf();
    await t.setClock('2026-12-01T02:00:00Z');
    expect(await upload([tap])).toMatchObject([{ result: 'duplicate', was: 'recorded', kind: 'in', date: '2026-12-01' }]);
    expect(await dayOf()).toEqual(before);
    expect(await t.emu.db.find('checkin_offline_scans', {})).toHaveLength(0);
    // Another tap of the same code kept offline is still judged (a static code: 待确认).
    expect(await upload([queued(stat, '2026-12-01T01:40:00Z')])).toMatchObject([{ result: 'pending' }]);
  });

  it('a scan an upload claimed and never applied (its function died) is applied by the next upload a minute later', async () => {
    const code = await codeAt('2026-12-01T01:30:00Z', 'in');
    await t.setClock('2026-12-01T02:00:00Z');
    await upload([queued(code, '2026-12-01T01:30:00Z')]);
    // vol2's scan of the same code, claimed at 10:00 and left `processing`: the day was never written.
    const [done] = await t.emu.db.find('checkin_offline_scans', { uploadedBy: 'vol' });
    const stuck = queued(code, '2026-12-01T01:31:00Z');
    await t.emu.db.insert('checkin_offline_scans', [
      {
        ...done,
        _id: `vol2_${stuck.nonce}`,
        openid: 'vol2',
        uploadedBy: 'vol2',
        nonce: stuck.nonce,
        state: 'processing',
        at: new Date('2026-12-01T01:31:00Z'),
      },
    ]);
    await t.setClock('2026-12-01T02:00:30Z');
    expect(await upload([stuck], 'vol2')).toMatchObject([{ result: 'duplicate' }]);
    expect(await dayOf('vol2')).toBeUndefined();
    await t.setClock('2026-12-01T02:01:30Z');
    const [again, twice] = await Promise.all([upload([stuck], 'vol2'), upload([stuck], 'vol2')]);
    expect([again[0].result, twice[0].result].sort()).toEqual(['duplicate', 'recorded']);
    expect(await dayOf('vol2')).toMatchObject({ signInAt: new Date('2026-12-01T01:31:00Z'), offline: [{ kind: 'in' }] });
    expect(await upload([stuck], 'vol2')).toMatchObject([{ result: 'duplicate', was: 'recorded' }]);
  });
});

describe('checkin.uploadOfflineVolunteerScans', () => {
  it('an admin’s offline scans of personal codes sync later, marked 离线 and by whom; never their own code', async () => {
    await seedEnrollment(t, act._id, 'lz-admin');
    await t.setClock('2026-12-01T01:30:00Z');
    const volIn = dataOf(await t.call('checkin', 'myCode', { activityId: act._id }, 'vol')).payload;
    const ownCode = dataOf(await t.call('checkin', 'myCode', { activityId: act._id }, 'lz-admin')).payload;
    await t.setClock('2026-12-01T08:00:00Z');
    const volOut = dataOf(await t.call('checkin', 'myCode', { activityId: act._id }, 'vol')).payload;
    const item = (payload: string, claimedAt: string, kind: 'in' | 'out') => {
      const { location: _, ...rest } = queued(payload, claimedAt);
      return { ...rest, kind };
    };
    await t.setClock('2026-12-01T10:00:00Z');
    const r = await t.call(
      'checkin',
      'uploadOfflineVolunteerScans',
      {
        activityId: act._id,
        scans: [
          item(volOut, '2026-12-01T08:00:00Z', 'out'),
          item(volIn, '2026-12-01T01:30:00Z', 'in'),
          item(ownCode, '2026-12-01T01:30:00Z', 'in'),
        ],
      },
      'lz-admin',
    );
    expect(dataOf(r).results).toMatchObject([
      { result: 'recorded', kind: 'out' },
      { result: 'recorded', kind: 'in' },
      { result: 'refused', code: 'AUTH.SELF_DEALING' },
    ]);
    expect(await dayOf()).toMatchObject({
      signInBy: 'lz-admin',
      signOutBy: 'lz-admin',
      minutes: 390,
      offline: [
        { kind: 'in', by: 'lz-admin' },
        { kind: 'out', by: 'lz-admin' },
      ],
    });
    expect(
      await t.call(
        'checkin',
        'uploadOfflineVolunteerScans',
        { activityId: act._id, scans: [item(volIn, '2026-12-01T01:30:00Z', 'in')] },
        'ts-admin',
      ),
    ).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    // The roster names the admin who scanned.
    const row = dataOf(await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'lz-admin')).find(
      (x) => x.openid === 'vol',
    );
    expect(row?.offline).toMatchObject([
      { kind: 'in', by: 'lz-admin', byName: '李敏' },
      { kind: 'out', by: 'lz-admin', byName: '李敏' },
    ]);
  });

  it('a flagged scan of a personal code is listed for another admin with the name of the admin who scanned it', async () => {
    await t.setClock('2026-12-01T01:30:00Z');
    const volIn = dataOf(await t.call('checkin', 'myCode', { activityId: act._id }, 'vol')).payload;
    await t.setClock('2026-12-01T02:00:00Z');
    const { location: _, ...rest } = queued(volIn, '2026-12-01T01:30:00Z', {
      elapsedMs: 2 * MIN,
      syncedServerTime: '2026-12-01T00:00:00Z',
    });
    const r = await t.call('checkin', 'uploadOfflineVolunteerScans', { activityId: act._id, scans: [{ ...rest, kind: 'in' }] }, 'lz-admin');
    expect(dataOf(r).results).toMatchObject([{ result: 'flagged', reason: 'CLOCK_DISAGREES' }]);
    const pending = dataOf(await t.call('checkin', 'offlinePending', { activityId: act._id }, 'lz-admin'));
    expect(pending).toMatchObject([{ realName: '张伟', by: 'lz-admin', byName: '李敏', plausible: false }]);
  });
});
