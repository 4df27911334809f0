// A small province for the report tests: teams, members, activities of several categories and their day records.
import ExcelJS from 'exceljs';
import { bootstrapRoot, seedMembership, seedOrg, seedVolunteer, type TestEmulator } from './emulator';
import { seedActivity, seedEnrollment } from './checkin';

/** Today in the fixture (2026-11-23 10:00 Asia/Shanghai). */
export const REPORT_CLOCK = '2026-11-23T02:00:00Z';
export const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/**
 * 甘肃省…总队 (root-leader) ─ 兰州 lz (lz-leader, lz-admin, lz-member, v1 张伟, v2 李娜) ─ 城关 cg (cg-admin, v3 王芳)
 *                            └ 天水 ts (ts-admin)
 * Activities (2026 unless said): lz A1 科普报告 on 全国科普日 (09-20, served 300), A2 农技服务 for 农民 (05-10/11, served 40),
 * A3 义诊咨询 (06-01), A4 cancelled, A7 (2025-12-20); cg A5 青少年科技教育 for 青少年 (10-10, served 60); ts A6 科普讲解 (04-01).
 */
export async function seedProvince(t: TestEmulator) {
  const root = await bootstrapRoot(t, 'root-leader');
  const lz = await seedOrg(t, 'lz', '兰州市科技志愿服务支队', root, {
    leaderOpenid: 'lz-leader',
    contactName: '王建国',
    contactPhone: '13800000001',
  });
  const ts = await seedOrg(t, 'ts', '天水市科技志愿服务支队', root);
  const cg = await seedOrg(t, 'cg', '城关区科技志愿服务队', lz, { level: '队' });
  const people: [string, string, string][] = [
    ['lz-leader', '13900000001', '赵队长'],
    ['lz-admin', '13900000002', '钱管理'],
    ['lz-member', '13900000003', '孙队员'],
    ['ts-admin', '13900000004', '周天水'],
    ['cg-admin', '13900000005', '吴城关'],
    ['v1', '13900000011', '张伟'],
    ['v2', '13900000012', '李娜'],
    ['v3', '13900000013', '王芳'],
  ];
  for (const [openid, phone, name] of people) await seedVolunteer(t, openid, phone, name);
  const before = new Date('2025-06-01T00:00:00Z');
  await seedMembership(t, 'lz', 'lz-leader', 'leader', 'approved', before);
  await seedMembership(t, 'lz', 'lz-admin', 'admin', 'approved', before);
  await seedMembership(t, 'lz', 'lz-member', 'member', 'approved', new Date('2026-01-02T00:00:00Z'));
  await seedMembership(t, 'lz', 'v1', 'member', 'approved', new Date('2026-02-01T00:00:00Z'));
  // Applied last year, approved in March: a new member of 2026.
  await t.emu.db.insert('memberships', [
    {
      _id: 'lz_v2',
      orgId: 'lz',
      openid: 'v2',
      role: 'member',
      status: 'approved',
      appliedAt: new Date('2025-12-25T00:00:00Z'),
      reviewedAt: new Date('2026-03-01T00:00:00Z'),
    },
  ]);
  await seedMembership(t, 'lz', 'pending-one', 'member', 'pending');
  await seedMembership(t, 'ts', 'ts-admin', 'admin', 'approved', before);
  await seedMembership(t, 'cg', 'cg-admin', 'admin', 'approved', before);
  await seedMembership(t, 'cg', 'v3', 'member', 'approved', new Date('2026-04-01T00:00:00Z'));

  const day = (date: string) => ({
    startDate: date,
    endDate: date,
    startAt: new Date(`${date}T01:00:00Z`),
    endAt: new Date(`${date}T09:00:00Z`),
  });
  const A1 = await seedActivity(t, 'lz', {
    title: '全国科普日科普报告会',
    category: '科普报告',
    keyDay: '全国科普日',
    serviceTargets: ['公众'],
    servedCount: 300,
    summary: '讲解防灾减灾知识',
    // Its 回顾 shows two of its photos.
    photos: ['p1', 'p2'].map((photoId) => ({
      photoId,
      fileId: `cloud://local-dev.6c6f-local-dev-1250000000/activities/a1/${photoId}.jpg`,
      contentType: 'image/jpeg',
      size: 1000,
      addedBy: 'lz-admin',
      addedAt: new Date('2026-09-20T08:00:00Z'),
    })),
    recapPhotoIds: ['p1', 'p2'],
    address: '兰州市科技馆',
    enrolledCount: 3,
    ...day('2026-09-20'),
  });
  const A2 = await seedActivity(t, 'lz', {
    title: '农技服务下乡',
    category: '农技服务',
    serviceTargets: ['农民'],
    servedCount: 40,
    address: '榆中县城关镇',
    enrolledCount: 2,
    startDate: '2026-05-10',
    endDate: '2026-05-11',
    startAt: new Date('2026-05-10T01:00:00Z'),
    endAt: new Date('2026-05-11T09:00:00Z'),
  });
  const A3 = await seedActivity(t, 'lz', { title: '社区义诊咨询', category: '义诊咨询', enrolledCount: 1, ...day('2026-06-01') });
  const A4 = await seedActivity(t, 'lz', {
    title: '取消的科技培训',
    category: '科技培训',
    status: 'cancelled',
    keyDay: '科技活动周',
    servedCount: 999,
    ...day('2026-07-01'),
  });
  const A5 = await seedActivity(t, 'cg', {
    title: '青少年科技营',
    category: '青少年科技教育',
    serviceTargets: ['青少年'],
    servedCount: 60,
    orgName: '城关区科技志愿服务队',
    ...day('2026-10-10'),
  });
  const A6 = await seedActivity(t, 'ts', {
    title: '天水科普讲解',
    category: '科普讲解',
    orgName: '天水市科技志愿服务支队',
    ...day('2026-04-01'),
  });
  const A7 = await seedActivity(t, 'lz', { title: '去年的科普报告', category: '科普报告', ...day('2025-12-20') });

  const records: [typeof A1, string, string, number][] = [
    [A1, 'v1', '2026-09-20', 120],
    [A1, 'v2', '2026-09-20', 90],
    [A1, 'lz-member', '2026-09-20', 0],
    [A2, 'v1', '2026-05-10', 240],
    [A2, 'v1', '2026-05-11', 180],
    [A2, 'v2', '2026-05-10', 60],
    [A5, 'v3', '2026-10-10', 100],
    [A5, 'v1', '2026-10-10', 50],
    [A6, 'v1', '2026-04-01', 500],
    [A7, 'v1', '2025-12-20', 60],
  ];
  await t.emu.db.insert(
    'checkin_days',
    records.map(([a, openid, date, minutes]) => dayRecord(a, openid, date, minutes)),
  );
  // A3's only day is 补录 by the admin through checkin.adjust: 09:00–09:30, 30 minutes for v2.
  await seedEnrollment(t, A3._id, 'v2');
  const adjusted = await t.call(
    'checkin',
    'adjust',
    {
      activityId: A3._id,
      openid: 'v2',
      date: '2026-06-01',
      signInAt: '2026-06-01T09:00:00+08:00',
      signOutAt: '2026-06-01T09:30:00+08:00',
      reason: '现场网络故障，补录签到',
    },
    'lz-admin',
  );
  if (!adjusted.ok) throw new Error(`checkin.adjust: ${adjusted.code} ${adjusted.message}`);
  return { root, lz, ts, cg, A1, A2, A3, A4, A5, A6, A7 };
}

/** Every cell's text of a sheet, row by row (1-based rows, columns from 1). */
export function sheetRows(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
    rows[n - 1] = cells;
  });
  return rows;
}

export async function readXlsx(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** The data rows under the header row whose first cell is `firstHeader`, until the first row whose first cell is empty or 合计. */
export function tableUnder(ws: ExcelJS.Worksheet, firstHeader: string): { header: string[]; rows: string[][] } {
  const all = sheetRows(ws);
  const h = all.findIndex((r) => r && r[0] === firstHeader);
  if (h < 0) throw new Error(`no header starting with ${firstHeader}`);
  const rows: string[][] = [];
  for (let i = h + 1; i < all.length && all[i] && all[i][0] && all[i][0] !== '合计'; i++) rows.push(all[i]);
  return { header: all[h], rows };
}

/**
 * A day record as scans leave it, written straight into the database: signed in at 09:00 in Shanghai and out
 * `minutes` later (closed), or not signed out (open) at 0 minutes.
 */
export function dayRecord(a: { _id: string; orgId: string }, openid: string, date: string, minutes: number) {
  const signInAt = new Date(`${date}T01:00:00Z`);
  return {
    _id: `${a._id}_${openid}_${date}`,
    activityId: a._id,
    orgId: a.orgId,
    openid,
    date,
    signInAt,
    ...(minutes > 0 ? { signOutAt: new Date(signInAt.getTime() + minutes * 60_000) } : {}),
    minutes,
    status: minutes > 0 ? 'closed' : 'open',
    adjustments: [],
    scans: {},
    createdAt: signInAt,
    updatedAt: signInAt,
  };
}
