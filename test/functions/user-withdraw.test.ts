// user.withdraw (注销): afterwards the raw database holds nothing of the person but what the page says is kept, other
// people's records are untouched, a held seat goes to the waitlist, and the phone and ID number can register again.
import { collections } from '../../cloudfunctions/common/db/collections';
import { dataOf, registerVolunteer, useTestEmulator } from '../helpers/emulator';
import { ME, OTHER, seedPeople } from '../helpers/my-data';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });

/** Every deployed collection (the emulator's dev outboxes are not the product's data), each document as JSON. */
async function rawDatabase(): Promise<{ collection: string; json: string; doc: Record<string, unknown> }[]> {
  const out: { collection: string; json: string; doc: Record<string, unknown> }[] = [];
  for (const c of collections.filter((d) => !d.devOnly))
    for (const doc of await t.emu.db.find(c.name, {})) out.push({ collection: c.name, json: JSON.stringify(doc), doc });
  return out;
}

it('leaves no phone, ID number, name or their ciphertexts and hashes of the person, except the masked name on certificates', async () => {
  const { certificates } = await seedPeople(t);
  const [before] = await t.emu.db.find('volunteers', { _id: ME.openid });
  const secrets = [
    ME.phone,
    ME.idNumber,
    ME.realName,
    ME.employer,
    before.phoneEnc,
    before.phoneHash,
    before.idNumberEnc,
    before.idNumberHash,
  ].filter(Boolean) as string[];
  expect(secrets.length).toBeGreaterThanOrEqual(8);
  expect((await rawDatabase()).some((d) => d.json.includes(ME.phone) || d.json.includes(before.phoneHash))).toBe(true);

  expect(await t.call('user', 'withdraw', { confirm: true }, ME.openid)).toMatchObject({ ok: true });
  const left = (await rawDatabase()).filter((d) => secrets.some((s) => d.json.includes(s)));
  expect(left.map((d) => d.collection)).toEqual([]);
  // Kept, as the page says: the certificate (masked name), the day record and its correction, the left membership.
  expect(await t.emu.db.find('certificates', { openid: ME.openid })).toEqual([
    expect.objectContaining({ certificateNo: certificates.me, realNameMasked: '张*' }),
  ]);
  expect(await t.call('report', 'verifyCertificate', { certificateNo: certificates.me })).toMatchObject({
    ok: true,
    data: { valid: true, realNameMasked: '张*', minutes: 180 },
  });
  // Their free text stays as written but for what named the person.
  expect(await t.emu.db.find('checkin_days', { openid: ME.openid })).toEqual([
    expect.objectContaining({
      minutes: 180,
      adjustments: [expect.objectContaining({ reason: '现场网络故障，补录[已注销]的签到', byName: '钱管理' })],
    }),
  ]);
  expect(await t.emu.db.find('checkin_corrections', { openid: ME.openid })).toEqual([
    expect.objectContaining({ note: '[已注销]实际服务到16点' }),
  ]);
  expect(await t.emu.db.find('memberships', { openid: ME.openid })).toEqual([expect.objectContaining({ orgId: 'lz', status: 'left' })]);
  const [tomb] = await t.emu.db.find('volunteers', { _id: ME.openid });
  expect(Object.keys(tomb).sort()).toEqual([
    '_id',
    'idNumberHash',
    'idNumberMasked',
    'openid',
    'phoneHash',
    'realName',
    'registeredAt',
    'updatedAt',
    'volunteerNo',
    'withdrawnAt',
  ]);
  expect(tomb.realName).toBe('已注销志愿者');
});

it('removes pending applications, invitations, the own team application and enrollments not begun; the seat goes to the waitlist', async () => {
  const { P, F } = await seedPeople(t);
  dataOf(await t.call('user', 'withdraw', { confirm: true }, ME.openid));
  expect(await t.emu.db.find('memberships', { openid: ME.openid, status: 'pending' })).toEqual([]);
  expect(await t.emu.db.find('member_invitations', { openid: ME.openid })).toEqual([]);
  expect(await t.emu.db.find('orgs', { _id: 'mine-team' })).toEqual([
    expect.objectContaining({ status: 'rejected', rejectReason: '申请人已注销' }),
  ]);
  expect((await t.emu.db.find('orgs', { _id: 'mine-team' }))[0].contactPhone).toBeUndefined();
  expect(await t.emu.db.find('enrollments', { openid: ME.openid })).toEqual([expect.objectContaining({ activityId: P._id })]);
  // The other volunteer's records are as they were, and they got the seat me held.
  expect(await t.emu.db.find('enrollments', { _id: `${F._id}_${OTHER.openid}` })).toEqual([
    expect.objectContaining({ status: 'enrolled' }),
  ]);
  expect(await t.emu.db.find('activities', { _id: F._id })).toEqual([expect.objectContaining({ enrolledCount: 1, waitlistCount: 0 })]);
  expect(await t.emu.db.find('checkin_days', { openid: OTHER.openid })).toHaveLength(1);
  expect(await t.call('user', 'me', {}, OTHER.openid)).toMatchObject({ ok: true, data: { volunteer: { realName: OTHER.realName } } });
});

it('an admin’s seat is given back; a leader must hand over first; without confirm it is VALIDATION', async () => {
  await seedPeople(t);
  expect(await t.callRaw('user', 'withdraw', {}, ME.openid)).toMatchObject({ ok: false, code: 'VALIDATION' }); // no confirm: untyped
  dataOf(await t.call('org', 'setRole', { orgId: 'lz', memberId: 'lz_me', role: 'admin' }, 'lz-leader'));
  expect(await t.emu.db.find('orgs', { _id: 'lz' })).toEqual([expect.objectContaining({ adminCount: 2 })]);
  dataOf(await t.call('user', 'withdraw', { confirm: true }, ME.openid));
  expect(await t.emu.db.find('orgs', { _id: 'lz' })).toEqual([expect.objectContaining({ adminCount: 1 })]);
  await t.emu.db.insert('memberships', [
    { _id: 'ts_other', orgId: 'ts', openid: OTHER.openid, role: 'leader', status: 'approved', appliedAt: new Date('2026-01-01T00:00:00Z') },
  ]);
  expect(await t.call('user', 'withdraw', { confirm: true }, OTHER.openid)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
});

it('the same phone and ID number can register again', async () => {
  await seedPeople(t);
  dataOf(await t.call('user', 'withdraw', { confirm: true }, ME.openid));
  await t.setClock('2026-11-22T03:00:00Z');
  const again = await registerVolunteer(t, 'me-again', ME.phone, { orgIds: ['lz'], idNumber: ME.idNumber, realName: ME.realName });
  expect(again).toMatchObject({ ok: true, data: { volunteer: { realName: ME.realName, phoneMasked: '139****0001' } } });
});

it('the same WeChat account can register again after 注销, and a registered one still cannot register twice', async () => {
  await seedPeople(t);
  dataOf(await t.call('user', 'withdraw', { confirm: true }, ME.openid));
  expect(await t.call('user', 'me', {}, ME.openid)).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
  await t.setClock('2026-11-22T03:00:00Z');
  const again = await registerVolunteer(t, ME.openid, ME.phone, { orgIds: ['lz'], idNumber: ME.idNumber, realName: ME.realName });
  expect(again).toMatchObject({ ok: true, data: { volunteer: { openid: ME.openid, realName: ME.realName, phoneMasked: '139****0001' } } });
  const [doc] = await t.emu.db.find('volunteers', { _id: ME.openid });
  expect(doc.withdrawnAt).toBeUndefined();
  expect(await t.call('user', 'me', {}, ME.openid)).toMatchObject({ ok: true, data: { volunteer: { realName: ME.realName } } });
  await t.setClock('2026-11-22T04:00:00Z');
  expect(await registerVolunteer(t, ME.openid, '13911112222', { orgIds: ['lz'], idNumber: OTHER.idNumber })).toMatchObject({
    ok: false,
    code: 'USER.ALREADY_REGISTERED',
  });
});
