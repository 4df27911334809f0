// The 需求方 pages of the weapp build: 我要点单 shows the contract's field errors, asks for needProgress consent and sends a
// valid need with its SMS code, and uploads the 现场照片 picked before submitting once it is posted; 我的需求 lists needs
// with their progress tags and leads to 消息中心 (so does 我的 of an unregistered 需求方); the need page shows its
// photos, only the buttons `can` allows, 派单's whole subtree (searchable past 12 teams), asks managers for needTask
// consent at 派单 and 接单, and sends a rating's stars, tags and comment; the publish page opened after 接单 starts from
// the need (miniprogram-simulate).
import simulate from 'miniprogram-simulate';
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
  type,
  waitFor,
  type Body,
  type Page,
  type WxRequestOptions,
} from './shim';
import { LANZHOU, NOW } from './fixtures';

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void };
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

const NO_STEPS = { dispatch: false, close: false, accept: false, decline: false, take: false, rate: false, photos: false };
/** A need as need.get answers it: 东岗社区's lecture, waiting at 城关区's team, seen by its 需求方. */
const needAnswer = (over: Record<string, unknown> = {}) => ({
  needId: 'n1',
  requesterKind: '社区',
  requesterName: '东岗街道社区',
  category: '科普讲解',
  title: '老年人防诈骗科普讲座',
  description: '社区老年人多，希望请志愿者讲讲电信诈骗的常见套路和防范办法。',
  region: LANZHOU,
  address: '兰州市城关区东岗西路1号社区活动室',
  preferredFrom: '2026-12-01',
  preferredTo: '2026-12-02',
  audienceSize: 60,
  contactName: '李主任',
  contactPhone: '13812345678',
  status: 'open',
  progress: '待响应',
  coveringOrgId: 'fd',
  coveringOrgName: '城关区科技志愿服务分队',
  postedAt: NOW,
  history: [{ step: 'posted', at: NOW, orgName: '城关区科技志愿服务分队' }],
  photos: [],
  can: NO_STEPS,
  ...over,
});

let answers: Record<string, unknown> = {};
let page: Page | undefined;
const original = {
  redirectTo: wx.redirectTo,
  navigateTo: wx.navigateTo,
  chooseLocation: wx.chooseLocation,
  showModal: wx.showModal,
  chooseImage: wx.chooseImage,
  getFileSystemManager: wx.getFileSystemManager,
};
const opened: string[] = [];
afterEach(() => {
  page?.detach();
  Object.assign(wx, original);
});
beforeEach(() => {
  requests.length = 0;
  subscribes.length = 0;
  answerSubscribe('accept');
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
    return answer === undefined
      ? { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' }
      : typeof answer === 'function'
        ? answer(req.data)
        : answer;
  });
});

describe('我要点单', () => {
  const open = async () => {
    page = renderPage('pages/need-post/index');
    await waitFor(() => find(page!, '.need-post-submit'));
    return page;
  };

  test('an empty or wrong form shows each row’s error from the contract and sends nothing', async () => {
    const p = await open();
    for (const label of [
      '需求方类型',
      '服务类别',
      '需求标题',
      '需求描述',
      '预计受众',
      '所在地区',
      '详细地址',
      '最早日期',
      '联系人',
      '联系电话',
    ])
      expect(text(p)).toContain(label);
    type(p, '.need-post-title', '讲座');
    type(p, '.need-post-description', '讲讲防诈骗');
    type(p, '.need-post-audience', '0');
    tap(p, '.need-post-submit');
    await waitFor(() => expect(find(p, '.field-error-requesterKind').dom?.textContent).toBe('请选择需求方类型'));
    expect(find(p, '.field-error-category').dom?.textContent).toBe('请选择需要的服务类别');
    expect(find(p, '.field-error-title').dom?.textContent).toBe('标题至少4个字');
    expect(find(p, '.field-error-description').dom?.textContent).toBe('需求描述至少10个字');
    expect(find(p, '.field-error-audienceSize').dom?.textContent).toBe('预计受众至少1人');
    expect(find(p, '.field-error-region').dom?.textContent).toBe('请选择服务地点所在地区（省、市、区县）');
    expect(find(p, '.field-error-contactName').dom?.textContent).toBe('请填写联系人');
    expect(find(p, '.field-error-phone').dom?.textContent).toBe('请输入11位手机号');
    // An organisation names itself; a person does not.
    tap(p, '.need-post-kind-0');
    await waitFor(() => expect(find(p, '.need-post-kind-0').dom?.className).toContain('is-active'));
    tap(p, '.need-post-submit');
    await waitFor(() => expect(find(p, '.field-error-requesterName').dom?.textContent).toBe('请填写单位名称'));
    tap(p, '.need-post-kind-5');
    await waitFor(() => expect(p.querySelector('.need-post-unit')).toBeFalsy());
    await simulate.sleep(50);
    expect(calls('need')).toHaveLength(0);
  });

  test('a valid need is sent with its SMS code (purpose need) and opens on its own page', async () => {
    answers['sms.send'] = ok({ resendAfterSec: 60, expiresInSec: 300 });
    answers['need.post'] = (body: Body) => ok({ need: needAnswer({ needId: 'n9', title: body.title }) });
    const p = await open();
    tap(p, '.need-post-kind-0');
    type(p, '.need-post-unit', '东岗街道社区');
    await pick(p, 'need-post-category', '科普讲解');
    type(p, '.need-post-title', '老年人防诈骗科普讲座');
    type(p, '.need-post-description', '社区老年人多，希望请志愿者讲讲电信诈骗的常见套路和防范办法。');
    type(p, '.need-post-audience', '60');
    await pick(p, 'need-post-region-province', '甘肃省');
    await pick(p, 'need-post-region-city', '兰州市');
    await pick(p, 'need-post-region-county', '城关区');
    type(p, '.need-post-address', '东岗西路1号社区活动室');
    type(p, '.need-post-contact', '李主任');
    type(p, '.reg-phone', '13812345678');
    tap(p, '.reg-send-code');
    await waitFor(() => expect(find(p, '.reg-send-code').dom?.textContent).toMatch(/^(60|59)秒后重新获取$/));
    expect(calls('sms')).toEqual([{ action: 'send', phone: '13812345678', purpose: 'need' }]);
    type(p, '.reg-sms-code', '123456');
    const before = requests.length;
    tap(p, '.need-post-submit');
    await waitFor(() => expect(calls('need', 'post')).toHaveLength(1));
    // The 需求方 is asked for needProgress at the tap, before the need is sent.
    expect(subscribes).toEqual([{ tmplIds: [MP_TEMPLATES.needProgress], requestsBefore: before }]);
    // MP_CLOCK is 2026-11-23 10:00 in Shanghai: the preferred days start a week later.
    expect(calls('need', 'post')[0]).toEqual({
      action: 'post',
      requesterKind: '社区',
      requesterName: '东岗街道社区',
      category: '科普讲解',
      title: '老年人防诈骗科普讲座',
      description: '社区老年人多，希望请志愿者讲讲电信诈骗的常见套路和防范办法。',
      region: LANZHOU,
      address: '东岗西路1号社区活动室',
      preferredFrom: '2026-11-30',
      preferredTo: '2026-11-30',
      audienceSize: 60,
      contactName: '李主任',
      phone: '13812345678',
      smsCode: '123456',
    });
    await waitFor(() => expect(opened).toEqual(['/pages/need/index?id=n9']), 3000);
  });

  test('photos picked before submitting are uploaded one by one after the need is posted; a failed one is reported on the need page', async () => {
    const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64');
    const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9]).toString('base64');
    const files = ['wxfile://tmp/a.jpg', 'wxfile://tmp/b.png', 'wxfile://tmp/c.jpg'];
    const bytes: Record<string, string> = { [files[0]]: JPEG, [files[1]]: PNG, [files[2]]: JPEG };
    let chosen = 0;
    wx.chooseImage = (opts) => {
      const path = files[chosen++];
      setTimeout(() => opts.success?.({ errMsg: 'chooseImage:ok', tempFilePaths: [path], tempFiles: [] }), 0);
    };
    wx.getFileSystemManager = () => ({
      getFileInfo: (opts: Callbacks) => setTimeout(() => opts.success?.({ size: 1000 }), 0),
      readFile: (opts: Callbacks & { filePath: string }) => setTimeout(() => opts.success?.({ data: bytes[opts.filePath] }), 0),
    });
    answers['sms.send'] = ok({ resendAfterSec: 60, expiresInSec: 300 });
    answers['need.post'] = ok({ need: needAnswer({ needId: 'n9' }) });
    let uploads = 0;
    answers['need.addPhoto'] = () =>
      ++uploads === 2
        ? { ok: false, code: 'FILE.TOO_LARGE', message: '图片不能超过1MB，请压缩后再上传' }
        : ok({ photo: { photoId: `p${uploads}`, url: `http://127.0.0.1/_files/p${uploads}.jpg` } });
    const p = await open();
    expect(text(p)).toContain('现场照片（选填，最多3张）');
    for (let i = 1; i <= 3; i++) {
      tap(p, '.need-photos-add');
      await waitFor(() => expect(all(p, '.need-photo')).toHaveLength(i));
    }
    // Three is the most: no more 添加照片; one removed, another picked.
    expect(p.querySelector('.need-photos-add')).toBeFalsy();
    all(p, '.need-photo-remove')[2].dispatchEvent('tap');
    await waitFor(() => expect(all(p, '.need-photo')).toHaveLength(2));
    tap(p, '.need-post-kind-5');
    await pick(p, 'need-post-category', '科普讲解');
    type(p, '.need-post-title', '老年人防诈骗科普讲座');
    type(p, '.need-post-description', '社区老年人多，希望请志愿者讲讲电信诈骗的常见套路和防范办法。');
    type(p, '.need-post-audience', '60');
    await pick(p, 'need-post-region-province', '甘肃省');
    await pick(p, 'need-post-region-city', '兰州市');
    await pick(p, 'need-post-region-county', '城关区');
    type(p, '.need-post-address', '东岗西路1号社区活动室');
    type(p, '.need-post-contact', '李主任');
    type(p, '.reg-phone', '13812345678');
    type(p, '.reg-sms-code', '123456');
    expect(calls('need', 'addPhoto')).toHaveLength(0);
    tap(p, '.need-post-submit');
    await waitFor(() => expect(calls('need', 'addPhoto')).toHaveLength(2));
    expect(calls('need').map((b) => b.action)).toEqual(['post', 'addPhoto', 'addPhoto']);
    expect(calls('need', 'addPhoto')).toEqual([
      { action: 'addPhoto', needId: 'n9', contentType: 'image/jpeg', dataBase64: JPEG },
      { action: 'addPhoto', needId: 'n9', contentType: 'image/png', dataBase64: PNG },
    ]);
    // The need stands; its page is told one photo did not upload.
    await waitFor(() => expect(opened).toEqual(['/pages/need/index?id=n9&photosFailed=1']), 3000);
  });

  test('the need page shows the photos; its 需求方 adds one while it is open and hears of failed uploads', async () => {
    const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64');
    wx.chooseImage = (opts) =>
      setTimeout(() => opts.success?.({ errMsg: 'chooseImage:ok', tempFilePaths: ['wxfile://tmp/a.jpg'], tempFiles: [] }), 0);
    wx.getFileSystemManager = () => ({
      getFileInfo: (opts: Callbacks) => setTimeout(() => opts.success?.({ size: 1000 }), 0),
      readFile: (opts: Callbacks) => setTimeout(() => opts.success?.({ data: JPEG }), 0),
    });
    const one = [{ photoId: 'p1', url: 'http://127.0.0.1/_files/p1.jpg' }];
    answers['need.get'] = ok({ need: needAnswer({ photos: one, can: { ...NO_STEPS, photos: true } }) });
    answers['need.addPhoto'] = ok({ photo: { photoId: 'p2', url: 'http://127.0.0.1/_files/p2.jpg' } });
    page = renderPage('pages/need/index', { id: 'n1', photosFailed: '1' });
    await waitFor(() => expect(all(page!, '.need-photo')).toHaveLength(1));
    expect(find(page, '.need-photos-failed').dom?.textContent).toBe('需求已提交，但有1张照片上传失败，可在这里重新添加');
    answers['need.get'] = ok({
      need: needAnswer({ photos: [...one, { photoId: 'p2', url: 'http://127.0.0.1/_files/p2.jpg' }], can: { ...NO_STEPS, photos: true } }),
    });
    tap(page, '.need-photos-add');
    await waitFor(() => expect(all(page!, '.need-photo')).toHaveLength(2));
    expect(calls('need', 'addPhoto')).toEqual([{ action: 'addPhoto', needId: 'n1', contentType: 'image/jpeg', dataBase64: JPEG }]);
  });

  test('a wrong SMS code is shown next to the code', async () => {
    answers['need.post'] = { ok: false, code: 'SMS.CODE_INVALID', message: '验证码错误' };
    const p = await open();
    tap(p, '.need-post-kind-5');
    await pick(p, 'need-post-category', '科普讲解');
    type(p, '.need-post-title', '老年人防诈骗科普讲座');
    type(p, '.need-post-description', '社区老年人多，希望请志愿者讲讲电信诈骗的常见套路和防范办法。');
    type(p, '.need-post-audience', '60');
    await pick(p, 'need-post-region-province', '甘肃省');
    await pick(p, 'need-post-region-city', '兰州市');
    await pick(p, 'need-post-region-county', '城关区');
    type(p, '.need-post-address', '东岗西路1号社区活动室');
    type(p, '.need-post-contact', '李主任');
    type(p, '.reg-phone', '13812345678');
    type(p, '.reg-sms-code', '000000');
    tap(p, '.need-post-submit');
    await waitFor(() => expect(find(p, '.field-error-smsCode').dom?.textContent).toBe('验证码错误'));
    expect(calls('need', 'post')[0].requesterName).toBeUndefined();
  });
});

describe('我的需求', () => {
  test('lists each need with its category and a progress tag; a tap opens it', async () => {
    answers['need.mine'] = ok({
      items: [
        needAnswer(),
        needAnswer({ needId: 'n2', title: '青少年科技小制作', category: '青少年科技教育', status: 'accepted', progress: '待评价' }),
        needAnswer({ needId: 'n3', title: '农技下乡', status: 'closed', progress: '已关闭', closeReason: '重复提交' }),
      ],
      total: 3,
      page: 1,
    });
    page = renderPage('pages/my-needs/index');
    await waitFor(() => expect(all(page!, '.my-needs-item')).toHaveLength(3));
    expect(all(page, '.my-needs-progress').map((n) => n.dom?.textContent)).toEqual(['待响应', '待评价', '已关闭']);
    expect(text(find(page, '.my-needs-item'))).toContain('科普讲解');
    expect(text(page)).toContain('青少年科技小制作');
    find(page, '.my-needs-item').dispatchEvent('tap');
    await waitFor(() => expect(opened).toEqual(['/pages/need/index?id=n1']));
  });

  test('消息 with the unread badge opens 消息中心, where the progress of the needs is kept', async () => {
    answers['need.mine'] = ok({ items: [needAnswer()], total: 1, page: 1 });
    answers['user.unreadMessages'] = ok({ unread: 2 });
    page = renderPage('pages/my-needs/index');
    await waitFor(() => expect(text(find(page!, '.my-needs-messages-badge'))).toBe('2'));
    tap(page, '.my-needs-messages');
    await waitFor(() => expect(opened).toEqual(['/pages/messages/index']));
  });

  test('我的 of someone not registered who posted needs has 消息中心 beside 我的需求; without needs it does not', async () => {
    answers['user.me'] = { ok: false, code: 'USER.NOT_REGISTERED', message: '请先注册成为志愿者' };
    answers['need.mine'] = ok({ items: [needAnswer()], total: 1, page: 1 });
    answers['user.unreadMessages'] = ok({ unread: 1 });
    page = renderPage('pages/mine/index');
    await waitFor(() => expect(text(find(page!, '.mine-messages-badge'))).toBe('1'));
    expect(page.querySelector('.mine-register')).toBeTruthy();
    expect(calls('need', 'mine')).toEqual([{ action: 'mine', page: 1, pageSize: 1 }]);
    tap(page, '.mine-messages');
    await waitFor(() => expect(opened).toEqual(['/pages/messages/index']));
    page.detach();

    answers['need.mine'] = ok({ items: [], total: 0, page: 1 });
    requests.length = 0;
    page = renderPage('pages/mine/index');
    await waitFor(() => expect(calls('need', 'mine')).toHaveLength(1));
    await simulate.sleep(50);
    expect(page.querySelector('.mine-my-needs')).toBeTruthy();
    expect(page.querySelector('.mine-messages')).toBeFalsy();
  });

  test('with no needs yet it offers 我要点单', async () => {
    answers['need.mine'] = ok({ items: [], total: 0, page: 1 });
    page = renderPage('pages/my-needs/index');
    await waitFor(() => expect(text(find(page!, '.my-needs-empty'))).toContain('还没有提出需求'));
    tap(page, '.my-needs-post');
    await waitFor(() => expect(opened).toEqual(['/pages/need-post/index']));
  });
});

describe('需求详情', () => {
  const open = async (need: Record<string, unknown>) => {
    answers['need.get'] = ok({ need });
    page = renderPage('pages/need/index', { id: String(need.needId) });
    await waitFor(() => find(page!, '.need-title'));
    return page;
  };
  const buttons = (p: Page) =>
    ['dispatch', 'close', 'accept', 'decline', 'take', 'rate', 'publish'].filter((a) => p.querySelector(`.need-${a}`));

  test('the 需求方 of an open need sees the timeline at 待响应, the facts, a phone to call, and no buttons', async () => {
    const p = await open(needAnswer());
    expect(find(p, '.need-step-current').dom?.textContent).toContain('待响应');
    expect(all(p, '.need-step')).toHaveLength(6);
    expect(text(find(p, '.need-requester'))).toBe('东岗街道社区（社区）');
    expect(text(find(p, '.need-dates'))).toBe('2026-12-01 至 2026-12-02');
    expect(text(find(p, '.need-contact-phone'))).toBe('13812345678');
    expect(p.querySelector('.need-call')).toBeTruthy();
    expect(text(find(p, '.need-history-item'))).toContain('提交需求（城关区科技志愿服务分队）');
    expect(buttons(p)).toEqual([]);
  });

  test('a leader above sees a masked phone (not dialled) and only 派单 and 关闭', async () => {
    const p = await open(needAnswer({ contactPhone: '138****5678', can: { ...NO_STEPS, dispatch: true, close: true } }));
    expect(p.querySelector('.need-call')).toBeFalsy();
    expect(buttons(p)).toEqual(['dispatch', 'close']);
  });

  test('the dispatched team sees 接单 and 退回; a closed need shows its reason', async () => {
    let p = await open(needAnswer({ status: 'dispatched', progress: '已派单', can: { ...NO_STEPS, accept: true, decline: true } }));
    expect(buttons(p)).toEqual(['accept', 'decline']);
    page?.detach();
    p = await open(needAnswer({ status: 'closed', progress: '已关闭', closeReason: '已由其他渠道解决' }));
    expect(text(find(p, '.need-close-reason'))).toBe('原因：已由其他渠道解决');
    expect(p.querySelector('.need-step')).toBeFalsy();
  });

  const target = (orgId: string, name: string, depth: number, level = '分队') => ({ orgId, name, level, depth });
  const dispatchedTo = (body: Body) =>
    ok({
      need: needAnswer({
        status: 'dispatched',
        progress: '已派单',
        assignedOrgId: body.orgId,
        assignedOrgName: '高新技术服务队第一服务团',
      }),
    });

  test('派单 lists every team below, however deep, indented; asks for needTask consent at the tap, then sends the chosen one with the note', async () => {
    answers['need.dispatchTargets'] = ok({
      items: [
        target('lz', '兰州市科技志愿服务支队', 0, '支队'),
        target('fd', '城关区科技志愿服务分队', 1),
        target('gx', '高新技术服务队', 2, '队'),
        target('gx1', '高新技术服务队第一服务团', 3, '服务团'),
        target('fd2', '七里河区科技志愿服务分队', 1),
      ],
    });
    answers['need.dispatch'] = dispatchedTo;
    const p = await open(needAnswer({ contactPhone: '138****5678', can: { ...NO_STEPS, dispatch: true, close: true } }));
    tap(p, '.need-dispatch');
    await waitFor(() =>
      expect(all(p, '.need-team-option').map((n) => n.dom?.textContent)).toEqual([
        '兰州市科技志愿服务支队',
        '城关区科技志愿服务分队',
        '高新技术服务队',
        '高新技术服务队第一服务团',
        '七里河区科技志愿服务分队',
      ]),
    );
    expect(calls('need', 'dispatchTargets')).toEqual([{ action: 'dispatchTargets', needId: 'n1' }]);
    expect(all(p, '.need-team-option').map((n) => /is-depth-(\d)/.exec(n.dom?.className ?? '')?.[1])).toEqual(['0', '1', '2', '3', '1']);
    // Five teams: no search box.
    expect(p.querySelector('.need-team-search')).toBeFalsy();
    all(p, '.need-team-option')[3].dispatchEvent('tap');
    type(p, '.need-dispatch-note', '请本周内联系需求方');
    await waitFor(() => expect(all(p, '.need-team-option')[3].dom?.className).toContain('is-active'));
    await simulate.sleep(50);
    expect(subscribes).toEqual([]);
    const before = requests.length;
    tap(p, '.need-team-confirm');
    await waitFor(() =>
      expect(calls('need', 'dispatch')).toEqual([{ action: 'dispatch', needId: 'n1', orgId: 'gx1', note: '请本周内联系需求方' }]),
    );
    // Consent is asked at the tap, before the call goes out.
    expect(subscribes).toEqual([{ tmplIds: [MP_TEMPLATES.needTask], requestsBefore: before }]);
    await waitFor(() => expect(text(find(p, '.need-progress'))).toBe('已派单'));
    expect(buttons(p)).toEqual([]);
  });

  test('派单 past 12 teams offers a search box; a match shows its parent; a refused consent still dispatches', async () => {
    const items = [target('lz', '兰州市科技志愿服务支队', 0, '支队')];
    for (const county of ['城关区', '七里河区', '西固区', '安宁区', '红古区', '永登县', '皋兰县', '榆中县'])
      items.push(target(`fd-${county}`, `${county}科技志愿服务分队`, 1));
    items.splice(2, 0, target('gx', '高新技术服务队', 2, '队'), target('gx1', '高新技术服务队第一服务团', 3, '服务团'));
    items.push(target('ts', '兰州新区科技志愿服务分队', 1), target('hd', '黄河大学科技志愿服务队', 1, '队'));
    expect(items.length).toBe(13);
    answers['need.dispatchTargets'] = ok({ items });
    answers['need.dispatch'] = dispatchedTo;
    answerSubscribe('reject');
    const p = await open(needAnswer({ contactPhone: '138****5678', can: { ...NO_STEPS, dispatch: true, close: true } }));
    tap(p, '.need-dispatch');
    await waitFor(() => expect(all(p, '.need-team-option')).toHaveLength(13));
    type(p, '.need-team-search', '第一服务团');
    await waitFor(() =>
      expect(all(p, '.need-team-option').map((n) => n.dom?.textContent)).toEqual(['高新技术服务队第一服务团上级：高新技术服务队']),
    );
    type(p, '.need-team-search', '不存在的队');
    await waitFor(() => expect(text(find(p, '.need-teams-no-match'))).toContain('不存在的队'));
    type(p, '.need-team-search', '服务团');
    await waitFor(() => expect(all(p, '.need-team-option')).toHaveLength(1));
    all(p, '.need-team-option')[0].dispatchEvent('tap');
    await waitFor(() => expect(all(p, '.need-team-option')[0].dom?.className).toContain('is-active'));
    tap(p, '.need-team-confirm');
    await waitFor(() => expect(calls('need', 'dispatch')).toEqual([{ action: 'dispatch', needId: 'n1', orgId: 'gx1' }]));
    expect(subscribes).toHaveLength(1);
  });

  test('接单 opens 发布活动 for the accepting team with the need; a need that moved on is read again', async () => {
    const dispatched = needAnswer({
      status: 'dispatched',
      progress: '已派单',
      assignedOrgId: 'fd',
      assignedOrgName: '城关区科技志愿服务分队',
      can: { ...NO_STEPS, accept: true, decline: true },
    });
    wx.showModal = (opts) => setTimeout(() => opts.success?.({ errMsg: 'showModal:ok', confirm: true, cancel: false }), 0);
    answers['need.accept'] = ok({
      need: { ...dispatched, status: 'accepted', progress: '已接单', can: NO_STEPS },
      draft: {
        needId: 'n1',
        orgId: 'fd',
        title: dispatched.title,
        category: '科普讲解',
        description: 'x',
        region: LANZHOU,
        address: 'y',
        startDate: '2026-12-01',
        endDate: '2026-12-02',
      },
    });
    const p = await open(dispatched);
    const before = requests.length;
    tap(p, '.need-accept');
    await waitFor(() => expect(opened).toEqual(['/admin/activity-edit/index?orgId=fd&needId=n1']));
    expect(calls('need', 'accept')).toEqual([{ action: 'accept', needId: 'n1' }]);
    // The accepting team will hear of the rating: consent asked at the tap, before the call.
    expect(subscribes[0]).toEqual({ tmplIds: [MP_TEMPLATES.needTask], requestsBefore: before });
    page?.detach();

    answers['need.accept'] = { ok: false, code: 'NEED.STATE_CHANGED', message: '该需求的状态已变化，请刷新后再试' };
    const q = await open(dispatched);
    answers['need.get'] = ok({ need: needAnswer({ status: 'closed', progress: '已关闭', closeReason: '需求方已取消' }) });
    tap(q, '.need-accept');
    await waitFor(() => expect(text(find(q, '.need-close-reason'))).toBe('原因：需求方已取消'));
    expect(buttons(q)).toEqual([]);
  });

  test('评价 sends the stars, tags and comment once, then shows the rating and 已完成', async () => {
    const ended = needAnswer({ status: 'accepted', progress: '待评价', activityId: 'a1', can: { ...NO_STEPS, rate: true } });
    answers['need.rate'] = (body: Body) =>
      ok({
        need: {
          ...ended,
          status: 'rated',
          progress: '已完成',
          can: NO_STEPS,
          rating: { stars: body.stars, tags: body.tags, comment: body.comment, ratedAt: NOW },
        },
      });
    const p = await open(ended);
    expect(buttons(p)).toEqual(['rate']);
    expect(p.querySelector('.need-activity')).toBeTruthy();
    tap(p, '.need-rate');
    await waitFor(() => find(p, '.need-rate-star-4'));
    tap(p, '.need-rate-confirm');
    await waitFor(() => expect(text(find(p, '.need-rate-error'))).toBe('请选择星级'));
    tap(p, '.need-rate-star-4');
    await waitFor(() => expect(text(find(p, '.need-rate-error'))).toBe(''));
    tap(p, '.need-rate-tag-2');
    tap(p, '.need-rate-tag-0');
    type(p, '.need-rate-comment', '讲得很清楚，老人们都说有用');
    await waitFor(() => expect(text(find(p, '.form-sheet__count'))).toBe('13/300'));
    expect(text(find(p, '.need-rate-words'))).toBe('满意');
    tap(p, '.need-rate-confirm');
    await waitFor(() => expect(calls('need', 'rate')).toHaveLength(1));
    expect(calls('need', 'rate')[0]).toEqual({
      action: 'rate',
      needId: 'n1',
      stars: 4,
      tags: ['准时', '热情'],
      comment: '讲得很清楚，老人们都说有用',
    });
    await waitFor(() => expect(text(find(p, '.need-rating-stars'))).toBe('★★★★☆'));
    expect(text(find(p, '.need-rating-tags'))).toBe('准时热情');
    expect(text(find(p, '.need-progress'))).toBe('已完成');
    expect(buttons(p)).toEqual([]);
  });
});

describe('接单 → 发布活动', () => {
  test('the publish page opened with an accepted need starts from its draft and publishes with needId', async () => {
    const accepted = needAnswer({ status: 'accepted', progress: '已接单', assignedOrgId: 'lz', assignedOrgName: '兰州市科技志愿服务支队' });
    answers['org.get'] = ok({
      org: {
        _id: 'lz',
        name: '兰州市科技志愿服务支队',
        level: '支队',
        parentId: 'root',
        path: ['root'],
        region: LANZHOU,
        intro: '开展科普报告。',
        status: 'approved',
        createdAt: NOW,
      },
      parent: null,
      children: [],
      memberCount: 5,
      myMembership: null,
      canManage: true,
      canRead: true,
    });
    answers['need.get'] = ok({ need: accepted });
    answers['activity.publish'] = { ok: false, code: 'NEED.STATE_CHANGED', message: '该需求的状态已变化，请刷新后再试' };
    wx.chooseLocation = (opts) => {
      setTimeout(() => opts.success?.({ errMsg: 'chooseLocation:ok', name: '', address: '', latitude: 36.0577, longitude: 103.8342 }), 0);
    };
    const p = renderPage('admin/activity-edit/index', { orgId: 'lz', needId: 'n1' });
    page = p;
    await waitFor(() => expect(text(find(p, '.act-edit-need'))).toContain('老年人防诈骗科普讲座'));
    tap(p, '.act-edit-choose-location');
    await waitFor(() => expect(find(p, '.act-edit-coords').dom?.textContent).toBe('36.05770, 103.83420'));
    type(p, '.act-edit-capacity', '30');
    await simulate.sleep(50);
    tap(p, '.act-edit-submit');
    await waitFor(() => expect(calls('activity', 'publish')).toHaveLength(1));
    expect(calls('activity', 'publish')[0]).toMatchObject({
      orgId: 'lz',
      needId: 'n1',
      title: '老年人防诈骗科普讲座',
      category: '科普讲解',
      description: '社区老年人多，希望请志愿者讲讲电信诈骗的常见套路和防范办法。\n（需求方：东岗街道社区，预计受众60人）',
      region: LANZHOU,
      address: '兰州市城关区东岗西路1号社区活动室',
      startDate: '2026-12-01',
      endDate: '2026-12-02',
      signupEndAt: '2026-11-30T18:00:00+08:00',
      capacity: 30,
    });
    // A second publish for the same need is refused: the banner says so.
    await waitFor(() => expect(text(find(p, '.act-edit-banner'))).toBe('该需求的状态已变化，请刷新后再试'));
  });
});
