// 队伍详情 of the weapp build and 民发〔2015〕149号: the 证明公示 card its members read (the team's certificates of the
// last 7 days) and the leader's 上传公章 row (choose a picture, upload it, the result or the refusal in Chinese).
import simulate from 'miniprogram-simulate';
import { find, onRequest, renderPage, requests, tap, text, waitFor, type Body, type Page, type WxRequestOptions } from './shim';
import { NOW, UNKNOWN_ACTION, succeed, teamAnswer, type Callbacks } from './fixtures';

type Wx = Record<string, (opts: Callbacks & Record<string, unknown>) => unknown>;
const wx = (globalThis as unknown as { wx: Wx }).wx;
const original = { chooseImage: wx.chooseImage, getFileSystemManager: wx.getFileSystemManager, showToast: wx.showToast };

const calls = (fn: string, action?: string) =>
  requests.filter((r) => r.url.endsWith(`/functions/${fn}`) && (!action || (r.data as Body).action === action)).map((r) => r.data as Body);

const ORG = teamAnswer();
const membership = (role: 'leader' | 'admin' | 'member', status = 'approved') => ({
  memberId: `lz_${role}`,
  orgId: 'lz',
  openid: role,
  status,
  role,
  appliedAt: NOW,
});
const ok = (data: unknown) => ({ ok: true, data });
const detail = (over: Record<string, unknown>) =>
  ok({ org: ORG, parent: null, children: [], memberCount: 5, myMembership: null, canManage: false, canRead: false, ...over });
const publicity = (items: unknown[]) => ok({ orgId: 'lz', orgName: ORG.name, since: '2026-11-16T10:00:00+08:00', days: 7, items });
const CERTS = [
  {
    certificateNo: 'KJZY-2026-ABCDEFGHJKMNPQRS',
    realNameMasked: '李*',
    from: '2026-05-10',
    to: '2026-11-23',
    minutes: 180,
    issuedAt: '2026-11-23T10:00:00+08:00',
  },
  {
    certificateNo: 'KJZY-2026-0123456789ABCDEF',
    realNameMasked: '张*',
    from: '2026-09-20',
    to: '2026-09-20',
    minutes: 125,
    issuedAt: '2026-11-20T16:30:00+08:00',
  },
];
/** A PNG's first bytes, as the phone reads the chosen file. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');
/** A JPEG over 512 KB: a picture the phone takes for a photo (≤ 1 MB), too large for a seal. */
const BIG_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(600 * 1024)]).toString('base64');

let answers: Record<string, unknown> = {};
let page: Page | undefined;
const toasts: string[] = [];
afterEach(() => {
  page?.detach();
  Object.assign(wx, original);
});
beforeEach(() => {
  requests.length = 0;
  toasts.length = 0;
  answers = {};
  onRequest((req: WxRequestOptions) => {
    const fn = req.url.split('/functions/')[1];
    const answer = answers[`${fn}.${(req.data as Body).action}`];
    return answer === undefined ? UNKNOWN_ACTION : typeof answer === 'function' ? (answer as (b: unknown) => unknown)(req.data) : answer;
  });
  wx.showToast = (opts) => {
    toasts.push(String(opts.title));
    succeed(opts);
  };
});
const open = () => (page = renderPage('pages/org-detail/index', { orgId: 'lz' }));

/** The chooser picks one file; reading it waits for `release` when given (to see the upload in progress). */
function chooseFile(base64: string, hold?: Promise<void>) {
  const read: string[] = [];
  wx.chooseImage = (opts) => succeed(opts, { tempFilePaths: ['wxfile://tmp/seal.png'], tempFiles: [] });
  wx.getFileSystemManager = () => ({
    getFileInfo: (opts: Callbacks) => succeed(opts, { size: 20_000 }),
    readFile: (opts: Callbacks & { filePath: string }) => {
      read.push(opts.filePath);
      void (hold ?? Promise.resolve()).then(() => succeed(opts, { data: base64 }));
    },
  });
  return read;
}

describe('证明公示', () => {
  test('a member reads the team’s certificates of the last 7 days: masked name, hours, period, number, when issued', async () => {
    answers['org.get'] = detail({ myMembership: membership('member') });
    answers['report.certificatePublicity'] = publicity(CERTS);
    open();
    await waitFor(() => expect(page!.querySelectorAll('.org-publicity-item')).toHaveLength(2));
    const first = text(page!.querySelectorAll('.org-publicity-item')[0]);
    expect(first).toContain('李*');
    expect(first).toContain('3小时');
    expect(first).toContain('服务期间：2026-05-10 至 2026-11-23');
    expect(first).toContain('证明编号：KJZY-2026-ABCDEFGHJKMNPQRS');
    expect(first).toContain('2026-11-23 10:00出具');
    const second = text(page!.querySelectorAll('.org-publicity-item')[1]);
    expect(second).toContain('2小时5分钟');
    expect(second).toContain('服务期间：2026-09-20');
    expect(text(find(page!, '.org-publicity'))).toContain('证明公示');
    expect(calls('report', 'certificatePublicity')).toEqual([{ action: 'certificatePublicity', orgId: 'lz' }]);
    // A member uploads no seal.
    expect(page!.querySelector('.org-seal-upload')).toBeFalsy();
  });

  test('nothing issued in 7 days says so', async () => {
    answers['org.get'] = detail({ myMembership: membership('member') });
    answers['report.certificatePublicity'] = publicity([]);
    open();
    await waitFor(() => find(page!, '.org-publicity-empty'));
    expect(text(find(page!, '.org-publicity-empty'))).toBe('近7天没有出具的证明');
  });

  test('a failed list says why and reads again on 重试', async () => {
    answers['org.get'] = detail({ myMembership: membership('member') });
    answers['report.certificatePublicity'] = { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' };
    open();
    await waitFor(() => find(page!, '.org-publicity-error'));
    expect(text(find(page!, '.org-publicity-error'))).toContain('服务暂时不可用，请稍后再试');
    answers['report.certificatePublicity'] = publicity(CERTS.slice(0, 1));
    tap(page!, '.org-publicity-retry');
    await waitFor(() => expect(page!.querySelectorAll('.org-publicity-item')).toHaveLength(1));
  });

  test('a visitor, an applicant or a manager of a team above sees no 公示, and it is not asked for', async () => {
    for (const over of [{}, { myMembership: membership('member', 'pending') }, { canRead: true }]) {
      requests.length = 0;
      answers['org.get'] = detail(over);
      open();
      await waitFor(() => find(page!, '.org-status'));
      await simulate.sleep(50);
      expect(page!.querySelector('.org-publicity')).toBeFalsy();
      expect(calls('report', 'certificatePublicity')).toHaveLength(0);
      page!.detach();
      page = undefined;
    }
  });
});

describe('上传公章', () => {
  const leader = (hasSeal: boolean) =>
    detail({ myMembership: membership('leader'), isLeader: true, canManage: true, canRead: true, hasSeal });

  test('the leader chooses a picture; it is uploaded with a loading state, a toast says so, and the row then offers 更换公章', async () => {
    answers['org.get'] = leader(false);
    answers['report.certificatePublicity'] = publicity([]);
    answers['org.setSeal'] = ok({ orgId: 'lz', hasSeal: true, setAt: NOW, replaced: false });
    open();
    await waitFor(() => find(page!, '.org-seal-upload'));
    expect(text(find(page!, '.org-seal-upload'))).toContain('上传公章');
    expect(text(find(page!, '.org-seal-status'))).toContain('未上传');
    // The leader is a member too: the 公示 shows.
    await waitFor(() => find(page!, '.org-publicity-empty'));

    let release = () => {};
    const read = chooseFile(PNG, new Promise<void>((r) => (release = r)));
    tap(page!, '.org-seal-upload');
    await waitFor(() => expect(text(find(page!, '.org-seal-upload'))).toContain('上传中'));
    answers['org.get'] = leader(true);
    release();
    await waitFor(() => expect(text(find(page!, '.org-seal-upload'))).toContain('更换公章'));
    expect(read).toEqual(['wxfile://tmp/seal.png']);
    expect(calls('org', 'setSeal')).toEqual([{ action: 'setSeal', orgId: 'lz', contentType: 'image/png', dataBase64: PNG }]);
    expect(toasts).toContain('公章已上传');
    expect(text(find(page!, '.org-seal-status'))).toContain('已上传');
    expect(page!.querySelector('.org-seal-error')).toBeFalsy();
  });

  test('a refusal is shown in Chinese by its code; a picture over 512 KB is refused before anything is sent', async () => {
    answers['org.get'] = leader(true);
    answers['report.certificatePublicity'] = publicity([]);
    answers['org.setSeal'] = { ok: false, code: 'FILE.TOO_LARGE', message: '公章图片不能超过512KB，请压缩后再上传' };
    open();
    await waitFor(() => find(page!, '.org-seal-upload'));
    chooseFile(PNG);
    tap(page!, '.org-seal-upload');
    await waitFor(() => find(page!, '.org-seal-error'));
    expect(text(find(page!, '.org-seal-error'))).toBe('公章图片不能超过512KB，请压缩后再上传');
    expect(text(find(page!, '.org-seal-upload'))).toContain('更换公章');

    answers['org.setSeal'] = { ok: false, code: 'AUTH.FORBIDDEN', message: '只有本队负责人可以上传公章' };
    tap(page!, '.org-seal-upload');
    await waitFor(() => expect(text(find(page!, '.org-seal-error'))).toBe('只有本队负责人可以上传公章'));

    requests.length = 0;
    chooseFile(BIG_JPEG);
    tap(page!, '.org-seal-upload');
    await waitFor(() => expect(text(find(page!, '.org-seal-error'))).toBe('公章图片不能超过512KB，请压缩后再上传'));
    expect(calls('org', 'setSeal')).toHaveLength(0);
  });

  test('an admin of the team has no 上传公章 row', async () => {
    answers['org.get'] = detail({ myMembership: membership('admin'), canManage: true, canRead: true, hasSeal: false });
    answers['report.certificatePublicity'] = publicity([]);
    open();
    await waitFor(() => find(page!, '.org-publicity-empty'));
    expect(page!.querySelector('.org-seal-upload')).toBeFalsy();
  });
});
