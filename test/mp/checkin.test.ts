// The scan page of the weapp build: camera → GCJ-02 position → checkin.scan with a fresh nonce, and the answer as a
// panel (success, the distance of an out-of-range refusal, a revoked code, a refused location); plus 我的时长 with its days
// (one of a cancelled activity), and on the admin side the 签退码 starting as a rotating code, 作废旧码 after a
// confirmation, and flagged scans on 签到名单 (miniprogram-simulate).
import simulate from 'miniprogram-simulate';
import { find, onRequest, renderPage, requests, tap, text, type, waitFor, type Body, type Page, type WxRequestOptions } from './shim';
import { activityAnswer, volunteerAnswer } from './fixtures';

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };

const scans = () =>
  requests.filter((r) => r.url.endsWith('/functions/checkin') && (r.data as Body).action === 'scan').map((r) => r.data as Body);

// The device: Taro binds wx's APIs when the app loads, so the stubs exist before the first render and answer as told.
type Device = { scan: () => { result: string } | Error; locate: () => { latitude: number; longitude: number; accuracy: number } | Error };
let device: Device;
const answerWith = (make: () => unknown, opts: Callbacks) =>
  setTimeout(() => {
    const res = make();
    if (res instanceof Error) {
      opts.fail?.({ errMsg: res.message });
      opts.complete?.({ errMsg: res.message });
    } else {
      opts.success?.({ errMsg: 'ok', ...(res as object) });
      opts.complete?.(res);
    }
  }, 0);
const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
wx.scanCode = (opts: Callbacks) => answerWith(() => device.scan(), opts);
wx.getLocation = (opts: Callbacks & { type?: string }) =>
  answerWith(() => (opts.type === 'gcj02' ? device.locate() : new Error('getLocation:fail wrong type')), opts);
const originalShowModal = wx.showModal;
afterEach(() => {
  wx.showModal = originalShowModal;
});
/** Answers every wx.showModal with `confirm` and keeps what it was asked. */
function modalsAnswering(confirm: boolean): Record<string, unknown>[] {
  const asked: Record<string, unknown>[] = [];
  wx.showModal = (opts: Callbacks & Record<string, unknown>) => {
    asked.push(opts);
    setTimeout(() => opts.success?.({ errMsg: 'showModal:ok', confirm, cancel: !confirm }), 0);
  };
  return asked;
}

let answer: (body: Body) => unknown;
let page: Page | undefined;
afterEach(() => page?.detach());
beforeEach(() => {
  requests.length = 0;
  device = { scan: () => ({ result: 'signed-activity-code' }), locate: () => ({ latitude: 36.0611, longitude: 103.8343, accuracy: 35 }) };
  answer = () => ({ ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' });
  onRequest((req: WxRequestOptions) => answer(req.data as Body));
});

/** user.me of a registered volunteer (张伟) with no teams. */
const meAnswer = {
  ok: true,
  data: { volunteer: volunteerAnswer(), memberships: [], teamApplications: [], totals: { minutes: 0, activities: 0 } },
};
const notRegistered = { ok: false, code: 'USER.NOT_REGISTERED', message: '请先注册成为志愿者' };

const record = (over: Record<string, unknown> = {}) => ({
  recordId: 'act-1_dev_2026-12-01',
  activityId: 'act-1',
  orgId: 'org-1',
  openid: 'dev',
  date: '2026-12-01',
  signInAt: '2026-12-01T08:52:00+08:00',
  minutes: 0,
  status: 'open',
  adjustments: [],
  ...over,
});

const scanned = (over: Record<string, unknown> = {}) => ({
  ok: true,
  data: {
    kind: 'in',
    outcome: 'signedIn',
    date: '2026-12-01',
    at: '2026-12-01T08:52:00+08:00',
    distanceM: 120,
    record: record(),
    title: '社区科普讲解',
    repeated: false,
    ...over,
  },
});
// First in the file: the page opened straight from a 小程序码, before any other scan page was shown (the simulator
// defers mounting a page of a route whose previous page is still unmounting).
test('a 小程序码 opens the scan page with its scene, which is sent at once and signs in', async () => {
  answer = () => scanned();
  page = renderPage('pages/scan/index', { scene: encodeURIComponent('Aa3kR9xQzT1s-Xyz_012345') });
  await waitFor(() => expect(text(find(page!, '.ck-result-title'))).toBe('签到成功'));
  expect(scans()).toHaveLength(1);
  expect(scans()[0]).toMatchObject({ payload: 'Aa3kR9xQzT1s-Xyz_012345', location: { lat: 36.0611, lng: 103.8343 } });
});

test('the scan page offers the camera and the way to 我的签到码', async () => {
  page = renderPage('pages/scan/index');
  await waitFor(() => expect(text(find(page!, '.ck-scan-camera'))).toContain('扫码签到'));
  expect(text(page)).toContain('手机无法定位？出示我的签到码');
  expect(page.querySelector('.ck-scan-payload')).toBeFalsy(); // manual entry is for browsers only
});

test('a typed 现场数字码 is sent with the activity the volunteer came from; five digits are refused on the phone', async () => {
  answer = () => scanned();
  page = renderPage('pages/scan/index', { activityId: 'act-1' });
  await waitFor(() => find(page!, '.ck-scan-number'));
  type(page, '.ck-scan-number', '12345');
  tap(page, '.ck-scan-number-submit');
  await waitFor(() => expect(text(find(page!, '.ck-scan-number-error'))).toBe('请输入6位数字'));
  expect(scans()).toHaveLength(0);
  type(page, '.ck-scan-number', '042917');
  tap(page, '.ck-scan-number-submit');
  await waitFor(() => expect(text(find(page!, '.ck-result-title'))).toBe('签到成功'));
  expect(scans()[0]).toMatchObject({ payload: '042917', activityId: 'act-1' });
  expect(scans()[0]).not.toHaveProperty('retry');
});

test('a scan sends the code, the GCJ-02 position and a fresh nonce, and shows 签到成功', async () => {
  answer = () => ({
    ok: true,
    data: {
      kind: 'in',
      date: '2026-12-01',
      at: '2026-12-01T08:52:00+08:00',
      distanceM: 120,
      record: record(),
      title: '社区科普讲解',
      repeated: false,
      outcome: 'signedIn',
    },
  });
  page = renderPage('pages/scan/index');
  await waitFor(() => find(page!, '.ck-scan-camera'));
  tap(page, '.ck-scan-camera');
  await waitFor(() => expect(text(find(page!, '.ck-result-title'))).toBe('签到成功'));
  const [body] = scans();
  expect(body).toMatchObject({ action: 'scan', payload: 'signed-activity-code', location: { lat: 36.0611, lng: 103.8343, accuracy: 35 } });
  expect(body.nonce).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  expect(text(find(page, '.ck-result-time'))).toBe('2026-12-01 08:52');
  expect(text(page)).toContain('社区科普讲解');

  // Another tap is another nonce.
  tap(page, '.ck-result-again');
  await waitFor(() => find(page!, '.ck-scan-camera'));
  tap(page, '.ck-scan-camera');
  await waitFor(() => expect(scans()).toHaveLength(2));
  expect(scans()[1].nonce).not.toBe(body.nonce);
});

test('out of range: the panel shows the measured distance, the radius and what to do', async () => {
  answer = () => ({
    ok: false,
    code: 'CHECKIN.OUT_OF_RANGE',
    message:
      '您距活动地点约6.2公里，超出5公里签到范围。请到达活动地点后再试；如已在现场，请打开手机的精确定位，或请管理员扫描您的个人签到码',
    details: { distanceM: 6180, radiusM: 5000 },
  });
  page = renderPage('pages/scan/index');
  await waitFor(() => find(page!, '.ck-scan-camera'));
  tap(page, '.ck-scan-camera');
  await waitFor(() => expect(text(find(page!, '.ck-result-title'))).toBe('不在签到范围内'));
  expect(text(find(page, '.ck-result-distance'))).toContain('您距活动地点约 6.2公里');
  expect(text(find(page, '.ck-result-distance'))).toContain('签到范围为 5公里 以内');
  expect(text(find(page, '.ck-result-tips'))).toContain('精确位置');
  expect(text(find(page, '.ck-result-my-code'))).toBe('出示我的签到码');
});

test('a revoked code is titled 签到码已作废, with the server’s message under it', async () => {
  const message = '该签到码已被管理员作废，请扫描现场最新出示的签到码';
  answer = () => ({ ok: false, code: 'CHECKIN.CODE_INVALID', message, details: { revoked: true } });
  page = renderPage('pages/scan/index');
  await waitFor(() => find(page!, '.ck-scan-camera'));
  tap(page, '.ck-scan-camera');
  await waitFor(() => expect(text(find(page!, '.ck-result-title'))).toBe('签到码已作废'));
  expect(text(find(page, '.ck-result-message'))).toBe(message);
  expect(page.querySelector('.ck-result-revoked')).toBeTruthy();

  // A code that is not ours at all keeps its own title.
  answer = () => ({ ok: false, code: 'CHECKIN.CODE_INVALID', message: '签到码无效，请扫描活动现场的签到码' });
  tap(page, '.ck-result-again');
  await waitFor(() => find(page!, '.ck-scan-camera'));
  tap(page, '.ck-scan-camera');
  await waitFor(() => expect(text(find(page!, '.ck-result-title'))).toBe('无法识别的签到码'));
});

test('a refused location is explained and nothing is sent', async () => {
  device.locate = () => new Error('getLocation:fail auth deny');
  page = renderPage('pages/scan/index');
  await waitFor(() => find(page!, '.ck-scan-camera'));
  tap(page, '.ck-scan-camera');
  await waitFor(() => expect(text(find(page!, '.ck-result-title'))).toBe('无法获取您的位置'));
  expect(page.querySelector('.ck-result-setting')).toBeTruthy();
  await simulate.sleep(30);
  expect(scans()).toHaveLength(0);
});

test('我的签到码 draws the rotating personal code as boxes with the volunteer’s name, never its raw text, and counts down', async () => {
  answer = (body) =>
    body.action === 'myCode'
      ? {
          ok: true,
          data: { payload: 'v.personal-code-0123456789', qrSvg: '<svg/>', expiresAt: new Date(Date.now() + 20_000).toISOString() },
        }
      : body.action === 'me'
        ? meAnswer
        : { ok: false, code: 'ACTIVITY.NOT_FOUND', message: '活动不存在或已删除' };
  page = renderPage('pages/my-code/index', { activityId: 'act-1' });
  await waitFor(() => expect(text(find(page!, '.ck-mycode-countdown'))).toMatch(/^(20|19)秒后自动刷新$/));
  expect(page.querySelectorAll('.ck-mycode-qr .qr-code__run').length).toBeGreaterThan(50);
  await waitFor(() => expect(text(find(page!, '.ck-mycode-name'))).toBe('张伟'));
  expect(text(find(page, '.ck-mycode-avatar'))).toBe('张');
  expect(page.querySelector('.ck-mycode-payload')).toBeFalsy();
  expect(text(page)).not.toContain('v.personal-code-0123456789');
  expect(requests.find((r) => (r.data as Body).action === 'myCode')?.data).toEqual({ action: 'myCode', activityId: 'act-1' });
});

test('我的时长 shows the total, the day with its audit trail, and a pending correction', async () => {
  answer = (body) => {
    if (body.action === 'myHours') {
      return {
        ok: true,
        data: {
          totalMinutes: 455,
          serviceDays: 1,
          days: [
            {
              ...record({ signOutAt: '2026-12-01T16:35:00+08:00', minutes: 455, status: 'adjusted' }),
              title: '社区科普讲解',
              orgName: '兰州市科技志愿服务支队',
              adjustments: [
                {
                  by: 'admin',
                  byName: '李敏',
                  at: '2026-12-01T18:00:00+08:00',
                  reason: '按现场签到表补录',
                  before: { signInAt: '2026-12-01T08:52:00+08:00', minutes: 0 },
                  after: { signInAt: '2026-12-01T08:52:00+08:00', signOutAt: '2026-12-01T16:35:00+08:00', minutes: 455 },
                },
              ],
              correction: {
                correctionId: 'c1',
                activityId: 'act-1',
                orgId: 'org-1',
                openid: 'dev',
                date: '2026-12-01',
                signOutAt: '2026-12-01T17:00:00+08:00',
                note: '我忘记签退了',
                status: 'pending',
                createdAt: '2026-12-01T19:00:00+08:00',
              },
            },
          ],
        },
      };
    }
    if (body.action === 'me') return meAnswer;
    return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  };
  page = renderPage('pages/my-hours/index');
  await waitFor(() => expect(text(find(page!, '.ck-hours-total'))).toBe('7小时35分钟'));
  const day = find(page, '.ck-hours-day');
  expect(text(day)).toContain('签到 08:52 · 签退 16:35');
  // The change log in words, written for the volunteer.
  expect(text(find(page, '.ck-audit-change'))).toBe('补录：签到 08:52，签退 16:35，计7小时35分钟');
  expect(text(find(page, '.ck-audit-before'))).toBe('原记录：签到 08:52，未签退');
  expect(text(find(page, '.ck-audit-reason'))).toBe('原因：按现场签到表补录');
  expect(text(find(page, '.ck-hours-day-status'))).toBe('已补录');
  expect(text(find(page, '.ck-hours-correction-status'))).toBe('待审核');
  expect(page.querySelector('.ck-hours-correct')).toBeFalsy(); // one open request per day
  const call = requests.find((r) => (r.data as Body).action === 'myHours');
  expect(call?.data).toEqual({ action: 'myHours' });
});

test('我的时长 marks a day of a cancelled activity and leaves it out of the total', async () => {
  const day = (activityId: string, title: string, minutes: number, over: Record<string, unknown> = {}) => ({
    ...record({ recordId: `${activityId}_dev_2026-12-01`, activityId, signOutAt: '2026-12-01T10:22:00+08:00', minutes, status: 'closed' }),
    title,
    orgName: '兰州市科技志愿服务支队',
    ...over,
  });
  answer = (body) => {
    if (body.action === 'myHours') {
      return {
        ok: true,
        data: {
          totalMinutes: 90,
          serviceDays: 1,
          days: [day('act-1', '社区科普讲解', 90), day('act-2', '科普进校园', 60, { activityCancelled: true })],
        },
      };
    }
    return body.action === 'me' ? meAnswer : { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  };
  page = renderPage('pages/my-hours/index');
  await waitFor(() => expect(text(find(page!, '.ck-hours-total'))).toBe('1小时30分钟'));
  expect(text(find(page, '.ck-hours-cancelled-note'))).toBe('其中 1 个服务日的活动已取消，不计入时长');
  expect(text(find(page, '.ck-hours-count'))).toBe('1');
  expect(page.querySelectorAll('.ck-hours-day-cancelled').map((n) => text(n))).toEqual(['活动已取消（不计入时长）']);
  const cards = page.querySelectorAll('.ck-hours-day');
  expect(text(cards.find((c) => text(c).includes('科普进校园'))!)).toContain('活动已取消（不计入时长）');
  expect(text(cards.find((c) => text(c).includes('社区科普讲解'))!)).not.toContain('活动已取消');
  // A cancelled activity takes no corrections: only the other day offers one.
  expect(page.querySelectorAll('.ck-hours-correct')).toHaveLength(1);
});

const code = (scene: string, over: Record<string, unknown> = {}) => ({
  payload: `kjzy1.long.${scene}`,
  qrSvg: '<svg/>',
  scene,
  page: 'pages/scan/index',
  // A 1×1 PNG: the page shows whatever image the server drew.
  wxacode: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  expiresAt: new Date(Date.now() + 20_000).toISOString(),
  number: '042917',
  numberExpiresAt: new Date(Date.now() + 200_000).toISOString(),
  kind: 'out',
  mode: 'rotating',
  title: '社区科普讲解',
  startDate: '2026-12-01',
  endDate: '2026-12-02',
  dailyStart: '09:00',
  dailyEnd: '17:00',
  radiusM: 1200,
  ...over,
});

test('签退码 opens as a rotating screen code; 作废旧码 asks first, then revokes and shows the new code', async () => {
  let version = 0;
  answer = (body) => {
    if (body.action === 'code') return { ok: true, data: code(`kjzy1.code-v${version}-${String(body.mode)}.mac`) };
    if (body.action === 'revokeCodes') return { ok: true, data: { codeVersion: ++version } };
    return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  };
  const actions = () => requests.filter((r) => r.url.endsWith('/functions/checkin')).map((r) => r.data as Body);
  page = renderPage('admin/checkin-code/index', { activityId: 'act-1', kind: 'out' });
  await waitFor(() => expect(text(find(page!, '.ck-code-scene'))).toBe('kjzy1.code-v0-rotating.mac'));
  // The activity's own radius, not a fixed 5公里.
  expect(text(find(page, '.code-page__how'))).toContain('须在活动地点1.2公里内');
  expect(text(find(page, '.ck-code-kind-label'))).toBe('签退码');
  // 签退 mode says 签退 throughout: no 签到 word under the tabs.
  for (const part of ['.code-page__card', '.code-page__text', '.code-page__actions']) expect(text(find(page, part))).not.toContain('签到');
  expect(text(find(page, '.ck-code-copy'))).toBe('复制签退码');
  // The typed fallback under the code: six digits in two groups.
  expect(text(find(page, '.ck-code-number'))).toBe('042 917');
  expect(actions()[0]).toEqual({ action: 'code', activityId: 'act-1', kind: 'out', mode: 'rotating' });
  expect(page.querySelector('.ck-code-static-out-warning')).toBeFalsy();

  const declined = modalsAnswering(false);
  tap(page, '.ck-code-revoke');
  await waitFor(() => expect(declined).toHaveLength(1));
  expect(declined[0]).toMatchObject({ title: '作废已发出的签退码' });
  expect(String(declined[0].content)).toContain('立即失效');
  expect(String(declined[0].content)).not.toContain('签到');
  await simulate.sleep(50);
  expect(actions().filter((a) => a.action === 'revokeCodes')).toHaveLength(0);

  modalsAnswering(true);
  tap(page, '.ck-code-revoke');
  await waitFor(() => expect(text(find(page!, '.ck-code-scene'))).toBe('kjzy1.code-v1-rotating.mac'));
  expect(actions().filter((a) => a.action === 'revokeCodes')).toEqual([{ action: 'revokeCodes', activityId: 'act-1' }]);
});

test('签到名单 shows flagged scans with their Chinese labels', async () => {
  const activity = activityAnswer({
    _id: 'act-1',
    orgId: 'org-1',
    title: '社区科普讲解',
    description: '走进社区开展科普讲解',
    location: { lat: 36.0611, lng: 103.8343 },
    enrolledCount: 2,
  });
  const row = (openid: string, realName: string, flags: string[]) => ({
    openid,
    realName,
    phoneMasked: '139****0001',
    signInAt: '2026-12-01T09:30:00+08:00',
    minutes: 0,
    status: 'open',
    adjustments: [],
    flags,
  });
  answer = (body) => {
    if (body.action === 'get')
      return { ok: true, data: { activity, phase: 'ongoing', enrolledCount: 2, canManage: true, signupOpen: false } };
    if (body.action === 'roster') return { ok: true, data: [row('v1', '张伟', ['poor_accuracy', 'exact_point']), row('v2', '刘洋', [])] };
    return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  };
  page = renderPage('admin/roster/index', { activityId: 'act-1' });
  const rows = await waitFor(() => {
    const found = page!.querySelectorAll('.ck-roster-row');
    if (found.length !== 2) throw new Error('rows not shown yet');
    return found;
  });
  // Nodes here answer selectors at page level only: one row carries the flags, and its text shows them.
  expect(page.querySelectorAll('.ck-roster-flag').map((f) => text(f))).toEqual(['定位精度差', '位置与活动地点完全重合']);
  expect(page.querySelectorAll('.ck-roster-flags')).toHaveLength(1);
  expect(text(rows.find((r) => text(r).includes('张伟'))!)).toContain('定位精度差位置与活动地点完全重合请核实是否在现场');
  expect(text(rows.find((r) => text(r).includes('刘洋'))!)).not.toContain('请核实');
});

test('the in-app camera on a 小程序码 answers its page path: the scene in it is the code', async () => {
  answer = () => scanned();
  device.scan = () => ({ result: '', path: 'pages/scan/index?scene=Bq7ZZ' }) as unknown as { result: string };
  page = renderPage('pages/scan/index');
  await waitFor(() => find(page!, '.ck-scan-camera'));
  tap(page, '.ck-scan-camera');
  await waitFor(() => expect(text(find(page!, '.ck-result-title'))).toBe('签到成功'));
  expect(scans().map((b) => b.payload)).toEqual(['Bq7ZZ']);
});

test('a short 签退 asks first and is sent again with confirmShort and a fresh nonce; then it can be undone', async () => {
  const asked = modalsAnswering(true);
  answer = (body) => {
    if (body.action === 'undoSignOut') return { ok: true, data: { record: record() } };
    if (!body.confirmShort)
      return {
        ok: false,
        code: 'CHECKIN.CONFIRM_SHORT_SIGN_OUT',
        message: '现在签退将只记录很短的时长，确定吗？',
        details: { minutes: 12 },
      };
    return scanned({
      kind: 'out',
      outcome: 'signedOut',
      record: record({ signOutAt: '2026-12-01T09:04:00+08:00', minutes: 12, status: 'closed' }),
    });
  };
  page = renderPage('pages/scan/index');
  await waitFor(() => find(page!, '.ck-scan-camera'));
  tap(page, '.ck-scan-camera');
  await waitFor(() => expect(text(find(page!, '.ck-result-title'))).toBe('签退成功'));
  expect(asked[0]).toMatchObject({ title: '确认签退', content: '现在签退将只记录12分钟，确定吗？' });
  const [first, second] = scans();
  expect(first.confirmShort).toBeUndefined();
  expect(second).toMatchObject({ confirmShort: true, payload: first.payload });
  expect(second.nonce).not.toBe(first.nonce);

  tap(page, '.ck-result-undo');
  await waitFor(() => expect(requests.some((r) => (r.data as Body).action === 'undoSignOut')).toBe(true));
  expect(asked[1]).toMatchObject({ title: '撤销签退' });
  expect(requests.find((r) => (r.data as Body).action === 'undoSignOut')?.data).toMatchObject({ activityId: 'act-1', date: '2026-12-01' });
  await waitFor(() => find(page!, '.ck-scan-camera'));
});

test('after today’s 签退 the on-site code says so, with the day’s time, and offers no undo', async () => {
  answer = () =>
    scanned({
      kind: 'out',
      outcome: 'alreadySignedOut',
      repeated: true,
      record: record({ signOutAt: '2026-12-01T16:35:00+08:00', minutes: 455, status: 'closed' }),
    });
  page = renderPage('pages/scan/index');
  await waitFor(() => find(page!, '.ck-scan-camera'));
  tap(page, '.ck-scan-camera');
  await waitFor(() => expect(text(find(page!, '.ck-result-title'))).toBe('今天已签退（7小时35分钟）'));
  expect(text(page)).not.toContain('请记得签退');
  expect(page.querySelector('.ck-result-undo')).toBeFalsy();
});

test('我的时长 counts only the days that credit time as 服务日, and tags a batch sign-out 批量签退', async () => {
  const adjustments = [
    {
      by: 'admin',
      byName: '李敏',
      at: '2026-12-02T21:00:00+08:00',
      reason: '管理员批量签退（志愿者未签退）',
      before: { signInAt: '2026-12-02T08:00:00+08:00', minutes: 0 },
      after: { signInAt: '2026-12-02T08:00:00+08:00', signOutAt: '2026-12-02T20:00:00+08:00', minutes: 480 },
      kind: 'batch',
      capped: true,
    },
  ];
  answer = (body) => {
    if (body.action === 'me') return meAnswer;
    if (body.action !== 'myHours') return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    const days = [
      {
        ...record({
          recordId: 'a_2',
          date: '2026-12-02',
          signInAt: '2026-12-02T08:00:00+08:00',
          signOutAt: '2026-12-02T20:00:00+08:00',
          minutes: 480,
          status: 'adjusted',
          adjustments,
        }),
        title: '社区科普讲解',
        orgName: '兰州市科技志愿服务支队',
      },
      { ...record({ recordId: 'a_1', minutes: 0, status: 'open' }), title: '社区科普讲解', orgName: '兰州市科技志愿服务支队' },
    ];
    return { ok: true, data: { totalMinutes: 480, serviceDays: 1, days } };
  };
  page = renderPage('pages/my-hours/index');
  await waitFor(() => expect(text(find(page!, '.ck-hours-total'))).toBe('8小时'));
  expect(text(find(page, '.ck-hours-count'))).toBe('1');
  expect(page.querySelectorAll('.ck-hours-day')).toHaveLength(2);
  expect(page.querySelectorAll('.ck-hours-day-status').map((n) => text(n))).toEqual(['批量签退', '未签退']);
  expect(text(find(page, '.ck-audit-change'))).toBe('批量签退：签到 08:00，签退 20:00，按每日上限计8小时');
});

test('我的时长 tells someone not registered to register first, with 去注册', async () => {
  answer = (body) => (body.action === 'me' ? notRegistered : { ok: true, data: { totalMinutes: 0, serviceDays: 0, days: [] } });
  page = renderPage('pages/my-hours/index');
  await waitFor(() => expect(text(find(page!, '.ck-hours-unregistered'))).toContain('请先注册成为志愿者'));
  expect(text(find(page, '.ck-hours-go-register'))).toBe('去注册');
  expect(page.querySelector('.ck-hours-empty')).toBeFalsy();
});

test('扫码签到 tells someone not registered to register first, with 去注册, instead of the camera', async () => {
  answer = (body) => (body.action === 'me' ? notRegistered : { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' });
  page = renderPage('pages/scan/index');
  await waitFor(() => expect(text(find(page!, '.ck-scan-unregistered'))).toContain('请先注册成为志愿者'));
  expect(text(find(page, '.ck-scan-go-register'))).toBe('去注册');
  expect(page.querySelector('.ck-scan-camera')).toBeFalsy();
});
