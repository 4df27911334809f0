// 首页 of the weapp build (miniprogram-simulate): on the day of an activity the activity, its check-in state and
// 扫码签到 leading to the scanner for it; a manager's to-dos leading to the inbox (needs to 需求派单); someone not
// registered is invited.
import { find, renderPage, tap, text, waitFor, type Page } from './shim';
import { resetRequests } from './fixtures';

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void };
type Wx = Record<string, (opts: Callbacks & Record<string, unknown>) => unknown>;
const wx = (globalThis as unknown as { wx: Wx }).wx;
const original = { navigateTo: wx.navigateTo };

const today = {
  activityId: 'a1',
  title: '全国科普日主题展',
  orgName: '兰州市科技志愿服务支队',
  address: '兰州市城关区东方红广场',
  startDate: '2026-11-22',
  endDate: '2026-11-24',
  dailyStart: '08:00',
  dailyEnd: '20:00',
  startAt: '2026-11-22T08:00:00+08:00',
  phase: 'ongoing',
  enrollmentStatus: 'enrolled',
  date: '2026-11-23',
  state: 'notSignedIn',
  minutes: 0,
};
const homeAnswer = (over: Record<string, unknown> = {}) => ({
  ok: true,
  data: {
    volunteer: { realName: '刘洋', volunteerNo: 'KJ202600000002', status: 'active' },
    today: [],
    next: null,
    memberships: [{ orgId: 'lz', orgName: '兰州市科技志愿服务支队', status: 'approved', role: 'member' }],
    todo: null,
    notices: [],
    unreadNotices: 0,
    recruiting: [],
    recruitingTotal: 0,
    ...over,
  },
});

let answers: Record<string, unknown> = {};
let page: Page | undefined;
const navigated: string[] = [];
beforeEach(() => {
  navigated.length = 0;
  answers = { unreadMessages: { ok: true, data: { unread: 0 } } };
  resetRequests(() => answers);
  wx.navigateTo = (opts) => {
    navigated.push(String(opts.url));
    setTimeout(() => opts.success?.({ errMsg: 'navigateTo:ok' }), 0);
  };
});
afterEach(() => {
  page?.detach();
  wx.navigateTo = original.navigateTo;
});

test('on the day: the activity, 未签到 and 扫码签到 for that activity', async () => {
  answers.home = homeAnswer({ today: [today] });
  page = renderPage('pages/index/index');
  await waitFor(() => find(page!, '.home-today'));
  expect(text(find(page, '.home-greeting'))).toBe('刘洋，欢迎回来');
  expect(text(find(page, '.home-today-title'))).toBe('全国科普日主题展');
  expect(text(find(page, '.home-today-state'))).toBe('未签到');
  expect(text(find(page, '.home-scan'))).toContain('扫码签到');
  tap(page, '.home-scan');
  await waitFor(() => expect(navigated).toEqual(['/pages/scan/index?activityId=a1&auto=1']));
});

test('a manager’s to-dos lead to the inbox', async () => {
  answers.home = homeAnswer({ todo: { members: 2, orgs: 0, corrections: 1, needs: 0, total: 3 } });
  page = renderPage('pages/index/index');
  await waitFor(() => find(page!, '.home-todo'));
  expect(text(find(page, '.home-todo-members'))).toContain('2');
  expect(text(find(page, '.home-todo-corrections'))).toContain('1');
  expect(page.querySelector('.home-todo-orgs')).toBeFalsy();
  tap(page, '.home-todo-corrections');
  await waitFor(() => expect(navigated).toEqual(['/admin/inbox/index']));
});

test('needs to dispatch or accept lead to 需求派单', async () => {
  answers.home = homeAnswer({ todo: { members: 0, orgs: 0, corrections: 0, needs: 2, total: 2 } });
  page = renderPage('pages/index/index');
  await waitFor(() => find(page!, '.home-todo-needs'));
  expect(text(find(page, '.home-todo-needs'))).toContain('群众需求待派单/接单2');
  expect(page.querySelector('.home-todo-members')).toBeFalsy();
  tap(page, '.home-todo-needs');
  await waitFor(() => expect(navigated).toEqual(['/admin/need-inbox/index']));
});

test('someone not registered is invited to register', async () => {
  answers.home = homeAnswer({ volunteer: null, memberships: [] });
  page = renderPage('pages/index/index');
  await waitFor(() => find(page!, '.home-register'));
  expect(text(page)).not.toContain('欢迎回来');
  tap(page, '.home-register');
  await waitFor(() => expect(navigated).toEqual(['/pages/register/index']));
});
