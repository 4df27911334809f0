// user.updateProfile, user.changePhone and user.withdraw through the emulator.
import { bootstrapRoot, idNumberFor, latestSmsCode, registerVolunteer, useTestEmulator } from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
let rootId: string;
beforeEach(async () => {
  rootId = (await bootstrapRoot(t))._id;
  expect((await registerVolunteer(t, 'p1', '13900000101', { orgIds: [rootId], idNumber: idNumberFor('19900101', 201) })).ok).toBe(true);
  await t.setClock('2026-11-22T02:02:00Z');
});

describe('user.updateProfile', () => {
  it('changes profile fields, replaces lists whole, and keeps phone and ID untouched', async () => {
    const r = await t.call('user', 'updateProfile', { employer: '兰州理工大学', serviceCategories: ['农技服务'], politicalStatus: '中共党员', ethnicity: '回族', fourHeads: '学校校长' }, 'p1');
    expect(r).toMatchObject({ ok: true, data: { volunteer: { employer: '兰州理工大学', serviceCategories: ['农技服务'], politicalStatus: '中共党员', phoneMasked: '139****0101' } } });
    const me = await t.call('user', 'me', {}, 'p1');
    expect(me).toMatchObject({ ok: true, data: { volunteer: { serviceCategories: ['农技服务'], ethnicity: '回族', fourHeads: '学校校长' } } });
  });
  it('VALIDATION: an empty patch, an unknown ethnicity; phone and idNumber are not profile fields', async () => {
    expect(await t.call('user', 'updateProfile', {}, 'p1')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.call('user', 'updateProfile', { ethnicity: '火星族' }, 'p1')).toMatchObject({ ok: false, code: 'VALIDATION' });
    const sneaky = await t.call('user', 'updateProfile', { realName: '张伟', phone: '13900009999', idNumber: idNumberFor('19800101', 1) }, 'p1');
    expect(sneaky.ok).toBe(true);
    const [doc] = await t.emu.db.find('volunteers', { _id: 'p1' });
    expect(doc.phone).toBe('13900000101');
  });
  it('USER.NOT_REGISTERED for someone who has not registered', async () => {
    expect(await t.call('user', 'updateProfile', { employer: 'x' }, 'stranger')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
  });
});

describe('user.changePhone', () => {
  async function codeFor(phone: string) {
    expect((await t.call('sms', 'send', { phone, purpose: 'changePhone' })).ok).toBe(true);
    return latestSmsCode(t, phone);
  }
  it('moves the volunteer to the new number with a code sent to it', async () => {
    const smsCode = await codeFor('13900000102');
    expect(await t.call('user', 'changePhone', { phone: '13900000102', smsCode }, 'p1')).toMatchObject({ ok: true, data: { volunteer: { phoneMasked: '139****0102' } } });
    expect(await t.call('user', 'changePhone', { phone: '13900000102', smsCode }, 'p1')).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
  it('a register code is not a changePhone code', async () => {
    await t.call('sms', 'send', { phone: '13900000103', purpose: 'register' });
    const smsCode = await latestSmsCode(t, '13900000103');
    expect(await t.call('user', 'changePhone', { phone: '13900000103', smsCode }, 'p1')).toMatchObject({ ok: false, code: 'SMS.CODE_INVALID' });
  });
  it('SMS.CODE_INVALID, SMS.CODE_EXPIRED and USER.PHONE_TAKEN change nothing', async () => {
    const smsCode = await codeFor('13900000104');
    const wrong = smsCode === '000000' ? '111111' : '000000';
    expect(await t.call('user', 'changePhone', { phone: '13900000104', smsCode: wrong }, 'p1')).toMatchObject({ ok: false, code: 'SMS.CODE_INVALID' });
    await t.setClock('2026-11-22T02:08:00Z');
    expect(await t.call('user', 'changePhone', { phone: '13900000104', smsCode }, 'p1')).toMatchObject({ ok: false, code: 'SMS.CODE_EXPIRED' });
    expect((await registerVolunteer(t, 'p2', '13900000105', { orgIds: [rootId], idNumber: idNumberFor('19900101', 203) })).ok).toBe(true);
    expect(await t.call('user', 'changePhone', { phone: '13900000105', smsCode: '123456' }, 'p1')).toMatchObject({ ok: false, code: 'USER.PHONE_TAKEN' });
    const [doc] = await t.emu.db.find('volunteers', { _id: 'p1' });
    expect(doc.phone).toBe('13900000101');
  });
});

describe('user.withdraw', () => {
  it('anonymises the person, ends live memberships, and frees the phone and ID number', async () => {
    expect(await t.call('user', 'withdraw', { confirm: true }, 'p1')).toMatchObject({ ok: true });
    const [doc] = await t.emu.db.find('volunteers', { _id: 'p1' });
    expect(doc.realName).toBe('已注销志愿者');
    expect(doc.idNumberEnc).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain('13900000101');
    expect(await t.emu.db.find('memberships', { openid: 'p1', status: 'left' })).toHaveLength(1);
    expect(await t.call('user', 'me', {}, 'p1')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
    // Another person may now register with that phone.
    await t.setClock('2026-11-22T02:04:00Z');
    expect((await registerVolunteer(t, 'p3', '13900000101', { orgIds: [rootId], idNumber: idNumberFor('19900101', 205) })).ok).toBe(true);
  });
  it('a team leader must hand over first; without confirm it is VALIDATION', async () => {
    expect(await t.call('user', 'withdraw', {}, 'p1')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect((await registerVolunteer(t, 'root-leader', '13900000106', { orgIds: [rootId], idNumber: idNumberFor('19900101', 207) })).ok).toBe(true);
    expect(await t.call('user', 'withdraw', { confirm: true }, 'root-leader')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});
