// 集体注册: template download, import with a per-row report in Chinese, and activation of imported people by SMS (no oracle).
import {
  bootstrapRoot,
  dataOf,
  idNumberFor,
  latestSmsCode,
  registerVolunteer,
  seedMembership,
  seedOrg,
  useTestEmulator,
} from '../helpers/emulator';
import { editTemplate, fillTemplate, importRow } from '../helpers/import-sheet';
import { CONSENT_VERSION } from '@contract/enums';

const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
let rootId: string;
beforeEach(async () => {
  rootId = (await bootstrapRoot(t, 'leader'))._id;
});

/** The template, checked to be an xlsx, filled with `rows` (base64). */
async function filledTemplate(rows: (string | undefined)[][]): Promise<string> {
  const tpl = await t.call('org', 'importTemplate', { orgId: rootId }, 'leader');
  expect(tpl).toMatchObject({ ok: true, data: { fileName: expect.stringMatching(/\.xlsx$/) } });
  return fillTemplate(dataOf(tpl).base64, rows);
}

// The test numbers all have an odd 17th digit: men.
const row = (seq: number, name: string, phone: string, id: string) =>
  importRow(seq, name, phone, id, { serviceCategories: '科普报告、科技培训' });

it('imports good rows, reports bad ones by row, and approves nobody already registered', async () => {
  const existingId = idNumberFor('19880808', 301);
  expect((await registerVolunteer(t, 'old', '13800138001', { orgIds: [rootId], idNumber: existingId })).ok).toBe(true);
  const newId = idNumberFor('19900909', 303);
  const file = await filledTemplate([
    row(1, '李四', '13800138002', newId),
    row(2, '老志愿者', '13800138001', existingId),
    row(3, '错号', '13800138003', newId.slice(0, 17) + (newId.endsWith('1') ? '2' : '1')),
    row(4, '少年', '13800138004', idNumberFor('20100101', 305)),
    row(5, '重复', '13800138002', idNumberFor('19900909', 307)),
  ]);
  const r = await t.call('org', 'importVolunteers', { orgId: rootId, file }, 'leader');
  expect(r).toMatchObject({ ok: true, data: { created: 1, invited: 1, orgId: rootId, orgName: '甘肃省科技志愿服务总队' } });
  if (!r.ok) return;
  // The created and invited people by the name and masked phone the file gave; failed rows carry no outcome.
  expect(r.data.rows).toEqual([
    expect.objectContaining({ row: 4, ok: true, name: '李四', outcome: 'created', phoneMasked: '138****8002' }),
    expect.objectContaining({
      row: 5,
      ok: true,
      name: '老志愿者',
      outcome: 'invited',
      phoneMasked: '138****8001',
      message: expect.stringContaining('邀请'),
    }),
    expect.objectContaining({ row: 6, ok: false, code: 'VALIDATION', message: expect.stringMatching(/^身份证号/) }),
    expect.objectContaining({ row: 7, ok: false, code: 'USER.UNDERAGE' }),
    expect.objectContaining({ row: 8, ok: false, code: 'VALIDATION', message: expect.stringContaining('重复') }),
  ]);
  expect(r.data.rows.filter((x) => !x.ok).every((x) => x.outcome === undefined && x.phoneMasked === undefined)).toBe(true);
  expect(JSON.stringify(r.data)).not.toContain('13800138002');
  // Asked first: an import approves nobody (their own application waits for review; org-invitations covers the rest).
  expect(await t.emu.db.find('memberships', { openid: 'old', orgId: rootId })).toMatchObject([{ status: 'pending' }]);
  const invitations = await t.emu.db.find('invitations', {});
  expect(invitations).toHaveLength(1);
  expect(JSON.stringify(invitations)).not.toContain(newId);
  expect(JSON.stringify(invitations)).not.toContain('13800138002');

  // 李四 opens the mini program, verifies the phone the team entered, and is a member straight away.
  expect((await t.call('sms', 'send', { phone: '13800138002', purpose: 'register' }, 'lisi')).ok).toBe(true);
  const smsCode = await latestSmsCode(t, '13800138002');
  const act = await t.call('user', 'activate', { phone: '13800138002', smsCode, consentVersion: CONSENT_VERSION }, 'lisi');
  expect(act).toMatchObject({
    ok: true,
    data: {
      volunteer: { realName: '李四', idNumberMasked: `620102********${newId.slice(-4)}`, serviceCategories: ['科普报告', '科技培训'] },
    },
  });
  expect(await t.call('user', 'me', {}, 'lisi')).toMatchObject({
    ok: true,
    data: { memberships: [{ orgId: rootId, status: 'approved' }] },
  });
  expect(await t.emu.db.find('invitations', { status: 'claimed' })).toHaveLength(1);
});

it('USER.NOT_INVITED: activation without an import', async () => {
  await t.call('sms', 'send', { phone: '13800138009', purpose: 'register' }, 'nobody');
  const smsCode = await latestSmsCode(t, '13800138009');
  expect(await t.call('user', 'activate', { phone: '13800138009', smsCode, consentVersion: CONSENT_VERSION }, 'nobody')).toMatchObject({
    ok: false,
    code: 'USER.NOT_INVITED',
  });
});

it('IMPORT.BAD_FILE for a file that is not the template; AUTH.FORBIDDEN for a plain member', async () => {
  expect(await t.call('org', 'importVolunteers', { orgId: rootId, file: Buffer.from('hello').toString('base64') }, 'leader')).toMatchObject(
    { ok: false, code: 'IMPORT.BAD_FILE' },
  );
  expect((await registerVolunteer(t, 'member', '13800138010', { orgIds: [rootId], idNumber: idNumberFor('19900101', 309) })).ok).toBe(true);
  expect(await t.call('org', 'importTemplate', { orgId: rootId }, 'member')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  expect(await t.call('org', 'importVolunteers', { orgId: rootId, file: 'UEsDBA==' }, 'member')).toMatchObject({
    ok: false,
    code: 'AUTH.FORBIDDEN',
  });
});

it('lists every problem of a row in Chinese, each under its template column', async () => {
  // 女 for a man's number, a 学历 and a 服务领域 that are not in the lists.
  const bad = row(1, '王五', '13800138021', idNumberFor('19900101', 311));
  bad[3] = '女';
  bad[9] = '博士后';
  bad[15] = '农业';
  const r = await t.call('org', 'importVolunteers', { orgId: rootId, file: await filledTemplate([bad]) }, 'leader');
  expect(r).toMatchObject({ ok: true, data: { created: 0 } });
  if (!r.ok) return;
  const [line] = r.data.rows;
  expect(line).toMatchObject({ row: 4, ok: false, code: 'VALIDATION', name: '王五' });
  expect(line.errors).toEqual([
    { column: '性别', message: '与身份证号不符（身份证号为男性）' },
    { column: '最高学历', message: expect.stringContaining('“博士后”不在选项中') },
    { column: '服务领域或行业', message: expect.stringContaining('“农业”不在选项中') },
  ]);
  expect(line.message).toBe(line.errors?.map((e) => `${e.column}：${e.message}`).join('；'));
  expect(line.message).not.toMatch(/[A-Za-z]/);
});

it('the sex of an imported person comes from the number when 性别 is left blank', async () => {
  const blank = row(1, '赵六', '13800138022', idNumberFor('19900101', 312));
  blank[3] = '';
  const r = await t.call('org', 'importVolunteers', { orgId: rootId, file: await filledTemplate([blank]) }, 'leader');
  expect(r).toMatchObject({ ok: true, data: { created: 1 } });
  expect(await t.emu.db.find('invitations', {})).toMatchObject([{ gender: 'female', realName: '赵六' }]);
});

it('the template’s own 范例 row imports: a real ID number that agrees with its 性别', async () => {
  const tpl = await t.call('org', 'importTemplate', { orgId: rootId }, 'leader');
  const file = (await editTemplate(dataOf(tpl).base64, (ws) => (ws.getCell('A3').value = '1'))).toString('base64');
  const r = await t.call('org', 'importVolunteers', { orgId: rootId, file }, 'leader');
  expect(r).toMatchObject({ ok: true, data: { created: 1, rows: [{ row: 3, ok: true }] } });
});

it('no oracle: activation with a missing, used or wrong code answers the same whether the phone was imported, registered or neither', async () => {
  const IMPORTED = '13800138031';
  const REGISTERED = '13800138032';
  const FREE = '13800138033';
  expect((await registerVolunteer(t, 'reg', REGISTERED, { orgIds: [rootId], idNumber: idNumberFor('19880808', 313) })).ok).toBe(true);
  expect(
    await t.call(
      'org',
      'importVolunteers',
      { orgId: rootId, file: await filledTemplate([row(1, '钱七', IMPORTED, idNumberFor('19880808', 315))]) },
      'leader',
    ),
  ).toMatchObject({ ok: true, data: { created: 1 } });
  const seen = (r: Awaited<ReturnType<typeof t.call>>) => (r.ok ? r : { code: r.code, message: r.message, details: r.details });
  const activate = async (phone: string, smsCode: string) =>
    seen(await t.call('user', 'activate', { phone, smsCode, consentVersion: CONSENT_VERSION }, 'prober'));
  const first = [await activate(IMPORTED, '123456'), await activate(REGISTERED, '123456'), await activate(FREE, '123456')];
  expect(first[0]).toEqual({ code: 'SMS.CODE_EXPIRED', message: '验证码已失效，请重新获取', details: undefined });
  expect(first[1]).toEqual(first[0]);
  expect(first[2]).toEqual(first[0]);
  await t.setClock('2026-11-22T02:01:01Z'); // past the 60 s resend wait of the registered phone
  const codes: string[] = [];
  for (const phone of [IMPORTED, REGISTERED, FREE]) {
    expect((await t.call('sms', 'send', { phone, purpose: 'register' }, 'prober')).ok).toBe(true);
    codes.push(await latestSmsCode(t, phone));
  }
  const wrong = ['000000', '111111', '222222', '333333'].find((c) => !codes.includes(c)) as string;
  const wrongs = [await activate(IMPORTED, wrong), await activate(REGISTERED, wrong), await activate(FREE, wrong)];
  expect(wrongs[0]).toEqual({ code: 'SMS.CODE_INVALID', message: '验证码错误，还可尝试4次', details: { attemptsLeft: 4 } });
  expect(wrongs[1]).toEqual(wrongs[0]);
  expect(wrongs[2]).toEqual(wrongs[0]);
  expect(await t.emu.db.find('volunteers', { _id: 'prober' })).toHaveLength(0);
});

it('imports into the team it is asked for, and names it: a leader of two teams puts the rows into the second', async () => {
  await seedOrg(t, 'lz', '兰州市科技志愿服务支队', { _id: rootId }, { leaderOpenid: 'leader' });
  await seedMembership(t, 'lz', 'leader', 'leader');
  const file = await filledTemplate([row(1, '孙八', '13800138041', idNumberFor('19900101', 317))]);
  const r = await t.call('org', 'importVolunteers', { orgId: 'lz', file }, 'leader');
  expect(r).toMatchObject({
    ok: true,
    data: {
      orgId: 'lz',
      orgName: '兰州市科技志愿服务支队',
      created: 1,
      rows: [{ row: 4, ok: true, name: '孙八', outcome: 'created', phoneMasked: '138****8041' }],
    },
  });
  expect(await t.emu.db.find('invitations', {})).toMatchObject([{ orgId: 'lz', realName: '孙八' }]);
});
