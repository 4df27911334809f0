// 现场签到 console: the day's counts from the roster, 现场报名 by phone, 志愿者编号 or SMS invitation, calling an
// enrolled volunteer (audited) and the organizer (activity.contact), with every refusal's code.
import { dataOf, registerVolunteer, seedVolunteer, useTestEmulator, type TestEmulator } from '../helpers/emulator';
import { activityCode, nonce, north, seedActivity, seedCheckinScene, seedEnrollment } from '../helpers/checkin';

// 2026-12-01 10:00 in Shanghai: the first day of the activity of seedActivity, whose signup closed on 11-30.
const t = useTestEmulator({ clock: '2026-12-01T02:00:00.000Z' });
let act: { _id: string };

beforeEach(async () => {
  act = await seedCheckinScene(t, ['vol', 'vol2']);
});

const walkIn = (input: { phone?: string; volunteerNo?: string }, by = 'lz-admin', activityId = act._id) =>
  t.call('checkin', 'walkIn', { activityId, ...input }, by);

async function enrollmentOf(activityId: string, openid: string) {
  const [e] = await t.emu.db.find('enrollments', { _id: `${activityId}_${openid}` });
  return e as { status: string; addedBy?: string } | undefined;
}

async function seatsOf(activityId: string): Promise<number> {
  const [a] = await t.emu.db.find('activities', { _id: activityId });
  return (a as { enrolledCount: number }).enrolledCount;
}

/** A volunteer registered straight into the database, with a 志愿者编号 of the real format (or frozen). */
const seedPerson = (em: TestEmulator, openid: string, phone: string, realName: string, over: Record<string, unknown> = {}) =>
  seedVolunteer(em, openid, phone, realName, {
    gender: 'female',
    volunteerNo: 'KJ202600000042',
    idNumberMasked: '620102********0022',
    birthDate: '1960-05-01',
    ...over,
  });

describe('the console counts (checkin.roster)', () => {
  it('lists everyone enrolled with the day: the one signed in, and the absent with masked phones', async () => {
    const code = await activityCode(t, act._id, 'in', 'lz-admin');
    const r = await t.call('checkin', 'scan', { payload: code, location: north(50), nonce: nonce() }, 'vol');
    expect(r.ok).toBe(true);
    const rows = dataOf(await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'lz-admin'));
    expect(rows).toHaveLength(2);
    expect(rows.filter((e) => e.status !== 'absent').map((e) => e.realName)).toEqual(['张伟']);
    expect(rows.filter((e) => e.status === 'absent').map((e) => [e.realName, e.phoneMasked])).toEqual([['刘洋', '139****0004']]);
  });
});

describe('checkin.walkIn', () => {
  it('enrolls a registered volunteer by phone after the signup deadline, once; a second time says already enrolled', async () => {
    const r = await walkIn({ phone: '13900000005' });
    expect(r).toMatchObject({
      ok: true,
      data: { outcome: 'enrolled', openid: 'vol3', realName: '陈静', phoneMasked: '139****0005', capacity: 50, enrolledCount: 1 },
    });
    expect(await enrollmentOf(act._id, 'vol3')).toMatchObject({ status: 'enrolled', addedBy: 'lz-admin' });
    const rows = dataOf(await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'lz-admin'));
    expect(rows.map((e) => e.realName).sort()).toEqual(['刘洋', '张伟', '陈静'].sort());
    expect(await walkIn({ phone: '13900000005' })).toMatchObject({ ok: true, data: { outcome: 'alreadyEnrolled', enrolledCount: 1 } });
    expect(await seatsOf(act._id)).toBe(1);
  });

  it('enrolls by 志愿者编号 (typed in lower case too)', async () => {
    await seedPerson(t, 'elder', '13700000042', '王芳');
    expect(await walkIn({ volunteerNo: 'kj202600000042' })).toMatchObject({ ok: true, data: { outcome: 'enrolled', realName: '王芳' } });
    expect(await enrollmentOf(act._id, 'elder')).toMatchObject({ status: 'enrolled' });
  });

  it('moves a waitlisted volunteer into a free seat, and re-enrolls one who had cancelled', async () => {
    await seedEnrollment(t, act._id, 'vol3', 'waitlisted');
    expect(await walkIn({ phone: '13900000005' })).toMatchObject({ ok: true, data: { outcome: 'enrolled' } });
    expect(await enrollmentOf(act._id, 'vol3')).toMatchObject({ status: 'enrolled' });
    await seedEnrollment(t, act._id, 'ts-admin', 'cancelled');
    expect(await walkIn({ phone: '13900000002' })).toMatchObject({ ok: true, data: { outcome: 'enrolled' } });
    expect(await enrollmentOf(act._id, 'ts-admin')).toMatchObject({ status: 'enrolled' });
  });

  it('a phone not registered: CHECKIN.WALK_IN_NOT_REGISTERED for the manager, who may invite by SMS', async () => {
    expect(await walkIn({ phone: '13800000099' })).toMatchObject({
      ok: false,
      code: 'CHECKIN.WALK_IN_NOT_REGISTERED',
      message: expect.stringContaining('短信邀请'),
    });
  });

  it('an unknown 志愿者编号: CHECKIN.WALK_IN_NOT_FOUND', async () => {
    expect(await walkIn({ volunteerNo: 'KJ202699999999' })).toMatchObject({ ok: false, code: 'CHECKIN.WALK_IN_NOT_FOUND' });
  });

  it('a frozen account: CHECKIN.WALK_IN_UNAVAILABLE', async () => {
    await seedPerson(t, 'frozen', '13700000043', '孙丽', { status: 'frozen', volunteerNo: 'KJ202600000043' });
    expect(await walkIn({ phone: '13700000043' })).toMatchObject({ ok: false, code: 'CHECKIN.WALK_IN_UNAVAILABLE' });
  });

  it('someone who does not manage the team is refused with AUTH.FORBIDDEN, and learns nothing about the phone', async () => {
    for (const who of ['ts-admin', 'root-leader', 'vol']) {
      for (const phone of ['13900000005', '13800000099'])
        expect(await walkIn({ phone }, who)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await t.callRaw('checkin', 'walkIn', { activityId: act._id, phone: '13900000005' })).toMatchObject({
      ok: false,
      code: 'AUTH.UNAUTHENTICATED',
    });
    expect(await enrollmentOf(act._id, 'vol3')).toBeUndefined();
  });

  it('refuses a cancelled activity (ACTIVITY.CANCELLED) and an ended one (ACTIVITY.ENDED), writing nothing', async () => {
    const cancelled = await seedActivity(t, 'lz', { status: 'cancelled', cancelReason: '天气原因' });
    expect(await walkIn({ phone: '13900000005' }, 'lz-admin', cancelled._id)).toMatchObject({ ok: false, code: 'ACTIVITY.CANCELLED' });
    await t.setClock('2026-12-02T10:00:00Z'); // 18:00 on the last day
    expect(await walkIn({ phone: '13900000005' })).toMatchObject({ ok: false, code: 'ACTIVITY.ENDED' });
    expect(await enrollmentOf(act._id, 'vol3')).toBeUndefined();
    expect(await enrollmentOf(cancelled._id, 'vol3')).toBeUndefined();
  });

  it('a full activity: ACTIVITY.FULL with the capacity, even with a waitlist', async () => {
    const full = await seedActivity(t, 'lz', { capacity: 2, enrolledCount: 2, waitlist: true });
    expect(await walkIn({ phone: '13900000005' }, 'lz-admin', full._id)).toMatchObject({
      ok: false,
      code: 'ACTIVITY.FULL',
      details: { capacity: 2 },
    });
    expect(await enrollmentOf(full._id, 'vol3')).toBeUndefined();
    expect(await seatsOf(full._id)).toBe(2);
  });

  it('two walk-ins racing for the last place: exactly one is enrolled, the capacity holds', async () => {
    const last = await seedActivity(t, 'lz', { capacity: 3, enrolledCount: 2, waitlist: false });
    const answers = await Promise.all([
      walkIn({ phone: '13900000005' }, 'lz-admin', last._id),
      walkIn({ phone: '13900000003' }, 'lz-admin', last._id),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toMatchObject([{ code: 'ACTIVITY.FULL' }]);
    expect(await seatsOf(last._id)).toBe(3);
    const enrolled = await t.emu.db.find('enrollments', { activityId: last._id, status: 'enrolled' });
    expect(enrolled).toHaveLength(1);
  });

  it('refuses neither or both of phone and 志愿者编号 (VALIDATION)', async () => {
    expect(await t.callRaw('checkin', 'walkIn', { activityId: act._id }, 'lz-admin')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(
      await t.callRaw('checkin', 'walkIn', { activityId: act._id, phone: '13900000005', volunteerNo: 'KJ202600000042' }, 'lz-admin'),
    ).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

describe('sms.inviteWalkIn', () => {
  it('texts the phone; whoever registers with it is enrolled in the activity, after the deadline', async () => {
    const r = await t.call('sms', 'inviteWalkIn', { activityId: act._id, phone: '13800000099' }, 'lz-admin');
    expect(r).toMatchObject({ ok: true, data: { phoneMasked: '138****0099' } });
    const [sms] = await t.dev<{ purpose: string; text: string }[]>('GET', '/_dev/sms?phone=13800000099');
    expect(sms).toMatchObject({ purpose: 'walkInInvite', text: expect.stringContaining('社区科普讲解') });
    const [invitation] = await t.emu.db.find('enrollment_invitations', {});
    expect(JSON.stringify(invitation)).not.toContain('13800000099');

    await t.setClock('2026-12-01T02:01:30.000Z'); // the register code may follow after 60 s
    const reg = await registerVolunteer(t, 'newbie', '13800000099', { realName: '周老师', orgIds: ['lz'] });
    expect(reg).toMatchObject({ ok: true });
    expect(await enrollmentOf(act._id, 'newbie')).toMatchObject({ status: 'enrolled', addedBy: 'lz-admin' });
    const rows = dataOf(await t.call('checkin', 'roster', { activityId: act._id, date: '2026-12-01' }, 'lz-admin'));
    expect(rows.map((e) => e.realName)).toContain('周老师');
    expect(await t.emu.db.find('enrollment_invitations', { status: 'open' })).toEqual([]);
  });

  it('a registered phone: CHECKIN.INVITE_REGISTERED, and no SMS', async () => {
    expect(await t.call('sms', 'inviteWalkIn', { activityId: act._id, phone: '13900000005' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'CHECKIN.INVITE_REGISTERED',
    });
    expect(await t.dev<unknown[]>('GET', '/_dev/sms?phone=13900000005')).toEqual([]);
  });

  it('non-managers get AUTH.FORBIDDEN whether or not the phone is registered; no SMS leaves', async () => {
    for (const phone of ['13900000005', '13800000099'])
      expect(await t.call('sms', 'inviteWalkIn', { activityId: act._id, phone }, 'ts-admin')).toMatchObject({
        ok: false,
        code: 'AUTH.FORBIDDEN',
      });
    expect(await t.dev<unknown[]>('GET', '/_dev/sms?phone=13800000099')).toEqual([]);
  });

  it('a second invitation within a minute: SMS.RATE_LIMITED', async () => {
    expect((await t.call('sms', 'inviteWalkIn', { activityId: act._id, phone: '13800000099' }, 'lz-admin')).ok).toBe(true);
    expect(await t.call('sms', 'inviteWalkIn', { activityId: act._id, phone: '13800000099' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'SMS.RATE_LIMITED',
    });
  });

  it('an invitation whose activity filled meanwhile registers the person without enrolling them', async () => {
    const small = await seedActivity(t, 'lz', { capacity: 1, enrolledCount: 0 });
    expect((await t.call('sms', 'inviteWalkIn', { activityId: small._id, phone: '13800000099' }, 'lz-admin')).ok).toBe(true);
    expect((await walkIn({ phone: '13900000005' }, 'lz-admin', small._id)).ok).toBe(true);
    await t.setClock('2026-12-01T02:01:30.000Z');
    expect((await registerVolunteer(t, 'newbie', '13800000099', { orgIds: ['lz'] })).ok).toBe(true);
    expect(await enrollmentOf(small._id, 'newbie')).toBeUndefined();
    expect(await t.emu.db.find('enrollment_invitations', {})).toMatchObject([{ status: 'claimed', claimedBy: 'newbie', result: 'full' }]);
    expect(await seatsOf(small._id)).toBe(1);
  });

  it('refuses an ended activity (ACTIVITY.ENDED) without texting', async () => {
    await t.setClock('2026-12-02T10:00:00Z');
    expect(await t.call('sms', 'inviteWalkIn', { activityId: act._id, phone: '13800000099' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'ACTIVITY.ENDED',
    });
    expect(await t.dev<unknown[]>('GET', '/_dev/sms?phone=13800000099')).toEqual([]);
  });
});

describe('checkin.volunteerPhone', () => {
  it('answers a manager the full number of an enrolled volunteer and audits the reveal', async () => {
    expect(await t.call('checkin', 'volunteerPhone', { activityId: act._id, openid: 'vol2' }, 'lz-admin')).toEqual({
      ok: true,
      data: { realName: '刘洋', phone: '13900000004' },
    });
    expect(await t.emu.db.find('audit_log', {})).toMatchObject([
      { kind: 'phone.revealed', actor: 'lz-admin', subject: 'vol2', activityId: act._id, at: expect.any(Date) },
    ]);
  });

  it('refuses readers of a parent team, other teams and volunteers (AUTH.FORBIDDEN), audits nothing', async () => {
    for (const who of ['root-leader', 'ts-admin', 'vol'])
      expect(await t.call('checkin', 'volunteerPhone', { activityId: act._id, openid: 'vol2' }, who)).toMatchObject({
        ok: false,
        code: 'AUTH.FORBIDDEN',
      });
    expect(await t.emu.db.find('audit_log', {})).toEqual([]);
  });

  it('someone not enrolled in the activity: CHECKIN.NOT_ENROLLED', async () => {
    expect(await t.call('checkin', 'volunteerPhone', { activityId: act._id, openid: 'vol3' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'CHECKIN.NOT_ENROLLED',
    });
    expect(await t.emu.db.find('audit_log', {})).toEqual([]);
  });
});

describe('activity.contact and the masked number of activity.get', () => {
  let withContact: { _id: string };
  beforeEach(async () => {
    withContact = await seedActivity(t, 'lz', { contactName: '李老师', contactPhone: '13912345678' });
    await seedEnrollment(t, withContact._id, 'vol');
    await seedEnrollment(t, withContact._id, 'vol2', 'waitlisted');
  });

  it('answers the enrolled and the team managers in full', async () => {
    for (const who of ['vol', 'lz-admin'])
      expect(await t.call('activity', 'contact', { activityId: withContact._id }, who)).toEqual({
        ok: true,
        data: { contactName: '李老师', contactPhone: '13912345678' },
      });
  });

  it('refuses the waitlisted and the not enrolled (AUTH.FORBIDDEN)', async () => {
    for (const who of ['vol2', 'vol3', 'ts-admin'])
      expect(await t.call('activity', 'contact', { activityId: withContact._id }, who)).toMatchObject({
        ok: false,
        code: 'AUTH.FORBIDDEN',
      });
  });

  it('an activity with no number: ACTIVITY.NO_CONTACT', async () => {
    expect(await t.call('activity', 'contact', { activityId: act._id }, 'vol')).toMatchObject({ ok: false, code: 'ACTIVITY.NO_CONTACT' });
  });

  it('activity.get and activity.list show the number masked to everyone else', async () => {
    const phoneIn = async (who?: string) => {
      const r = await t.call('activity', 'get', { activityId: withContact._id }, who);
      return dataOf(r).activity.contactPhone;
    };
    expect(await phoneIn('vol')).toBe('13912345678');
    expect(await phoneIn('lz-admin')).toBe('13912345678');
    expect(await phoneIn('vol3')).toBe('139****5678');
    expect(await phoneIn('vol2')).toBe('139****5678');
    expect(await phoneIn(undefined)).toBe('139****5678');
    const list = dataOf(await t.call('activity', 'list', { orgId: 'lz' }, 'vol'));
    expect(list.items.find((a) => a._id === withContact._id)?.contactPhone).toBe('139****5678');
  });
});
