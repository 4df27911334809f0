// org.members' search and filters, each member's time with the team this year, org.memberPhone (拨打) and
// org.exportMembers (导出名单) through the emulator, on the pinned test clock (2026-11-22 in Shanghai).
import {
  DEFAULT_TEST_CLOCK,
  databaseRequests,
  dataOf,
  seedLanzhou,
  seedMembers,
  seedMembership,
  seedStaff,
  seedVolunteer,
  useTestEmulator,
  type TestEmulator,
} from '../helpers/emulator';
import { seedActivity } from '../helpers/checkin';
import { readXlsx, tableUnder } from '../helpers/report';

const t = useTestEmulator({ clock: DEFAULT_TEST_CLOCK });

/** A member written straight in: approved (reviewed) at `joined`, or pending since then. */
async function member(
  openid: string,
  phone: string,
  realName: string,
  joined: string,
  role: 'member' | 'admin' = 'member',
  status = 'approved',
) {
  await seedVolunteer(t, openid, phone, realName, { volunteerNo: `KJ-${openid}` });
  const at = new Date(joined);
  await t.emu.db.insert('memberships', [
    {
      _id: `lz_${openid}`,
      orgId: 'lz',
      openid,
      role,
      status,
      // Applied a week before being approved: the join date is the approval.
      appliedAt: status === 'approved' ? new Date(at.getTime() - 7 * 86_400_000) : at,
      ...(status === 'approved' ? { reviewedAt: at, reviewedBy: 'lz-leader' } : {}),
    },
  ]);
}

async function day(orgId: string, activityId: string, openid: string, date: string, minutes: number) {
  await t.emu.db.insert('checkin_days', [
    {
      _id: `${activityId}_${openid}_${date}`,
      activityId,
      orgId,
      openid,
      date,
      minutes,
      status: 'closed',
      adjustments: [],
      createdAt: new Date(`${date}T01:00:00Z`),
      updatedAt: new Date(`${date}T09:00:00Z`),
    },
  ]);
}

type Row = { openid: string; realName: string; minutesThisYear: number; joinedAt: string; phoneMasked: string };
const members = async (t: TestEmulator, input: Record<string, unknown>, by = 'lz-admin') =>
  dataOf(await t.call('org', 'members', { orgId: 'lz', ...input }, by)) as { items: Row[]; total: number; page: number };
const openids = async (input: Record<string, unknown>) => (await members(t, input)).items.map((m) => m.openid);

beforeEach(async () => {
  await seedLanzhou(t, { tianshui: {} });
  await seedStaff(t, [
    ['lz-leader', '13900000001', 'lz', 'leader'],
    ['lz-admin', '13900000002', 'lz', 'admin'],
    ['lz-member', '13900000003', 'lz', 'member'],
    ['ts-admin', '13900000004', 'ts', 'admin'],
  ]);
  // 周甲 joined at 00:00 of 10 March in Shanghai; 周乙 (an admin) in 2025; 吴丙 shares 周甲's last four digits; 郑丁 applied.
  await member('p1', '13911112222', '周甲', '2026-03-09T16:00:00Z');
  await member('p2', '13933334444', '周乙', '2025-06-01T02:00:00Z', 'admin');
  await member('p3', '13955552222', '吴丙', '2026-10-01T02:00:00Z');
  await member('p4', '13977778888', '郑丁', '2026-11-20T02:00:00Z', 'member', 'pending');
  const held = await seedActivity(t, 'lz');
  const cancelled = await seedActivity(t, 'lz', { status: 'cancelled' });
  const tianshui = await seedActivity(t, 'ts', { orgName: '天水市科技志愿服务支队' });
  await day('lz', held._id, 'p1', '2026-09-01', 120);
  await day('lz', held._id, 'p1', '2026-09-02', 90);
  // Not this year's time with 兰州: a cancelled activity, last year, another team.
  await day('lz', cancelled._id, 'p1', '2026-09-03', 60);
  await day('lz', held._id, 'p1', '2025-12-31', 300);
  await day('ts', tianshui._id, 'p1', '2026-09-05', 100);
  // The first and the last day of 近90天 (2026-08-25 to 2026-11-22), and the day before it.
  await day('lz', held._id, 'p2', '2026-08-25', 30);
  await day('lz', held._id, 'p3', '2026-08-24', 45);
  await day('ts', tianshui._id, 'p3', '2026-11-22', 15);
});

describe('org.members: search', () => {
  it('by part of a name, newest first', async () => {
    expect(await openids({ q: '周' })).toEqual(['p1', 'p2']);
    expect(await openids({ q: ' 周甲 ' })).toEqual(['p1']);
    expect(await openids({ q: '丙' })).toEqual(['p3']);
    // Taken literally: a pattern character finds nobody.
    expect(await members(t, { q: '.*' })).toMatchObject({ items: [], total: 0 });
  });

  it('by a whole phone (its blind index), and a phone nobody in the team has finds nobody', async () => {
    expect(await openids({ q: '13911112222' })).toEqual(['p1']);
    expect(await members(t, { q: '13900000004' })).toMatchObject({ items: [], total: 0 });
    expect(await members(t, { q: '13800009999' })).toMatchObject({ items: [], total: 0 });
  });

  it('by a phone’s last 4 digits, paged like the rest', async () => {
    expect(await members(t, { q: '2222' })).toMatchObject({ total: 2, items: [{ openid: 'p3' }, { openid: 'p1' }] });
    expect(await members(t, { q: '2222', pageSize: 1, page: 2 })).toMatchObject({ total: 2, page: 2, items: [{ openid: 'p1' }] });
    expect(await members(t, { q: '0000' })).toMatchObject({ total: 0, items: [] });
    // Masked in the answer all the same.
    expect(JSON.stringify(await members(t, { q: '2222' }))).not.toContain('13911112222');
  });

  it('VALIDATION: digits that are neither a phone nor its last 4, a search of 41 characters', async () => {
    for (const q of ['123', '139111', '23911112222', '周'.repeat(41)]) {
      expect(await t.call('org', 'members', { orgId: 'lz', q }, 'lz-admin')).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
  });
});

describe('org.members: filters', () => {
  it('by role', async () => {
    expect(await openids({ role: 'admin' })).toEqual(['lz-admin', 'p2']);
    expect(await openids({ role: 'leader' })).toEqual(['lz-leader']);
  });

  it('by join date: the approval’s Shanghai date (the application’s when never reviewed), both ends included', async () => {
    expect(await openids({ joinedFrom: '2026-03-10', joinedTo: '2026-03-10' })).toEqual(['p1']);
    expect(await openids({ joinedFrom: '2026-03-01', joinedTo: '2026-03-09' })).toEqual([]);
    expect(await openids({ joinedFrom: '2026-10-01' })).toEqual(['p4', 'p3']);
    expect(await openids({ joinedTo: '2025-12-31' })).toEqual(['p2']);
  });

  it('近90天活跃: a day record with this team from 2026-08-25 to today', async () => {
    expect(await openids({ active90: true })).toEqual(['p1', 'p2']);
    expect((await members(t, { active90: false })).total).toBe(7);
  });

  it('filters combine with the search and the status', async () => {
    expect(await openids({ q: '周', active90: true, role: 'member' })).toEqual(['p1']);
    expect(await openids({ q: '2222', active90: true })).toEqual(['p1']);
    expect(await openids({ status: 'pending', q: '郑' })).toEqual(['p4']);
    expect(await openids({ status: 'approved', q: '郑' })).toEqual([]);
  });

  it('VALIDATION: a join period that ends before it starts, a date that does not exist, an unknown role', async () => {
    for (const bad of [
      { joinedFrom: '2026-05-02', joinedTo: '2026-05-01' },
      { joinedFrom: '2026-02-30' },
      { joinedTo: '1999-12-31' },
      { role: 'boss' },
      { active90: 'yes' },
    ]) {
      expect(await t.callRaw('org', 'members', { orgId: 'lz', ...bad }, 'lz-admin')).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
  });
});

describe('org.members: time with the team this year', () => {
  it('credited minutes of 兰州’s records dated in 2026, leaving out cancelled activities and other teams', async () => {
    const byId = new Map((await members(t, {})).items.map((m) => [m.openid, m.minutesThisYear]));
    expect(Object.fromEntries(byId)).toEqual({ p1: 210, p2: 30, p3: 45, p4: 0, 'lz-leader': 0, 'lz-admin': 0, 'lz-member': 0 });
  });

  it('the year is the server’s: on 1 January the count starts again', async () => {
    await t.setClock('2026-12-31T16:00:00Z');
    expect((await members(t, { q: '周甲' })).items[0].minutesThisYear).toBe(0);
    await t.setClock('2026-12-31T15:59:59Z');
    expect((await members(t, { q: '周甲' })).items[0].minutesThisYear).toBe(210);
  });

  it('a page costs the same number of database requests in a team of 7 and in one of 57', async () => {
    await t.dev('DELETE', '/_dev/stats');
    await members(t, { q: '周', role: 'member', active90: true, joinedFrom: '2026-01-01' });
    const small = (await databaseRequests(t)).total;
    await seedMembers(
      t,
      'lz',
      Array.from({ length: 50 }, (_, i) => `extra-${i}`),
    );
    await t.dev('DELETE', '/_dev/stats');
    await members(t, { q: '周', role: 'member', active90: true, joinedFrom: '2026-01-01' });
    expect((await databaseRequests(t)).total).toBe(small);
    await t.dev('DELETE', '/_dev/stats');
    expect((await members(t, { pageSize: 50 })).items).toHaveLength(50);
    expect((await databaseRequests(t)).total).toBeLessThanOrEqual(small + 1);
  });
});

describe('org.memberPhone (拨打)', () => {
  it('the leader and admins of the team get the whole number; the reveal is audited', async () => {
    expect(await t.call('org', 'memberPhone', { orgId: 'lz', openid: 'p1' }, 'lz-admin')).toEqual({
      ok: true,
      data: { realName: '周甲', phone: '13911112222' },
    });
    expect(dataOf(await t.call('org', 'memberPhone', { orgId: 'lz', openid: 'p4' }, 'lz-leader')).phone).toBe('13977778888');
    expect(await t.emu.db.find('audit_log', {})).toMatchObject([
      { kind: 'phone.revealed', actor: 'lz-admin', subject: 'p1', orgId: 'lz' },
      { kind: 'phone.revealed', actor: 'lz-leader', subject: 'p4', orgId: 'lz' },
    ]);
  });

  it('AUTH.FORBIDDEN: a member, another team’s admin, the root’s leader above, a stranger; nothing audited', async () => {
    for (const who of ['lz-member', 'p1', 'ts-admin', 'root-leader', 'stranger']) {
      expect(await t.call('org', 'memberPhone', { orgId: 'lz', openid: 'p2' }, who)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await t.emu.db.find('audit_log', {})).toEqual([]);
  });

  it('ORG.MEMBER_NOT_FOUND: someone of another team, someone removed, nobody', async () => {
    await seedVolunteer(t, 'gone', '13966667777', '冯戊');
    await seedMembership(t, 'lz', 'gone', 'member', 'removed');
    for (const openid of ['ts-admin', 'gone', 'nobody']) {
      expect(await t.call('org', 'memberPhone', { orgId: 'lz', openid }, 'lz-admin')).toMatchObject({
        ok: false,
        code: 'ORG.MEMBER_NOT_FOUND',
        message: '该志愿者不是本队成员',
      });
    }
    expect(await t.emu.db.find('audit_log', {})).toEqual([]);
  });
});

describe('org.exportMembers (导出名单)', () => {
  const exported = async (input: Record<string, unknown>, by = 'lz-admin') => {
    const file = dataOf(await t.call('org', 'exportMembers', { orgId: 'lz', ...input }, by));
    const wb = await readXlsx(file.base64);
    return { fileName: file.fileName, ws: wb.getWorksheet('成员名单')!, table: tableUnder(wb.getWorksheet('成员名单')!, '序号') };
  };

  it('the rows are the filtered list, whole, with full phones for the team’s managers', async () => {
    const filters = { q: '周' };
    const listed = (await members(t, filters)).items;
    const { fileName, table } = await exported(filters);
    expect(fileName).toBe('成员名单_兰州市科技志愿服务支队_2026-11-22.xlsx');
    expect(table.header).toEqual([
      '序号',
      '姓名',
      '手机号',
      '队内职务',
      '状态',
      '加入日期',
      '志愿者编号',
      '全国志愿者统一编号',
      '今年服务时长（分钟）',
      '今年服务时长',
    ]);
    expect(table.rows.map((r) => r[1])).toEqual(listed.map((m) => m.realName));
    expect(table.rows).toEqual([
      ['1', '周甲', '13911112222', '队员', '已加入', '2026-03-10', 'KJ-p1', '', '210', '3小时30分钟'],
      ['2', '周乙', '13933334444', '管理员', '已加入', '2025-06-01', 'KJ-p2', '', '30', '30分钟'],
    ]);
  });

  it('every filter applies as in the list (and the last digits of a phone too)', async () => {
    for (const filters of [{ active90: true }, { q: '2222' }, { role: 'admin' }, { joinedFrom: '2026-10-01' }, {}]) {
      const listed = (await members(t, { ...filters, pageSize: 50 })).items.map((m) => m.realName);
      expect({ filters, rows: (await exported(filters)).table.rows.map((r) => r[1]) }).toEqual({ filters, rows: listed });
    }
  });

  it('managers of a team above read it with phones masked', async () => {
    const { table } = await exported({ q: '13911112222' }, 'root-leader');
    expect(table.rows).toEqual([['1', '周甲', '139****2222', '队员', '已加入', '2026-03-10', 'KJ-p1', '', '210', '3小时30分钟']]);
  });

  it('AUTH.FORBIDDEN: a member, another team’s admin, a stranger; VALIDATION: a bad filter', async () => {
    for (const who of ['lz-member', 'ts-admin', 'stranger']) {
      expect(await t.call('org', 'exportMembers', { orgId: 'lz' }, who)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await t.call('org', 'exportMembers', { orgId: 'lz', q: '12' }, 'lz-admin')).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});
