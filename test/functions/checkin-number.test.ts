// The typed 现场数字码 (six digits, every 5 minutes, limited tries) and a tap retried after a dropped connection while
// the rotating code moved on: answered from its echo when the first attempt landed, else accepted late and flagged.
import { dataOf, refusalOf, useTestEmulator } from '../helpers/emulator';
import { activityCode, nonce, north, seedActivity, seedCheckinScene, seedEnrollment } from '../helpers/checkin';
import { ONSITE_NUMBER_TRIES } from '@contract/checkin';

// 09:30 on the first day (Asia/Shanghai), the start of a 5-minute step; the day runs 09:00–17:00.
const t = useTestEmulator({ clock: '2026-12-01T01:30:00.000Z' });
let act: { _id: string };

beforeEach(async () => {
  act = await seedCheckinScene(t, ['vol', 'vol2']);
});

type Extra = { n?: string; activityId?: string; retry?: boolean };
const scan = (payload: string, openid = 'vol', extra: Extra = {}) =>
  t.call(
    'checkin',
    'scan',
    {
      payload,
      location: north(100),
      nonce: extra.n ?? nonce(),
      ...(extra.activityId ? { activityId: extra.activityId } : {}),
      ...(extra.retry ? { retry: true } : {}),
    },
    openid,
  );
const code = async (kind: 'in' | 'out' | 'auto', activityId = act._id) =>
  dataOf(await t.call('checkin', 'code', { activityId, kind }, 'lz-admin'));
const days = () => t.emu.db.find('checkin_days', { activityId: act._id });
/** A six-digit number that is not `n`. */
const other = (n: string) => String((Number(n) + 1) % 1_000_000).padStart(6, '0');

describe('checkin.code: the 现场数字码', () => {
  it('answers six digits per kind that change every 5 minutes', async () => {
    const auto = await code('auto');
    expect(auto.number).toMatch(/^\d{6}$/);
    expect(auto.numberExpiresAt).toBe('2026-12-01T09:35:00+08:00');
    expect((await code('in')).number).not.toBe(auto.number);
    await t.setClock('2026-12-01T01:34:59Z');
    expect((await code('auto')).number).toBe(auto.number);
    await t.setClock('2026-12-01T01:35:00Z');
    expect((await code('auto')).number).not.toBe(auto.number);
  });

  it('revoking the codes changes the numbers', async () => {
    const before = (await code('auto')).number;
    dataOf(await t.call('checkin', 'revokeCodes', { activityId: act._id }, 'lz-admin'));
    expect((await code('auto')).number).not.toBe(before);
    expect(refusalOf(await scan(before, 'vol', { activityId: act._id })).code).toBe('CHECKIN.CODE_INVALID');
  });
});

describe('checkin.scan with a typed 现场数字码', () => {
  it('the auto number signs in, then out, for the activity the volunteer came from', async () => {
    const { number } = await code('auto');
    expect(await scan(number, 'vol', { activityId: act._id })).toMatchObject({ ok: true, data: { kind: 'in', outcome: 'signedIn' } });
    await t.setClock('2026-12-01T03:30:00Z');
    const later = (await code('auto')).number;
    expect(await scan(later, 'vol', { activityId: act._id })).toMatchObject({
      ok: true,
      data: { kind: 'out', outcome: 'signedOut', record: { minutes: 120 } },
    });
  });

  it('without an activity it is found among the activities the caller is enrolled in and may scan now', async () => {
    const elsewhere = await seedActivity(t, 'lz', { title: '另一场活动' });
    await seedEnrollment(t, elsewhere._id, 'vol');
    const { number } = await code('in');
    expect(await scan(number)).toMatchObject({ ok: true, data: { kind: 'in', title: '社区科普讲解', record: { activityId: act._id } } });
  });

  it('the previous number is accepted for 5 minutes more, then CHECKIN.CODE_INVALID', async () => {
    const { number } = await code('in');
    await t.setClock('2026-12-01T01:39:59Z');
    expect(await scan(number, 'vol', { activityId: act._id })).toMatchObject({ ok: true, data: { kind: 'in' } });
    await t.setClock('2026-12-01T01:40:00Z');
    const late = refusalOf(await scan(number, 'vol2', { activityId: act._id }));
    expect(late.code).toBe('CHECKIN.CODE_INVALID');
    expect(late.message).toContain('现场数字码不正确或已更新');
  });

  it('CHECKIN.CODE_INVALID for a wrong number and for the number of an activity the caller did not enrol in', async () => {
    const { number } = await code('in');
    expect(refusalOf(await scan(other(number), 'vol', { activityId: act._id })).code).toBe('CHECKIN.CODE_INVALID');
    expect(refusalOf(await scan(number, 'vol3')).code).toBe('CHECKIN.CODE_INVALID');
    expect(refusalOf(await scan(number, 'vol3', { activityId: act._id })).code).toBe('CHECKIN.NOT_ENROLLED');
    expect(await days()).toEqual([]);
  });

  it(`CHECKIN.TOO_MANY_TRIES after ${ONSITE_NUMBER_TRIES} numbers in 10 minutes, even for the right one; the next window counts afresh`, async () => {
    const { number } = await code('in');
    for (let i = 0; i < ONSITE_NUMBER_TRIES; i++) {
      expect(refusalOf(await scan(other(number), 'vol', { activityId: act._id })).code).toBe('CHECKIN.CODE_INVALID');
    }
    const refused = refusalOf(await scan(number, 'vol', { activityId: act._id }));
    expect(refused.code).toBe('CHECKIN.TOO_MANY_TRIES');
    expect(refused.message).toContain('请稍后再试');
    expect(await days()).toEqual([]);
    // Another volunteer is not held back by someone else's guesses.
    expect(await scan(number, 'vol2', { activityId: act._id })).toMatchObject({ ok: true });
    await t.setClock('2026-12-01T01:40:00Z');
    expect(await scan((await code('in')).number, 'vol', { activityId: act._id })).toMatchObject({ ok: true, data: { kind: 'in' } });
  });

  it('simultaneous guesses count every one: never more than the limit get through', async () => {
    const { number } = await code('in');
    const answers = await Promise.all(Array.from({ length: 12 }, () => scan(other(number), 'vol', { activityId: act._id })));
    const codes = answers.map((a) => refusalOf(a).code);
    expect(codes.filter((c) => c === 'CHECKIN.CODE_INVALID')).toHaveLength(ONSITE_NUMBER_TRIES);
    expect(codes.filter((c) => c === 'CHECKIN.TOO_MANY_TRIES')).toHaveLength(12 - ONSITE_NUMBER_TRIES);
  });
});

describe('a retried tap after the rotating code moved on', () => {
  it('whose first attempt landed is answered again from its echo, minutes later, writing nothing', async () => {
    const payload = await activityCode(t, act._id, 'auto', 'lz-admin', 'rotating');
    const n = nonce();
    const first = dataOf(await scan(payload, 'vol', { n }));
    expect(first).toMatchObject({ kind: 'in', outcome: 'signedIn', repeated: false });
    await t.setClock('2026-12-01T01:36:00Z');
    const before = await days();
    expect(refusalOf(await scan(payload, 'vol', { n })).code).toBe('CHECKIN.CODE_EXPIRED');
    expect(await scan(payload, 'vol', { n, retry: true })).toMatchObject({
      ok: true,
      data: { kind: 'in', outcome: 'signedIn', at: first.at, repeated: true },
    });
    expect(await days()).toEqual(before);
  });

  it('whose first attempt never arrived is accepted up to 2 minutes late, and the day is flagged for the roster', async () => {
    const payload = await activityCode(t, act._id, 'auto', 'lz-admin', 'rotating');
    await t.setClock('2026-12-01T01:31:30Z');
    expect(refusalOf(await scan(payload)).code).toBe('CHECKIN.CODE_EXPIRED');
    const late = dataOf(await scan(payload, 'vol', { retry: true }));
    expect(late).toMatchObject({ kind: 'in', outcome: 'signedIn', repeated: false });
    expect(late.record.flags).toContain('late_retry');
    const roster = dataOf(await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'lz-admin'));
    expect(roster.find((r) => r.openid === 'vol')?.flags).toContain('late_retry');
    await t.setClock('2026-12-01T01:33:00Z');
    expect(refusalOf(await scan(payload, 'vol2', { retry: true })).code).toBe('CHECKIN.CODE_EXPIRED');
  });

  it('a retried typed number is answered from its echo after the number changed twice', async () => {
    const { number } = await code('auto');
    const n = nonce();
    dataOf(await scan(number, 'vol', { n, activityId: act._id }));
    await t.setClock('2026-12-01T01:45:00Z');
    expect(await scan(number, 'vol', { n, activityId: act._id, retry: true })).toMatchObject({ ok: true, data: { repeated: true } });
  });

  it("a retry does not answer someone else's tap: the echo is looked up on the caller's own day", async () => {
    const payload = await activityCode(t, act._id, 'auto', 'lz-admin', 'rotating');
    const n = nonce();
    dataOf(await scan(payload, 'vol', { n }));
    await t.setClock('2026-12-01T01:36:00Z');
    expect(refusalOf(await scan(payload, 'vol2', { n, retry: true })).code).toBe('CHECKIN.CODE_EXPIRED');
  });
});
