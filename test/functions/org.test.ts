// org.bootstrapRoot and org.search through the emulator.
import { LANZHOU, TEST_BOOTSTRAP_TOKEN, bootstrapRoot, useTestEmulator } from '../helpers/emulator';

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
    const results = await Promise.all([t.call('org', 'bootstrapRoot', input('总队甲'), 'a'), t.call('org', 'bootstrapRoot', input('总队乙'), 'b')]);
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
      { ...base, _id: 'ts', name: '天水市科技志愿服务支队', region: { province: '620000', city: '620500', county: '620502' }, createdAt: new Date('2026-01-03T00:00:00Z') },
      { ...base, _id: 'pending', name: '兰州市某学会科技志愿服务分队', region: LANZHOU, status: 'pending' },
    ]);
  });

  it('lists approved teams only, oldest first, with a total', async () => {
    const r = await t.call('org', 'search', {});
    expect(r.ok && r.data.items.map((o: { name: string }) => o.name)).toEqual(['甘肃省科技志愿服务总队', '兰州市科技志愿服务支队', '天水市科技志愿服务支队']);
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
});
