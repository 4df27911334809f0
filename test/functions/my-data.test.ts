// user.myData (我的数据): one xlsx holding every kind of record of the caller, the ID number and phone in full, and
// nothing of anyone else.
import ExcelJS from 'exceljs';
import { dataOf, useTestEmulator } from '../helpers/emulator';
import { readXlsx, sheetRows } from '../helpers/report';
import { ME, OTHER, seedPeople } from '../helpers/my-data';
import { MY_DATA_SHEETS } from '@contract/user';
import { COMMENDATION_LEVEL_LABEL } from '@contract/commendation';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });

const textOf = (wb: ExcelJS.Workbook) =>
  wb.worksheets
    .map((ws) =>
      sheetRows(ws)
        .map((r) => (r ?? []).join('\t'))
        .join('\n'),
    )
    .join('\n');
/** Rows of a sheet under its header, as objects keyed by the header's cells. */
function table(wb: ExcelJS.Workbook, name: string): Record<string, string>[] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const [header, ...rows] = sheetRows(ws);
  return rows.filter(Boolean).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

it('holds every kind of record of the caller, the ID number and phone in full', async () => {
  const { P, F, certificates } = await seedPeople(t);
  const file = dataOf(await t.call('user', 'myData', {}, ME.openid));
  expect(file.fileName).toMatch(/^我的志愿服务数据_.+_2026-11-22\.xlsx$/);
  const wb = await readXlsx(file.base64);
  expect(wb.worksheets.map((ws) => ws.name)).toEqual([...MY_DATA_SHEETS]);

  const profile = Object.fromEntries(table(wb, '个人信息').map((r) => [r['项目'], r['内容']]));
  expect(profile).toMatchObject({
    真实姓名: ME.realName,
    '手机号（完整）': ME.phone,
    '身份证号（完整）': ME.idNumber,
    工作单位: ME.employer,
    出生日期: '1988-08-08',
  });
  expect(table(wb, '队伍')).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ 队伍: '兰州市科技志愿服务支队', 状态: '已加入', 角色: '队员' }),
      expect.objectContaining({ 队伍: '天水市科技志愿服务支队', 状态: '待审核' }),
    ]),
  );
  expect(table(wb, '队伍邀请')).toEqual([expect.objectContaining({ 邀请的队伍: '甘肃省科技志愿服务总队' })]);
  expect(table(wb, '队伍注册申请')).toEqual([
    expect.objectContaining({ 队伍名称: '兰州大学化学科技志愿服务分队', 状态: '待审核', 联系电话: ME.phone }),
  ]);
  expect(
    table(wb, '活动报名')
      .map((r) => [r['活动'], r['状态']])
      .sort(),
  ).toEqual(
    [
      [F.title, '已报名'],
      [P.title, '已报名'],
    ].sort(),
  );
  expect(table(wb, '服务记录')).toEqual([
    expect.objectContaining({
      活动: P.title,
      日期: '2026-11-15',
      签到时间: '2026-11-15 09:00',
      签退时间: '2026-11-15 12:00',
      计入分钟: '180',
      状态: '已补录',
    }),
  ]);
  expect(table(wb, '记录修改')).toEqual([
    expect.objectContaining({
      经办人: '钱管理',
      原因: `现场网络故障，补录${ME.realName}的签到`,
      修改后: '2026-11-15 09:00 — 2026-11-15 12:00，180分钟',
    }),
  ]);
  expect(table(wb, '更正申请')).toEqual([
    expect.objectContaining({ 说明: `${ME.realName}实际服务到16点`, 状态: '待审核', 申请的签退时间: '2026-11-15 16:00' }),
  ]);
  expect(table(wb, '服务证明')).toEqual([
    expect.objectContaining({ 证明编号: certificates.me, 队伍: '兰州市科技志愿服务支队', '时长（分钟）': '180', 查验时显示的姓名: '张*' }),
  ]);
  expect(textOf(wb)).toContain('第四十五条');
});

it('nothing of another volunteer is in it', async () => {
  const { certificates } = await seedPeople(t);
  const wb = await readXlsx(dataOf(await t.call('user', 'myData', {}, ME.openid)).base64);
  const all = textOf(wb);
  for (const theirs of [OTHER.phone, OTHER.idNumber, OTHER.realName, OTHER.employer, certificates.other, OTHER.openid, 'lz-admin'])
    expect(all).not.toContain(theirs);
  // And the other's file holds none of mine.
  const theirs = textOf(await readXlsx(dataOf(await t.call('user', 'myData', {}, OTHER.openid)).base64));
  for (const mine of [ME.phone, ME.idNumber, ME.realName, ME.employer, certificates.me, '兰州大学化学科技志愿服务分队'])
    expect(theirs).not.toContain(mine);
  expect(theirs).toContain(OTHER.idNumber);
});

it('USER.NOT_REGISTERED for someone not registered, and after 注销', async () => {
  await seedPeople(t);
  expect(await t.call('user', 'myData', {}, 'stranger')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
  dataOf(await t.call('user', 'withdraw', { confirm: true }, ME.openid));
  expect(await t.call('user', 'myData', {}, ME.openid)).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
});

it('培训 lists each training attended and how it was recorded; 表彰奖励 the approved commendations naming the caller', async () => {
  await seedPeople(t);
  const training = (over: Record<string, unknown>) =>
    t
      .call(
        'record',
        'createTraining',
        {
          orgId: 'lz',
          title: '新志愿者岗前培训',
          type: '岗前培训',
          date: '2026-11-22',
          hours: 2.5,
          trainer: '王教授',
          content: '安全须知',
          ...over,
        },
        'lz-admin',
      )
      .then((r) => dataOf(r).training);
  const today = await training({});
  const payload = dataOf(await t.call('record', 'trainingCode', { trainingId: today.trainingId }, 'lz-admin')).payload;
  dataOf(await t.call('record', 'attendTraining', { payload }, ME.openid));
  const past = await training({ title: '科普讲解技巧', type: '专业技能', date: '2026-11-18', hours: 1.5, trainer: '李老师' });
  dataOf(await t.call('record', 'addTrainees', { trainingId: past.trainingId, people: [ME.phone, OTHER.phone] }, 'lz-admin'));

  const commend = (openid: string, title: string) =>
    t
      .call('record', 'commend', { subject: { openid }, title, level: '市', issuer: '兰州市科学技术协会', date: '2026-11-20' }, 'lz-admin')
      .then((r) => dataOf(r).commendation);
  const approved = await commend(ME.openid, '优秀科技志愿者');
  await commend(ME.openid, '科普之星');
  const others = await commend(OTHER.openid, '优秀志愿服务组织者');
  for (const c of [approved, others]) {
    dataOf(await t.call('record', 'reviewCommendation', { commendationId: c.commendationId, decision: 'approve' }, 'root-leader'));
  }

  const wb = await readXlsx(dataOf(await t.call('user', 'myData', {}, ME.openid)).base64);
  expect(table(wb, '培训')).toEqual([
    expect.objectContaining({
      日期: '2026-11-22',
      培训: '新志愿者岗前培训',
      类型: '岗前培训',
      学时: '2.5',
      培训人: '王教授',
      队伍: '兰州市科技志愿服务支队',
      记录方式: '扫码签到',
      记录时间: '2026-11-22 10:00',
    }),
    expect.objectContaining({
      日期: '2026-11-18',
      培训: '科普讲解技巧',
      类型: '专业技能',
      学时: '1.5',
      培训人: '李老师',
      记录方式: '名单录入',
    }),
  ]);
  // Only the approved one; the pending one and the other volunteer's are not in it.
  expect(table(wb, '表彰奖励')).toEqual([
    {
      表彰名称: '优秀科技志愿者',
      级别: COMMENDATION_LEVEL_LABEL['市'],
      颁发单位: '兰州市科学技术协会',
      日期: '2026-11-20',
      队伍: '兰州市科技志愿服务支队',
      记录的队伍: '兰州市科技志愿服务支队',
    },
  ]);
  expect(textOf(wb)).not.toContain('优秀志愿服务组织者');
  expect(textOf(wb)).toContain('表彰奖励（经审核通过的对您的表彰）');

  // A cancelled training stays in the copy, marked.
  dataOf(await t.call('record', 'cancelTraining', { trainingId: past.trainingId }, 'lz-admin'));
  const after = await readXlsx(dataOf(await t.call('user', 'myData', {}, ME.openid)).base64);
  expect(table(after, '培训')[1]).toMatchObject({ 培训: '科普讲解技巧', 状态: '培训已取消' });
});
