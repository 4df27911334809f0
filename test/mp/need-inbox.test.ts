// 需求派单 of the weapp build (miniprogram-simulate): the boxes with their count badges, a need's card leading to the
// need page, 需求广场 filtered by region and category, a leader's self-service switch, 接收新需求提醒 (needTask
// consent at a tap), who may not use it, and the entry on 我的 with the same count.
import {
  answerSubscribe,
  find,
  MP_TEMPLATES,
  onRequest,
  renderPage,
  requests,
  subscribes,
  tap,
  text,
  waitFor,
  type Body,
  type Page,
  type WxRequestOptions,
} from './shim';
import { LANZHOU, NOW, volunteerAnswer } from './fixtures';

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void };
type Wx = Record<string, (opts: Callbacks & Record<string, unknown>) => unknown>;
const wx = (globalThis as unknown as { wx: Wx }).wx;
const original = { navigateTo: wx.navigateTo };

const all = (page: Page, selector: string) => page.querySelectorAll(selector);
const calls = (fn: string, action?: string) =>
  requests.filter((r) => r.url.endsWith(`/functions/${fn}`) && (!action || (r.data as Body).action === action)).map((r) => r.data as Body);
const ok = (data: unknown) => ({ ok: true, data });

async function pick(page: Page, trigger: string, option: string) {
  tap(page, `.${trigger}`);
  const item = await waitFor(() => {
    const found = all(page, `.${trigger}-options .option-item`).find((n) => n.dom?.textContent === option);
    if (!found) throw new Error(`${option} not in ${trigger}`);
    return found;
  });
  item.dispatchEvent('tap');
  await waitFor(() => expect(find(page, `.${trigger}`).dom?.textContent).toContain(option));
}

const need = (needId: string, over: Record<string, unknown> = {}) => ({
  needId,
  requesterKind: '社区',
  requesterName: '东岗街道社区',
  category: '科普讲解',
  title: '老年人防范电信诈骗科普讲座',
  description: '社区老年居民较多，希望志愿者讲解常见电信诈骗套路。',
  region: LANZHOU,
  address: '东岗西路社区活动室',
  preferredFrom: '2026-12-01',
  preferredTo: '2026-12-05',
  audienceSize: 60,
  contactName: '马主任',
  contactPhone: '138****0021',
  status: 'open',
  progress: '待响应',
  coveringOrgId: 'lz',
  coveringOrgName: '兰州市科技志愿服务支队',
  postedAt: '2026-11-21T15:30:00+08:00',
  history: [{ step: 'posted', at: '2026-11-21T15:30:00+08:00' }],
  photos: [],
  can: { dispatch: true, close: true, accept: false, decline: false, take: false, rate: false, photos: false },
  ...over,
});
const box = (items: unknown[], counts = { toDispatch: 2, toAccept: 1 }) => ok({ items, total: items.length, page: 1, counts });
const team = (id: string, name: string, role: string, needSelfService: boolean) => ({
  _id: id,
  name,
  level: '支队',
  parentId: 'root',
  path: ['root'],
  region: LANZHOU,
  status: 'approved',
  createdAt: NOW,
  role,
  needSelfService,
});

let answers: Record<string, unknown> = {};
let page: Page | undefined;
const navigated: string[] = [];
beforeEach(() => {
  requests.length = 0;
  subscribes.length = 0;
  answerSubscribe('accept');
  navigated.length = 0;
  answers = {};
  onRequest((req: WxRequestOptions) => {
    const fn = req.url.split('/functions/')[1];
    const body = req.data as Body;
    const answer = answers[`${fn}.${body.action}`];
    if (answer === undefined) return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    return typeof answer === 'function' ? (answer as (b: Body) => unknown)(body) : answer;
  });
  wx.navigateTo = (opts) => {
    navigated.push(String(opts.url));
    setTimeout(() => opts.success?.({ errMsg: 'navigateTo:ok' }), 0);
  };
});
afterEach(() => {
  page?.detach();
  wx.navigateTo = original.navigateTo;
});

test('opens on 待派单 with the counts as badges; a need shows who asks, where, when, and opens the need page', async () => {
  answers['need.inbox'] = (b: Body) =>
    b.box === 'toAccept'
      ? box([
          need('n2', {
            title: '小学生科学实验课',
            status: 'dispatched',
            progress: '已派单',
            assignedOrgId: 'lz',
            assignedOrgName: '兰州市科技志愿服务支队',
          }),
        ])
      : box([need('n1'), need('n3', { title: '家庭电脑维修求助', requesterKind: '个人', requesterName: undefined })]);
  page = renderPage('admin/need-inbox/index');
  await waitFor(() => expect(all(page!, '.need-item')).toHaveLength(2));
  // Region names follow once the region table (loaded on demand) is there.
  await waitFor(() => expect(text(all(page!, '.need-item')[0])).toContain('甘肃省 兰州市 城关区'));
  expect(text(find(page, '.need-inbox-tab-toDispatch-count'))).toBe('2');
  expect(text(find(page, '.need-inbox-tab-toAccept-count'))).toBe('1');
  expect(page.querySelector('.need-inbox-tab-handling-count')).toBeFalsy();
  const [first, second] = all(page, '.need-item');
  expect(text(first)).toContain('老年人防范电信诈骗科普讲座');
  expect(text(first)).toContain('待响应');
  expect(text(first)).toContain('社区 · 东岗街道社区');
  expect(text(first)).toContain('甘肃省 兰州市 城关区 东岗西路社区活动室');
  expect(text(first)).toContain('2026-12-01 至 2026-12-05 · 约60人');
  expect(text(first)).toContain('2026-11-21 提交');
  expect(text(second)).toContain('个人');
  expect(calls('need', 'inbox')[0]).toEqual({ action: 'inbox', box: 'toDispatch', page: 1, pageSize: 20 });

  tap(page, '.need-inbox-tab-toAccept');
  await waitFor(() => expect(text(find(page!, '.need-item'))).toContain('小学生科学实验课'));
  expect(text(find(page, '.need-item'))).toContain('承接：兰州市科技志愿服务支队');
  expect(calls('need', 'inbox')[1]).toEqual({ action: 'inbox', box: 'toAccept', page: 1, pageSize: 20 });

  tap(page, '.need-item');
  await waitFor(() => expect(navigated).toEqual(['/pages/need/index?id=n2']));
});

test('需求广场 filters by region and category; a leader switches self-service for the team they lead', async () => {
  answers['need.inbox'] = box([]);
  answers['need.square'] = (b: Body) => ok({ items: b.category === '科普讲解' || !b.category ? [need('n1')] : [], total: 1, page: 1 });
  answers['org.managed'] = ok({
    items: [team('lz', '兰州市科技志愿服务支队', 'leader', false), team('ts', '天水市科技志愿服务支队', 'admin', true)],
  });
  answers['need.setSelfService'] = (b: Body) => ok({ orgId: b.orgId, allow: b.allow });
  page = renderPage('admin/need-inbox/index', { tab: 'square' });
  await waitFor(() => expect(all(page!, '.need-item')).toHaveLength(1));
  expect(calls('need', 'square')[0]).toEqual({ action: 'square', page: 1, pageSize: 20 });

  await pick(page, 'need-square-region-province', '甘肃省');
  await waitFor(() => expect(calls('need', 'square').at(-1)).toEqual({ action: 'square', page: 1, pageSize: 20, regionCode: '620000' }));
  await pick(page, 'need-square-region-city', '兰州市');
  await pick(page, 'need-square-category', '农技服务');
  await waitFor(() => find(page!, '.need-inbox-empty'));
  expect(calls('need', 'square').at(-1)).toEqual({ action: 'square', page: 1, pageSize: 20, regionCode: '620100', category: '农技服务' });
  expect(text(find(page, '.need-inbox-empty'))).toContain('没有符合筛选条件的需求');
  // 清除筛选 on the empty state asks for the whole square again.
  tap(page, '.need-square-clear-filters');
  await waitFor(() => expect(calls('need', 'square').at(-1)).toEqual({ action: 'square', page: 1, pageSize: 20 }));
  await waitFor(() => expect(all(page!, '.need-item')).toHaveLength(1));

  // Only the team the caller leads has a switch (an admin may not change it).
  await waitFor(() => expect(all(page!, '.need-self-service-org')).toHaveLength(1));
  expect(text(find(page, '.need-self-service-org'))).toContain('兰州市科技志愿服务支队');
  find(page, '.need-self-service-switch-lz').dispatchEvent('change', { detail: { value: true } });
  await waitFor(() => expect(calls('need', 'setSelfService')).toEqual([{ action: 'setSelfService', orgId: 'lz', allow: true }]));
});

test('someone who manages no team is told so; an empty box says what will come', async () => {
  answers['need.inbox'] = { ok: false, code: 'AUTH.FORBIDDEN', message: '只有队伍负责人或管理员可以处理需求' };
  page = renderPage('admin/need-inbox/index');
  await waitFor(() => find(page!, '.need-inbox-forbidden'));
  expect(text(page)).toContain('暂无派单权限');
  page.detach();

  answers['need.inbox'] = box([], { toDispatch: 0, toAccept: 0 });
  page = renderPage('admin/need-inbox/index', { tab: 'done' });
  await waitFor(() => find(page!, '.need-inbox-empty'));
  expect(text(page)).toContain('暂无已完成的需求');
  expect(page.querySelector('.need-inbox-tab-toDispatch-count')).toBeFalsy();
  expect(calls('need', 'inbox')[1]).toEqual({ action: 'inbox', box: 'done', page: 1, pageSize: 20 });
});

test('我的 has 需求派单 with the needs to dispatch and to accept, and it opens the boxes', async () => {
  answers['user.me'] = ok({
    volunteer: volunteerAnswer(),
    memberships: [{ orgId: 'lz', orgName: '兰州市科技志愿服务支队', status: 'approved', role: 'leader' }],
    totals: { minutes: 0, activities: 0 },
  });
  answers['org.managed'] = ok({ items: [team('lz', '兰州市科技志愿服务支队', 'leader', false)] });
  answers['org.inbox'] = ok({ members: [], orgs: [], corrections: [], counts: { members: 0, orgs: 0, corrections: 0, total: 0 } });
  answers['need.inbox'] = box([need('n1')], { toDispatch: 2, toAccept: 1 });
  page = renderPage('pages/mine/index');
  await waitFor(() => expect(text(find(page!, '.mine-need-inbox-badge'))).toBe('3'));
  expect(calls('need', 'inbox')).toEqual([{ action: 'inbox', box: 'toDispatch', pageSize: 1 }]);
  tap(page, '.mine-need-inbox');
  await waitFor(() => expect(navigated).toEqual(['/admin/need-inbox/index']));
});

test('接收新需求提醒 asks for needTask consent at the tap and says whether it was given', async () => {
  answers['need.inbox'] = box([need('n1')]);
  page = renderPage('admin/need-inbox/index');
  await waitFor(() => expect(all(page!, '.need-item')).toHaveLength(1));
  // Opening the page asks nothing: WeChat asks only at a tap.
  expect(subscribes).toEqual([]);
  expect(text(find(page, '.need-inbox-subscribe-state'))).toBe('开启 ›');
  tap(page, '.need-inbox-subscribe');
  await waitFor(() => expect(text(find(page!, '.need-inbox-subscribe-state'))).toBe('已开启 ›'));
  expect(subscribes).toEqual([{ tmplIds: [MP_TEMPLATES.needTask], requestsBefore: requests.length }]);

  answerSubscribe('reject');
  tap(page, '.need-inbox-subscribe');
  await waitFor(() => expect(text(find(page!, '.need-inbox-subscribe-state'))).toBe('开启 ›'));
  expect(subscribes).toHaveLength(2);
});
