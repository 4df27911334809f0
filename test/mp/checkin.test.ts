// The scan page of the weapp build: camera → GCJ-02 position → checkin.scan with a fresh nonce, and the answer as a
// panel (success, the distance of an out-of-range refusal, a refused location); plus 我的时长 with its day (miniprogram-simulate).
import simulate from 'miniprogram-simulate';
import { find, onRequest, renderPage, requests, tap, text, waitFor, type Body, type Page, type WxRequestOptions } from './shim';

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };

const scans = () => requests.filter((r) => r.url.endsWith('/functions/checkin') && (r.data as Body).action === 'scan').map((r) => r.data as Body);

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
wx.getLocation = (opts: Callbacks & { type?: string }) => answerWith(() => (opts.type === 'gcj02' ? device.locate() : new Error('getLocation:fail wrong type')), opts);

let answer: (body: Body) => unknown;
let page: Page | undefined;
afterEach(() => page?.detach());
beforeEach(() => {
  requests.length = 0;
  device = { scan: () => ({ result: 'signed-activity-code' }), locate: () => ({ latitude: 36.0611, longitude: 103.8343, accuracy: 35 }) };
  answer = () => ({ ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' });
  onRequest((req: WxRequestOptions) => answer(req.data as Body));
});

const record = (over: Record<string, unknown> = {}) => ({
  recordId: 'act-1_dev_2026-12-01', activityId: 'act-1', orgId: 'org-1', openid: 'dev', date: '2026-12-01',
  signInAt: '2026-12-01T08:52:00+08:00', minutes: 0, status: 'open', adjustments: [], ...over,
});

test('the scan page offers the camera and the way to 我的签到码', async () => {
  page = renderPage('pages/scan/index');
  await waitFor(() => expect(text(find(page!, '.ck-scan-camera'))).toContain('扫码签到'));
  expect(text(page)).toContain('手机无法定位？出示我的签到码');
  expect(page.querySelector('.ck-scan-payload')).toBeFalsy(); // manual entry is for browsers only
});

test('a scan sends the code, the GCJ-02 position and a fresh nonce, and shows 签到成功', async () => {
  answer = () => ({ ok: true, data: { kind: 'in', date: '2026-12-01', at: '2026-12-01T08:52:00+08:00', distanceM: 120, record: record(), title: '社区科普讲解', repeated: false } });
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
    message: '您距活动地点约6.2公里，超出5公里签到范围。请到达活动地点后再试；如已在现场，请打开手机的精确定位，或请管理员扫描您的个人签到码',
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

test('我的签到码 draws the rotating personal code as boxes and counts down to the next one', async () => {
  answer = (body) =>
    body.action === 'myCode'
      ? { ok: true, data: { payload: 'v.personal-code-0123456789', qrSvg: '<svg/>', expiresAt: new Date(Date.now() + 20_000).toISOString() } }
      : { ok: false, code: 'ACTIVITY.NOT_FOUND', message: '活动不存在或已删除' };
  page = renderPage('pages/my-code/index', { activityId: 'act-1' });
  await waitFor(() => expect(text(find(page!, '.ck-mycode-countdown'))).toMatch(/^(20|19)秒后自动刷新$/));
  expect(page.querySelectorAll('.ck-mycode-qr .qr-code__run').length).toBeGreaterThan(50);
  expect(text(find(page, '.ck-mycode-payload'))).toBe('v.personal-code-0123456789');
  expect(requests.find((r) => (r.data as Body).action === 'myCode')?.data).toEqual({ action: 'myCode', activityId: 'act-1' });
});

test('我的时长 shows the total, the day with its audit trail, and a pending correction', async () => {
  answer = (body) => {
    if (body.action === 'myHours') {
      return {
        ok: true,
        data: {
          totalMinutes: 455,
          days: [
            {
              ...record({ signOutAt: '2026-12-01T16:35:00+08:00', minutes: 455, status: 'adjusted' }),
              title: '社区科普讲解', orgName: '兰州市科技志愿服务支队',
              adjustments: [{ by: 'admin', byName: '李敏', at: '2026-12-01T18:00:00+08:00', reason: '按现场签到表补录', before: { signInAt: '2026-12-01T08:52:00+08:00', minutes: 0 }, after: { signInAt: '2026-12-01T08:52:00+08:00', signOutAt: '2026-12-01T16:35:00+08:00', minutes: 455 } }],
              correction: { correctionId: 'c1', activityId: 'act-1', orgId: 'org-1', openid: 'dev', date: '2026-12-01', signOutAt: '2026-12-01T17:00:00+08:00', note: '我忘记签退了', status: 'pending', createdAt: '2026-12-01T19:00:00+08:00' },
            },
          ],
        },
      };
    }
    if (body.action === 'me') return { ok: false, code: 'USER.NOT_REGISTERED', message: '请先注册成为志愿者' };
    return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  };
  page = renderPage('pages/my-hours/index');
  await waitFor(() => expect(text(find(page!, '.ck-hours-total'))).toBe('7小时35分钟'));
  const day = find(page, '.ck-hours-day');
  expect(text(day)).toContain('签到 08:52 · 签退 16:35');
  expect(text(day)).toContain('按现场签到表补录');
  expect(text(find(page, '.ck-hours-correction-status'))).toBe('待审核');
  expect(page.querySelector('.ck-hours-correct')).toBeFalsy(); // one open request per day
  const call = requests.find((r) => (r.data as Body).action === 'myHours');
  expect(call?.data).toEqual({ action: 'myHours' });
});
