// Team pages of the weapp build: search list, team detail states, the registration form's checks and the review inbox (miniprogram-simulate).
import simulate from 'miniprogram-simulate';
import { find, onRequest, renderPage, requests, tap, text, waitFor, type Body, type Page, type WxRequestOptions } from './shim';
import { NOW, teamAnswer, volunteerAnswer } from './fixtures';

const calls = (fn: string, action?: string) =>
  requests.filter((r) => r.url.endsWith(`/functions/${fn}`) && (!action || (r.data as Body).action === action)).map((r) => r.data as Body);

const org = (id: string, name: string, extra: Record<string, unknown> = {}) => teamAnswer({ _id: id, name, ...extra });
const ROOT_ORG = org('root', '甘肃省科技志愿服务总队', { level: '总队', parentId: null, path: [] });
const volunteer = volunteerAnswer();

let answers: Record<string, unknown> = {};
let page: Page | undefined;
afterEach(() => page?.detach());
beforeEach(() => {
  requests.length = 0;
  answers = {};
  onRequest((req: WxRequestOptions) => {
    const fn = req.url.split('/functions/')[1];
    const { action } = req.data as Body;
    const answer = answers[`${fn}.${action}`];
    if (answer === undefined) return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    return answer;
  });
});
const ok = (data: unknown) => ({ ok: true, data });

describe('队伍 search', () => {
  test('lists approved teams page by page and shows the total', async () => {
    answers['org.search'] = ok({ items: [org('lz', '兰州市科技志愿服务支队'), org('ts', '天水市科技志愿服务支队')], total: 2, page: 1 });
    page = renderPage('pages/orgs/index');
    await waitFor(() => expect(text(page!)).toContain('天水市科技志愿服务支队'));
    expect(text(page)).toContain('共 2 支队伍');
    expect(text(page)).toContain('没有更多了');
    expect(calls('org', 'search')[0]).toEqual({ action: 'search', page: 1, pageSize: 20 });
  });

  test('a failed search shows the message and a retry button', async () => {
    answers['org.search'] = { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' };
    page = renderPage('pages/orgs/index');
    await waitFor(() => find(page!, '.orgs-error-retry'));
    expect(text(page)).toContain('服务暂时不可用，请稍后再试');
    answers['org.search'] = ok({ items: [], total: 0, page: 1 });
    tap(page, '.orgs-error-retry');
    await waitFor(() => expect(text(page!)).toContain('暂无队伍'));
  });
});

describe('队伍详情', () => {
  const detail = (over: Record<string, unknown>) =>
    ok({
      org: org('lz', '兰州市科技志愿服务支队'),
      parent: ROOT_ORG,
      children: [],
      memberCount: 5,
      myMembership: null,
      canManage: false,
      canRead: false,
      ...over,
    });
  const open = () => (page = renderPage('pages/org-detail/index', { orgId: 'lz' }));

  test('a visitor sees the team, its parent and 申请加入', async () => {
    answers['org.get'] = detail({});
    open();
    await waitFor(() => find(page!, '.org-join'));
    expect(find(page!, '.org-status').dom?.textContent).toBe('未加入');
    expect(text(page!)).toContain('甘肃省科技志愿服务总队');
    expect(text(page!)).toContain('暂无下级队伍');
    expect(page!.querySelector('.org-manage-members')).toBeFalsy();
    expect(calls('org', 'get')[0]).toEqual({ action: 'get', orgId: 'lz' });
  });

  test('an applicant sees 待审核 and may withdraw instead of applying again', async () => {
    answers['org.get'] = detail({
      myMembership: { memberId: 'lz_me', orgId: 'lz', openid: 'me', status: 'pending', role: 'member', appliedAt: NOW },
    });
    open();
    await waitFor(() => expect(find(page!, '.org-status').dom?.textContent).toBe('待审核'));
    expect(page!.querySelector('.org-join')).toBeFalsy();
    expect(find(page!, '.org-leave').dom?.textContent).toContain('撤回申请');
  });

  test('the applicant of a rejected team reads why', async () => {
    answers['org.get'] = detail({ org: org('lz', '兰州市科技志愿服务支队', { status: 'rejected', rejectReason: '名称与已有队伍重复' }) });
    open();
    await waitFor(() => find(page!, '.org-reject-reason'));
    expect(find(page!, '.org-reject-reason').dom?.textContent).toBe('驳回原因：名称与已有队伍重复');
    expect(page!.querySelector('.org-join')).toBeFalsy();
  });

  test('a team that does not exist says so', async () => {
    answers['org.get'] = { ok: false, code: 'ORG.NOT_FOUND', message: '队伍不存在' };
    open();
    await waitFor(() => find(page!, '.org-not-found'));
    expect(text(page!)).toContain('该队伍不存在或尚未通过审核');
  });
});

describe('队伍注册', () => {
  test('an empty form is refused field by field, in Chinese, before anything is sent (the phone is the applicant’s own)', async () => {
    answers['user.me'] = ok({ volunteer, memberships: [], totals: { minutes: 0, activities: 0 } });
    page = renderPage('pages/org-register/index');
    await waitFor(() => find(page!, '.orgreg-submit'));
    tap(page, '.orgreg-submit');
    await waitFor(() => find(page!, '.field-error-parentId'));
    expect(find(page, '.field-error-parentId').dom?.textContent).toBe('请选择上级队伍');
    expect(find(page, '.field-error-level').dom?.textContent).toBe('请选择队伍层级');
    expect(find(page, '.field-error-name').dom?.textContent).toBe('请填写队伍名称');
    expect(find(page, '.field-error-intro').dom?.textContent).toBe('请填写队伍简介');
    // The phone left blank is the applicant's own: no refusal, and the row says so.
    expect(text(page)).toContain('默认使用您的手机号');
    await simulate.sleep(50);
    expect(calls('org')).toHaveLength(0);
  });

  test('someone not yet registered is sent to volunteer registration first', async () => {
    answers['user.me'] = { ok: false, code: 'USER.NOT_REGISTERED', message: '请先注册成为志愿者' };
    page = renderPage('pages/org-register/index');
    await waitFor(() => find(page!, '.orgreg-go-register'));
    expect(text(page)).toContain('请先注册成为科技志愿者');
  });
});

describe('审核 (admin subpackage)', () => {
  const inbox = (n: number) =>
    ok({
      members: Array.from({ length: n }, (_, i) => ({
        memberId: `lz_dev-v${i}`,
        openid: `dev-v${i}`,
        realName: ['赵磊', '孙悦'][i],
        phoneMasked: '139****0001',
        status: 'pending',
        role: 'member',
        appliedAt: NOW,
        orgId: 'lz',
        orgName: '兰州市科技志愿服务支队',
      })),
      orgs: [],
      corrections: [],
      counts: { members: n, orgs: 0, corrections: 0, total: n },
    });

  test('approving an application sends the team and member, then refreshes the counts', async () => {
    answers['org.inbox'] = inbox(2);
    answers['org.reviewMember'] = ok({
      membership: { memberId: 'lz_dev-v0', orgId: 'lz', openid: 'dev-v0', status: 'approved', role: 'member', appliedAt: NOW },
    });
    page = renderPage('admin/inbox/index');
    await waitFor(() => expect(find(page!, '.inbox-tab-members-count').dom?.textContent).toBe('2'));
    answers['org.inbox'] = inbox(1);
    tap(page, '.inbox-approve');
    await waitFor(() => expect(find(page!, '.inbox-tab-members-count').dom?.textContent).toBe('1'));
    expect(calls('org', 'reviewMember')).toEqual([{ action: 'reviewMember', orgId: 'lz', memberId: 'lz_dev-v0', decision: 'approve' }]);
    expect(calls('org', 'inbox')).toHaveLength(2);
  });

  test('with nothing to review it says 暂无待审核申请', async () => {
    answers['org.inbox'] = inbox(0);
    page = renderPage('admin/inbox/index');
    await waitFor(() => find(page!, '.inbox-members-empty'));
    expect(text(page)).toContain('暂无待审核申请');
  });
});
