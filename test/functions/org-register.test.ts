// org.register, org.review and org.get through the emulator: a team's application, its review and who sees what.
import type { InputOf } from '@contract/functions';
import {
  devMessages,
  orgRegisterInput,
  registerVolunteer,
  seedLanzhou,
  seedMembership,
  seedOrg,
  seedVolunteer,
  useTestEmulator,
} from '../helpers/emulator';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
let rootId: string;
beforeEach(async () => {
  const { root, lz } = await seedLanzhou(t, { tianshui: {} });
  rootId = root._id;
  await seedOrg(t, 'lz-old', '城关区科技志愿服务队', lz, { level: '队' });
  for (const [openid, phone, name] of [
    ['lz-leader', '13900000001', '王队长'],
    ['lz-admin', '13900000002', '李管理'],
    ['lz-member', '13900000003', '赵队员'],
    ['ts-admin', '13900000004', '孙管理'],
    ['applicant', '13900000005', '张申请'],
    ['visitor', '13900000006', '钱访客'],
  ]) {
    await seedVolunteer(t, openid, phone, name);
  }
  await seedMembership(t, 'lz', 'lz-leader', 'leader');
  await seedMembership(t, 'lz', 'lz-admin', 'admin');
  await seedMembership(t, 'lz', 'lz-member', 'member');
  await seedMembership(t, 'ts', 'ts-admin', 'admin');
});

const register = (openid: string, over: Partial<InputOf<'org', 'register'>> = {}) =>
  t.call('org', 'register', orgRegisterInput('lz', over), openid);
async function registered(openid = 'applicant', over: Partial<InputOf<'org', 'register'>> = {}) {
  const r = await register(openid, over);
  if (!r.ok) throw new Error(`org.register: ${r.code}`);
  return r.data.org as { _id: string; name: string };
}

describe('org.register', () => {
  it('creates a pending team under an approved parent; the applicant sees the full contact phone', async () => {
    const r = await register('applicant');
    expect(r).toMatchObject({
      ok: true,
      data: { org: { status: 'pending', parentId: 'lz', path: [rootId, 'lz'], level: '分队', contactPhone: '13912345678' } },
    });
    const [doc] = await t.emu.db.find('orgs', { name: '兰州大学科技志愿服务分队' });
    expect(doc).toMatchObject({ status: 'pending', applicantOpenid: 'applicant' });
    expect(doc.leaderOpenid).toBeUndefined();
    expect(await t.emu.db.find('memberships', { orgId: doc._id })).toHaveLength(0);
  });

  it('a level below the parent’s only: a 支队 or 总队 under 兰州支队 is refused and nothing is written', async () => {
    for (const level of ['支队', '总队'] as const) {
      expect(await register('applicant', { level })).toEqual({
        ok: false,
        code: 'VALIDATION',
        message: '队伍层级须低于上级队伍的层级（支队）',
      });
    }
    expect(await t.emu.db.find('orgs', { status: 'pending' })).toHaveLength(0);
    expect((await register('applicant', { level: '大队', name: '兰州大学科技志愿服务大队' })).ok).toBe(true);
  });

  it('no contact phone: the applicant’s own; the applicant sees the team as theirs under review on the team page and 我的', async () => {
    const { contactPhone: _left, ...input } = orgRegisterInput('lz');
    const r = await t.call('org', 'register', input, 'applicant');
    expect(r).toMatchObject({ ok: true, data: { org: { status: 'pending', contactPhone: '13900000005' } } });
    const orgId = r.ok ? r.data.org._id : '';
    expect(await t.call('org', 'get', { orgId }, 'applicant')).toMatchObject({
      ok: true,
      data: { isApplicant: true, myMembership: null, org: { status: 'pending' } },
    });
    expect(await t.call('org', 'get', { orgId }, 'lz-admin')).toMatchObject({ ok: true, data: { isApplicant: false } });
    expect(await t.call('user', 'me', {}, 'applicant')).toMatchObject({
      ok: true,
      data: { teamApplications: [{ orgId, orgName: '兰州大学科技志愿服务分队', status: 'pending' }] },
    });
    // Once decided it leaves 我的's applications (approved: a leader's membership shows instead).
    await t.call('org', 'review', { orgId, decision: 'approve' }, 'lz-admin');
    expect(await t.call('user', 'me', {}, 'applicant')).toMatchObject({
      ok: true,
      data: { teamApplications: [], memberships: [{ orgId, status: 'approved', role: 'leader' }] },
    });
  });

  it('works for a volunteer registered through user.register (real SMS flow)', async () => {
    expect(await registerVolunteer(t, 'fresh', '13900000099', { orgIds: ['lz'] })).toMatchObject({ ok: true });
    expect(await register('fresh', { name: '兰州理工大学科技志愿服务分队' })).toMatchObject({
      ok: true,
      data: { org: { status: 'pending' } },
    });
    // The team counter starts from the records: the membership applied for at registration plus this application.
    expect(await t.emu.db.find('volunteers', { _id: 'fresh' })).toMatchObject([{ liveMemberships: 2 }]);
  });

  it('ORG.NAME_TAKEN: an existing name, and only one of two racing applications', async () => {
    expect(await register('applicant', { name: '天水市科技志愿服务支队' })).toMatchObject({ ok: false, code: 'ORG.NAME_TAKEN' });
    const results = await Promise.all([register('applicant'), register('visitor')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'ORG.NAME_TAKEN' });
    expect(await t.emu.db.find('orgs', { name: '兰州大学科技志愿服务分队' })).toHaveLength(1);
    // The loser's reserved team slot went back.
    const loser = results[0].ok ? 'visitor' : 'applicant';
    const [v] = await t.emu.db.find('volunteers', { _id: loser });
    expect(v.liveMemberships ?? 0).toBe(0);
  });

  it('ORG.PARENT_NOT_FOUND: an unknown or not yet approved parent', async () => {
    expect(await t.call('org', 'register', orgRegisterInput('nope'), 'applicant')).toMatchObject({
      ok: false,
      code: 'ORG.PARENT_NOT_FOUND',
    });
    const pending = await registered();
    expect(
      await t.call('org', 'register', orgRegisterInput(pending._id, { name: '兰州大学物理学院科技志愿服务分队' }), 'visitor'),
    ).toMatchObject({
      ok: false,
      code: 'ORG.PARENT_NOT_FOUND',
    });
  });

  it('USER.NOT_REGISTERED: only volunteers apply for a team', async () => {
    expect(await register('stranger')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
    expect(await t.emu.db.find('orgs', { status: 'pending' })).toHaveLength(0);
  });

  it('VALIDATION: a name that is not a 科技志愿服务 team', async () => {
    expect(await register('applicant', { name: '兰州大学读书会' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('ORG.MEMBERSHIP_LIMIT: the application holds one of the applicant’s 5 teams', async () => {
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      await seedOrg(t, id, `${id}县科技志愿服务队`, { _id: 'lz', path: [rootId] });
      await seedMembership(t, id, 'visitor', 'member', 'pending');
    }
    expect(await register('visitor')).toMatchObject({ ok: false, code: 'ORG.MEMBERSHIP_LIMIT' });
    expect(await t.emu.db.find('orgs', { status: 'pending' })).toHaveLength(0);
  });
});

describe('org.review', () => {
  it('approve: the applicant becomes the leader and gets a message', async () => {
    const org = await registered();
    const r = await t.call('org', 'review', { orgId: org._id, decision: 'approve' }, 'lz-admin');
    expect(r).toMatchObject({ ok: true, data: { org: { status: 'approved', leaderOpenid: 'applicant' } } });
    expect(await t.emu.db.find('memberships', { orgId: org._id })).toMatchObject([
      { _id: `${org._id}_applicant`, openid: 'applicant', role: 'leader', status: 'approved' },
    ]);
    const [msg] = await devMessages(t, 'applicant');
    expect(msg).toMatchObject({ openid: 'applicant', kind: 'orgReviewed', data: { orgName: org.name, result: '已通过' } });
    const get = await t.call('org', 'get', { orgId: org._id }, 'applicant');
    expect(get).toMatchObject({ ok: true, data: { canManage: true, myMembership: { role: 'leader', status: 'approved' } } });
  });

  it('reject: the reason is stored, shown to the applicant and sent; the team slot is released', async () => {
    const org = await registered();
    const r = await t.call('org', 'review', { orgId: org._id, decision: 'reject', reason: '材料不全，请补充主管单位信息' }, 'lz-leader');
    expect(r).toMatchObject({ ok: true, data: { org: { status: 'rejected', rejectReason: '材料不全，请补充主管单位信息' } } });
    const get = await t.call('org', 'get', { orgId: org._id }, 'applicant');
    expect(get).toMatchObject({ ok: true, data: { org: { status: 'rejected', rejectReason: '材料不全，请补充主管单位信息' } } });
    expect(await devMessages(t, 'applicant')).toMatchObject([
      { kind: 'orgReviewed', data: { result: '未通过', reason: '材料不全，请补充主管单位信息' } },
    ]);
    expect(await t.emu.db.find('memberships', { orgId: org._id })).toHaveLength(0);
    const [v] = await t.emu.db.find('volunteers', { _id: 'applicant' });
    expect(v.liveMemberships).toBe(0);
  });

  it('VALIDATION: a rejection needs a reason; a reviewed team cannot be reviewed again', async () => {
    const org = await registered();
    expect(await t.call('org', 'review', { orgId: org._id, decision: 'reject' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect((await t.call('org', 'review', { orgId: org._id, decision: 'approve' }, 'lz-admin')).ok).toBe(true);
    const again = await t.call('org', 'review', { orgId: org._id, decision: 'reject', reason: '重复' }, 'lz-leader');
    expect(again).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('已审核') });
    expect(await t.emu.db.find('orgs', { _id: org._id })).toMatchObject([{ status: 'approved' }]);
  });

  it('two reviewers at once: one decision wins, the other is told it was already reviewed', async () => {
    const org = await registered();
    const [a, b] = await Promise.all([
      t.call('org', 'review', { orgId: org._id, decision: 'approve' }, 'lz-admin'),
      t.call('org', 'review', { orgId: org._id, decision: 'reject', reason: '不符合条件' }, 'lz-leader'),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const [doc] = await t.emu.db.find('orgs', { _id: org._id });
    expect(await t.emu.db.find('memberships', { orgId: org._id })).toHaveLength(doc.status === 'approved' ? 1 : 0);
  });

  it('AUTH.FORBIDDEN: a plain member of the parent, a sibling team’s admin, the root’s leader, the applicant', async () => {
    const org = await registered();
    for (const who of ['lz-member', 'ts-admin', 'root-leader', 'applicant']) {
      expect(await t.call('org', 'review', { orgId: org._id, decision: 'approve' }, who)).toMatchObject({
        ok: false,
        code: 'AUTH.FORBIDDEN',
      });
    }
    expect(await t.emu.db.find('orgs', { _id: org._id })).toMatchObject([{ status: 'pending' }]);
    expect(await devMessages(t, 'applicant')).toHaveLength(0);
  });

  it('AUTH.SELF_DEALING: a manager of the parent does not decide the team they applied for; another manager does', async () => {
    const org = await registered('lz-admin');
    for (const decision of [{ decision: 'approve' as const }, { decision: 'reject' as const, reason: '撤回申请' }]) {
      expect(await t.call('org', 'review', { orgId: org._id, ...decision }, 'lz-admin')).toMatchObject({
        ok: false,
        code: 'AUTH.SELF_DEALING',
        message: expect.stringContaining('其他'),
      });
    }
    expect(await t.emu.db.find('orgs', { _id: org._id })).toMatchObject([{ status: 'pending' }]);
    expect(await t.emu.db.find('memberships', { orgId: org._id })).toHaveLength(0);
    expect(await t.call('org', 'review', { orgId: org._id, decision: 'approve' }, 'lz-leader')).toMatchObject({
      ok: true,
      data: { org: { status: 'approved', leaderOpenid: 'lz-admin' } },
    });
  });

  it('AUTH.SELF_DEALING: the parent’s only manager applied, so the team above the parent decides', async () => {
    const r = await t.call('org', 'register', orgRegisterInput('ts', { name: '天水师范学院科技志愿服务分队' }), 'ts-admin');
    expect(r.ok).toBe(true);
    const orgId = r.ok ? r.data.org._id : '';
    expect(await t.call('org', 'review', { orgId, decision: 'approve' }, 'ts-admin')).toMatchObject({
      ok: false,
      code: 'AUTH.SELF_DEALING',
      message: expect.stringContaining('上级队伍'),
    });
    expect(await t.call('org', 'review', { orgId, decision: 'approve' }, 'lz-admin')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('org', 'review', { orgId, decision: 'approve' }, 'root-leader')).toMatchObject({
      ok: true,
      data: { org: { status: 'approved', leaderOpenid: 'ts-admin' } },
    });
  });

  it('ORG.NOT_FOUND: an unknown team', async () => {
    expect(await t.call('org', 'review', { orgId: 'nope', decision: 'approve' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'ORG.NOT_FOUND',
    });
  });
});

describe('org.get', () => {
  it('a visitor: the team, its parent and approved children, the member count, a masked contact phone, no rights', async () => {
    await registered();
    const r = await t.call('org', 'get', { orgId: 'lz' }, 'visitor');
    expect(r).toMatchObject({
      ok: true,
      data: {
        org: { _id: 'lz', contactPhone: '138****0001' },
        parent: { _id: rootId },
        memberCount: 3,
        myMembership: null,
        canManage: false,
        canRead: false,
      },
    });
    expect(r.ok && r.data.children.map((c: { _id: string }) => c._id)).toEqual(['lz-old']);
    expect(await t.call('org', 'get', { orgId: rootId })).toMatchObject({ ok: true, data: { parent: null } });
  });

  it('a member sees their membership; an admin manages; an ancestor’s leader reads', async () => {
    expect(await t.call('org', 'get', { orgId: 'lz' }, 'lz-member')).toMatchObject({
      ok: true,
      data: { myMembership: { role: 'member', status: 'approved', memberId: 'lz_lz-member' }, canManage: false, canRead: false },
    });
    expect(await t.call('org', 'get', { orgId: 'lz' }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { org: { contactPhone: '13800000001' }, canManage: true, canRead: true },
    });
    expect(await t.call('org', 'get', { orgId: 'lz' }, 'root-leader')).toMatchObject({
      ok: true,
      data: { org: { contactPhone: '138****0001' }, canManage: false, canRead: true },
    });
    expect(await t.call('org', 'get', { orgId: 'lz' }, 'ts-admin')).toMatchObject({ ok: true, data: { canManage: false, canRead: false } });
  });

  it('ORG.NOT_FOUND: an unknown id; a pending team for anyone but its applicant and reviewers', async () => {
    expect(await t.call('org', 'get', { orgId: 'nope' }, 'visitor')).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND' });
    const org = await registered();
    expect(await t.call('org', 'get', { orgId: org._id }, 'visitor')).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND' });
    expect(await t.call('org', 'get', { orgId: org._id }, 'ts-admin')).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND' });
    expect(await t.call('org', 'get', { orgId: org._id }, 'applicant')).toMatchObject({
      ok: true,
      data: { org: { status: 'pending', contactPhone: '13912345678' } },
    });
    expect(await t.call('org', 'get', { orgId: org._id }, 'lz-admin')).toMatchObject({
      ok: true,
      data: { org: { status: 'pending', contactPhone: '139****5678' } },
    });
    // Search lists approved teams only.
    expect(await t.call('org', 'search', { parentId: 'lz' })).toMatchObject({ ok: true, data: { total: 1 } });
  });
});
