// user.register, user.me and user.regions through the emulator: every error code of API.md's user table for these actions, no phone/ID oracle, sex and birth date from the ID number.
import {
  bootstrapRoot,
  idNumberFor,
  latestSmsCode,
  phoneHashOf,
  registerVolunteer,
  registrationInput,
  useTestEmulator,
} from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
let rootId: string;
beforeEach(async () => {
  rootId = (await bootstrapRoot(t))._id;
});

async function sendCode(phone: string, caller = `sender-${phone}`): Promise<string> {
  const r = await t.call('sms', 'send', { phone, purpose: 'register' }, caller);
  expect(r.ok).toBe(true);
  return latestSmsCode(t, phone);
}

describe('user.register', () => {
  it('registers with a valid code: masked ID in the answer, encrypted at rest, pending membership', async () => {
    const idNumber = idNumberFor('19900101', 7);
    const r = await registerVolunteer(t, 'u1', '13900000011', { idNumber, orgIds: [rootId] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.volunteer.idNumberMasked).toBe(`620102********${idNumber.slice(-4)}`);
    expect(r.data.volunteer.phoneMasked).toBe('139****0011');
    expect(r.data.volunteer.birthDate).toBe('1990-01-01');
    expect(JSON.stringify(r.data)).not.toContain(idNumber);
    const everything = JSON.stringify([
      await t.emu.db.find('volunteers', {}),
      await t.emu.db.find('memberships', {}),
      await t.emu.db.find('sms_codes', {}),
    ]);
    expect(everything).not.toContain(idNumber);
    expect(everything).not.toContain('19900101');
    const me = await t.call('user', 'me', {}, 'u1');
    expect(me).toMatchObject({
      ok: true,
      data: {
        memberships: [{ orgId: rootId, status: 'pending', role: 'member', orgName: '甘肃省科技志愿服务总队' }],
        totals: { minutes: 0, activities: 0 },
      },
    });
  });

  it('SMS.CODE_INVALID: a wrong code is refused, counts a try and writes no volunteer', async () => {
    const code = await sendCode('13900000012');
    const wrong = code === '000000' ? '111111' : '000000';
    const r = await t.call('user', 'register', { ...registrationInput({ orgIds: [rootId] }), phone: '13900000012', smsCode: wrong }, 'u2');
    expect(r).toMatchObject({ ok: false, code: 'SMS.CODE_INVALID', details: { attemptsLeft: 4 } });
    expect(await t.emu.db.find('volunteers', {})).toHaveLength(0);
    expect(await t.emu.db.find('memberships', { openid: 'u2' })).toHaveLength(0);
  });

  it('SMS.TOO_MANY_ATTEMPTS: after 5 wrong tries even the right code is void', async () => {
    const code = await sendCode('13900000013');
    const wrong = code === '000000' ? '111111' : '000000';
    const input = { ...registrationInput({ orgIds: [rootId] }), phone: '13900000013' };
    for (let i = 0; i < 4; i++)
      expect(await t.call('user', 'register', { ...input, smsCode: wrong }, 'u3')).toMatchObject({ code: 'SMS.CODE_INVALID' });
    expect(await t.call('user', 'register', { ...input, smsCode: wrong }, 'u3')).toMatchObject({ code: 'SMS.TOO_MANY_ATTEMPTS' });
    expect(await t.call('user', 'register', { ...input, smsCode: code }, 'u3')).toMatchObject({ code: 'SMS.TOO_MANY_ATTEMPTS' });
  });

  it('10 simultaneous wrong guesses spend at most 5 tries', async () => {
    await sendCode('13900000014');
    const input = { ...registrationInput({ orgIds: [rootId] }), phone: '13900000014' };
    await Promise.all(Array.from({ length: 10 }, (_, i) => t.call('user', 'register', { ...input, smsCode: String(100000 + i) }, 'u4')));
    const [doc] = await t.emu.db.find('sms_codes', { phoneHash: phoneHashOf('13900000014') });
    expect(doc.attempts).toBe(5);
  });

  it('SMS.CODE_EXPIRED: a code older than 5 minutes', async () => {
    const code = await sendCode('13900000015');
    await t.setClock('2026-11-22T02:05:01Z');
    const r = await t.call('user', 'register', { ...registrationInput({ orgIds: [rootId] }), phone: '13900000015', smsCode: code }, 'u5');
    expect(r).toMatchObject({ ok: false, code: 'SMS.CODE_EXPIRED' });
  });

  it('a code is single use, also when two registrations race with it', async () => {
    const code = await sendCode('13900000016');
    const input = { ...registrationInput({ orgIds: [rootId] }), phone: '13900000016', smsCode: code };
    const [a, b] = await Promise.all([
      t.call('user', 'register', { ...input, idNumber: idNumberFor('19900101', 21) }, 'u6a'),
      t.call('user', 'register', { ...input, idNumber: idNumberFor('19900101', 23) }, 'u6b'),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect(await t.emu.db.find('volunteers', {})).toHaveLength(1);
  });

  it('USER.ALREADY_REGISTERED: the same WeChat user registers twice', async () => {
    expect((await registerVolunteer(t, 'u7', '13900000017', { orgIds: [rootId] })).ok).toBe(true);
    const r = await registerVolunteer(t, 'u7', '13900000018', { orgIds: [rootId], idNumber: idNumberFor('19900101', 31) });
    expect(r).toMatchObject({ ok: false, code: 'USER.ALREADY_REGISTERED' });
  });

  it('USER.PHONE_TAKEN and USER.ID_NUMBER_TAKEN', async () => {
    const idNumber = idNumberFor('19850505', 41);
    expect((await registerVolunteer(t, 'u8', '13900000019', { orgIds: [rootId], idNumber })).ok).toBe(true);
    await t.setClock('2026-11-22T02:01:01Z'); // past the 60 s resend wait for the same phone
    expect(await registerVolunteer(t, 'u9', '13900000019', { orgIds: [rootId], idNumber: idNumberFor('19850505', 43) })).toMatchObject({
      ok: false,
      code: 'USER.PHONE_TAKEN',
    });
    expect(await registerVolunteer(t, 'u9', '13900000020', { orgIds: [rootId], idNumber })).toMatchObject({
      ok: false,
      code: 'USER.ID_NUMBER_TAKEN',
    });
    expect(await t.emu.db.find('volunteers', {})).toHaveLength(1);
  });

  it('USER.UNDERAGE: 18 on the day (Asia/Shanghai) is enough, one day short is not', async () => {
    // 2026-11-22 02:00 UTC is 10:00 in Shanghai.
    expect(await registerVolunteer(t, 'u10', '13900000021', { orgIds: [rootId], idNumber: idNumberFor('20081123', 51) })).toMatchObject({
      ok: false,
      code: 'USER.UNDERAGE',
    });
    expect((await registerVolunteer(t, 'u11', '13900000022', { orgIds: [rootId], idNumber: idNumberFor('20081122', 53) })).ok).toBe(true);
  });

  it('VALIDATION: a bad ID checksum, no team, or a team list of 6 is refused before any SMS check', async () => {
    const base = { ...registrationInput({ orgIds: [rootId] }), phone: '13900000023', smsCode: '123456' };
    const badId = idNumberFor('19900101', 61).slice(0, 17) + (idNumberFor('19900101', 61).endsWith('0') ? '1' : '0');
    expect(await t.call('user', 'register', { ...base, idNumber: badId }, 'u12')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.call('user', 'register', { ...base, orgIds: [] }, 'u12')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.call('user', 'register', { ...base, orgIds: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'u12')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
  });

  it('ORG.NOT_FOUND: applying to a team that does not exist writes nothing', async () => {
    const r = await registerVolunteer(t, 'u13', '13900000024', { orgIds: ['no-such-org'] });
    expect(r).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND', details: { orgIds: ['no-such-org'] } });
    expect(await t.emu.db.find('volunteers', {})).toHaveLength(0);
  });

  it('AUTH.UNAUTHENTICATED: without a WeChat identity', async () => {
    const r = await t.call('user', 'register', { ...registrationInput({ orgIds: [rootId] }), phone: '13900000025', smsCode: '123456' });
    expect(r).toMatchObject({ ok: false, code: 'AUTH.UNAUTHENTICATED' });
  });

  it('the root leader who registers keeps the leader membership', async () => {
    const r = await registerVolunteer(t, 'root-leader', '13900000026', { orgIds: [rootId] });
    expect(r.ok).toBe(true);
    const me = await t.call('user', 'me', {}, 'root-leader');
    expect(me).toMatchObject({ ok: true, data: { memberships: [{ orgId: rootId, role: 'leader', status: 'approved' }] } });
  });
});

describe('user.register gives no phone or ID-number oracle', () => {
  const TAKEN_PHONE = '13900000031';
  const FREE_PHONE = '13900000032';
  const takenId = idNumberFor('19850505', 71);
  const freeId = idNumberFor('19850505', 73);
  const minorId = idNumberFor('20100101', 75);
  const probe = (phone: string, idNumber: string, smsCode: string) =>
    t.call('user', 'register', { ...registrationInput({ orgIds: [rootId], idNumber }), phone, smsCode }, 'prober');
  /** What a prober sees: code, message and details, nothing else. */
  const seen = (r: Awaited<ReturnType<typeof probe>>) => (r.ok ? r : { code: r.code, message: r.message, details: r.details });

  beforeEach(async () => {
    expect((await registerVolunteer(t, 'owner', TAKEN_PHONE, { orgIds: [rootId], idNumber: takenId })).ok).toBe(true);
    await t.setClock('2026-11-22T02:01:01Z'); // past the 60 s resend wait of the owner's code
  });

  it('a missing or used code answers the same for a taken or a free phone, and a taken, free or underage ID number', async () => {
    // The taken phone's code was used by its owner; nobody asked a code for the free one.
    const answers = [];
    for (const phone of [TAKEN_PHONE, FREE_PHONE])
      for (const id of [takenId, freeId, minorId]) answers.push(seen(await probe(phone, id, '123456')));
    expect(answers[0]).toEqual({ code: 'SMS.CODE_EXPIRED', message: '验证码已失效，请重新获取', details: undefined });
    for (const a of answers) expect(a).toEqual(answers[0]);
  });

  it('a wrong code answers the same for a taken or a free phone and ID number', async () => {
    const codes = [await sendCode(TAKEN_PHONE, 'prober'), await sendCode(FREE_PHONE, 'prober')];
    const wrong = ['000000', '111111', '222222'].find((c) => !codes.includes(c)) as string;
    const rounds: [string, string][][] = [
      [
        [TAKEN_PHONE, takenId],
        [FREE_PHONE, freeId],
      ],
      [
        [TAKEN_PHONE, freeId],
        [FREE_PHONE, takenId],
      ],
      [
        [TAKEN_PHONE, minorId],
        [FREE_PHONE, minorId],
      ],
    ];
    for (const [i, [a, b]] of rounds.entries()) {
      const [ra, rb] = [seen(await probe(a[0], a[1], wrong)), seen(await probe(b[0], b[1], wrong))];
      expect(ra).toEqual({ code: 'SMS.CODE_INVALID', message: `验证码错误，还可尝试${4 - i}次`, details: { attemptsLeft: 4 - i } });
      expect(rb).toEqual(ra);
    }
    expect(await t.emu.db.find('volunteers', {})).toHaveLength(1);
  });

  it('after the right code, the taken phone is told: the caller proved they own it', async () => {
    const code = await sendCode(TAKEN_PHONE, 'prober');
    expect(await probe(TAKEN_PHONE, freeId, code)).toMatchObject({ ok: false, code: 'USER.PHONE_TAKEN' });
  });
});

describe('user.register: sex and birth date come from the ID number', () => {
  // The 17th digit is odd for men, even for women.
  const femaleId = idNumberFor('19920304', 82);
  it('VALIDATION naming 性别 when the chosen sex disagrees with the number; no code is tried, nothing written', async () => {
    const smsCode = await sendCode('13900000041');
    const r = await t.call(
      'user',
      'register',
      { ...registrationInput({ orgIds: [rootId], idNumber: femaleId, gender: 'male' }), phone: '13900000041', smsCode },
      'u41',
    );
    expect(r).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: '性别与身份证号不符（身份证号为女性）',
      details: { issues: [expect.objectContaining({ path: ['gender'] })] },
    });
    expect(await t.emu.db.find('volunteers', {})).toHaveLength(0);
    expect(await t.emu.db.find('sms_codes', { phoneHash: phoneHashOf('13900000041') })).toMatchObject([{ attempts: 0 }]);
  });
  it('without a sex, the one of the number is stored, with its birth date; an agreeing one is accepted', async () => {
    const a = await registerVolunteer(t, 'u42', '13900000042', { orgIds: [rootId], idNumber: femaleId });
    expect(a).toMatchObject({ ok: true, data: { volunteer: { gender: 'female', birthDate: '1992-03-04' } } });
    expect(await t.emu.db.find('volunteers', { _id: 'u42' })).toMatchObject([{ gender: 'female', birthDate: '1992-03-04' }]);
    const b = await registerVolunteer(t, 'u43', '13900000043', { orgIds: [rootId], idNumber: idNumberFor('19920304', 83), gender: 'male' });
    expect(b).toMatchObject({ ok: true, data: { volunteer: { gender: 'male' } } });
  });
});

describe('user.me', () => {
  it('USER.NOT_REGISTERED for a WeChat user who has not registered', async () => {
    expect(await t.call('user', 'me', {}, 'nobody')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
  });
  it('ignores the userInfo field CloudBase adds to every event', async () => {
    await registerVolunteer(t, 'u14', '13900000027', { orgIds: [rootId] });
    expect((await t.call('user', 'me', { userInfo: { appId: 'x', openId: 'someone-else' } }, 'u14')).ok).toBe(true);
  });
});

describe('user.regions', () => {
  it('answers the GB/T 2260 table to anyone, registered or not', async () => {
    const r = await t.call('user', 'regions', {}, 'not-registered');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.province['620000']).toBe('甘肃省');
    expect(r.data.city['620100']).toBe('兰州市');
    expect(r.data.county['620102']).toBe('城关区');
  });
});
