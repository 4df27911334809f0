// 微信手机号快捷填写: user.phoneFromWeixin exchanges a getPhoneNumber code (the emulator's dev WeChat, POST /_dev/wx-phone)
// for the phone and a proof that user.register accepts instead of an SMS code: once, for that caller and phone, in time.
import { bootstrapRoot, idNumberFor, registrationInput, useTestEmulator } from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
let rootId: string;
beforeEach(async () => {
  rootId = (await bootstrapRoot(t))._id;
});

const wxCode = async (phone: string) => (await t.dev<{ code: string }>('POST', '/_dev/wx-phone', { phone })).code;
async function proofFor(openid: string, phone: string): Promise<string> {
  const r = await t.call('user', 'phoneFromWeixin', { code: await wxCode(phone) }, openid);
  if (!r.ok) throw new Error(`phoneFromWeixin: ${r.code}`);
  expect(r.data).toMatchObject({ phone, expiresInSec: 600 });
  return r.data.phoneProof;
}
const register = (openid: string, phone: string, phoneProof: string, seq = 1) =>
  t.call(
    'user',
    'register',
    { ...registrationInput({ orgIds: [rootId], idNumber: idNumberFor('19900101', seq) }), phone, phoneProof },
    openid,
  );

it('registers with the phone WeChat verified, no SMS code sent or needed; the phone is stored sealed', async () => {
  const proof = await proofFor('u1', '13900000021');
  const r = await register('u1', '13900000021', proof);
  expect(r).toMatchObject({ ok: true, data: { volunteer: { phoneMasked: '139****0021' } } });
  expect(await t.dev('GET', '/_dev/sms?phone=13900000021')).toEqual([]);
  const stored = JSON.stringify([await t.emu.db.find('phone_proofs', {}), await t.emu.db.find('volunteers', {})]);
  expect(stored).not.toContain('13900000021');
  expect(await t.emu.db.find('phone_proofs', {})).toMatchObject([{ openid: 'u1', used: true }]);
});

it('a proof is used once: of two concurrent registrations with it exactly one succeeds', async () => {
  const proof = await proofFor('u1', '13900000022');
  const both = await Promise.all([register('u1', '13900000022', proof, 1), register('u1', '13900000022', proof, 2)]);
  expect(both.filter((r) => r.ok)).toHaveLength(1);
  expect(both.find((r) => !r.ok)).toMatchObject({
    ok: false,
    code: expect.stringMatching(/^USER\.(PHONE_PROOF_INVALID|ALREADY_REGISTERED)$/),
  });
  expect(await t.emu.db.find('volunteers', {})).toHaveLength(1);
});

it('USER.PHONE_PROOF_INVALID: another caller’s proof, or a proof of another phone, is refused and nothing is written', async () => {
  const proof = await proofFor('u1', '13900000023');
  expect(await register('u2', '13900000023', proof)).toMatchObject({ ok: false, code: 'USER.PHONE_PROOF_INVALID' });
  expect(await register('u1', '13900000099', proof)).toMatchObject({ ok: false, code: 'USER.PHONE_PROOF_INVALID' });
  expect(await register('u1', '13900000023', 'f'.repeat(32))).toMatchObject({ ok: false, code: 'USER.PHONE_PROOF_INVALID' });
  expect(await t.emu.db.find('volunteers', {})).toHaveLength(0);
  expect(await t.emu.db.find('phone_proofs', {})).toMatchObject([{ used: false }]);
  // The owner can still use it.
  expect((await register('u1', '13900000023', proof)).ok).toBe(true);
});

it('USER.PHONE_PROOF_EXPIRED: a proof older than 10 minutes is refused', async () => {
  await t.setClock('2026-11-22T02:00:00Z');
  const proof = await proofFor('u1', '13900000024');
  await t.setClock('2026-11-22T02:10:05Z');
  expect(await register('u1', '13900000024', proof)).toMatchObject({ ok: false, code: 'USER.PHONE_PROOF_EXPIRED' });
  await t.setClock('2026-11-22T02:09:50Z');
  expect((await register('u1', '13900000024', proof)).ok).toBe(true);
});

it('USER.WX_PHONE_CODE_INVALID: an unknown or already used code gives no phone and no proof', async () => {
  expect(await t.call('user', 'phoneFromWeixin', { code: 'not-a-code' }, 'u1')).toMatchObject({
    ok: false,
    code: 'USER.WX_PHONE_CODE_INVALID',
    message: '微信手机号授权已失效，请重新点击或使用短信验证码',
  });
  const code = await wxCode('13900000025');
  expect((await t.call('user', 'phoneFromWeixin', { code }, 'u1')).ok).toBe(true);
  expect(await t.call('user', 'phoneFromWeixin', { code }, 'u1')).toMatchObject({ ok: false, code: 'USER.WX_PHONE_CODE_INVALID' });
  expect(await t.emu.db.find('phone_proofs', {})).toHaveLength(1);
});

it('the contract: exactly one of smsCode and phoneProof, and a proof of the right shape', async () => {
  const input = { ...registrationInput({ orgIds: [rootId] }), phone: '13900000026' };
  expect(await t.call('user', 'register', input, 'u1')).toMatchObject({ ok: false, code: 'VALIDATION' });
  expect(await t.call('user', 'register', { ...input, smsCode: '123456', phoneProof: 'a'.repeat(32) }, 'u1')).toMatchObject({
    ok: false,
    code: 'VALIDATION',
  });
  expect(await t.call('user', 'register', { ...input, phoneProof: 'not-hex' }, 'u1')).toMatchObject({ ok: false, code: 'VALIDATION' });
});

it('AUTH.UNAUTHENTICATED: no WeChat caller, no exchange', async () => {
  expect(await t.call('user', 'phoneFromWeixin', { code: await wxCode('13900000027') })).toMatchObject({
    ok: false,
    code: 'AUTH.UNAUTHENTICATED',
  });
});
