// 集体注册 of registered volunteers asks first: an invitation they accept or decline, and a row report that tells a team
// admin nothing about whether a phone and an ID number belong to the same person.
import { bootstrapRoot, idNumberFor, registerVolunteer, seedMembership, seedOrg, useTestEmulator, type Answer } from '../helpers/emulator';
import { filledTemplate, importRow } from '../helpers/import-sheet';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
let root: { _id: string; name: string };

const A_PHONE = '13800139001';
const A_ID = idNumberFor('19880808', 401);
const B_PHONE = '13800139002';
const B_ID = idNumberFor('19880808', 403);

beforeEach(async () => {
  root = await bootstrapRoot(t, 'leader');
  await seedOrg(t, 'lz', '兰州市科技志愿服务支队', { _id: root._id, path: [] });
  expect((await registerVolunteer(t, 'va', A_PHONE, { orgIds: ['lz'], idNumber: A_ID, realName: '王甲' })).ok).toBe(true);
  expect((await registerVolunteer(t, 'vb', B_PHONE, { orgIds: ['lz'], idNumber: B_ID, realName: '李乙' })).ok).toBe(true);
});

async function importRows(rows: string[][]) {
  const r = await t.call('org', 'importVolunteers', { orgId: root._id, file: await filledTemplate(t, root._id, 'leader', rows) }, 'leader');
  if (!r.ok) throw new Error(`importVolunteers: ${r.code} ${r.message}`);
  return r.data as {
    created: number;
    invited: number;
    rows: { row: number; name?: string; ok: boolean; code?: string; message?: string; outcome?: string; phoneMasked?: string }[];
  };
}
/** What a row says apart from its number and the name and phone typed into it. */
const said = ({ row: _row, name: _name, phoneMasked: _phone, ...rest }: { row: number; name?: string; phoneMasked?: string }) => rest;
const invitationsOf = async (openid: string) => {
  const r = await t.call('org', 'invitations', {}, openid);
  if (!r.ok) throw new Error(`invitations: ${r.code}`);
  return r.data.items as { invitationId: string; orgId: string; orgName: string; invitedAt: string }[];
};
const membershipOf = async (openid: string, orgId: string) => (await t.emu.db.find('memberships', { openid, orgId }))[0];

describe('org.importVolunteers of people already registered', () => {
  it('reads the same for a matching pair, a registered phone with another ID number, and a registered ID number with another phone', async () => {
    const data = await importRows([
      importRow(1, '王甲', A_PHONE, A_ID),
      importRow(2, '某甲', B_PHONE, idNumberFor('19900909', 405)),
      importRow(3, '某乙', '13800139099', B_ID),
    ]);
    expect(data.rows.map((r) => r.ok)).toEqual([true, true, true]);
    expect(said(data.rows[1])).toEqual(said(data.rows[0]));
    expect(said(data.rows[2])).toEqual(said(data.rows[0]));
    expect(data.rows[0].message).toMatch(/邀请/);
    expect(data).toMatchObject({ created: 0, invited: 3 });
    // Nobody becomes a member by being imported; only the pair that names one person invites that person.
    expect(await membershipOf('va', root._id)).toBeUndefined();
    expect(await invitationsOf('va')).toEqual([expect.objectContaining({ orgId: root._id, orgName: root.name })]);
    expect(await invitationsOf('vb')).toEqual([]);
    expect(await t.emu.db.find('invitations', {})).toHaveLength(0);
  });

  it('an invitation is not a member: the team’s member list and count do not show it', async () => {
    await importRows([importRow(1, '王甲', A_PHONE, A_ID)]);
    const members = await t.call('org', 'members', { orgId: root._id }, 'leader');
    expect(members.ok && members.data.items.map((m: { openid: string }) => m.openid)).not.toContain('va');
    expect(await t.call('org', 'get', { orgId: root._id }, 'leader')).toMatchObject({ ok: true, data: { memberCount: 1 } });
  });

  it('a member the team removed (清退) reads the same as anyone else, and gets no invitation', async () => {
    await seedMembership(t, root._id, 'vb', 'member', 'removed');
    const data = await importRows([importRow(1, '李乙', B_PHONE, B_ID), importRow(2, '王甲', A_PHONE, A_ID)]);
    expect(said(data.rows[0])).toEqual(said(data.rows[1]));
    expect(await invitationsOf('vb')).toEqual([]);
    expect(await membershipOf('vb', root._id)).toMatchObject({ status: 'removed' });
  });
});

describe('org.answerInvitation', () => {
  beforeEach(async () => {
    await importRows([importRow(1, '王甲', A_PHONE, A_ID)]);
  });

  it('accept: the volunteer becomes an approved member and the invitation is gone', async () => {
    const [inv] = await invitationsOf('va');
    const r = await t.call('org', 'answerInvitation', { invitationId: inv.invitationId, decision: 'accept' }, 'va');
    expect(r).toMatchObject({ ok: true, data: { membership: { orgId: root._id, openid: 'va', status: 'approved', role: 'member' } } });
    expect(await invitationsOf('va')).toEqual([]);
    expect(await t.call('user', 'me', {}, 'va')).toMatchObject({
      ok: true,
      data: { memberships: expect.arrayContaining([expect.objectContaining({ orgId: root._id, status: 'approved' })]) },
    });
    expect(await t.emu.db.find('volunteers', { _id: 'va' })).toMatchObject([{ liveMemberships: 2 }]);
  });

  it('decline: the invitation is gone and nothing else changes', async () => {
    const [inv] = await invitationsOf('va');
    expect(await t.call('org', 'answerInvitation', { invitationId: inv.invitationId, decision: 'decline' }, 'va')).toMatchObject({
      ok: true,
      data: { membership: null },
    });
    expect(await invitationsOf('va')).toEqual([]);
    expect(await membershipOf('va', root._id)).toBeUndefined();
    expect(await t.call('org', 'answerInvitation', { invitationId: inv.invitationId, decision: 'accept' }, 'va')).toMatchObject({
      ok: false,
      code: 'ORG.INVITATION_NOT_FOUND',
    });
  });

  it('ORG.MEMBERSHIP_LIMIT: accepting while in 5 teams is refused and the invitation waits', async () => {
    for (const id of ['t1', 't2', 't3', 't4']) {
      await seedOrg(t, id, `第${id}科技志愿服务分队`, { _id: 'lz', path: [root._id] }, { level: '分队' });
      expect(await t.call('org', 'join', { orgId: id }, 'va')).toMatchObject({ ok: true });
    }
    const [inv] = await invitationsOf('va');
    expect(await t.call('org', 'answerInvitation', { invitationId: inv.invitationId, decision: 'accept' }, 'va')).toMatchObject({
      ok: false,
      code: 'ORG.MEMBERSHIP_LIMIT',
    });
    expect(await membershipOf('va', root._id)).toBeUndefined();
    expect(await invitationsOf('va')).toHaveLength(1);
    // Leaving one team frees the place: the invitation can then be accepted.
    expect(await t.call('org', 'leave', { orgId: 't4' }, 'va')).toMatchObject({ ok: true });
    expect(await t.call('org', 'answerInvitation', { invitationId: inv.invitationId, decision: 'accept' }, 'va')).toMatchObject({
      ok: true,
      data: { membership: { status: 'approved' } },
    });
  });

  it('ORG.INVITATION_NOT_FOUND: someone else’s invitation, or one that does not exist', async () => {
    const [inv] = await invitationsOf('va');
    const other: Answer = await t.call('org', 'answerInvitation', { invitationId: inv.invitationId, decision: 'accept' }, 'vb');
    expect(other).toMatchObject({ ok: false, code: 'ORG.INVITATION_NOT_FOUND' });
    expect(await t.call('org', 'answerInvitation', { invitationId: 'nope', decision: 'decline' }, 'vb')).toEqual(other);
    expect(await membershipOf('vb', root._id)).toBeUndefined();
    expect(await invitationsOf('va')).toHaveLength(1);
    expect(await t.call('org', 'invitations', {}, 'stranger')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
  });

  it('importing again keeps one invitation', async () => {
    await importRows([importRow(1, '王甲', A_PHONE, A_ID)]);
    expect(await invitationsOf('va')).toHaveLength(1);
  });
});
