// org.join, leave, reviewMember, setRole and removeMember through the emulator, with the 5-team and 5-admin limits.
import { devMessages, LZ_TS_STAFF, seedLanzhou, seedMembership, seedOrg, seedStaff, useTestEmulator } from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
beforeEach(async () => {
  await seedLanzhou(t, { tianshui: {} });
  await seedStaff(t, [...LZ_TS_STAFF, ['vol', '13900000005']]);
});

/** `n` approved teams t0…t(n-1) under lz. */
async function teams(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `t${i}`);
  for (const id of ids) await seedOrg(t, id, `第${id}科技志愿服务分队`, { _id: 'lz', path: [] }, { level: '分队' });
  return ids;
}
const live = async (openid: string) =>
  (await t.emu.db.find('memberships', { openid })).filter((m) => m.status === 'pending' || m.status === 'approved');

/** org.setRole in 兰州 as `by`. */
const setRole = (memberId: string, role: 'admin' | 'member', by: string) => t.call('org', 'setRole', { orgId: 'lz', memberId, role }, by);
/** org.removeMember in 兰州 as `by`. */
const removeMember = (memberId: string, reason: string, by: string) => t.call('org', 'removeMember', { orgId: 'lz', memberId, reason }, by);

describe('org.join', () => {
  it('creates a pending membership with the deterministic id', async () => {
    const r = await t.call('org', 'join', { orgId: 'lz' }, 'vol');
    expect(r).toMatchObject({
      ok: true,
      data: { membership: { memberId: 'lz_vol', orgId: 'lz', openid: 'vol', status: 'pending', role: 'member' } },
    });
    expect(await t.emu.db.find('memberships', { _id: 'lz_vol' })).toMatchObject([{ status: 'pending' }]);
  });

  it('ORG.ALREADY_MEMBER: a second application, or a member applying again', async () => {
    expect((await t.call('org', 'join', { orgId: 'lz' }, 'vol')).ok).toBe(true);
    expect(await t.call('org', 'join', { orgId: 'lz' }, 'vol')).toMatchObject({ ok: false, code: 'ORG.ALREADY_MEMBER' });
    expect(await t.call('org', 'join', { orgId: 'lz' }, 'lz-member')).toMatchObject({ ok: false, code: 'ORG.ALREADY_MEMBER' });
    expect(await t.emu.db.find('volunteers', { _id: 'vol' })).toMatchObject([{ liveMemberships: 1 }]);
  });

  it('ORG.NOT_FOUND and USER.NOT_REGISTERED', async () => {
    await seedOrg(t, 'pend', '待审科技志愿服务分队', { _id: 'lz', path: [] }, { status: 'pending' });
    expect(await t.call('org', 'join', { orgId: 'nope' }, 'vol')).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND' });
    expect(await t.call('org', 'join', { orgId: 'pend' }, 'vol')).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND' });
    expect(await t.call('org', 'join', { orgId: 'lz' }, 'stranger')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
    expect(await t.emu.db.find('memberships', { openid: 'vol' })).toHaveLength(0);
  });

  it('ORG.MEMBERSHIP_LIMIT: the 6th pending-or-approved team is refused, counting memberships made before the counter', async () => {
    const ids = await teams(6);
    await seedMembership(t, ids[0], 'vol', 'member', 'approved');
    await seedMembership(t, ids[1], 'vol', 'member', 'rejected');
    for (const id of ids.slice(1, 5)) expect(await t.call('org', 'join', { orgId: id }, 'vol')).toMatchObject({ ok: true });
    expect(await t.call('org', 'join', { orgId: ids[5] }, 'vol')).toMatchObject({ ok: false, code: 'ORG.MEMBERSHIP_LIMIT' });
    expect(await live('vol')).toHaveLength(5);
  });

  it('8 simultaneous joins to 8 teams: exactly 5 succeed', async () => {
    const ids = await teams(8);
    const results = await Promise.all(ids.map((orgId) => t.call('org', 'join', { orgId }, 'vol')));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'ORG.MEMBERSHIP_LIMIT')).toBe(true);
    expect(await live('vol')).toHaveLength(5);
    expect(await t.emu.db.find('volunteers', { _id: 'vol' })).toMatchObject([{ liveMemberships: 5 }]);
  });

  it('simultaneous joins of the same team: one membership, the slot counted once', async () => {
    const results = await Promise.all([1, 2, 3].map(() => t.call('org', 'join', { orgId: 'lz' }, 'vol')));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await t.emu.db.find('volunteers', { _id: 'vol' })).toMatchObject([{ liveMemberships: 1 }]);
  });

  it('re-applying after a rejection reuses the record; a removed member may not re-apply', async () => {
    await seedMembership(t, 'ts', 'vol', 'member', 'rejected');
    expect(await t.call('org', 'join', { orgId: 'ts' }, 'vol')).toMatchObject({
      ok: true,
      data: { membership: { memberId: 'ts_vol', status: 'pending' } },
    });
    const [doc] = await t.emu.db.find('memberships', { _id: 'ts_vol' });
    expect(doc.reason).toBeUndefined();
    await seedMembership(t, 'lz', 'vol', 'member', 'removed');
    expect(await t.call('org', 'join', { orgId: 'lz' }, 'vol')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});

describe('org.leave', () => {
  it('marks the membership left, keeps the record and frees the slot', async () => {
    const ids = await teams(5);
    for (const id of ids) expect((await t.call('org', 'join', { orgId: id }, 'vol')).ok).toBe(true);
    expect(await t.call('org', 'leave', { orgId: ids[0] }, 'vol')).toMatchObject({ ok: true, data: { membership: { status: 'left' } } });
    expect(await t.emu.db.find('memberships', { _id: `${ids[0]}_vol` })).toMatchObject([{ status: 'left' }]);
    expect(await t.call('org', 'join', { orgId: 'lz' }, 'vol')).toMatchObject({ ok: true });
    expect(await t.call('org', 'leave', { orgId: ids[0] }, 'vol')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.call('org', 'join', { orgId: ids[0] }, 'vol')).toMatchObject({ ok: false, code: 'ORG.MEMBERSHIP_LIMIT' });
  });

  it('AUTH.FORBIDDEN: the leader cannot leave their own team', async () => {
    expect(await t.call('org', 'leave', { orgId: 'lz' }, 'lz-leader')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.emu.db.find('memberships', { _id: 'lz_lz-leader' })).toMatchObject([{ status: 'approved', role: 'leader' }]);
  });
});

describe('org.reviewMember', () => {
  beforeEach(async () => {
    expect((await t.call('org', 'join', { orgId: 'lz' }, 'vol')).ok).toBe(true);
  });

  it('an admin approves; the volunteer gets a message', async () => {
    const r = await t.call('org', 'reviewMember', { orgId: 'lz', memberId: 'lz_vol', decision: 'approve' }, 'lz-admin');
    expect(r).toMatchObject({ ok: true, data: { membership: { status: 'approved', role: 'member' } } });
    expect(await devMessages(t, 'vol')).toMatchObject([
      { kind: 'memberReviewed', page: 'pages/mine/index', data: { orgName: '兰州市科技志愿服务支队', result: '已通过' } },
    ]);
    expect(
      await t.call('org', 'reviewMember', { orgId: 'lz', memberId: 'lz_vol', decision: 'reject', reason: '晚了' }, 'lz-leader'),
    ).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('reject keeps the reason, frees the slot and tells the volunteer', async () => {
    const r = await t.call('org', 'reviewMember', { orgId: 'lz', memberId: 'lz_vol', decision: 'reject', reason: '不在本市' }, 'lz-leader');
    expect(r).toMatchObject({ ok: true, data: { membership: { status: 'rejected', reason: '不在本市' } } });
    expect(await t.emu.db.find('volunteers', { _id: 'vol' })).toMatchObject([{ liveMemberships: 0 }]);
    expect(await devMessages(t, 'vol')).toMatchObject([{ kind: 'memberReviewed', data: { result: '未通过', reason: '不在本市' } }]);
  });

  it('VALIDATION: a rejection needs a reason', async () => {
    expect(await t.call('org', 'reviewMember', { orgId: 'lz', memberId: 'lz_vol', decision: 'reject' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(await t.emu.db.find('memberships', { _id: 'lz_vol' })).toMatchObject([{ status: 'pending' }]);
  });

  it('AUTH.FORBIDDEN: a plain member, another team’s admin, the ancestor’s leader', async () => {
    for (const who of ['lz-member', 'ts-admin', 'root-leader', 'vol']) {
      expect(await t.call('org', 'reviewMember', { orgId: 'lz', memberId: 'lz_vol', decision: 'approve' }, who)).toMatchObject({
        ok: false,
        code: 'AUTH.FORBIDDEN',
      });
    }
    // A manager of one team cannot review another team's application through its own orgId.
    expect(await t.call('org', 'reviewMember', { orgId: 'ts', memberId: 'lz_vol', decision: 'approve' }, 'ts-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(await t.emu.db.find('memberships', { _id: 'lz_vol' })).toMatchObject([{ status: 'pending' }]);
    expect(await devMessages(t, 'vol')).toHaveLength(0);
  });
});

describe('org.setRole', () => {
  it('the leader makes a member an admin and back; the volunteer is told', async () => {
    expect(await setRole('lz_lz-member', 'admin', 'lz-leader')).toMatchObject({
      ok: true,
      data: { membership: { role: 'admin' } },
    });
    expect(await t.emu.db.find('orgs', { _id: 'lz' })).toMatchObject([{ adminCount: 2 }]);
    expect(await setRole('lz_lz-member', 'member', 'lz-leader')).toMatchObject({
      ok: true,
      data: { membership: { role: 'member' } },
    });
    expect(await t.emu.db.find('orgs', { _id: 'lz' })).toMatchObject([{ adminCount: 1 }]);
    expect((await devMessages(t, 'lz-member')).map((m) => m.data.role)).toEqual(['队员', '管理员']);
  });

  it('AUTH.FORBIDDEN: an admin, a member, the leader’s own role', async () => {
    expect(await setRole('lz_lz-member', 'admin', 'lz-admin')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await setRole('lz_lz-member', 'admin', 'lz-member')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await setRole('lz_lz-leader', 'member', 'lz-leader')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.emu.db.find('memberships', { orgId: 'lz', role: 'admin' })).toHaveLength(1);
  });

  it('VALIDATION: only approved members get a role', async () => {
    await seedMembership(t, 'lz', 'vol', 'member', 'pending');
    expect(await setRole('lz_vol', 'admin', 'lz-leader')).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.emu.db.find('memberships', { orgId: 'lz', role: 'admin' })).toHaveLength(1);
  });

  it('ORG.ADMIN_LIMIT: the 6th admin is refused', async () => {
    for (let i = 0; i < 5; i++) await seedMembership(t, 'lz', `m${i}`, 'member');
    for (let i = 0; i < 4; i++) expect(await setRole(`lz_m${i}`, 'admin', 'lz-leader')).toMatchObject({ ok: true });
    expect(await setRole('lz_m4', 'admin', 'lz-leader')).toMatchObject({ ok: false, code: 'ORG.ADMIN_LIMIT' });
    expect(await t.emu.db.find('memberships', { orgId: 'lz', role: 'admin' })).toHaveLength(5);
  });

  it('8 simultaneous promotions: exactly 5 admins', async () => {
    await seedOrg(t, 'team', '并发科技志愿服务分队', null);
    await seedStaff(t, [['boss', '13900000009', 'team', 'leader']]);
    for (let i = 0; i < 8; i++) await seedMembership(t, 'team', `m${i}`, 'member');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.call('org', 'setRole', { orgId: 'team', memberId: `team_m${i}`, role: 'admin' }, 'boss')),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'ORG.ADMIN_LIMIT')).toBe(true);
    expect(await t.emu.db.find('memberships', { orgId: 'team', role: 'admin' })).toHaveLength(5);
  });
});

describe('org.removeMember', () => {
  it('清退 keeps the record with status removed and the reason, frees the slot, tells the volunteer', async () => {
    await seedMembership(t, 'lz', 'vol', 'member', 'approved');
    const r = await removeMember('lz_vol', '长期未参加活动', 'lz-admin');
    expect(r).toMatchObject({ ok: true, data: { membership: { status: 'removed', reason: '长期未参加活动' } } });
    expect(await t.emu.db.find('memberships', { _id: 'lz_vol' })).toMatchObject([
      { status: 'removed', reason: '长期未参加活动', reviewedBy: 'lz-admin' },
    ]);
    expect(await devMessages(t, 'vol')).toMatchObject([{ kind: 'memberRemoved', data: { reason: '长期未参加活动' } }]);
    expect(await removeMember('lz_vol', '再次', 'lz-admin')).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('removing an admin frees the admin seat; only the leader removes admins', async () => {
    expect(await removeMember('lz_lz-admin', '调离', 'lz-admin')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await removeMember('lz_lz-admin', '调离', 'lz-leader')).toMatchObject({ ok: true });
    expect(await setRole('lz_lz-member', 'admin', 'lz-leader')).toMatchObject({ ok: true });
    expect(await t.emu.db.find('orgs', { _id: 'lz' })).toMatchObject([{ adminCount: 1 }]);
  });

  it('AUTH.FORBIDDEN: the leader cannot be removed; a member or another team’s admin cannot remove', async () => {
    expect(await removeMember('lz_lz-leader', '无', 'lz-admin')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await removeMember('lz_lz-member', '无', 'lz-member')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await removeMember('lz_lz-member', '无', 'ts-admin')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.emu.db.find('memberships', { orgId: 'lz', status: 'approved' })).toHaveLength(3);
  });

  it('VALIDATION: a reason is required', async () => {
    expect(await removeMember('lz_lz-member', ' ', 'lz-admin')).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});
