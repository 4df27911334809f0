// What the page tests answer for `me`'s volunteer and for an activity, and the device that records opened files: one copy for every page.
import { LANZHOU, SAMPLE_ACTIVITY } from '../helpers/sample-data';
import { onRequest, requests, type Body, type WxRequestOptions } from './shim';

export { LANZHOU };

/** The time the answers were made (2026-11-20 09:30 in Shanghai). */
export const NOW = '2026-11-20T09:30:00+08:00';

/** A registered volunteer as user.me answers it (张伟, 兰州), with `over`'s fields. */
export const volunteerAnswer = (over: Record<string, unknown> = {}) => ({
  openid: 'dev-0000000000000001',
  volunteerNo: 'KJ202600000001',
  realName: '张伟',
  gender: 'male',
  phoneMasked: '138****0003',
  idNumberMasked: '620102********0011',
  birthDate: '1992-08-08',
  education: '本科',
  region: LANZHOU,
  serviceCategories: ['科普报告'],
  registeredAt: NOW,
  status: 'active',
  ...over,
});

/** A team as the org functions answer it: 兰州's 支队 under the root, approved, with `over`'s fields. */
export const teamAnswer = (over: Record<string, unknown> = {}) => ({
  _id: 'lz',
  name: '兰州市科技志愿服务支队',
  level: '支队',
  parentId: 'root',
  path: ['root'],
  region: LANZHOU,
  intro: '开展科普报告和科技培训。',
  status: 'approved',
  createdAt: NOW,
  ...over,
});

/** The sample activity as the activity functions answer it: 兰州's, published, signup open until 11-30 18:00, 12 enrolled. */
export const activityAnswer = (over: Record<string, unknown> = {}) => ({
  _id: 'a1',
  orgId: 'lz',
  orgName: '兰州市科技志愿服务支队',
  ...SAMPLE_ACTIVITY,
  location: { lat: 36.0577, lng: 103.8342 },
  radiusM: 5000,
  signupStartAt: '2026-11-19T16:00:00.000Z',
  signupEndAt: '2026-11-30T10:00:00.000Z',
  waitlist: true,
  audience: 'public',
  dailyCapMinutes: 480,
  status: 'published',
  enrolledCount: 12,
  waitlistCount: 0,
  createdAt: NOW,
  updatedAt: NOW,
  ...over,
});

export type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };

/** Answers a wx API call as the device does: success, then complete, on the next tick. */
export const succeed = (opts: Callbacks, res: object = {}) =>
  setTimeout(() => {
    opts.success?.({ errMsg: 'ok', ...res });
    opts.complete?.({ errMsg: 'ok', ...res });
  }, 0);

/**
 * The device's file system, document viewer and clipboard, recording what a page writes, opens and copies. Taro binds wx's
 * APIs (and wx.env) when the app loads, so a test file installs it before its first render; clear() empties the records.
 */
export function installDevice() {
  const device = {
    written: [] as { filePath: string; data: string; encoding?: string }[],
    opened: [] as { filePath: string; fileType: string }[],
    clipboard: [] as string[],
    clear() {
      device.written.length = 0;
      device.opened.length = 0;
      device.clipboard.length = 0;
    },
  };
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  wx.env = { USER_DATA_PATH: 'wxfile://usr' };
  wx.getFileSystemManager = () => ({
    writeFile: (opts: Callbacks & { filePath: string; data: string; encoding?: string }) => {
      device.written.push({ filePath: opts.filePath, data: opts.data, encoding: opts.encoding });
      succeed(opts);
    },
  });
  wx.openDocument = (opts: Callbacks & { filePath: string; fileType: string }) => {
    device.opened.push({ filePath: opts.filePath, fileType: opts.fileType });
    succeed(opts);
  };
  wx.setClipboardData = (opts: Callbacks & { data: string }) => {
    device.clipboard.push(opts.data);
    succeed(opts);
  };
  return device;
}

/** What a function answers an action it does not have. */
export const UNKNOWN_ACTION = { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };

/**
 * Forgets the requests so far and answers each new one from the test's table by its action: a function is called with
 * the body; UNKNOWN_ACTION if absent.
 */
export function resetRequests(table: () => Record<string, unknown>) {
  requests.length = 0;
  onRequest((req: WxRequestOptions) => {
    const { action } = req.data as Body;
    const a = table()[action];
    return typeof a === 'function' ? (a as (body: unknown) => unknown)(req.data) : (a ?? UNKNOWN_ACTION);
  });
}
