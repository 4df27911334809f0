// 编辑资料 of the weapp build: prefilled from `me`, 真实姓名/性别/出生日期 read-only, refused field by field in Chinese when
// invalid, and only changed fields are sent (miniprogram-simulate).
import simulate from 'miniprogram-simulate';
import { find, onRequest, renderPage, requests, tap, text, type, waitFor, type Body, type Page, type WxRequestOptions } from './shim';
import { volunteerAnswer } from './fixtures';

const calls = (action: string) =>
  requests.filter((r) => r.url.endsWith('/functions/user') && (r.data as Body).action === action).map((r) => r.data as Body);

const volunteer = volunteerAnswer({
  employer: '兰州大学',
  title: '副高',
  skills: '果树栽培',
  politicalStatus: '中共党员',
  ethnicity: '回族',
  occupation: '学校',
  serviceFields: ['科普报告类'],
  availableTimes: ['周末'],
  fourHeads: '否',
});

let answers: Record<string, unknown> = {};
let page: Page | undefined;
afterEach(() => page?.detach());
beforeEach(() => {
  requests.length = 0;
  answers = { me: { ok: true, data: { volunteer, memberships: [], totals: { minutes: 0, activities: 0 } } } };
  onRequest((req: WxRequestOptions) => {
    const { action } = req.data as Body;
    return answers[action] ?? { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  });
});
const open = async () => {
  page = renderPage('pages/profile-edit/index');
  await waitFor(() => find(page!, '.profile-save'));
  return page;
};

test('every field is prefilled from me, the phone and ID number are shown masked', async () => {
  const p = await open();
  for (const shown of [
    '138****0003',
    '620102********0011',
    '本科',
    '副高',
    '中共党员',
    '回族',
    '学校',
    '政治面貌',
    '服务领域',
    '可服务时间',
    '基层“四长”',
    '注销志愿者身份',
  ]) {
    expect(text(p)).toContain(shown);
  }
});

test('真实姓名, 性别 and 出生日期 are shown, with nothing to edit or choose', async () => {
  const p = await open();
  expect(text(find(p, '.profile-real-name'))).toBe('张伟');
  expect(p.querySelector('.field-error-realName')).toBeFalsy();
  expect(text(find(p, '.profile-derived-gender'))).toBe('男');
  expect(text(find(p, '.profile-derived-birth-date'))).toBe('1992-08-08');
  expect(p.querySelector('.profile-gender')).toBeFalsy();
  expect(p.querySelector('.profile-gender-female')).toBeFalsy();
});

test('a too long 工作单位 is refused in Chinese before anything is sent', async () => {
  const p = await open();
  type(p, '.profile-employer', '兰'.repeat(61));
  tap(p, '.profile-save');
  await waitFor(() => expect(find(p, '.field-error-employer').dom?.textContent).toBe('最多60个字'));
  await simulate.sleep(50);
  expect(calls('updateProfile')).toHaveLength(0);
});

test('saving without a change says so and sends nothing', async () => {
  const p = await open();
  tap(p, '.profile-save');
  await waitFor(() => expect(find(p, '.profile-banner').dom?.textContent).toBe('没有需要修改的内容'));
  expect(calls('updateProfile')).toHaveLength(0);
});

// The text inputs' values are not readable in the simulator: a save that sends one field proves the rest were prefilled.
test('only the changed field is sent', async () => {
  answers.updateProfile = { ok: true, data: { volunteer: { ...volunteer, employer: '甘肃农业大学' } } };
  const p = await open();
  type(p, '.profile-employer', '甘肃农业大学');
  tap(p, '.profile-save');
  await waitFor(() => expect(calls('updateProfile')).toHaveLength(1));
  expect(calls('updateProfile')[0]).toEqual({ action: 'updateProfile', employer: '甘肃农业大学' });
});

test('a failed load shows the message and a retry', async () => {
  answers.me = { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' };
  page = renderPage('pages/profile-edit/index');
  await waitFor(() => find(page!, '.profile-retry'));
  expect(text(page)).toContain('服务暂时不可用，请稍后再试');
});
