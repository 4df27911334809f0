// user.updateProfile, user.changePhone and user.withdraw through the emulator (sex follows the ID number; no phone oracle).
import { bootstrapRoot, idNumberFor, latestSmsCode, phoneHashOf, registerVolunteer, useTestEmulator } from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
let rootId: string;
beforeEach(async () => {
  rootId = (await bootstrapRoot(t))._id;
  expect((await registerVolunteer(t, 'p1', '13900000101', { orgIds: [rootId], idNumber: idNumberFor('19900101', 201) })).ok).toBe(true);
  await t.setClock('2026-11-22T02:02:00Z');
});

describe('user.updateProfile', () => {
  it('changes profile fields, replaces lists whole, and keeps phone and ID untouched', async () => {
    const r = await t.call(
      'user',
      'updateProfile',
      { employer: '兰州理工大学', serviceCategories: ['农技服务'], politicalStatus: '中共党员', ethnicity: '回族', fourHeads: '学校校长' },
      'p1',
    );
    expect(r).toMatchObject({
      ok: true,
      data: {
        volunteer: { employer: '兰州理工大学', serviceCategories: ['农技服务'], politicalStatus: '中共党员', phoneMasked: '139****0101' },
      },
    });
    const me = await t.call('user', 'me', {}, 'p1');
    expect(me).toMatchObject({
      ok: true,
      data: { volunteer: { serviceCategories: ['农技服务'], ethnicity: '回族', fourHeads: '学校校长' } },
    });
  });
  it('VALIDATION: an empty patch, an unknown ethnicity; phone and idNumber are not profile fields', async () => {
    expect(await t.call('user', 'updateProfile', {}, 'p1')).toMatchObject({ ok: false, code: 'VALIDATION' });
    // What the contract refuses (an ethnicity not in the list, fields that are not the profile's) goes untyped.
    expect(await t.callRaw('user', 'updateProfile', { ethnicity: '火星族' }, 'p1')).toMatchObject({ ok: false, code: 'VALIDATION' });
    const sneaky = await t.callRaw(
      'user',
      'updateProfile',
      { employer: '兰州大学', phone: '13900009999', idNumber: idNumberFor('19800101', 1) },
      'p1',
    );
    expect(sneaky.ok).toBe(true);
    const [doc] = await t.emu.db.find('volunteers', { _id: 'p1' });
    expect(doc.phoneHash).toBe(phoneHashOf('13900000101'));
    expect(doc.idNumberMasked.endsWith(idNumberFor('19900101', 201).slice(-4))).toBe(true);
  });
  it('VALIDATION naming 真实姓名: certificates print the name, so it never changes here (only through a reviewed path)', async () => {
    // The contract has no realName in a profile patch: sent untyped.
    const r = await t.callRaw('user', 'updateProfile', { realName: '李四', employer: '别处' }, 'p1');
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', details: { issues: [expect.objectContaining({ path: ['realName'] })] } });
    expect(r.ok ? '' : r.message).toContain('真实姓名');
    expect(await t.emu.db.find('volunteers', { _id: 'p1' })).toMatchObject([{ realName: '张伟', employer: '兰州大学' }]);
    expect(await t.call('user', 'me', {}, 'p1')).toMatchObject({ ok: true, data: { volunteer: { realName: '张伟' } } });
  });
  it('USER.NOT_REGISTERED for someone who has not registered', async () => {
    expect(await t.call('user', 'updateProfile', { employer: 'x' }, 'stranger')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
  });
  it('VALIDATION naming 性别: the sex follows the ID number, a disagreeing one is refused and nothing changes', async () => {
    // p1's number has an odd 17th digit: a man.
    const r = await t.call('user', 'updateProfile', { gender: 'female', employer: '别处' }, 'p1');
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', message: '性别与身份证号不符（身份证号为男性）' });
    expect(await t.emu.db.find('volunteers', { _id: 'p1' })).toMatchObject([{ gender: 'male', employer: '兰州大学' }]);
    expect(await t.call('user', 'updateProfile', { gender: 'male' }, 'p1')).toMatchObject({
      ok: true,
      data: { volunteer: { gender: 'male' } },
    });
  });
});

describe('user.changePhone', () => {
  async function codeFor(phone: string) {
    expect((await t.call('sms', 'send', { phone, purpose: 'changePhone' }, 'p1')).ok).toBe(true);
    return latestSmsCode(t, phone);
  }
  it('moves the volunteer to the new number with a code sent to it', async () => {
    const smsCode = await codeFor('13900000102');
    expect(await t.call('user', 'changePhone', { phone: '13900000102', smsCode }, 'p1')).toMatchObject({
      ok: true,
      data: { volunteer: { phoneMasked: '139****0102' } },
    });
    expect(await t.call('user', 'changePhone', { phone: '13900000102', smsCode }, 'p1')).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
  it('a register code is not a changePhone code', async () => {
    await t.call('sms', 'send', { phone: '13900000103', purpose: 'register' }, 'p1');
    const smsCode = await latestSmsCode(t, '13900000103');
    expect(await t.call('user', 'changePhone', { phone: '13900000103', smsCode }, 'p1')).toMatchObject({
      ok: false,
      code: 'SMS.CODE_EXPIRED',
    });
  });
  it('SMS.CODE_INVALID, SMS.CODE_EXPIRED and USER.PHONE_TAKEN change nothing', async () => {
    const smsCode = await codeFor('13900000104');
    const wrong = smsCode === '000000' ? '111111' : '000000';
    expect(await t.call('user', 'changePhone', { phone: '13900000104', smsCode: wrong }, 'p1')).toMatchObject({
      ok: false,
      code: 'SMS.CODE_INVALID',
    });
    await t.setClock('2026-11-22T02:08:00Z');
    expect(await t.call('user', 'changePhone', { phone: '13900000104', smsCode }, 'p1')).toMatchObject({
      ok: false,
      code: 'SMS.CODE_EXPIRED',
    });
    expect((await registerVolunteer(t, 'p2', '13900000105', { orgIds: [rootId], idNumber: idNumberFor('19900101', 203) })).ok).toBe(true);
    // Only with the right code for the new number is it told that the number is taken.
    await t.setClock('2026-11-22T02:09:01Z'); // past the 60 s resend wait of p2's own code
    expect(await t.call('user', 'changePhone', { phone: '13900000105', smsCode: await codeFor('13900000105') }, 'p1')).toMatchObject({
      ok: false,
      code: 'USER.PHONE_TAKEN',
    });
    const [doc] = await t.emu.db.find('volunteers', { _id: 'p1' });
    expect(doc.phoneHash).toBe(phoneHashOf('13900000101'));
  });
  it('no oracle: a missing or wrong code answers the same for a taken and a free number', async () => {
    expect((await registerVolunteer(t, 'p2', '13900000105', { orgIds: [rootId], idNumber: idNumberFor('19900101', 203) })).ok).toBe(true);
    const seen = (r: Awaited<ReturnType<typeof t.call>>) => (r.ok ? r : { code: r.code, message: r.message, details: r.details });
    const change = async (phone: string, smsCode: string) => seen(await t.call('user', 'changePhone', { phone, smsCode }, 'p1'));
    const missing = [await change('13900000105', '123456'), await change('13900000106', '123456')];
    expect(missing[0]).toEqual({ code: 'SMS.CODE_EXPIRED', message: '验证码已失效，请重新获取', details: undefined });
    expect(missing[1]).toEqual(missing[0]);
    await t.setClock('2026-11-22T02:03:01Z'); // past the 60 s resend wait of p2's own code
    const codes = [await codeFor('13900000105'), await codeFor('13900000106')];
    const wrong = ['000000', '111111', '222222'].find((c) => !codes.includes(c)) as string;
    const wrongs = [await change('13900000105', wrong), await change('13900000106', wrong)];
    expect(wrongs[0]).toEqual({ code: 'SMS.CODE_INVALID', message: '验证码错误，还可尝试4次', details: { attemptsLeft: 4 } });
    expect(wrongs[1]).toEqual(wrongs[0]);
  });
});

describe('user.withdraw', () => {
  it('anonymises the person, withdraws a pending application, and frees the phone and ID number', async () => {
    expect(await t.call('user', 'withdraw', { confirm: true }, 'p1')).toMatchObject({ ok: true });
    const [doc] = await t.emu.db.find('volunteers', { _id: 'p1' });
    expect(doc.realName).toBe('已注销志愿者');
    expect(doc.idNumberEnc).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain('13900000101');
    // p1's only membership was a pending application: 注销 withdraws it (user-withdraw.test.ts covers the rest).
    expect(await t.emu.db.find('memberships', { openid: 'p1' })).toHaveLength(0);
    expect(await t.call('user', 'me', {}, 'p1')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
    // Another person may now register with that phone.
    await t.setClock('2026-11-22T02:04:00Z');
    expect((await registerVolunteer(t, 'p3', '13900000101', { orgIds: [rootId], idNumber: idNumberFor('19900101', 205) })).ok).toBe(true);
  });
  it('a team leader must hand over first; without confirm it is VALIDATION', async () => {
    expect(await t.callRaw('user', 'withdraw', {}, 'p1')).toMatchObject({ ok: false, code: 'VALIDATION' }); // no confirm: untyped
    expect(
      (await registerVolunteer(t, 'root-leader', '13900000106', { orgIds: [rootId], idNumber: idNumberFor('19900101', 207) })).ok,
    ).toBe(true);
    expect(await t.call('user', 'withdraw', { confirm: true }, 'root-leader')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});
