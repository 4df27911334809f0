// 我的数据 and 队伍邀请 in the weapp build: the file opens with the system viewer, 注销 lists what it keeps before its
// confirmation, and an invitation is accepted, or refused at 5 teams with the reason (miniprogram-simulate).
import { find, onRequest, renderPage, requests, tap, text, waitFor, type Body, type Page, type WxRequestOptions } from './shim';

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };
const calls = (action: string) => requests.map((r) => r.data as Body).filter((b) => b.action === action);

const device = { written: [] as { filePath: string; data: string }[], opened: [] as { filePath: string; fileType: string }[] };
const ok = (opts: Callbacks) =>
  setTimeout(() => {
    opts.success?.({ errMsg: 'ok' });
    opts.complete?.({ errMsg: 'ok' });
  }, 0);
const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
wx.env = { USER_DATA_PATH: 'wxfile://usr' };
wx.getFileSystemManager = () => ({
  writeFile: (opts: Callbacks & { filePath: string; data: string }) => {
    device.written.push({ filePath: opts.filePath, data: opts.data });
    ok(opts);
  },
});
wx.openDocument = (opts: Callbacks & { filePath: string; fileType: string }) => {
  device.opened.push({ filePath: opts.filePath, fileType: opts.fileType });
  ok(opts);
};

let answers: Record<string, unknown> = {};
let page: Page | undefined;
afterEach(() => page?.detach());
beforeEach(() => {
  requests.length = 0;
  device.written.length = 0;
  device.opened.length = 0;
  answers = {};
  onRequest((req: WxRequestOptions) => {
    const { action } = req.data as Body;
    const a = answers[action];
    return typeof a === 'function' ? a(req.data) : (a ?? { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' });
  });
});

test('我的数据 opens the xlsx with the system viewer; 注销 shows what it deletes and keeps before asking to confirm', async () => {
  const XLSX = Buffer.from('PK my data').toString('base64');
  answers.myData = { ok: true, data: { fileName: '我的志愿服务数据_KJ202600000001_2026-11-23.xlsx', base64: XLSX } };
  page = renderPage('pages/my-data/index');
  await waitFor(() => find(page!, '.my-data-download'));
  expect(text(find(page, '.my-data-sheets'))).toContain('服务记录');
  expect(text(find(page, '.withdraw-keeps'))).toContain('已出具的志愿服务证明');
  tap(page, '.my-data-download');
  await waitFor(() => expect(device.opened).toHaveLength(1));
  expect(calls('myData')).toEqual([{ action: 'myData' }]);
  expect(device.opened[0]).toEqual({ filePath: 'wxfile://usr/我的志愿服务数据_KJ202600000001_2026-11-23.xlsx', fileType: 'xlsx' });
  expect(device.written[0].data).toBe(XLSX);

  // 注销 asks once more under the lists; nothing is sent until it is confirmed.
  tap(page, '.withdraw-start');
  await waitFor(() => find(page!, '.withdraw-confirm'));
  expect(calls('withdraw')).toHaveLength(0);
  answers.withdraw = { ok: false, code: 'AUTH.FORBIDDEN', message: '您是队伍负责人，请先移交负责人后再注销' };
  tap(page, '.withdraw-confirm');
  await waitFor(() => expect(text(find(page!, '.withdraw-error'))).toBe('您是队伍负责人，请先移交负责人后再注销'));
  expect(calls('withdraw')).toEqual([{ action: 'withdraw', confirm: true }]);
});

test('队伍邀请: accepting one removes it; at 5 teams the refusal says how to make room', async () => {
  const item = (id: string, orgName: string) => ({ invitationId: id, orgId: id, orgName, invitedAt: '2026-11-20T08:00:00+08:00' });
  answers.invitations = { ok: true, data: { items: [item('a', '甘肃省科技志愿服务总队'), item('b', '天水市科技志愿服务支队')] } };
  answers.answerInvitation = (body: Body) =>
    body.invitationId === 'a'
      ? {
          ok: true,
          data: {
            membership: {
              memberId: 'a_me',
              orgId: 'a',
              openid: 'me',
              status: 'approved',
              role: 'member',
              appliedAt: '2026-11-20T08:00:00+08:00',
            },
          },
        }
      : { ok: false, code: 'ORG.MEMBERSHIP_LIMIT', message: '您已加入或申请了5支队伍，请先退出一支再接受邀请' };
  page = renderPage('pages/invitations/index');
  await waitFor(() => expect(page!.querySelectorAll('.invitation')).toHaveLength(2));
  page.querySelectorAll('.invitation-accept')[0].dispatchEvent('tap');
  await waitFor(() => expect(page!.querySelectorAll('.invitation')).toHaveLength(1));
  expect(calls('answerInvitation')).toEqual([{ action: 'answerInvitation', invitationId: 'a', decision: 'accept' }]);
  tap(page, '.invitation-accept');
  await waitFor(() => expect(text(find(page!, '.invitation-error'))).toContain('退出一支队伍'));
  expect(page.querySelectorAll('.invitation')).toHaveLength(1);
});
