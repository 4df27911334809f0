// 我的数据 and 队伍邀请 in the weapp build: the file opens with the system viewer, 注销 lists what it keeps before its
// confirmation, and an invitation is accepted, or refused at 5 teams with the reason (miniprogram-simulate).
import { find, renderPage, requests, tap, text, waitFor, type Body, type Page } from './shim';
import { installDevice, resetRequests } from './fixtures';

const calls = (action: string) => requests.map((r) => r.data as Body).filter((b) => b.action === action);

const device = installDevice();

let answers: Record<string, unknown> = {};
let page: Page | undefined;
afterEach(() => page?.detach());
beforeEach(() => {
  device.clear();
  answers = {};
  resetRequests(() => answers);
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
