// Share handlers of the weapp build (miniprogram-simulate): 活动详情 answers a chat card with the title, date and place
// and a path carrying the sharer's token (朋友圈 the same query); a poster's scene opens the activity with its token
// and enrolling sends it; 队伍详情 shares as an invitation with 申请加入 ready.
import { find, renderPage, requests, tap, text, waitFor, type Body, type Page } from './shim';
import { activityAnswer, LANZHOU, NOW, resetRequests } from './fixtures';

type Share = { title: string; path?: string; query?: string };
type Handlers = { onShareAppMessage(opts: object): Share; onShareTimeline(): Share };
const handlers = (p: Page) => (p as unknown as { instance: Handlers }).instance;
const ok = (data: unknown) => ({ ok: true, data });
const bodies = (action: string) => requests.map((r) => r.data as Body).filter((b) => b.action === action);

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };
const done = (opts: Callbacks, res: object) =>
  setTimeout(() => {
    opts.success?.({ errMsg: 'ok', ...res });
    opts.complete?.({ errMsg: 'ok', ...res });
  }, 0);

/** The page's <canvas type="2d"> and the album, recording what is drawn and saved (Taro binds wx APIs at launch). */
const device = {
  texts: [] as string[],
  images: [] as string[],
  written: [] as string[],
  saved: [] as string[],
  scales: [] as number[][],
  exported: [] as unknown[],
};
const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
wx.env = { USER_DATA_PATH: 'wxfile://usr' };
wx.getFileSystemManager = () => ({ writeFileSync: (file: string) => void device.written.push(file) });
const canvas = {
  width: 0,
  height: 0,
  getContext: () => ({
    imageSmoothingEnabled: true,
    scale: (x: number, y: number) => void device.scales.push([x, y]),
    fillRect: () => undefined,
    fillText: (text: string) => void device.texts.push(text),
    // 28px sans-serif: a Chinese character 28 px wide, any other 15 px.
    measureText: (text: string) => ({ width: [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2000 ? 28 : 15), 0) }),
    drawImage: (image: { src: string }) => void device.images.push(image.src),
  }),
  createImage: () => {
    const image = { onload: () => undefined, onerror: () => undefined, src: '' };
    return new Proxy(image, {
      set(target, key, value) {
        (target as Record<string | symbol, unknown>)[key] = value;
        if (key === 'src') setTimeout(() => target.onload(), 0);
        return true;
      },
    });
  },
};
wx.createSelectorQuery = () => {
  const query = { select: () => query, fields: () => query, exec: (cb: (res: unknown) => void) => cb([{ node: canvas }]) };
  return query;
};
wx.canvasToTempFilePath = (opts: Callbacks & { destWidth: number; destHeight: number }) => {
  device.exported.push({ destWidth: opts.destWidth, destHeight: opts.destHeight });
  done(opts, { tempFilePath: 'wxfile://tmp/poster.png' });
};
wx.saveImageToPhotosAlbum = (opts: Callbacks & { filePath: string }) => {
  device.saved.push(opts.filePath);
  done(opts, {});
};

let answers: Record<string, unknown> = {};
let page: Page | undefined;
beforeEach(() => {
  answers = {};
  resetRequests(() => answers);
});
afterEach(() => page?.detach());

const detail = (over: Record<string, unknown> = {}) =>
  ok({ activity: activityAnswer(), phase: 'recruiting', enrolledCount: 12, canManage: false, signupOpen: true, ...over });

describe('活动详情', () => {
  test('shares a card with the title, date and place, and a path carrying my share token', async () => {
    answers.get = detail();
    answers.shareLink = ok({ token: 'Tk3nAbC9', path: 'pages/activity-detail/index?id=a1&from=Tk3nAbC9' });
    page = renderPage('pages/activity-detail/index', { id: 'a1' });
    await waitFor(() => find(page!, '.act-share'));
    expect(find(page, '.act-share').dom?.textContent).toBe('分享给微信好友');
    await waitFor(() => expect(bodies('shareLink')).toEqual([{ action: 'shareLink', activityId: 'a1' }]));
    const share = await waitFor(() => {
      const s = handlers(page!).onShareAppMessage({ from: 'menu' });
      expect(s.path).toContain('from=');
      return s;
    });
    expect(share).toEqual({
      title: '社区科普讲解活动｜12月1日—12月2日 每天09:00-17:00｜兰州市城关区东方红广场',
      path: '/pages/activity-detail/index?id=a1&from=Tk3nAbC9',
    });
    expect(handlers(page).onShareTimeline()).toEqual({ title: share.title, query: 'id=a1&from=Tk3nAbC9' });
  });

  test('a visitor without a registration shares the plain page', async () => {
    answers.get = detail();
    answers.shareLink = { ok: false, code: 'USER.NOT_REGISTERED', message: '请先注册' };
    page = renderPage('pages/activity-detail/index', { id: 'a1' });
    await waitFor(() => find(page!, '.act-share'));
    await waitFor(() => expect(bodies('shareLink')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(handlers(page).onShareAppMessage({ from: 'menu' }).path).toBe('/pages/activity-detail/index?id=a1');
  });

  test("a poster's scene opens the activity, and enrolling sends the token it carried", async () => {
    answers.openScene = ok({ activityId: 'a1', from: 'Tk3nAbC9' });
    answers.get = detail();
    answers.shareLink = ok({ token: 'Mine0001', path: '' });
    answers.enroll = ok({ enrollment: { enrollmentId: 'a1_me', activityId: 'a1', openid: 'me', status: 'enrolled', enrolledAt: NOW } });
    page = renderPage('pages/activity-detail/index', { scene: encodeURIComponent('AbCdEfGh.Tk3nAbC9') });
    await waitFor(() => find(page!, '.act-enroll'));
    expect(bodies('openScene')).toEqual([{ action: 'openScene', scene: 'AbCdEfGh.Tk3nAbC9' }]);
    expect(bodies('get')[0]).toEqual({ action: 'get', activityId: 'a1' });
    tap(page, '.act-enroll');
    await waitFor(() => expect(bodies('enroll')).toEqual([{ action: 'enroll', activityId: 'a1', from: 'Tk3nAbC9' }]));
  });

  test('managers see how many enrolled through shares and the 活动海报 button; volunteers see neither', async () => {
    answers.get = detail({ canManage: true, shareEnrollments: 3 });
    answers.shareLink = ok({ token: 'Tk3nAbC9', path: '' });
    page = renderPage('pages/activity-detail/index', { id: 'a1' });
    await waitFor(() => find(page!, '.act-share-count'));
    expect(find(page, '.act-share-count').dom?.textContent).toBe('通过分享报名 3 人');
    expect(find(page, '.act-poster').dom?.textContent).toBe('活动海报');
    page.detach();
    answers.get = detail();
    page = renderPage('pages/activity-detail/index', { id: 'a1' });
    await waitFor(() => find(page!, '.act-share'));
    expect(page.querySelector('.act-share-count')).toBeFalsy();
    expect(page.querySelector('.act-poster')).toBeFalsy();
  });
});

describe('活动海报', () => {
  test('draws the title, time, place and organiser with the 小程序码 on the canvas and saves it to the album', async () => {
    answers.get = detail({ canManage: true, shareEnrollments: 0 });
    answers.shareLink = ok({ token: 'Tk3nAbC9', path: '' });
    answers.poster = ok({
      title: '社区科普讲解活动',
      orgName: '兰州市科技志愿服务支队',
      address: '兰州市城关区东方红广场',
      startDate: '2026-12-01',
      endDate: '2026-12-02',
      dailyStart: '09:00',
      dailyEnd: '17:00',
      scene: 'AbCdEfGh.Tk3nAbC9',
      page: 'pages/activity-detail/index',
      wxacode: 'data:image/png;base64,iVBORw0KGgo=',
    });
    page = renderPage('pages/activity-detail/index', { id: 'a1' });
    await waitFor(() => find(page!, '.act-poster'));
    tap(page, '.act-poster');
    await waitFor(() => expect(device.saved).toEqual(['wxfile://tmp/poster.png']));
    expect(bodies('poster')).toEqual([{ action: 'poster', activityId: 'a1' }]);
    expect(device.texts).toEqual([
      '科技志愿服务',
      '活动招募',
      '社区科普讲解活动',
      '时间：12月1日—12月2日 每天09:00-17:00',
      '地点：兰州市城关区东方红广场',
      '主办：兰州市科技志愿服务支队',
      '用微信“扫一扫”扫描此码，查看活动并报名',
      // The team's name in the band at the poster's foot.
      '兰州市科技志愿服务支队',
    ]);
    expect(device.written).toEqual(['wxfile://usr/poster-code.png']);
    expect(device.images).toEqual(['wxfile://usr/poster-code.png']);
    // A4 at 300 dpi: the 750-unit layout scaled up by 2480/750, exported at full size.
    expect(canvas).toMatchObject({ width: 2480, height: 3508 });
    expect(device.scales).toEqual([[2480 / 750, 2480 / 750]]);
    expect(device.exported).toEqual([{ destWidth: 2480, destHeight: 3508 }]);
  });
});

const INVITING_TEAM = {
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

describe('队伍详情', () => {
  const team = {
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
  const orgDetail = (over: Record<string, unknown> = {}) =>
    ok({ org: team, parent: null, children: [], memberCount: 5, myMembership: null, canManage: false, canRead: false, ...over });

  test('shares the team as an invitation: a card naming the team and a path that opens it with 申请加入 ready', async () => {
    answers.get = orgDetail();
    page = renderPage('pages/org-detail/index', { orgId: 'lz' });
    await waitFor(() => find(page!, '.org-join'));
    const share = handlers(page).onShareAppMessage({ from: 'menu' });
    expect(share).toEqual({
      title: '邀请您加入兰州市科技志愿服务支队（甘肃省 兰州市 城关区）',
      path: '/pages/org-detail/index?orgId=lz&join=1',
    });
    expect(handlers(page).onShareTimeline()).toEqual({ title: share.title, query: 'orgId=lz&join=1' });
  });

  test('opened from an invitation, 申请加入 is ready at the top and applies', async () => {
    answers.get = orgDetail();
    answers.join = ok({
      membership: { memberId: 'lz_me', orgId: 'lz', openid: 'me', status: 'pending', role: 'member', appliedAt: NOW },
    });
    page = renderPage('pages/org-detail/index', { orgId: 'lz', join: '1' });
    await waitFor(() => find(page!, '.org-invite-join'));
    expect(text(find(page, '.org-invited'))).toContain('邀请您加入本队');
    expect(page.querySelector('.org-join')).toBeFalsy();
    tap(page, '.org-invite-join');
    await waitFor(() => expect(bodies('join')).toEqual([{ action: 'join', orgId: 'lz' }]));
  });

  test("a 邀请码's scene opens its team with 申请加入 ready; managers get 邀请加入", async () => {
    answers.openInvite = ok({ orgId: 'lz' });
    answers.get = orgDetail();
    page = renderPage('pages/org-detail/index', { scene: 'Inv1tAbC' });
    await waitFor(() => find(page!, '.org-invite-join'));
    expect(bodies('openInvite')).toEqual([{ action: 'openInvite', scene: 'Inv1tAbC' }]);
    expect(page.querySelector('.org-invite')).toBeFalsy();
    page.detach();
    answers.get = orgDetail({
      canManage: true,
      canRead: true,
      myMembership: { memberId: 'lz_me', orgId: 'lz', openid: 'me', status: 'approved', role: 'admin', appliedAt: NOW },
    });
    page = renderPage('pages/org-detail/index', { orgId: 'lz' });
    await waitFor(() => find(page!, '.org-invite'));
    expect(find(page, '.org-invite').dom?.textContent).toBe('邀请加入');
  });
});

describe('注册 from an invitation', () => {
  test("the invitation's team is already chosen, read by itself when the first results lack it", async () => {
    answers.search = ok({ items: [], total: 0, page: 1 });
    answers.get = ok({
      org: { ...INVITING_TEAM },
      parent: null,
      children: [],
      memberCount: 5,
      myMembership: null,
      canManage: false,
      canRead: false,
    });
    page = renderPage('pages/register/index', { orgId: 'lz' });
    // The search finds no team: it is listed because it is chosen.
    await waitFor(() => expect(text(find(page!, '.reg-orgs'))).toContain('兰州市科技志愿服务支队'));
    expect(bodies('get')).toEqual([{ action: 'get', orgId: 'lz' }]);
  });
});
