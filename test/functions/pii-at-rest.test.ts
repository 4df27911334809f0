// Phones at rest: volunteers, invitations, SMS codes and quotas and identity appeals hold a phone only encrypted and as
// its keyed hash; answers still show it masked; the hash keeps it unique, also when two people take one number at once.
import { CONSENT_VERSION } from '@contract/enums';
import {
  bootstrapRoot,
  idNumberFor,
  latestSmsCode,
  phoneHashOf,
  registerVolunteer,
  seedMembers,
  seedMembership,
  seedVolunteer,
  useTestEmulator,
} from '../helpers/emulator';
import { filledTemplate, importRow } from '../helpers/import-sheet';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
let rootId: string;
beforeEach(async () => {
  rootId = (await bootstrapRoot(t, 'leader'))._id;
});

/** A mainland mobile number standing alone (not part of a longer run of letters and digits, as in a hash or ciphertext). */
const CLEAR_PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;

async function codeFor(phone: string, purpose: 'register' | 'changePhone', caller: string): Promise<string> {
  const sent = await t.call('sms', 'send', { phone, purpose }, caller);
  if (!sent.ok) throw new Error(`sms.send ${phone}: ${sent.code}`);
  return latestSmsCode(t, phone);
}

async function rawDocuments(): Promise<Record<string, unknown[]>> {
  const names = ['volunteers', 'invitations', 'sms_codes', 'sms_quota', 'identity_appeals', 'memberships'];
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await t.emu.db.find(n, {})] as const)));
}

describe('phones at rest', () => {
  it('no volunteer, invitation, SMS code or quota, or appeal holds a phone in clear; answers show it masked', async () => {
    const phones = ['13900000501', '13900000502', '13900000503', '13900000504', '13900000505', '13900000506', '13900000507', '13700000000'];
    const [a, b, bNew, imported, invitedOnly, seeded, appellant] = phones;
    expect((await registerVolunteer(t, 'pa', a, { orgIds: [rootId], idNumber: idNumberFor('19900101', 501) })).ok).toBe(true);
    expect((await registerVolunteer(t, 'pb', b, { orgIds: [rootId], idNumber: idNumberFor('19900101', 503) })).ok).toBe(true);
    expect(await t.call('user', 'changePhone', { phone: bNew, smsCode: await codeFor(bNew, 'changePhone', 'pb') }, 'pb')).toMatchObject({
      ok: true,
      data: { volunteer: { phoneMasked: '139****0503' } },
    });
    const file = await filledTemplate(t, rootId, 'leader', [
      importRow(1, '李四', imported, idNumberFor('19900909', 505)),
      importRow(2, '王五', invitedOnly, idNumberFor('19900909', 507)),
    ]);
    expect(await t.call('org', 'importVolunteers', { orgId: rootId, file }, 'leader')).toMatchObject({ ok: true, data: { created: 2 } });
    const act = await t.call(
      'user',
      'activate',
      { phone: imported, smsCode: await codeFor(imported, 'register', 'lisi'), consentVersion: CONSENT_VERSION },
      'lisi',
    );
    expect(act).toMatchObject({ ok: true, data: { volunteer: { realName: '李四', phoneMasked: '139****0504' } } });
    await seedVolunteer(t, 'seeded', seeded, '赵六');
    await seedMembers(t, rootId, ['member1']);
    // An appeal against pa's number: the appellant's phone rests like a volunteer's.
    const appeal = await t.call(
      'user',
      'appealIdentity',
      {
        phone: appellant,
        smsCode: await codeFor(appellant, 'register', 'owner'),
        idNumber: idNumberFor('19900101', 501),
        realName: '张伟',
        statement: '这是我本人的身份证号，我从未注册过',
      },
      'owner',
    );
    expect(appeal).toMatchObject({ ok: true, data: { appeal: { phoneMasked: '139****0507', status: 'pending' } } });

    const raw = await rawDocuments();
    expect(raw.volunteers).toHaveLength(5);
    expect(raw.invitations).toHaveLength(2);
    for (const [collection, docs] of Object.entries(raw)) {
      const text = JSON.stringify(docs);
      for (const p of phones) expect({ collection, found: text.includes(p) }).toEqual({ collection, found: false });
      expect({ collection, clear: CLEAR_PHONE.exec(text)?.[0] }).toEqual({ collection, clear: undefined });
    }
    // Every volunteer is found by the blind index of its phone.
    for (const [openid, p] of [
      ['pa', a],
      ['pb', bNew],
      ['lisi', imported],
      ['seeded', seeded],
      ['member1', phones[7]],
    ]) {
      expect(await t.emu.db.find('volunteers', { phoneHash: phoneHashOf(p) })).toMatchObject([{ _id: openid }]);
    }
    // The emulator's SMS outbox stands in for the SMS provider, which is handed the number to text: it keeps it.
    expect(await t.emu.db.find('_dev_sms', { phone: a })).toHaveLength(1);

    // Masked where they were masked before: user.me and org.members.
    expect(await t.call('user', 'me', {}, 'pa')).toMatchObject({ ok: true, data: { volunteer: { phoneMasked: '139****0501' } } });
    expect(await t.call('user', 'me', {}, 'pb')).toMatchObject({ ok: true, data: { volunteer: { phoneMasked: '139****0503' } } });
    await seedMembership(t, rootId, 'seeded');
    const members = await t.call('org', 'members', { orgId: rootId, pageSize: 50 }, 'leader');
    expect(members.ok).toBe(true);
    const masked = Object.fromEntries(
      (members.ok ? members.data.items : []).map((m: { openid: string; phoneMasked: string }) => [m.openid, m.phoneMasked]),
    );
    expect(masked).toMatchObject({
      pa: '139****0501',
      pb: '139****0503',
      lisi: '139****0504',
      seeded: '139****0506',
      member1: '137****0000',
    });
    expect(JSON.stringify(members)).not.toMatch(CLEAR_PHONE);
  });

  it('a changed phone frees the old number and takes the new one', async () => {
    expect((await registerVolunteer(t, 'pa', '13900000511', { orgIds: [rootId], idNumber: idNumberFor('19900101', 511) })).ok).toBe(true);
    expect(
      (await t.call('user', 'changePhone', { phone: '13900000512', smsCode: await codeFor('13900000512', 'changePhone', 'pa') }, 'pa')).ok,
    ).toBe(true);
    expect(await t.emu.db.find('volunteers', { phoneHash: phoneHashOf('13900000511') })).toHaveLength(0);
    await t.setClock('2026-11-22T02:01:01Z'); // past the 60 s resend wait of the old number
    expect((await registerVolunteer(t, 'pc', '13900000511', { orgIds: [rootId], idNumber: idNumberFor('19900101', 513) })).ok).toBe(true);
    expect(await registerVolunteer(t, 'pd', '13900000512', { orgIds: [rootId], idNumber: idNumberFor('19900101', 515) })).toMatchObject({
      ok: false,
      code: 'USER.PHONE_TAKEN',
    });
  });

  it('one number, two people at once (a registration and a change of phone): exactly one gets it', async () => {
    for (let i = 0; i < 5; i++) {
      const phone = `1390000052${i}`;
      await t.setClock(`2026-11-22T0${2 + i}:00:00Z`);
      await seedVolunteer(t, `holder${i}`, `1370000052${i}`);
      const registerCode = await codeFor(phone, 'register', `newcomer${i}`);
      await t.setClock(`2026-11-22T0${2 + i}:01:01Z`); // past the 60 s resend wait of this number
      const changeCode = await codeFor(phone, 'changePhone', `holder${i}`);
      const [registered, changed] = await Promise.all([
        t.call(
          'user',
          'register',
          {
            ...{
              realName: '钱七',
              idNumber: idNumberFor('19900101', 521 + 2 * i),
              education: '本科',
              region: { province: '620000', city: '620100', county: '620102' },
              serviceCategories: ['科普报告'],
              orgIds: [rootId],
              consentVersion: CONSENT_VERSION,
            },
            phone,
            smsCode: registerCode,
          },
          `newcomer${i}`,
        ),
        t.call('user', 'changePhone', { phone, smsCode: changeCode }, `holder${i}`),
      ]);
      const outcomes = [registered, changed].map((r) => (r.ok ? 'ok' : r.code)).sort();
      expect(outcomes).toEqual(['USER.PHONE_TAKEN', 'ok']);
      expect(await t.emu.db.find('volunteers', { phoneHash: phoneHashOf(phone) })).toHaveLength(1);
    }
  });
});
