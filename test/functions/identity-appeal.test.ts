// 身份冲突: the owner of an ID number someone else registered files an appeal (after user.register said
// USER.ID_NUMBER_TAKEN, with the same SMS code); the root 总队's leader/admins decide it, never a party to it. Upheld: the
// holder is frozen (records stay; no enrolling, signing in, certificates or managing), the number is released and the
// owner registers, the audit log says who decided what, when and why. Rejected: the appellant reads why.
import type { InputOf } from '@contract/functions';
import {
  devMessages,
  idNumberFor,
  latestSmsCode,
  registerVolunteer,
  registrationInput,
  seedLanzhou,
  seedMembership,
  seedVolunteer,
  useTestEmulator,
} from '../helpers/emulator';
import { POINT, activityCode, nonce, seedActivity } from '../helpers/checkin';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
const OWNER_ID = idNumberFor('19850505', 611);
const OWNER_PHONE = '13900000611';
const STATEMENT = '这是我本人的身份证号，我从未在本平台注册过，请核实';
let rootId: string;

beforeEach(async () => {
  rootId = (await seedLanzhou(t)).root._id;
  await seedVolunteer(t, 'lz-admin', '13700000601', '李敏');
  await seedMembership(t, 'lz', 'lz-admin', 'admin');
  await seedVolunteer(t, 'root-admin', '13700000602', '王强');
  await seedMembership(t, rootId, 'root-admin', 'admin');
  // Someone registers with the owner's number.
  expect((await registerVolunteer(t, 'squatter', '13900000601', { realName: '冒用者', idNumber: OWNER_ID, orgIds: [rootId] })).ok).toBe(
    true,
  );
});

/** The owner tries to register, is told the number is taken, and keeps the (unused) code for the appeal. */
async function ownerIsRefused(): Promise<string> {
  await t.setClock('2026-11-22T02:01:01Z');
  expect((await t.call('sms', 'send', { phone: OWNER_PHONE, purpose: 'register' }, 'owner')).ok).toBe(true);
  const smsCode = await latestSmsCode(t, OWNER_PHONE);
  const r = await t.call(
    'user',
    'register',
    { ...registrationInput({ realName: '张真', idNumber: OWNER_ID, orgIds: [rootId] }), phone: OWNER_PHONE, smsCode },
    'owner',
  );
  expect(r).toMatchObject({ ok: false, code: 'USER.ID_NUMBER_TAKEN' });
  return smsCode;
}

async function fileAppeal(smsCode: string, over: Partial<InputOf<'user', 'appealIdentity'>> = {}, openid = 'owner') {
  return t.call(
    'user',
    'appealIdentity',
    { phone: OWNER_PHONE, smsCode, idNumber: OWNER_ID, realName: '张真', statement: STATEMENT, ...over },
    openid,
  );
}

async function pendingAppealId(): Promise<string> {
  const r = await fileAppeal(await ownerIsRefused());
  if (!r.ok) throw new Error(`appealIdentity: ${r.code}`);
  return r.data.appeal.appealId;
}

describe('user.appealIdentity', () => {
  it('the owner files with the code the refused registration left unused; the code is spent; one open appeal per number', async () => {
    const smsCode = await ownerIsRefused();
    const r = await fileAppeal(smsCode);
    expect(r).toMatchObject({
      ok: true,
      data: {
        appeal: {
          status: 'pending',
          realName: '张真',
          idNumberMasked: `620102********${OWNER_ID.slice(-4)}`,
          phoneMasked: '139****0611',
          statement: STATEMENT,
        },
      },
    });
    expect(JSON.stringify(r)).not.toContain(OWNER_ID);
    expect(await fileAppeal(smsCode)).toMatchObject({ ok: false, code: 'SMS.CODE_EXPIRED' });
    await t.setClock('2026-11-22T02:02:02Z');
    expect((await t.call('sms', 'send', { phone: OWNER_PHONE, purpose: 'register' }, 'owner')).ok).toBe(true);
    expect(await fileAppeal(await latestSmsCode(t, OWNER_PHONE))).toMatchObject({ ok: false, code: 'APPEAL.PENDING' });
    expect(await t.emu.db.find('identity_appeals', {})).toHaveLength(1);
    expect(await t.call('user', 'myIdentityAppeals', {}, 'owner')).toMatchObject({
      ok: true,
      data: { items: [{ status: 'pending', realName: '张真' }] },
    });
  });

  it('no oracle: without the right code a taken and a free number answer alike; with it, a free number is USER.ID_NUMBER_FREE', async () => {
    const free = idNumberFor('19850505', 613);
    const seen = (r: Awaited<ReturnType<typeof t.call>>) => (r.ok ? r : { code: r.code, message: r.message, details: r.details });
    const missing = [seen(await fileAppeal('123456')), seen(await fileAppeal('123456', { idNumber: free }))];
    expect(missing[0]).toMatchObject({ code: 'SMS.CODE_EXPIRED' });
    expect(missing[1]).toEqual(missing[0]);
    const smsCode = await ownerIsRefused();
    const wrong = ['000000', '111111'].find((c) => c !== smsCode) as string;
    const wrongs = [seen(await fileAppeal(wrong)), seen(await fileAppeal(wrong, { idNumber: free }))];
    expect(wrongs[0]).toMatchObject({ code: 'SMS.CODE_INVALID' });
    expect(wrongs[1]).toMatchObject({ code: 'SMS.CODE_INVALID', message: expect.stringContaining('验证码错误') });
    expect(await fileAppeal(smsCode, { idNumber: free })).toMatchObject({ ok: false, code: 'USER.ID_NUMBER_FREE' });
    expect(await t.emu.db.find('identity_appeals', {})).toHaveLength(0);
  });

  it('USER.ALREADY_REGISTERED for a volunteer (the holder included); VALIDATION for a statement too short', async () => {
    expect(await fileAppeal('123456', {}, 'squatter')).toMatchObject({ ok: false, code: 'USER.ALREADY_REGISTERED' });
    expect(await fileAppeal('123456', { statement: '是我的' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

describe('deciding an appeal', () => {
  it('AUTH.FORBIDDEN: only the root 总队’s leader and admins list or decide appeals', async () => {
    const appealId = await pendingAppealId();
    for (const who of ['lz-admin', 'owner', 'squatter']) {
      expect(await t.call('org', 'identityAppeals', {}, who)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(await t.call('org', 'decideIdentityAppeal', { appealId, decision: 'uphold', reason: '核实' }, who)).toMatchObject({
        ok: false,
        code: 'AUTH.FORBIDDEN',
      });
    }
    const list = await t.call('org', 'identityAppeals', { status: 'pending' }, 'root-admin');
    // The admin calls both people to verify who holds the card: their phones in full, the number masked.
    expect(list).toMatchObject({
      ok: true,
      data: {
        total: 1,
        items: [
          {
            appealId,
            realName: '张真',
            appellantPhone: OWNER_PHONE,
            holder: { realName: '冒用者', phone: '13900000601' },
            status: 'pending',
          },
        ],
      },
    });
    expect(JSON.stringify(list)).not.toContain(OWNER_ID);
  });

  it('AUTH.SELF_DEALING: the holder of the number, though a root admin, does not decide it', async () => {
    const appealId = await pendingAppealId();
    expect(
      (await t.call('org', 'reviewMember', { orgId: rootId, memberId: `${rootId}_squatter`, decision: 'approve' }, 'root-leader')).ok,
    ).toBe(true);
    expect((await t.call('org', 'setRole', { orgId: rootId, memberId: `${rootId}_squatter`, role: 'admin' }, 'root-leader')).ok).toBe(true);
    expect(await t.call('org', 'decideIdentityAppeal', { appealId, decision: 'reject', reason: '证据不足' }, 'squatter')).toMatchObject({
      ok: false,
      code: 'AUTH.SELF_DEALING',
    });
    expect(await t.emu.db.find('identity_appeals', { status: 'pending' })).toHaveLength(1);
  });

  it('uphold: the holder is frozen with records kept, the number released, the owner registers; audited and told', async () => {
    // The holder manages a team, holds a seat someone waits for, and has served before.
    await seedMembership(t, 'lz', 'squatter', 'admin');
    await seedVolunteer(t, 'waiter', '13700000603', '等候者');
    await seedMembership(t, 'lz', 'waiter');
    const act = await seedActivity(t, 'lz', { capacity: 1 });
    expect(await t.call('activity', 'enroll', { activityId: act._id }, 'squatter')).toMatchObject({
      ok: true,
      data: { enrollment: { status: 'enrolled' } },
    });
    expect(await t.call('activity', 'enroll', { activityId: act._id }, 'waiter')).toMatchObject({
      ok: true,
      data: { enrollment: { status: 'waitlisted' } },
    });
    const pastDay = {
      _id: 'old-act_squatter_2026-10-01',
      activityId: 'old-act',
      orgId: 'lz',
      openid: 'squatter',
      date: '2026-10-01',
      minutes: 120,
      status: 'closed',
    };
    await t.emu.db.insert('checkin_days', [pastDay]);
    expect((await t.call('org', 'members', { orgId: 'lz' }, 'squatter')).ok).toBe(true);

    const appealId = await pendingAppealId();
    await t.setClock('2026-11-23T02:00:00Z');
    const decided = await t.call(
      'org',
      'decideIdentityAppeal',
      { appealId, decision: 'uphold', reason: '电话核实身份证原件，系本人证件' },
      'root-admin',
    );
    expect(decided).toMatchObject({
      ok: true,
      data: {
        appeal: { status: 'upheld', reason: '电话核实身份证原件，系本人证件', decidedByName: '王强', holder: { realName: '冒用者' } },
      },
    });
    expect(await t.call('org', 'decideIdentityAppeal', { appealId, decision: 'reject', reason: '重复' }, 'root-leader')).toMatchObject({
      ok: false,
      code: 'APPEAL.DECIDED',
    });

    // Frozen: user.me says so; no enrolling, certificates, team management, or signing in (the seat went to the queue).
    expect(await t.call('user', 'me', {}, 'squatter')).toMatchObject({
      ok: true,
      data: { volunteer: { status: 'frozen', realName: '冒用者' } },
    });
    expect(await t.call('activity', 'enroll', { activityId: act._id }, 'squatter')).toMatchObject({ ok: false, code: 'USER.FROZEN' });
    expect(await t.call('report', 'certificate', { orgId: 'lz' }, 'squatter')).toMatchObject({ ok: false, code: 'USER.FROZEN' });
    expect(await t.call('user', 'updateProfile', { employer: '别处' }, 'squatter')).toMatchObject({ ok: false, code: 'USER.FROZEN' });
    expect(await t.call('org', 'members', { orgId: 'lz' }, 'squatter')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.emu.db.find('enrollments', { openid: 'waiter' })).toMatchObject([{ status: 'enrolled' }]);
    await t.setClock('2026-12-01T01:30:00Z');
    const payload = await activityCode(t, act._id, 'in', 'lz-admin');
    expect(await t.call('checkin', 'scan', { payload, location: POINT, nonce: nonce() }, 'squatter')).toMatchObject({
      ok: false,
      code: 'CHECKIN.NOT_ENROLLED',
    });
    expect(await t.call('checkin', 'scan', { payload, location: POINT, nonce: nonce() }, 'waiter')).toMatchObject({ ok: true });
    // Records stay: the past day, the memberships (marked, not ended), the volunteer record with its masked number.
    expect(await t.emu.db.find('checkin_days', { openid: 'squatter' })).toEqual([pastDay]);
    expect(await t.emu.db.find('memberships', { openid: 'squatter', status: 'approved' })).toMatchObject([
      { orgId: 'lz', role: 'admin', frozen: true },
    ]);
    const [holder] = await t.emu.db.find('volunteers', { _id: 'squatter' });
    expect(holder).toMatchObject({ status: 'frozen', idNumberMasked: `620102********${OWNER_ID.slice(-4)}` });
    expect(holder.idNumberEnc).toBeUndefined();

    // The audit log: who decided what about whom, when and why.
    expect(await t.emu.db.find('audit_log', {})).toMatchObject([
      {
        kind: 'identityAppeal.upheld',
        actor: 'root-admin',
        subject: 'squatter',
        appealId,
        reason: '电话核实身份证原件，系本人证件',
        at: expect.any(Date),
      },
    ]);
    const [entry] = await t.emu.db.find('audit_log', {});
    expect(Math.abs(new Date(entry.at).getTime() - Date.parse('2026-11-23T02:00:00Z'))).toBeLessThan(60_000);
    expect(await devMessages(t, 'owner')).toMatchObject([{ kind: 'identityAppealDecided', title: '身份核验已核实' }]);
    expect(await devMessages(t, 'squatter')).toContainEqual(
      expect.objectContaining({ kind: 'identityAppealDecided', title: '账号已冻结' }),
    );

    // The number is free: its owner registers (the appeal's phone or another).
    await t.setClock('2026-11-23T03:00:00Z');
    const mine = await registerVolunteer(t, 'owner', OWNER_PHONE, { realName: '张真', idNumber: OWNER_ID, orgIds: [rootId] });
    expect(mine).toMatchObject({ ok: true, data: { volunteer: { realName: '张真', status: 'active' } } });
    expect(await t.call('user', 'myIdentityAppeals', {}, 'owner')).toMatchObject({ ok: true, data: { items: [{ status: 'upheld' }] } });
  });

  it('reject: the appellant reads why; the holder is untouched and the number stays taken', async () => {
    const appealId = await pendingAppealId();
    const r = await t.call('org', 'decideIdentityAppeal', { appealId, decision: 'reject', reason: '未能提供身份证明材料' }, 'root-leader');
    expect(r).toMatchObject({ ok: true, data: { appeal: { status: 'rejected', reason: '未能提供身份证明材料' } } });
    expect(await t.call('user', 'myIdentityAppeals', {}, 'owner')).toMatchObject({
      ok: true,
      data: { items: [{ appealId, status: 'rejected', reason: '未能提供身份证明材料' }] },
    });
    expect(await devMessages(t, 'owner')).toMatchObject([
      { kind: 'identityAppealDecided', title: '身份核验未通过', body: expect.stringContaining('未能提供身份证明材料') },
    ]);
    expect(await t.call('user', 'me', {}, 'squatter')).toMatchObject({ ok: true, data: { volunteer: { status: 'active' } } });
    expect(await t.emu.db.find('audit_log', {})).toMatchObject([
      { kind: 'identityAppeal.rejected', actor: 'root-leader', subject: 'owner', appealId },
    ]);
    await t.setClock('2026-11-22T03:00:00Z');
    expect(await registerVolunteer(t, 'owner', OWNER_PHONE, { idNumber: OWNER_ID, orgIds: [rootId] })).toMatchObject({
      ok: false,
      code: 'USER.ID_NUMBER_TAKEN',
    });
    // A new appeal may follow the rejected one (with the code that refused registration left unused).
    expect(await fileAppeal(await latestSmsCode(t, OWNER_PHONE))).toMatchObject({ ok: true, data: { appeal: { status: 'pending' } } });
  });
});
