// org.bootstrapRoot, org.search and org.get through the emulator: the public answers carry nobody's openid.
import {
  LANZHOU,
  TEST_BOOTSTRAP_TOKEN,
  bootstrapRoot,
  dataOf,
  publishActivity,
  seedMembership,
  seedVolunteer,
  useTestEmulator,
} from '../helpers/emulator';

const t = useTestEmulator();

describe('org.bootstrapRoot', () => {
  it('creates the root 总队 and makes the caller its leader', async () => {
    const org = await bootstrapRoot(t, 'boss');
    expect(org).toMatchObject({ name: '甘肃省科技志愿服务总队', level: '总队', parentId: null, status: 'approved', leaderOpenid: 'boss' });
    expect(await t.emu.db.find('memberships', { orgId: org._id })).toMatchObject([{ openid: 'boss', role: 'leader', status: 'approved' }]);
  });

  it('AUTH.FORBIDDEN: a wrong token changes nothing', async () => {
    const r = await t.call('org', 'bootstrapRoot', { name: '某总队', region: LANZHOU, bootstrapToken: 'guess' }, 'boss');
    expect(r).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.emu.db.find('orgs', {})).toHaveLength(0);
  });

  it('ORG.ROOT_EXISTS: only one root, also when two bootstraps race', async () => {
    const input = (name: string) => ({ name, region: LANZHOU, bootstrapToken: TEST_BOOTSTRAP_TOKEN });
    const results = await Promise.all([
      t.call('org', 'bootstrapRoot', input('总队甲'), 'a'),
      t.call('org', 'bootstrapRoot', input('总队乙'), 'b'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'ORG.ROOT_EXISTS' });
    expect(await t.emu.db.find('orgs', {})).toHaveLength(1);
    expect(await t.call('org', 'bootstrapRoot', input('总队丙'), 'c')).toMatchObject({ ok: false, code: 'ORG.ROOT_EXISTS' });
  });
});

describe('org.search', () => {
  beforeEach(async () => {
    await t.setClock('2025-12-31T00:00:00Z');
    const root = await bootstrapRoot(t, 'boss');
    const base = { level: '支队', parentId: root._id, path: [root._id], status: 'approved', createdAt: new Date('2026-01-01T00:00:00Z') };
    await t.emu.db.insert('orgs', [
      { ...base, _id: 'lz', name: '兰州市科技志愿服务支队', region: LANZHOU, createdAt: new Date('2026-01-02T00:00:00Z') },
      {
        ...base,
        _id: 'ts',
        name: '天水市科技志愿服务支队',
        region: { province: '620000', city: '620500', county: '620502' },
        createdAt: new Date('2026-01-03T00:00:00Z'),
      },
      { ...base, _id: 'pending', name: '兰州市某学会科技志愿服务分队', region: LANZHOU, status: 'pending' },
    ]);
  });

  it('lists approved teams only, oldest first, with a total', async () => {
    const r = await t.call('org', 'search', {});
    expect(r.ok && r.data.items.map((o: { name: string }) => o.name)).toEqual([
      '甘肃省科技志愿服务总队',
      '兰州市科技志愿服务支队',
      '天水市科技志愿服务支队',
    ]);
    expect(r.ok && r.data.total).toBe(3);
  });
  it('filters by keyword, region and parent, and paginates', async () => {
    expect(await t.call('org', 'search', { keyword: '天水' })).toMatchObject({ ok: true, data: { total: 1, items: [{ _id: 'ts' }] } });
    expect(await t.call('org', 'search', { regionCode: '620500' })).toMatchObject({ ok: true, data: { total: 1, items: [{ _id: 'ts' }] } });
    expect(await t.call('org', 'search', { keyword: '(' })).toMatchObject({ ok: true, data: { total: 0 } });
    const page2 = await t.call('org', 'search', { pageSize: 2, page: 2 });
    expect(page2).toMatchObject({ ok: true, data: { page: 2, total: 3, items: [{ _id: 'ts' }] } });
  });
  it('VALIDATION: pageSize over 50', async () => {
    expect(await t.call('org', 'search', { pageSize: 51 })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
  it('VALIDATION, not INTERNAL: a NUL or another control character in the keyword (a BSON pattern cannot hold it)', async () => {
    for (const keyword of ['兰州\u0000', '\u0000', 'a\u0007b']) {
      expect(await t.call('org', 'search', { keyword })).toMatchObject({
        ok: false,
        code: 'VALIDATION',
        message: '搜索关键词包含无效字符',
      });
      expect(await t.call('activity', 'list', { keyword })).toMatchObject({
        ok: false,
        code: 'VALIDATION',
        message: '搜索关键词包含无效字符',
      });
    }
  });
});

describe('no openids in public answers', () => {
  beforeEach(async () => {
    const root = await bootstrapRoot(t, 'boss');
    await t.emu.db.insert('orgs', [
      {
        _id: 'lz',
        name: '兰州市科技志愿服务支队',
        level: '支队',
        parentId: root._id,
        path: [root._id],
        region: LANZHOU,
        status: 'approved',
        leaderOpenid: 'lz-leader',
        createdAt: new Date('2026-01-02T00:00:00Z'),
      },
    ]);
    await seedVolunteer(t, 'lz-leader', '13900000001');
    await seedMembership(t, 'lz', 'lz-leader', 'leader');
    await seedMembership(t, 'lz', 'lz-admin', 'admin');
  });

  it('org.get and org.search show no leaderOpenid to anyone (the leader learns it from isLeader); activity.get/list show no publisher', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    const openids = ['boss', 'lz-leader', 'lz-admin'];
    for (const who of [undefined, 'stranger', 'lz-leader']) {
      const answers = [
        await t.call('org', 'get', { orgId: 'lz' }, who),
        await t.call('org', 'search', {}, who),
        await t.call('activity', 'get', { activityId: a._id }, who),
        await t.call('activity', 'list', {}, who),
      ];
      for (const answer of answers) {
        expect(answer.ok).toBe(true);
        const text = JSON.stringify(answer);
        expect(text).not.toContain('leaderOpenid');
        expect(text).not.toContain('publishedBy');
        for (const openid of openids.filter((o) => o !== who)) expect(text).not.toContain(`"${openid}"`);
      }
    }
    expect(dataOf(await t.call('org', 'get', { orgId: 'lz' }, 'lz-leader')).isLeader).toBe(true);
    expect(dataOf(await t.call('org', 'get', { orgId: 'lz' }, 'lz-admin')).isLeader).toBe(false);
    expect(dataOf(await t.call('org', 'get', { orgId: 'lz' })).isLeader).toBe(false);
  });
});
