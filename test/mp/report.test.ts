// The volunteer's side of reports in the weapp build: stars on 我的, a certificate issued and opened as a PDF with
// the system viewer, its public verification (from the QR's ?no= and typed), and the links page (miniprogram-simulate).
import { find, renderPage, requests, tap, text, waitFor, type Body, type Page } from './shim';
import { installDevice, resetRequests, volunteerAnswer } from './fixtures';

/** Picks a period tab and waits for it to render as chosen (a tap right after would still see the old one). */
const pickPeriod = async (page: Page, key: string) => {
  tap(page, `.cert-period-${key}`);
  await waitFor(() => find(page, `.cert-period-${key}.is-active`));
};
const calls = (action: string) => requests.map((r) => r.data as Body).filter((b) => b.action === action);

// The device: Taro binds wx's APIs (and wx.env) when the app loads, so these exist before the first render.
const device = installDevice();
const volunteer = volunteerAnswer();
const meWith = (minutes: number, memberships: { orgId: string; orgName: string; status: string; role: string }[]) => ({
  ok: true,
  data: { volunteer, memberships, totals: { minutes, activities: 12 } },
});
const LZ = { orgId: 'lz', orgName: '兰州市科技志愿服务支队', status: 'approved', role: 'member' };
const PDF = Buffer.from('%PDF-1.7 certificate').toString('base64');

let answers: Record<string, unknown> = {};
let page: Page | undefined;
afterEach(() => page?.detach());
beforeEach(() => {
  device.clear();
  answers = { managed: { ok: true, data: { items: [] } } };
  resetRequests(() => answers);
});

test('我的 shows the stars earned and the hours to the next one, and the ways to 证明 and 政策文件', async () => {
  answers.me = meWith(320 * 60 + 30, [LZ]);
  page = renderPage('pages/mine/index');
  await waitFor(() => expect(text(find(page!, '.mine-stars-text'))).toBe('二星志愿者 · 距三星还差280小时'));
  expect(text(find(page, '.mine-stars-rule'))).toBe('累计服务满100小时为一星，300小时二星，600小时三星，1000小时四星，1500小时五星');
  expect(page.querySelectorAll('.mine-stars .mine__star.is-on')).toHaveLength(2);
  expect(page.querySelector('.mine-certificate')).toBeTruthy();
  expect(page.querySelector('.mine-links')).toBeTruthy();
});

test('a certificate is issued for the only team and opens as a PDF in the system viewer', async () => {
  answers.me = meWith(600, [LZ, { orgId: 'x', orgName: '申请中的队伍', status: 'pending', role: 'member' }]);
  answers.certificate = {
    ok: true,
    data: {
      certificateNo: 'KJZY-2026-ABCDEFGHJKMNPQRS',
      pdfBase64: PDF,
      minutes: 455,
      issuedAt: '2026-11-20T09:31:00+08:00',
      from: '2026-01-01',
      to: '2026-11-20',
    },
  };
  page = renderPage('pages/certificate/index');
  // One team the volunteer served with: chosen already (the pending application is not offered).
  await waitFor(() => expect(text(find(page!, '.cert-org'))).toContain('兰州市科技志愿服务支队'));
  await pickPeriod(page, 'year');
  tap(page, '.cert-issue');
  await waitFor(() => expect(text(find(page!, '.cert-no'))).toBe('KJZY-2026-ABCDEFGHJKMNPQRS'));
  // 今年 is named, not computed on the phone: the server resolves it on its own clock and answers the dates it used.
  expect(calls('certificate')).toEqual([{ action: 'certificate', orgId: 'lz', period: 'thisYear' }]);
  expect(text(find(page, '.cert-covers'))).toBe('2026-01-01 至 2026-11-20');
  expect(text(find(page, '.cert-minutes'))).toBe('7小时35分钟');
  expect(text(find(page, '.cert-issued-at'))).toBe('2026-11-20 09:31');

  tap(page, '.cert-open');
  await waitFor(() => expect(device.opened).toHaveLength(1));
  expect(device.written).toEqual([{ filePath: 'wxfile://usr/志愿服务证明-KJZY-2026-ABCDEFGHJKMNPQRS.pdf', data: PDF, encoding: 'base64' }]);
  expect(device.opened[0]).toEqual({ filePath: 'wxfile://usr/志愿服务证明-KJZY-2026-ABCDEFGHJKMNPQRS.pdf', fileType: 'pdf' });
});

test('without credited hours the team says so, and nothing opens', async () => {
  answers.me = meWith(0, [LZ]);
  answers.certificate = { ok: false, code: 'VALIDATION', message: '暂无可证明的服务时长' };
  page = renderPage('pages/certificate/index');
  await waitFor(() => expect(text(find(page!, '.cert-org'))).toContain('兰州市科技志愿服务支队'));
  await pickPeriod(page, 'custom');
  tap(page, '.cert-issue');
  await waitFor(() => expect(text(find(page!, '.cert-error'))).toBe('请选择开始和结束日期'));
  expect(calls('certificate')).toHaveLength(0);
  await pickPeriod(page, 'all');
  tap(page, '.cert-issue');
  await waitFor(() => expect(text(find(page!, '.cert-error'))).toBe('暂无可证明的服务时长'));
  expect(page.querySelector('.cert-result')).toBeFalsy();
  expect(device.opened).toHaveLength(0);
});

test('证明查验 checks the number from the QR code at once, and a made-up number is not found', async () => {
  answers.verifyCertificate = (body: Body) =>
    body.certificateNo === 'KJZY-2026-ABCDEFGHJKMNPQRS'
      ? {
          ok: true,
          data: {
            valid: true,
            realNameMasked: '张*',
            orgName: '兰州市科技志愿服务支队',
            minutes: 455,
            issuedAt: '2026-11-20T09:31:00+08:00',
            from: '2026-01-01',
            to: '2026-11-20',
          },
        }
      : { ok: true, data: { valid: false } };
  page = renderPage('pages/verify/index', { no: 'KJZY-2026-ABCDEFGHJKMNPQRS' });
  await waitFor(() => expect(text(find(page!, '.verify-name'))).toBe('张*'));
  expect(text(find(page, '.verify-org'))).toBe('兰州市科技志愿服务支队');
  expect(text(find(page, '.verify-minutes'))).toBe('7小时35分钟');
  expect(text(find(page, '.verify-period'))).toBe('2026-01-01 至 2026-11-20');

  find(page, '.verify-input').dispatchEvent('input', { detail: { value: 'KJZY-2026-MADEUP' } });
  tap(page, '.verify-submit');
  await waitFor(() => expect(text(find(page!, '.verify-invalid'))).toContain('未查到该证明'));
  expect(page.querySelector('.verify-valid')).toBeFalsy();
  expect(calls('verifyCertificate').map((b) => b.certificateNo)).toEqual(['KJZY-2026-ABCDEFGHJKMNPQRS', 'KJZY-2026-MADEUP']);
});

test('政策文件与链接: a mini program cannot open a web page, so a tap copies the address', async () => {
  page = renderPage('pages/links/index');
  await waitFor(() => expect(page!.querySelectorAll('.links-site').length).toBeGreaterThanOrEqual(3));
  expect(text(page)).toContain('《志愿服务记录与证明出具办法（试行）》');
  expect(text(page)).toContain('科技志愿服务管理办法（试行）');
  page.querySelectorAll('.links-site')[0].dispatchEvent('tap');
  await waitFor(() => expect(device.clipboard).toEqual(['https://www.cast.org.cn']));
});

test('统计报表 on weapp: the figures of the period, and 附件3 opened with the system viewer', async () => {
  const series = [{ month: '2026-10', activities: 1, volunteerTimes: 2, minutes: 150 }];
  const byCategory = { 科普报告: 0, 科技培训: 0, 技术咨询: 0, 农技服务: 0, 医疗服务: 0, 青少年科技教育: 1, 其他: 0 };
  answers.orgStats = (body: Body) => ({
    ok: true,
    data: {
      orgId: 'lz',
      orgName: '兰州市科技志愿服务支队',
      from: '2026-11-01',
      to: '2026-11-23',
      includeDescendants: body.includeDescendants,
      teams: 2,
      members: 7,
      newMembers: 1,
      activities: 1,
      byCategory,
      keyDayActivities: 0,
      keyGroupActivities: 1,
      volunteerTimes: 2,
      distinctVolunteers: 2,
      minutes: 150,
      servedPeople: 60,
      series,
      needs: { received: 5, dispatched: 4, accepted: 3, completed: 2, avgHoursToAccept: 6.5, avgRating: 4.5, ratedCount: 2 },
      trainings: 1,
      trainees: 3,
      traineeTimes: 3,
      trainingHours: 6,
    },
  });
  answers.ranking = {
    ok: true,
    data: {
      from: '2026-11-01',
      to: '2026-11-23',
      items: [
        {
          rank: 1,
          orgId: 'cg',
          orgName: '城关区科技志愿服务队',
          minutes: 150,
          volunteers: 2,
          activities: 1,
          avgRating: 4.5,
          ratedCount: 2,
        },
      ],
    },
  };
  const XLSX = Buffer.from('PK xlsx').toString('base64');
  answers.export = { ok: true, data: { fileName: '附件3_兰州市科技志愿服务支队_2026-11-23.xlsx', base64: XLSX } };
  page = renderPage('admin/stats/index', { orgId: 'lz' });
  await waitFor(() => expect(text(find(page!, '.stats-figure-minutes'))).toContain('2.5'));
  expect(text(find(page, '.stats-figure-served'))).toContain('60');
  await waitFor(() => expect(text(find(page!, '.stats-ranking-item'))).toContain('城关区科技志愿服务队'));
  // Counted from the records: no 数据截至 line.
  expect(page.querySelector('.stats-as-of')).toBeFalsy();
  expect(page.querySelector('.stats-chart')).toBeTruthy();
  // 供需对接's card, and the ranking by rating.
  expect(text(find(page, '.stats-need-received'))).toContain('5');
  expect(text(find(page, '.stats-need-hours'))).toContain('6.5');
  expect(text(find(page, '.stats-need-rating'))).toContain('4.5★');
  expect(text(find(page, '.stats-need-rating'))).toContain('2条');
  expect(text(find(page, '.stats-ranking-value'))).toBe('2小时30分钟');
  tap(page, '.stats-ranking-sort-rating');
  await waitFor(() => expect(text(find(page!, '.stats-ranking-value'))).toBe('4.5★'));
  expect(calls('ranking').at(-1)).toMatchObject({ action: 'ranking', orgId: 'lz', period: 'thisMonth', sortBy: 'rating' });
  // 本月 is asked for by name; the page shows the dates the server counted.
  expect(calls('orgStats')[0]).toEqual({ action: 'orgStats', orgId: 'lz', includeDescendants: true, period: 'thisMonth' });
  expect(text(find(page, '.stats__range'))).toBe('2026-11-01 至 2026-11-23');

  tap(page, '.stats-export-activity');
  await waitFor(() => expect(device.opened).toHaveLength(1));
  expect(calls('export')[0]).toEqual({
    action: 'export',
    orgId: 'lz',
    kind: 'activityStats',
    includeDescendants: true,
    period: 'thisMonth',
  });
  expect(device.opened[0]).toEqual({ filePath: 'wxfile://usr/附件3_兰州市科技志愿服务支队_2026-11-23.xlsx', fileType: 'xlsx' });
  expect(device.written[0].data).toBe(XLSX);

  // 附件2 covers what the figures cover: the same period and, with 含下级队伍 on, the teams below. One export runs at a
  // time: a tap while one runs is ignored (however fast it comes), so tap until the second export opens — never a third.
  await waitFor(() => {
    if (device.opened.length < 2) tap(page!, '.stats-export-members');
    expect(device.opened).toHaveLength(2);
  });
  expect(calls('export')).toHaveLength(2);
  expect(calls('export')[1]).toEqual({ action: 'export', orgId: 'lz', kind: 'members', includeDescendants: true, period: 'thisMonth' });
});

test('统计报表 of a whole nation: figures from a late 统计汇总 say as of when', async () => {
  const zero = { 科普报告: 0, 科技培训: 0, 技术咨询: 0, 农技服务: 0, 医疗服务: 0, 青少年科技教育: 0, 其他: 0 };
  const asOf = '2026-11-23T09:50:00.000Z';
  answers.orgStats = {
    ok: true,
    data: {
      orgId: 'cn',
      orgName: '中国科技志愿服务总队',
      from: '2026-01-01',
      to: '2026-12-31',
      includeDescendants: true,
      teams: 3070,
      members: 92100,
      newMembers: 100,
      activities: 20000,
      byCategory: { ...zero, 科普报告: 20000 },
      keyDayActivities: 0,
      keyGroupActivities: 0,
      volunteerTimes: 400000,
      distinctVolunteers: 60000,
      minutes: 48000000,
      servedPeople: 0,
      series: [],
      needs: { received: 0, dispatched: 0, accepted: 0, completed: 0, avgHoursToAccept: null, avgRating: null, ratedCount: 0 },
      trainings: 0,
      trainees: 0,
      traineeTimes: 0,
      trainingHours: 0,
      asOf,
    },
  };
  answers.ranking = {
    ok: true,
    data: {
      from: '2026-01-01',
      to: '2026-12-31',
      asOf,
      items: [
        {
          rank: 1,
          orgId: 'gs',
          orgName: '甘肃省科技志愿服务总队',
          minutes: 600,
          volunteers: 9,
          activities: 3,
          avgRating: null,
          ratedCount: 0,
        },
      ],
    },
  };
  page = renderPage('admin/stats/index', { orgId: 'cn' });
  await waitFor(() => expect(page!.querySelectorAll('.stats-as-of')).toHaveLength(2));
  // 17:50 in Shanghai, on the figures and on the ranking.
  expect(text(page.querySelectorAll('.stats-as-of')[0])).toContain('数据截至11月23日 17:50');
  expect(text(page.querySelectorAll('.stats-as-of')[1])).toContain('按统计汇总计算');
});
