// Activity pages of the weapp build: the publish form's checks and its contract input, the square's cards and phase
// tabs, enrolling after the risk notice and where an enrollment error sends the volunteer, a manager's photos
// (miniprogram-simulate).
import simulate from 'miniprogram-simulate';
import { find, onRequest, renderPage, requests, tap, text, type, waitFor, type Body, type Page, type WxRequestOptions } from './shim';
import { activityAnswer, LANZHOU, NOW } from './fixtures';

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void };
/** A wx API as a test replaces it: its callbacks, and whatever else the page passes. */
type Wx = Record<string, (opts: Callbacks & Record<string, unknown>) => unknown>;

const wx = (globalThis as unknown as { wx: Wx }).wx;
const all = (page: Page, selector: string) => page.querySelectorAll(selector);
const calls = (fn: string, action?: string) =>
  requests.filter((r) => r.url.endsWith(`/functions/${fn}`) && (!action || (r.data as Body).action === action)).map((r) => r.data as Body);
const ok = (data: unknown) => ({ ok: true, data });

/** Taps an OptionPicker row, then the option with this text in its sheet. */
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

const ORG = {
  _id: 'lz',
  name: '兰州市科技志愿服务支队',
  level: '支队',
  parentId: 'root',
  path: ['root'],
  region: LANZHOU,
  intro: '开展科普报告。',
  status: 'approved',
  createdAt: NOW,
};
const activity = (over: Record<string, unknown> = {}) => activityAnswer({ orgName: ORG.name, ...over });

let answers: Record<string, unknown> = {};
let page: Page | undefined;
// The wx APIs a test may replace, put back after each test (wx.request stays the shim's).
const original = {
  showModal: wx.showModal,
  navigateTo: wx.navigateTo,
  chooseLocation: wx.chooseLocation,
  chooseImage: wx.chooseImage,
  compressImage: wx.compressImage,
  getFileSystemManager: wx.getFileSystemManager,
};
afterEach(() => {
  page?.detach();
  Object.assign(wx, original);
});
beforeEach(() => {
  requests.length = 0;
  answers = {};
  onRequest((req: WxRequestOptions) => {
    const fn = req.url.split('/functions/')[1];
    const answer = answers[`${fn}.${(req.data as Body).action}`];
    return answer === undefined
      ? { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' }
      : typeof answer === 'function'
        ? answer(req.data)
        : answer;
  });
});

describe('发布活动 (admin subpackage)', () => {
  const open = async () => {
    answers['org.get'] = ok({ org: ORG, parent: null, children: [], memberCount: 5, myMembership: null, canManage: true, canRead: true });
    page = renderPage('admin/activity-edit/index', { orgId: 'lz' });
    await waitFor(() => find(page!, '.act-edit-submit'));
    return page;
  };

  test('shows the team and refuses an empty form field by field, in Chinese, before anything is sent', async () => {
    const p = await open();
    expect(find(p, '.act-edit-org').dom?.textContent).toBe('发布队伍：兰州市科技志愿服务支队');
    tap(p, '.act-edit-submit');
    await waitFor(() => find(p, '.field-error-title'));
    expect(find(p, '.field-error-title').dom?.textContent).toBe('活动名称至少4个字');
    expect(find(p, '.field-error-category').dom?.textContent).toBe('请选择服务类别');
    expect(find(p, '.field-error-description').dom?.textContent).toBe('活动介绍至少10个字');
    expect(find(p, '.field-error-region').dom?.textContent).toBe('请选择活动所在地区（省、市、区县）');
    expect(find(p, '.field-error-location').dom?.textContent).toBe('请在地图上选择活动位置');
    expect(find(p, '.field-error-address').dom?.textContent).toBe('请填写活动地址');
    expect(find(p, '.field-error-capacity').dom?.textContent).toBe('请填写招募人数');
    // The defaults (next week, 09:00–12:00, signup until the day before) are valid on their own.
    expect(p.querySelector('.field-error-startDate')).toBeFalsy();
    expect(p.querySelector('.field-error-signupEndAt')).toBeFalsy();
    await simulate.sleep(50);
    expect(calls('activity')).toHaveLength(0);
  });

  test('a daily cap over 12 hours and a radius over 5 km are refused by the shared schema', async () => {
    const p = await open();
    type(p, '.act-edit-daily-cap', '13');
    type(p, '.act-edit-radius', '6000');
    tap(p, '.act-edit-submit');
    await waitFor(() => expect(find(p, '.field-error-dailyCapMinutes').dom?.textContent).toBe('每日时长上限不能超过12小时'));
    expect(find(p, '.field-error-radiusM').dom?.textContent).toBe('签到范围不能超过5000米');
  });

  test('publishes the point picked on the map with the defaults: 5000 m, 8 h, public', async () => {
    const chosen: unknown[] = [];
    wx.chooseLocation = (opts) => {
      chosen.push(opts);
      setTimeout(
        () =>
          opts.success?.({
            errMsg: 'chooseLocation:ok',
            name: '东方红广场',
            address: '甘肃省兰州市城关区',
            latitude: 36.0577,
            longitude: 103.8342,
          }),
        0,
      );
    };
    answers['activity.publish'] = (body: Body) => ok({ activity: activity({ _id: 'new1', title: body.title }) });
    const p = await open();
    type(p, '.act-edit-title', '社区科普讲解活动');
    await pick(p, 'act-edit-category', '科普讲解');
    type(p, '.act-edit-description', '走进社区开展防灾减灾科普讲解');
    await pick(p, 'act-edit-region-province', '甘肃省');
    await pick(p, 'act-edit-region-city', '兰州市');
    await pick(p, 'act-edit-region-county', '城关区');
    tap(p, '.act-edit-choose-location');
    await waitFor(() => expect(find(p, '.act-edit-coords').dom?.textContent).toBe('36.05770, 103.83420'));
    type(p, '.act-edit-capacity', '30');
    tap(p, '.act-edit-submit');
    await waitFor(() => expect(calls('activity', 'publish')).toHaveLength(1));
    const sent = calls('activity', 'publish')[0];
    expect(chosen).toHaveLength(1);
    expect(sent).toMatchObject({
      orgId: 'lz',
      title: '社区科普讲解活动',
      category: '科普讲解',
      region: LANZHOU,
      address: '甘肃省兰州市城关区东方红广场',
      location: { lat: 36.0577, lng: 103.8342 },
      radiusM: 5000,
      dailyStart: '09:00',
      dailyEnd: '12:00',
      capacity: 30,
      waitlist: false,
      audience: 'public',
      dailyCapMinutes: 480,
    });
    expect(sent.startDate).toBe(sent.endDate);
    expect(sent.signupEndAt).toMatch(/T18:00:00\+08:00$/);
    expect(sent.riskNotice).toBeUndefined();
  });
});

describe('活动广场', () => {
  test('cards show the phase, the two days, seats and 仅限队员; a phase tab asks for that phase', async () => {
    answers['activity.list'] = ok({
      items: [
        { ...activity(), phase: 'recruiting' },
        {
          ...activity({
            _id: 'a2',
            title: '青少年科技教育进校园',
            audience: 'members',
            startDate: '2026-12-05',
            endDate: '2026-12-05',
            dailyStart: '14:00',
            dailyEnd: '16:30',
          }),
          phase: 'closed',
        },
      ],
      total: 2,
      page: 1,
    });
    page = renderPage('pages/activities/index');
    await waitFor(() => expect(all(page!, '.act-item')).toHaveLength(2));
    const texts = (selector: string) => all(page!, selector).map((n) => n.dom?.textContent);
    expect(texts('.act-card-schedule')).toEqual(['12月1日—12月2日 每天09:00-17:00', '12月5日 14:00-16:30']);
    expect(texts('.act-card-phase')).toEqual(['报名中', '报名结束']);
    expect(texts('.act-card-seats')).toEqual(['已报名 12/30', '已报名 12/30']);
    // Only the second is for members.
    expect(texts('.act-card-members-only')).toEqual(['仅限队员']);
    expect(all(page, '.act-item')[1].dom?.textContent).toContain('仅限队员');
    expect(text(page)).toContain('共 2 个活动');
    expect(calls('activity', 'list')[0]).toEqual({ action: 'list', page: 1, pageSize: 20 });

    answers['activity.list'] = ok({ items: [], total: 0, page: 1 });
    tap(page, '.act-tab-ongoing');
    await waitFor(() => find(page!, '.act-empty'));
    expect(calls('activity', 'list')[1]).toEqual({ action: 'list', phase: 'ongoing', page: 1, pageSize: 20 });
    expect(text(page)).toContain('没有找到符合条件的活动');
  });
});

describe('活动详情', () => {
  const detail = (over: Record<string, unknown> = {}) =>
    ok({
      activity: activity({ riskNotice: '户外活动，请注意防寒保暖。' }),
      phase: 'recruiting',
      enrolledCount: 12,
      canManage: false,
      signupOpen: true,
      ...over,
    });

  test('enrolling asks to confirm the risk notice first, then shows 已报名 with 取消报名', async () => {
    const modals: Record<string, unknown>[] = [];
    wx.showModal = (opts) => {
      modals.push(opts);
      setTimeout(() => opts.success?.({ errMsg: 'showModal:ok', confirm: true, cancel: false }), 0);
    };
    answers['activity.get'] = detail();
    answers['activity.enroll'] = ok({
      enrollment: { enrollmentId: 'a1_me', activityId: 'a1', openid: 'me', status: 'enrolled', enrolledAt: NOW },
    });
    page = renderPage('pages/activity-detail/index', { id: 'a1' });
    await waitFor(() => find(page!, '.act-enroll'));
    expect(find(page, '.act-risk-notice').dom?.textContent).toBe('户外活动，请注意防寒保暖。');
    expect(page.querySelector('.act-manage')).toBeFalsy();

    answers['activity.get'] = detail({
      enrolledCount: 13,
      myEnrollment: { enrollmentId: 'a1_me', activityId: 'a1', openid: 'me', status: 'enrolled', enrolledAt: NOW },
    });
    tap(page, '.act-enroll');
    await waitFor(() => expect(find(page!, '.act-my-status').dom?.textContent).toBe('已报名'));
    expect(modals[0]).toMatchObject({ title: '风险告知' });
    expect(modals[0].content).toContain('户外活动，请注意防寒保暖。');
    expect(calls('activity', 'enroll')).toEqual([{ action: 'enroll', activityId: 'a1' }]);
    expect(find(page, '.act-cancel-enroll')).toBeTruthy();
    expect(find(page, '.act-enrolled-count').dom?.textContent).toBe('13');
  });

  test('declining the risk notice sends nothing', async () => {
    wx.showModal = (opts) => setTimeout(() => opts.success?.({ errMsg: 'showModal:ok', confirm: false, cancel: true }), 0);
    answers['activity.get'] = detail();
    page = renderPage('pages/activity-detail/index', { id: 'a1' });
    await waitFor(() => find(page!, '.act-enroll'));
    tap(page, '.act-enroll');
    await simulate.sleep(100);
    expect(calls('activity', 'enroll')).toHaveLength(0);
  });

  test('without an approved team the volunteer is offered the way to 队伍', async () => {
    const navigated: string[] = [];
    const modals: Record<string, unknown>[] = [];
    wx.showModal = (opts) => {
      modals.push(opts);
      setTimeout(() => opts.success?.({ errMsg: 'showModal:ok', confirm: true, cancel: false }), 0);
    };
    wx.navigateTo = (opts) => {
      navigated.push(String(opts.url));
      setTimeout(() => opts.success?.({ errMsg: 'navigateTo:ok' }), 0);
    };
    answers['activity.get'] = detail({ activity: activity() });
    answers['activity.enroll'] = { ok: false, code: 'USER.NO_APPROVED_ORG', message: '请先申请加入一支志愿服务队伍，再报名活动' };
    page = renderPage('pages/activity-detail/index', { id: 'a1' });
    await waitFor(() => find(page!, '.act-enroll'));
    tap(page, '.act-enroll');
    await waitFor(() => expect(navigated).toEqual(['/pages/orgs/index']));
    expect(modals[0]).toMatchObject({ title: '请先加入队伍', confirmText: '去加入' });
  });

  test('a members-only activity of another team says so, naming the pending application, before any risk notice', async () => {
    const message = '本活动仅限兰州市科技志愿服务支队及下级队伍的队员报名。您加入城关区第一分队的申请正在审核中，审核通过后即可报名';
    answers['activity.get'] = detail({ activity: activity(), enrollBlock: { code: 'ACTIVITY.MEMBERS_ONLY', message } });
    page = renderPage('pages/activity-detail/index', { id: 'a1' });
    await waitFor(() => expect(find(page!, '.act-enroll-disabled').dom?.textContent).toBe('仅限队员报名'));
    expect(find(page, '.act-enroll-hint').dom?.textContent).toBe(message);
    expect(page.querySelector('.act-enroll')).toBeFalsy();
  });

  test('once it has started, a manager records the people served (附件3) and sees the figure on the button', async () => {
    answers['activity.get'] = detail({ phase: 'ongoing', canManage: true, activity: activity() });
    answers['activity.recordServed'] = (body: Body) => ok({ activity: activity({ servedCount: body.servedCount, summary: body.summary }) });
    page = renderPage('pages/activity-detail/index', { id: 'a1' });
    await waitFor(() => expect(find(page!, '.act-served').dom?.textContent).toBe('填写服务人数'));
    tap(page, '.act-served');
    await waitFor(() => find(page!, '.served-count'));
    type(page, '.served-count', '12a');
    await simulate.sleep(30);
    tap(page, '.served-save');
    await waitFor(() => expect(find(page!, '.served-error').dom?.textContent).toBe('请填写服务群众人次（整数）'));
    expect(calls('activity', 'recordServed')).toHaveLength(0);

    answers['activity.get'] = detail({ phase: 'ongoing', canManage: true, activity: activity({ servedCount: 120 }) });
    type(page, '.served-count', '120');
    type(page, '.served-summary', '讲解防灾减灾知识');
    await simulate.sleep(30);
    tap(page, '.served-save');
    await waitFor(() => expect(find(page!, '.act-served').dom?.textContent).toBe('服务 120 人次'));
    expect(calls('activity', 'recordServed')).toEqual([
      { action: 'recordServed', activityId: 'a1', servedCount: 120, summary: '讲解防灾减灾知识' },
    ]);
  });

  test('a manager adds a photo chosen compressed, compressed again when large, sent as base64; and deletes it after a confirm', async () => {
    const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]).toString('base64');
    const chosen: Record<string, unknown>[] = [];
    const compressed: Record<string, unknown>[] = [];
    wx.chooseImage = (opts) => {
      chosen.push(opts);
      setTimeout(() => opts.success?.({ errMsg: 'chooseImage:ok', tempFilePaths: ['wxfile://tmp/big.jpg'], tempFiles: [] }), 0);
    };
    wx.compressImage = (opts) => {
      compressed.push(opts);
      setTimeout(() => opts.success?.({ errMsg: 'compressImage:ok', tempFilePath: 'wxfile://tmp/small.jpg' }), 0);
    };
    const read: string[] = [];
    wx.getFileSystemManager = () => ({
      getFileInfo: (opts: Callbacks) => setTimeout(() => opts.success?.({ size: 3_000_000 }), 0),
      readFile: (opts: Callbacks & { filePath: string }) => {
        read.push(opts.filePath);
        setTimeout(() => opts.success?.({ data: JPEG }), 0);
      },
    });
    const modals: Record<string, unknown>[] = [];
    wx.showModal = (opts) => {
      modals.push(opts);
      setTimeout(() => opts.success?.({ errMsg: 'showModal:ok', confirm: true, cancel: false }), 0);
    };
    answers['activity.get'] = detail({ phase: 'ongoing', canManage: true, activity: activity(), photos: [] });
    answers['activity.addPhoto'] = ok({ photo: { photoId: 'p1', url: 'http://127.0.0.1/_files/p1.jpg' } });
    answers['activity.removePhoto'] = ok({ removed: true });
    page = renderPage('pages/activity-detail/index', { id: 'a1' });
    await waitFor(() => find(page!, '.act-photos-empty'));

    answers['activity.get'] = detail({
      phase: 'ongoing',
      canManage: true,
      activity: activity(),
      photos: [{ photoId: 'p1', url: 'http://127.0.0.1/_files/p1.jpg' }],
    });
    tap(page, '.act-photos-add');
    await waitFor(() => expect(all(page!, '.act-photo')).toHaveLength(1));
    expect(chosen[0]).toMatchObject({ count: 1, sizeType: ['compressed'] });
    expect(compressed[0]).toMatchObject({ src: 'wxfile://tmp/big.jpg' });
    expect(read).toEqual(['wxfile://tmp/small.jpg']);
    expect(calls('activity', 'addPhoto')).toEqual([{ action: 'addPhoto', activityId: 'a1', contentType: 'image/jpeg', dataBase64: JPEG }]);

    answers['activity.get'] = detail({ phase: 'ongoing', canManage: true, activity: activity(), photos: [] });
    tap(page, '.act-photo-delete');
    await waitFor(() => find(page!, '.act-photos-empty'));
    expect(modals[0]).toMatchObject({ title: '删除照片', confirmText: '删除' });
    expect(calls('activity', 'removePhoto')).toEqual([{ action: 'removePhoto', activityId: 'a1', photoId: 'p1' }]);
  });

  test('before the signup opens the button says so, with the opening time', async () => {
    answers['activity.get'] = detail({ signupOpen: false, activity: activity({ signupStartAt: '2099-01-01T01:00:00.000Z' }) });
    page = renderPage('pages/activity-detail/index', { id: 'a1' });
    await waitFor(() => find(page!, '.act-enroll-disabled'));
    expect(find(page, '.act-enroll-disabled').dom?.textContent).toBe('报名未开始');
    expect(find(page, '.act-enroll-hint').dom?.textContent).toBe('将于1月1日 09:00开始报名');
  });
});
