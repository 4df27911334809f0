// 投诉 on the weapp build (miniprogram-simulate): the form opened from a team's page shows the team as a card, proves
// the phone by SMS (purpose complaint) and sends the complaint; 投诉处理 lists a complaint with its due time, marks an
// overdue one, and answers it (shared with the team when switched on), the answer then shown on the card.
import { find, onRequest, renderPage, requests, tap, text, type, waitFor, type Body, type Page, type WxRequestOptions } from './shim';
import { LANZHOU, NOW } from './fixtures';

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void };
type Wx = Record<string, (opts: Callbacks & Record<string, unknown>) => unknown>;
const wx = (globalThis as unknown as { wx: Wx }).wx;
const original = { redirectTo: wx.redirectTo, navigateTo: wx.navigateTo };

const ok = (data: unknown) => ({ ok: true, data });
const calls = (fn: string, action?: string) =>
  requests.filter((r) => r.url.endsWith(`/functions/${fn}`) && (!action || (r.data as Body).action === action)).map((r) => r.data as Body);

async function pick(page: Page, trigger: string, option: string) {
  tap(page, `.${trigger}`);
  const item = await waitFor(() => {
    const found = page.querySelectorAll(`.${trigger}-options .option-item`).find((n) => n.dom?.textContent === option);
    if (!found) throw new Error(`${option} not in ${trigger}`);
    return found;
  });
  item.dispatchEvent('tap');
  await waitFor(() => expect(find(page, `.${trigger}`).dom?.textContent).toContain(option));
}

const complaint = (over: Record<string, unknown> = {}) => ({
  complaintId: 'c1',
  targetOrgId: 'fd',
  targetOrgName: '城关区科技志愿服务分队',
  category: '服务态度',
  content: '志愿者在社区讲座上态度很差，不回答老人的问题。',
  contactName: '张女士',
  contactPhone: '13812345678',
  anonymousToTeam: false,
  status: 'open',
  handlerOrgId: 'lz',
  handlerOrgName: '兰州市科技志愿服务支队',
  answerDueAt: '2026-11-27T10:00:00+08:00',
  overdue: false,
  shared: false,
  createdAt: NOW,
  history: [{ step: 'submitted', at: NOW, orgName: '兰州市科技志愿服务支队' }],
  can: { answer: true, share: true },
  ...over,
});

let answers: Record<string, unknown> = {};
let page: Page | undefined;
const opened: string[] = [];
beforeEach(() => {
  requests.length = 0;
  answers = {};
  opened.length = 0;
  for (const nav of ['redirectTo', 'navigateTo'] as const)
    wx[nav] = (opts) => {
      opened.push(String(opts.url));
      setTimeout(() => opts.success?.({ errMsg: `${nav}:ok` }), 0);
    };
  onRequest((req: WxRequestOptions) => {
    const fn = req.url.split('/functions/')[1];
    const answer = answers[`${fn}.${(req.data as Body).action}`];
    if (answer === undefined) return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    return typeof answer === 'function' ? (answer as (b: Body) => unknown)(req.data as Body) : answer;
  });
});
afterEach(() => {
  page?.detach();
  Object.assign(wx, original);
});

test('the form shows the team as a card, refuses short content, and sends the complaint with its SMS code', async () => {
  answers['org.get'] = ok({
    org: {
      _id: 'fd',
      name: '城关区科技志愿服务分队',
      level: '分队',
      parentId: 'lz',
      path: ['root', 'lz'],
      region: LANZHOU,
      intro: '简介',
      status: 'approved',
      createdAt: NOW,
    },
    parent: null,
    children: [],
    memberCount: 5,
    myMembership: null,
    isLeader: false,
    canManage: false,
    canRead: false,
  });
  answers['sms.send'] = ok({ resendAfterSec: 60, expiresInSec: 300 });
  answers['org.complain'] = ok({ complaint: complaint() });
  page = renderPage('pages/complaint/index', { orgId: 'fd' });
  await waitFor(() => expect(text(find(page!, '.complaint-target'))).toContain('城关区科技志愿服务分队'));
  expect(text(find(page, '.complaint-target'))).toContain('上级队伍受理');

  type(page, '.complaint-content', '太差了');
  tap(page, '.complaint-submit');
  await waitFor(() => expect(text(find(page!, '.field-error-content'))).toContain('至少10个字'));
  expect(text(find(page, '.field-error-category'))).toContain('请选择投诉类别');
  expect(calls('org', 'complain')).toEqual([]);

  await pick(page, 'complaint-category', '服务态度');
  type(page, '.complaint-content', '志愿者在社区讲座上态度很差，不回答老人的问题。');
  type(page, '.complaint-contact', '张女士');
  find(page, '.complaint-anonymous').dispatchEvent('change', { detail: { value: true } });
  type(page, '.reg-phone', '13812345678');
  tap(page, '.reg-send-code');
  await waitFor(() => expect(calls('sms')).toEqual([{ action: 'send', phone: '13812345678', purpose: 'complaint' }]));
  type(page, '.reg-sms-code', '123456');
  tap(page, '.complaint-submit');
  await waitFor(() => expect(calls('org', 'complain')).toHaveLength(1));
  expect(calls('org', 'complain')[0]).toEqual({
    action: 'complain',
    target: { orgId: 'fd' },
    category: '服务态度',
    content: '志愿者在社区讲座上态度很差，不回答老人的问题。',
    contactName: '张女士',
    phone: '13812345678',
    smsCode: '123456',
    anonymousToTeam: true,
  });
  await waitFor(() => expect(opened).toEqual(['/pages/my-complaints/index?id=c1']), 4000);
});

test('投诉处理 marks an overdue complaint and answers one, shared with the team; the answer shows on the card', async () => {
  answers['org.complaintInbox'] = ok({
    items: [
      complaint(),
      complaint({ complaintId: 'c2', overdue: true, content: '活动签到时长记录错误，少记了两个小时。', category: '时长记录' }),
    ],
    total: 2,
    page: 1,
    counts: { open: 2, overdue: 1 },
  });
  answers['org.answerComplaint'] = (b: Body) =>
    ok({
      complaint: complaint({
        status: 'answered',
        shared: b.shareWithTeam,
        answer: { text: b.answer, orgName: '兰州市科技志愿服务支队', at: NOW },
        can: { answer: false, share: true },
      }),
    });
  page = renderPage('admin/complaint-inbox/index');
  await waitFor(() => expect(page!.querySelectorAll('.complaint-item')).toHaveLength(2));
  expect(text(find(page, '.complaint-inbox-tab-open-count'))).toBe('2');
  expect(text(find(page, '.complaint-inbox-tab-open'))).toContain('1超时');
  expect(page.querySelectorAll('.complaint-overdue')).toHaveLength(1);
  const [first, second] = page.querySelectorAll('.complaint-item');
  expect(text(first)).toContain('兰州市科技志愿服务支队受理');
  expect(text(first)).toContain('13812345678');
  expect(text(second)).toContain('已超时');
  expect(calls('org', 'complaintInbox')[0]).toEqual({ action: 'complaintInbox', status: 'open', page: 1, pageSize: 20 });

  type(page, '.complaint-answer-input', '已约谈相关志愿者，向您致歉。');
  find(page, '.complaint-answer-share').dispatchEvent('change', { detail: { value: true } });
  // The switch's state reaches the button's handler on the next render.
  await new Promise((resolve) => setTimeout(resolve, 50));
  tap(page, '.complaint-answer-submit');
  await waitFor(() => expect(calls('org', 'answerComplaint')).toHaveLength(1));
  expect(calls('org', 'answerComplaint')[0]).toEqual({
    action: 'answerComplaint',
    complaintId: 'c1',
    answer: '已约谈相关志愿者，向您致歉。',
    shareWithTeam: true,
  });
  await waitFor(() => expect(text(find(page!, '.complaint-answer'))).toContain('已约谈相关志愿者，向您致歉。'));
  expect(find(page, '.complaint-share')).toBeTruthy();
});
