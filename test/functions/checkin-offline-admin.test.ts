// The admin's side of offline check-in through the emulator: checkin.offlineKit (离线准备: who may take it, no ID
// number, masked phones) and a 批量签退 kept offline, uploaded through checkin.uploadOfflineVolunteerScans (recorded,
// skipped, flagged and confirmed by another admin, the admin's own day refused, a malformed item refused whole).
import { dataOf, seedMembership, seedVolunteer, useTestEmulator } from '../helpers/emulator';
import { nonce, seedCheckinScene, seedEnrollment } from '../helpers/checkin';
import type { OfflineVolunteerScanItem } from '@contract/checkin';

// 09:30 on the first day (Asia/Shanghai, window 09:00–17:00).
const t = useTestEmulator({ clock: '2026-12-01T01:30:00.000Z' });
let act: { _id: string };

beforeEach(async () => {
  act = await seedCheckinScene(t, ['vol', 'vol2', 'vol3']);
});

const MIN = 60_000;

describe('checkin.offlineKit', () => {
  it('gives a day decider the schedule and the enrolled volunteers, masked, with no ID number', async () => {
    const kit = dataOf(await t.call('checkin', 'offlineKit', { activityId: act._id }, 'lz-admin'));
    expect(kit).toMatchObject({
      activityId: act._id,
      title: '社区科普讲解',
      startDate: '2026-12-01',
      endDate: '2026-12-02',
      dailyStart: '09:00',
      dailyEnd: '17:00',
      me: 'lz-admin',
      serverTime: expect.stringMatching(/^2026-12-01T09:3\d:\d\d\+08:00$/),
    });
    expect(kit.volunteers.map((v) => v.realName).sort()).toEqual(['刘洋', '张伟', '陈静'].sort());
    expect(kit.volunteers.find((v) => v.openid === 'vol')).toEqual({
      openid: 'vol',
      realName: '张伟',
      phoneMasked: '139****0003',
      volunteerNo: 'V-vol',
    });
    const text = JSON.stringify(kit);
    expect(text).not.toMatch(/13900000003|idNumber|620102/);
    for (const v of kit.volunteers) expect(v.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('AUTH.FORBIDDEN for a volunteer and for another team’s admin', async () => {
    for (const caller of ['vol', 'ts-admin'])
      expect(await t.call('checkin', 'offlineKit', { activityId: act._id }, caller)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});

describe('a 批量签退 kept offline', () => {
  /** One person of the batch as the phone queues it: the time chosen, and the phone's timing of the tap. */
  const batchItem = (openid: string, batchAt: string, claimedAt: string, over: Record<string, unknown> = {}) => ({
    nonce: nonce(),
    openid,
    kind: 'out' as const,
    batchAt,
    claimedAt,
    syncedServerTime: new Date(Date.parse(claimedAt) - 30 * MIN).toISOString(),
    elapsedMs: 30 * MIN,
    ...over,
  });
  const upload = async (scans: OfflineVolunteerScanItem[], caller = 'lz-admin') =>
    dataOf(await t.call('checkin', 'uploadOfflineVolunteerScans', { activityId: act._id, scans }, caller)).results;
  const dayOf = async (openid: string) => (await t.emu.db.find('checkin_days', { openid }))[0] as Record<string, unknown> | undefined;
  const signIn = async (openid: string, iso: string) => {
    await t.setClock(iso);
    const payload = dataOf(await t.call('checkin', 'myCode', { activityId: act._id }, openid)).payload;
    const r = await t.call('checkin', 'scanVolunteer', { payload, kind: 'in' }, 'lz-admin');
    if (!r.ok) throw new Error(`${r.code} ${r.message}`);
  };

  it('closes an open day at the chosen time, marked 离线 and 批量签退 by the admin; skips one not signed in or signed in after', async () => {
    await signIn('vol', '2026-12-01T01:30:00Z'); // 09:30
    await signIn('vol2', '2026-12-01T08:30:00Z'); // 16:30
    await t.setClock('2026-12-01T10:00:00Z'); // 18:00: the upload
    const results = await upload([
      batchItem('vol', '2026-12-01T16:00:00+08:00', '2026-12-01T17:40:00+08:00'),
      batchItem('vol2', '2026-12-01T16:00:00+08:00', '2026-12-01T17:40:00+08:00'),
      batchItem('vol3', '2026-12-01T16:00:00+08:00', '2026-12-01T17:40:00+08:00'),
    ]);
    expect(results).toMatchObject([
      {
        result: 'recorded',
        reason: 'BATCH_SIGN_OUT',
        kind: 'out',
        at: '2026-12-01T16:00:00+08:00',
        record: { signOutAt: '2026-12-01T16:00:00+08:00', minutes: 390, status: 'adjusted', signOutBy: 'lz-admin' },
      },
      { result: 'skipped', skipReason: 'signedInAfter' },
      { result: 'skipped', skipReason: 'notSignedIn' },
    ]);
    expect(results[0].record?.offline).toEqual([
      { kind: 'out', at: '2026-12-01T16:00:00+08:00', syncedAt: '2026-12-01T18:00:00+08:00', by: 'lz-admin', batch: true },
    ]);
    expect(results[0].record?.flags).toContain('offline');
    expect(results[0].record?.adjustments.at(-1)?.reason).toBe('离线签退（管理员批量签退，16:00）');
    expect(await dayOf('vol2')).toMatchObject({ status: 'open' });
    expect(await dayOf('vol2')).not.toHaveProperty('signOutAt');
    expect(await dayOf('vol3')).toBeUndefined();
    // A day closed meanwhile is left alone; the same item again is a duplicate.
    const again = batchItem('vol', '2026-12-01T16:30:00+08:00', '2026-12-01T17:45:00+08:00');
    expect(await upload([again])).toMatchObject([{ result: 'skipped', skipReason: 'alreadyClosed' }]);
    expect(await upload([again])).toMatchObject([{ result: 'duplicate', was: 'skipped' }]);
    // The roster marks the row 离线.
    const roster = dataOf(await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'lz-admin'));
    expect(roster.find((r) => r.openid === 'vol')).toMatchObject({ status: 'adjusted', flags: ['offline'], offline: [{ batch: true }] });
  });

  it('with a sign-in queued in the same upload, the sign-in applies first', async () => {
    await t.setClock('2026-12-01T01:30:00Z');
    const payload = dataOf(await t.call('checkin', 'myCode', { activityId: act._id }, 'vol')).payload;
    await t.setClock('2026-12-01T09:30:00Z');
    const scan = {
      nonce: nonce(),
      payload,
      kind: 'in' as const,
      claimedAt: '2026-12-01T09:30:10+08:00',
      syncedServerTime: '2026-12-01T09:00:10+08:00',
      elapsedMs: 30 * MIN,
    };
    const results = await upload([batchItem('vol', '2026-12-01T17:00:00+08:00', '2026-12-01T17:20:00+08:00'), scan]);
    expect(results.map((r) => r.result)).toEqual(['recorded', 'recorded']);
    expect(await dayOf('vol')).toMatchObject({ signOutAt: new Date('2026-12-01T09:00:00Z'), minutes: 450, status: 'adjusted' });
  });

  it('a phone clock that disagrees is flagged; another admin confirms it and the batch applies', async () => {
    await signIn('vol', '2026-12-01T01:30:00Z');
    await t.setClock('2026-12-01T10:00:00Z');
    const tampered = batchItem('vol', '2026-12-01T17:00:00+08:00', '2026-12-01T17:30:00+08:00', { elapsedMs: 5 * MIN });
    const [flagged] = await upload([tampered]);
    expect(flagged).toMatchObject({ result: 'flagged', reason: 'CLOCK_DISAGREES' });
    expect(await dayOf('vol')).toMatchObject({ status: 'open' });
    const pending = dataOf(await t.call('checkin', 'offlinePending', { activityId: act._id }, 'lz-admin'));
    expect(pending).toMatchObject([{ id: flagged.id, openid: 'vol', kind: 'out', state: 'flagged', batch: true, by: 'lz-admin' }]);
    // The uploader does not confirm their own upload; a second admin of the team does.
    const decide = (caller: string) =>
      t.call('checkin', 'decideOffline', { activityId: act._id, decisions: [{ id: flagged.id!, decision: 'confirm' }] }, caller);
    expect(dataOf(await decide('lz-admin')).results).toMatchObject([{ result: 'refused', code: 'AUTH.SELF_DEALING' }]);
    await seedVolunteer(t, 'lz-admin2', '13900000009', '王芳');
    await seedMembership(t, 'lz', 'lz-admin2', 'admin');
    expect(dataOf(await decide('lz-admin2'))).toMatchObject({
      confirmed: 1,
      results: [{ result: 'confirmed', record: { signOutAt: '2026-12-01T17:00:00+08:00', minutes: 450, status: 'adjusted' } }],
    });
    expect((await dayOf('vol'))?.offline).toMatchObject([{ kind: 'out', by: 'lz-admin', confirmedBy: 'lz-admin2', batch: true }]);
  });

  it('AUTH.SELF_DEALING for the admin’s own day; VALIDATION for an item with both or neither of a code and a person', async () => {
    await seedEnrollment(t, act._id, 'lz-admin');
    await t.setClock('2026-12-01T01:30:00Z');
    const own = dataOf(await t.call('checkin', 'myCode', { activityId: act._id }, 'lz-admin')).payload;
    await t.setClock('2026-12-01T10:00:00Z');
    expect(await upload([batchItem('lz-admin', '2026-12-01T17:00:00+08:00', '2026-12-01T17:30:00+08:00')])).toMatchObject([
      { result: 'refused', code: 'AUTH.SELF_DEALING' },
    ]);
    const malformed = [
      { ...batchItem('vol', '2026-12-01T17:00:00+08:00', '2026-12-01T17:30:00+08:00'), payload: own },
      { ...batchItem('vol', '2026-12-01T17:00:00+08:00', '2026-12-01T17:30:00+08:00'), openid: undefined },
      batchItem('vol', '2026-12-01T17:00:00+08:00', '2026-12-01T17:30:00+08:00', { kind: 'in' }),
      batchItem('vol', '2026-12-01T17:00:00+08:00', '2026-12-01T16:30:00+08:00'),
    ];
    for (const item of malformed)
      expect(await t.call('checkin', 'uploadOfflineVolunteerScans', { activityId: act._id, scans: [item] }, 'lz-admin')).toMatchObject({
        ok: false,
        code: 'VALIDATION',
      });
    expect(await t.emu.db.find('checkin_offline_scans', { openid: 'vol' })).toHaveLength(0);
  });
});
