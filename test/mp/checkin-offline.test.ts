// A scan without a network in the weapp build: checkin.scan's wx.request fails, the page keeps the scan on the phone
// (same nonce, code, GCJ-02 position, phone time and the monotonic time since the server was last heard) and says
// 已离线记录，联网后自动上传 with 待上传 1 条; when requests succeed again 立即上传 (or the next answer from the server)
// uploads it through checkin.uploadOffline, the server's day exists and nothing waits. A typed 现场数字码 is not kept.
// The server here is a small stand-in holding what was uploaded (this layer has no emulator).
import { find, onRequest, renderPage, requests, tap, text, type, waitFor, type Body, type Page, type WxRequestOptions } from './shim';
import { volunteerAnswer } from './fixtures';

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };
const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;

/** A rotating 签到码 of act-1 as the in-app camera reads it (only its body matters here: the stand-in trusts it). */
const body = Buffer.from(JSON.stringify({ v: 1, t: 'a', a: 'act-1', k: 'in', m: 'rotating', s: 59_000_000 })).toString('base64url');
const PAYLOAD = `kjzy1.${body}.mac`;

// The device: camera, position, and a storage that keeps what the app writes (the queue survives in it).
const storage = new Map<string, unknown>();
const later = (opts: Callbacks, res: object) =>
  setTimeout(() => {
    opts.success?.({ errMsg: 'ok', ...res });
    opts.complete?.(res);
  }, 0);
wx.scanCode = (opts: Callbacks) => later(opts, { result: PAYLOAD });
wx.getLocation = (opts: Callbacks) => later(opts, { latitude: 36.0611, longitude: 103.8343, accuracy: 35 });
wx.setStorageSync = (key: string, value: unknown) => storage.set(key, JSON.parse(JSON.stringify(value)));
wx.getStorageSync = (key: string) => storage.get(key) ?? '';
wx.getStorageInfoSync = () => ({ keys: [...storage.keys()], currentSize: 1, limitSize: 10240 });

/** The stand-in server: the day records its uploads made, and whether the network is there at all. */
const server = {
  online: true,
  uploads: [] as Body[],
  days: [] as Record<string, unknown>[],
};
const dayOf = (at: string) => ({
  recordId: 'act-1_dev_2026-11-23',
  activityId: 'act-1',
  orgId: 'org-1',
  openid: 'dev',
  date: '2026-11-23',
  signInAt: at,
  minutes: 0,
  status: 'open',
  adjustments: [],
  flags: ['offline'],
  title: '社区科普讲解',
  orgName: '兰州市科技志愿服务支队',
});

function answer(req: WxRequestOptions): unknown {
  if (!server.online) throw new Error('timeout');
  const b = req.data as Body;
  switch (b.action) {
    case 'myHours':
      return { ok: true, data: { totalMinutes: 0, serviceDays: 0, days: server.days } };
    case 'me':
      return {
        ok: true,
        data: { volunteer: volunteerAnswer(), memberships: [], teamApplications: [], totals: { minutes: 0, activities: 0 } },
      };
    case 'uploadOffline': {
      server.uploads.push(b);
      const scans = b.scans as Array<{ nonce: string; claimedAt: string }>;
      return {
        ok: true,
        data: {
          results: scans.map((s) => {
            const day = dayOf(s.claimedAt);
            if (!server.days.length) server.days.push(day);
            const { title: _t, orgName: _o, ...record } = day;
            return { nonce: s.nonce, result: 'recorded', kind: 'in', at: s.claimedAt, date: day.date, record };
          }),
        },
      };
    }
    default:
      return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  }
}

const calls = (action: string) => requests.filter((r) => (r.data as Body).action === action);
const queued = () => (storage.get('kjzy.offline.scans') as { items: Array<Record<string, unknown>> } | undefined)?.items ?? [];

let page: Page | undefined;
afterEach(() => page?.detach());
beforeEach(() => {
  onRequest(answer);
});

test('a typed 现场数字码 without a network is not kept: it needs the network, scan the code instead', async () => {
  server.online = false;
  page = renderPage('pages/scan/index', { activityId: 'act-1' });
  await waitFor(() => find(page!, '.ck-scan-number'));
  type(page, '.ck-scan-number', '042917');
  tap(page, '.ck-scan-number-submit');
  await waitFor(() => expect(text(find(page!, '.ck-result-title'))).toBe('网络异常'));
  expect(text(find(page, '.ck-result-message'))).toBe('现场数字码需要联网，请扫描签到码');
  expect(page.querySelector('.ck-offline')).toBeFalsy();
  expect(queued()).toHaveLength(0);
});

test('a scan whose request fails is kept offline with the tap’s nonce, and 立即上传 sends it once requests succeed', async () => {
  // The app heard the server once (我的时长), so the scan carries the server time and the monotonic time since.
  server.online = true;
  page = renderPage('pages/my-hours/index');
  await waitFor(() => find(page!, '.ck-hours-empty'));
  page.detach();
  page = undefined;

  server.online = false;
  requests.length = 0;
  page = renderPage('pages/scan/index');
  await waitFor(() => find(page!, '.ck-scan-camera'));
  tap(page, '.ck-scan-camera');
  await waitFor(() => expect(text(find(page!, '.ck-offline-title'))).toBe('已离线记录，联网后自动上传'));
  expect(text(find(page, '.ck-offline-kind'))).toBe('签到');
  expect(text(find(page, '.ck-offline-time'))).toBe('2026-11-23 10:00');
  expect(text(find(page, '.ck-offline-count'))).toBe('待上传 1 条');

  // The failed tap and the kept scan are one: the same nonce, code and position, timed by the phone.
  const scan = calls('scan')[0]?.data as Body;
  expect(scan).toMatchObject({ payload: PAYLOAD, location: { lat: 36.0611, lng: 103.8343, accuracy: 35 } });
  expect(queued()).toHaveLength(1);
  expect(queued()[0]).toMatchObject({ nonce: scan.nonce, payload: PAYLOAD, location: scan.location, activityId: 'act-1', kind: 'in' });
  expect(queued()[0].syncedServerTime).toEqual(expect.any(String));
  expect(queued()[0].elapsedMs).toEqual(expect.any(Number));
  // The first automatic try failed too: said so, still waiting.
  await waitFor(() => expect(text(find(page!, '.ck-offline-error'))).toBe('仍无法连接服务器，联网后会自动上传'));
  expect(server.uploads).toHaveLength(0);

  server.online = true;
  tap(page, '.ck-offline-flush');
  await waitFor(() => expect(text(find(page!, '.ck-offline-result-title'))).toBe('已上传并记录'));
  expect(text(find(page, '.ck-offline-count'))).toBe('待上传 0 条');
  expect(page.querySelector('.ck-offline-flush')).toBeFalsy();
  expect(server.uploads).toHaveLength(1);
  const { nonce, payload, claimedAt, syncedServerTime, elapsedMs } = queuedSent(0);
  expect({ nonce, payload }).toEqual({ nonce: scan.nonce, payload: PAYLOAD });
  expect([claimedAt, syncedServerTime, elapsedMs].every((v) => v !== undefined)).toBe(true);
  expect(server.days).toHaveLength(1);
  expect(queued()).toHaveLength(0);

  // Back on the scan page nothing waits: no banner, and the upload's result in words.
  tap(page, '.ck-offline-back');
  await waitFor(() => find(page!, '.ck-scan-camera'));
  expect(page.querySelector('.ck-offline-banner')).toBeFalsy();
  expect(text(find(page, '.ck-offline-results'))).toContain('已上传并记录');
});

/** The `i`-th scan the stand-in server received. */
const queuedSent = (i: number) => server.uploads.flatMap((u) => u.scans as Array<Record<string, unknown>>)[i] ?? {};

test('a kept scan waits on 我的时长 as 待上传 and uploads by itself at the server’s next answer; the day shows', async () => {
  server.online = false;
  server.days = [];
  server.uploads = [];
  page = renderPage('pages/scan/index');
  await waitFor(() => find(page!, '.ck-scan-camera'));
  tap(page, '.ck-scan-camera');
  await waitFor(() => expect(text(find(page!, '.ck-offline-count'))).toBe('待上传 1 条'));
  tap(page, '.ck-offline-back');
  await waitFor(() => expect(text(find(page!, '.ck-offline-banner'))).toContain('有 1 条扫码待上传'));
  page.detach();

  // 我的时长 offline: the queued scan is listed under 待上传, with the hours' own error beside it.
  page = renderPage('pages/my-hours/index');
  await waitFor(() => find(page!, '.ck-hours-error'));
  expect(text(find(page, '.ck-hours-offline-count'))).toBe('1');
  expect(text(find(page, '.ck-hours-offline-item-kind'))).toBe('签到');
  expect(text(find(page, '.ck-hours-offline-item-title'))).toBe('离线扫码');
  expect(text(find(page, '.ck-hours-offline'))).toContain('待上传');

  // The network is back: the next answer (重试 of the hours) sends the queue, and the hours are read again.
  server.online = true;
  tap(page, '.ck-hours-error-retry');
  await waitFor(() => expect(page!.querySelectorAll('.ck-hours-day')).toHaveLength(1));
  await waitFor(() => expect(page!.querySelector('.ck-hours-offline')).toBeFalsy());
  expect(server.uploads).toHaveLength(1);
  expect(calls('myHours').length).toBeGreaterThanOrEqual(2);
  expect(text(find(page, '.ck-hours-day-title'))).toBe('社区科普讲解');
});
