// org.members, org.inbox and org.managed through the emulator: who reads which team, and what a manager sees.
import {
  idNumberFor,
  orgRegisterInput,
  registerVolunteer,
  seedLanzhou,
  seedMembership,
  seedOrg,
  seedStaff,
  seedVolunteer,
  useTestEmulator,
} from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
let rootId: string;
const ID_A = idNumberFor('19900101', 31);
const ID_B = idNumberFor('19851231', 33);
beforeEach(async () => {
  const { root, lz } = await seedLanzhou(t, { tianshui: {} });
  rootId = root._id;
  await seedOrg(t, 'cg', '城关区科技志愿服务队', lz, { level: '队', createdAt: new Date('2026-01-05T00:00:00Z') });
  await seedStaff(t, [
    ['lz-leader', '13900000001'],
    ['lz-admin', '13900000002'],
    ['lz-member', '13900000003'],
    ['ts-admin', '13900000004'],
    ['cg-admin', '13900000005'],
  ]);
  // 兰州's leader, admin and member joined a day apart.
  await seedMembership(t, 'lz', 'lz-leader', 'leader', 'approved', new Date('2026-01-01T00:00:00Z'));
  await seedMembership(t, 'lz', 'lz-admin', 'admin', 'approved', new Date('2026-01-02T00:00:00Z'));
  await seedMembership(t, 'lz', 'lz-member', 'member', 'approved', new Date('2026-01-03T00:00:00Z'));
  await seedMembership(t, 'ts', 'ts-admin', 'admin');
  await seedMembership(t, 'cg', 'cg-admin', 'admin');
});

/** org.setRole in 兰州 as `by`. */
const setRole = (memberId: string, role: 'admin' | 'member', by: string) => t.call('org', 'setRole', { orgId: 'lz', memberId, role }, by);

describe('org.members', () => {
  beforeEach(async () => {
    // Two real registrations (encrypted ID numbers, real phones) applying to 兰州 at registration.
    expect(await registerVolunteer(t, 'vol-a', '13911112222', { realName: '周甲', idNumber: ID_A, orgIds: ['lz'] })).toMatchObject({
      ok: true,
    });
    await t.setClock('2026-11-22T03:00:00Z');
    expect(await registerVolunteer(t, 'vol-b', '13933334444', { realName: '吴乙', idNumber: ID_B, orgIds: ['lz'] })).toMatchObject({
      ok: true,
    });
  });

  it('managers read their team newest first, with real names and masked phones, never a phone or an ID number', async () => {
    const r = await t.call('org', 'members', { orgId: 'lz' }, 'lz-admin');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.total).toBe(5);
    expect(r.data.items.map((m: { openid: string }) => m.openid)).toEqual(['vol-b', 'vol-a', 'lz-member', 'lz-admin', 'lz-leader']);
    expect(r.data.items[0]).toEqual({
      memberId: 'lz_vol-b',
      openid: 'vol-b',
      realName: '吴乙',
      phoneMasked: '139****4444',
      volunteerNo: expect.stringMatching(/^KJ\d{12}$/),
      status: 'pending',
      role: 'member',
      appliedAt: '2026-11-22T11:00:00+08:00',
      joinedAt: '2026-11-22T11:00:00+08:00',
      minutesThisYear: 0,
    });
    const json = JSON.stringify(r.data);
    for (const secret of ['13911112222', '13933334444', ID_A, ID_B, ID_A.slice(-4) + '"', 'idNumber']) expect(json).not.toContain(secret);
  });

  it('filters by status and paginates', async () => {
    expect(await t.call('org', 'members', { orgId: 'lz', status: 'pending' }, 'lz-leader')).toMatchObject({
      ok: true,
      data: { total: 2, items: [{ openid: 'vol-b' }, { openid: 'vol-a' }] },
    });
    expect(await t.call('org', 'members', { orgId: 'lz', pageSize: 2, page: 3 }, 'lz-leader')).toMatchObject({
      ok: true,
      data: { total: 5, page: 3, items: [{ openid: 'lz-leader' }] },
    });
    expect(await t.call('org', 'members', { orgId: 'lz', pageSize: 51 }, 'lz-leader')).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('an ancestor’s leader reads a team below; a child team’s admin reads neither up nor sideways', async () => {
    expect(await t.call('org', 'members', { orgId: 'lz' }, 'root-leader')).toMatchObject({ ok: true, data: { total: 5 } });
    expect(await t.call('org', 'members', { orgId: 'cg' }, 'lz-admin')).toMatchObject({ ok: true, data: { total: 1 } });
    expect(await t.call('org', 'members', { orgId: 'lz' }, 'cg-admin')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('AUTH.FORBIDDEN: a sibling team’s admin, a plain member, a stranger', async () => {
    for (const who of ['ts-admin', 'lz-member', 'vol-a', 'stranger']) {
      expect(await t.call('org', 'members', { orgId: 'lz' }, who)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });

  it('ORG.NOT_FOUND: an unknown team', async () => {
    expect(await t.call('org', 'members', { orgId: 'nope' }, 'lz-admin')).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND' });
  });
});

describe('org.inbox and org.managed', () => {
  beforeEach(async () => {
    await seedVolunteer(t, 'vol', '13955556666', '郑丙');
    expect((await t.call('org', 'join', { orgId: 'lz' }, 'vol')).ok).toBe(true);
    expect((await t.call('org', 'join', { orgId: 'ts' }, 'vol')).ok).toBe(true);
    expect((await t.call('org', 'join', { orgId: 'cg' }, 'vol')).ok).toBe(true);
    expect((await t.call('org', 'register', orgRegisterInput('lz'), 'lz-member')).ok).toBe(true);
  });

  it('a manager sees the pending members of their teams and the pending child teams, with counts', async () => {
    const r = await t.call('org', 'inbox', {}, 'lz-admin');
    expect(r).toMatchObject({
      ok: true,
      data: {
        counts: { members: 1, orgs: 1, total: 2 },
        members: [
          { memberId: 'lz_vol', orgName: '兰州市科技志愿服务支队', realName: '郑丙', phoneMasked: '139****6666', status: 'pending' },
        ],
        orgs: [{ name: '兰州大学科技志愿服务分队', status: 'pending', parentId: 'lz', contactPhone: '139****5678' }],
      },
    });
    expect(await t.call('org', 'inbox', {}, 'ts-admin')).toMatchObject({
      ok: true,
      data: { counts: { members: 1, orgs: 0, total: 1 }, members: [{ orgName: '天水市科技志愿服务支队' }] },
    });
    // The root's leader reviews child teams of the root only, and members of the root.
    expect(await t.call('org', 'inbox', {}, 'root-leader')).toMatchObject({ ok: true, data: { counts: { total: 0 } } });
    expect(await t.call('org', 'inbox', {}, 'vol')).toMatchObject({
      ok: true,
      data: { counts: { members: 0, orgs: 0, total: 0 }, members: [], orgs: [] },
    });
  });

  it('counts drop as applications are reviewed', async () => {
    expect((await t.call('org', 'reviewMember', { orgId: 'lz', memberId: 'lz_vol', decision: 'approve' }, 'lz-leader')).ok).toBe(true);
    expect(await t.call('org', 'inbox', {}, 'lz-admin')).toMatchObject({ ok: true, data: { counts: { members: 0, orgs: 1, total: 1 } } });
  });

  it('managed: the teams the caller leads or administers, with the role and whether 需求广场 is open below', async () => {
    await seedMembership(t, 'cg', 'lz-leader', 'admin');
    expect((await t.call('need', 'setSelfService', { orgId: 'lz', allow: true }, 'lz-leader')).ok).toBe(true);
    expect(await t.call('org', 'managed', {}, 'lz-leader')).toMatchObject({
      ok: true,
      data: {
        items: [
          { _id: 'lz', role: 'leader', needSelfService: true },
          { _id: 'cg', role: 'admin', needSelfService: false },
        ],
      },
    });
    expect(await t.call('org', 'managed', {}, 'lz-member')).toMatchObject({ ok: true, data: { items: [] } });
    expect(await t.call('org', 'managed', {}, 'root-leader')).toMatchObject({
      ok: true,
      data: { items: [{ _id: rootId, role: 'leader' }] },
    });
  });
});

describe('nobody approves their own membership or role', () => {
  it('an applicant cannot approve their own application; the leader cannot change their own role; an admin cannot make roles', async () => {
    await seedVolunteer(t, 'vol', '13955556666', '郑丙');
    expect((await t.call('org', 'join', { orgId: 'lz' }, 'vol')).ok).toBe(true);
    // A pending applicant holds no grant in the team; the parent's leader does not review a team's members.
    for (const who of ['vol', 'root-leader']) {
      expect(await t.call('org', 'reviewMember', { orgId: 'lz', memberId: 'lz_vol', decision: 'approve' }, who)).toMatchObject({
        ok: false,
        code: 'AUTH.FORBIDDEN',
      });
    }
    expect(await t.emu.db.find('memberships', { _id: 'lz_vol' })).toMatchObject([{ status: 'pending' }]);
    expect(await setRole('lz_lz-leader', 'admin', 'lz-leader')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await setRole('lz_lz-member', 'admin', 'lz-member')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await setRole('lz_lz-member', 'admin', 'lz-admin')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.emu.db.find('memberships', { orgId: 'lz', role: 'admin' })).toMatchObject([{ openid: 'lz-admin' }]);
  });
});
