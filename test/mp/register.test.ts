// The registration page of the weapp build renders, checks the phone, starts the resend countdown, reads 性别/出生日期 from the ID number, and offers 微信手机号快捷填写; the SMS code rows (更换手机号) clear stale errors on a new code and keep 重新发送 after an expired code (miniprogram-simulate).
import simulate from 'miniprogram-simulate';
import { find, onRequest, renderPage, requests, tap, text, type, waitFor, type Page, type WxRequestOptions } from './shim';
import { volunteerAnswer } from './fixtures';

let page: Page | undefined;
const open = () => (page = renderPage('pages/register/index'));
afterEach(() => page?.detach());

const smsCalls = () => requests.filter((r) => r.url.endsWith('/functions/sms'));
/** Calls to `user` other than the page's first question (`me`: is this person registered already?). */
const userCalls = () => requests.filter((r) => r.url.endsWith('/functions/user') && (r.data as { action?: string }).action !== 'me');

beforeEach(() => {
  requests.length = 0;
  onRequest((req: WxRequestOptions) => {
    if (req.url.endsWith('/functions/org')) return { ok: true, data: { items: [], total: 0, page: 1 } };
    if (req.url.endsWith('/functions/sms')) return { ok: true, data: { resendAfterSec: 60, expiresInSec: 300 } };
    if (req.url.endsWith('/functions/user') && (req.data as { code?: string }).code === 'wx-good')
      return { ok: true, data: { phone: '13800138000', phoneProof: 'a'.repeat(32), expiresInSec: 600 } };
    if (req.url.endsWith('/functions/user'))
      return { ok: false, code: 'USER.WX_PHONE_UNAVAILABLE', message: '暂时无法获取微信手机号，请使用短信验证码' };
    return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  });
});

test('someone already registered is told so, with the way to 我的, instead of the form', async () => {
  onRequest((req: WxRequestOptions) =>
    req.url.endsWith('/functions/user') && (req.data as { action?: string }).action === 'me'
      ? { ok: true, data: { volunteer: volunteerAnswer(), memberships: [], teamApplications: [], totals: { minutes: 0, activities: 0 } } }
      : { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' },
  );
  const page = open();
  await waitFor(() => find(page, '.reg-already'));
  expect(text(page)).toContain('您已是科技志愿者');
  expect(text(page)).not.toContain('提交注册');
  expect(find(page, '.reg-go-mine')).toBeTruthy();
});

test('the registration page shows its steps and fields in Chinese', async () => {
  const page = open();
  await waitFor(() => expect(text(page)).toContain('发送验证码'));
  for (const label of [
    '手机号',
    '验证码',
    '真实姓名',
    '身份证号',
    '学历',
    '所在地区',
    '服务类别',
    '选择队伍',
    '我已阅读并同意',
    '提交注册',
  ]) {
    expect(text(page)).toContain(label);
  }
  expect(text(page)).toContain('科技培训');
});

test('an invalid phone number is refused before any SMS is requested', async () => {
  const page = open();
  await waitFor(() => find(page, '.reg-phone'));
  type(page, '.reg-phone', '12345');
  tap(page, '.reg-send-code');
  await waitFor(() => expect(find(page, '.field-error-phone').dom?.textContent).toBe('请输入11位手机号'));
  await simulate.sleep(50);
  expect(smsCalls()).toHaveLength(0);
});

test('a valid phone number sends the code and starts the resend countdown', async () => {
  const page = open();
  await waitFor(() => find(page, '.reg-phone'));
  type(page, '.reg-phone', '13800138000');
  tap(page, '.reg-send-code');
  await waitFor(() => expect(find(page, '.reg-send-code').dom?.textContent).toMatch(/^(60|59)秒后重新获取$/));
  expect(smsCalls()).toHaveLength(1);
  const [call] = smsCalls();
  expect(call.method).toBe('POST');
  expect(call.data).toEqual({ action: 'send', phone: '13800138000', purpose: 'register' });
  expect(call.header?.['x-wx-openid']).toMatch(/^dev-[0-9a-f]{16}$/);
  expect(text(page)).toContain('验证码已发送至 138****8000');
  expect(page.querySelector('.field-error-phone')).toBeFalsy();
});

test('性别 and 出生日期 are not asked: they appear, read-only, once a valid ID number is typed', async () => {
  const page = open();
  await waitFor(() => find(page, '.reg-id-number'));
  expect(page.querySelector('.reg-gender-male')).toBeFalsy();
  expect(page.querySelector('.reg-derived-gender')).toBeFalsy();
  expect(text(page)).toContain('性别和出生日期将根据身份证号自动识别');
  type(page, '.reg-id-number', '11010519491231002'); // 17 characters: not yet a number
  await simulate.sleep(50);
  expect(page.querySelector('.reg-derived-gender')).toBeFalsy();
  type(page, '.reg-id-number', '11010519491231002x');
  await waitFor(() => expect(find(page, '.reg-derived-gender').dom?.textContent).toBe('女'));
  expect(find(page, '.reg-derived-birth-date').dom?.textContent).toBe('1949-12-31');
  type(page, '.reg-id-number', '110105194912310021'); // wrong check digit
  await waitFor(() => expect(page.querySelector('.reg-derived-gender')).toBeFalsy());
});

test('微信手机号快捷填写 is offered beside the SMS code; a successful callback fills the phone and hides the code', async () => {
  const page = open();
  await waitFor(() => expect(find(page, '.reg-wx-phone-button').dom?.textContent).toContain('微信手机号快捷填写'));
  expect(page.querySelector('.reg-sms-code')).toBeTruthy();
  find(page, '.reg-wx-phone-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'wx-good' } });
  await waitFor(() => expect(page.querySelector('.reg-sms-code')).toBeFalsy());
  expect(userCalls().map((c) => c.data)).toEqual([{ action: 'phoneFromWeixin', code: 'wx-good' }]);
  expect(text(page)).toContain('已使用微信绑定的手机号，无需短信验证码');
  expect(page.querySelector('.reg-send-code')).toBeFalsy();
  expect(page.querySelector('.reg-wx-phone-button')).toBeFalsy();
  // 改用短信验证码 brings the code back, with the phone WeChat filled in (inputs' values are not readable here: the
  // code it sends shows it).
  tap(page, '.reg-wx-phone-switch');
  await waitFor(() => expect(page.querySelector('.reg-sms-code')).toBeTruthy());
  tap(page, '.reg-send-code');
  await waitFor(() => expect(smsCalls().map((c) => c.data)).toEqual([{ action: 'send', phone: '13800138000', purpose: 'register' }]));
});

test('when WeChat refuses, the SMS path stays and one quiet line says so', async () => {
  const page = open();
  await waitFor(() => find(page, '.reg-wx-phone-button'));
  find(page, '.reg-wx-phone-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail no permission' } });
  await waitFor(() => expect(find(page, '.reg-wx-phone-note').dom?.textContent).toBe('当前无法使用微信手机号快捷填写，请使用短信验证码'));
  expect(userCalls()).toHaveLength(0);
  find(page, '.reg-wx-phone-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'wx-bad' } });
  await waitFor(() => expect(find(page, '.reg-wx-phone-note').dom?.textContent).toBe('暂时无法获取微信手机号，请使用短信验证码'));
  expect(page.querySelector('.reg-sms-code')).toBeTruthy();
  expect(page.querySelector('.reg-send-code')).toBeTruthy();
});

test('按地图位置填写 fills 所在地区 from the address of the place picked on WeChat’s map', async () => {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  const picked: unknown[] = [];
  wx.chooseLocation = (opts: { success?: (r: unknown) => void; complete?: (r: unknown) => void }) => {
    picked.push(opts);
    const r = {
      errMsg: 'chooseLocation:ok',
      name: '西津西路',
      address: '甘肃省兰州市七里河区西津西路16号',
      latitude: 36.06,
      longitude: 103.79,
    };
    opts.success?.(r);
    opts.complete?.(r);
  };
  const page = open();
  await waitFor(() => find(page, '.reg-region-locate'));
  tap(page, '.reg-region-locate');
  await waitFor(() => expect(find(page, '.reg-region-county').dom?.textContent).toContain('七里河区'));
  expect(find(page, '.reg-region-province').dom?.textContent).toContain('甘肃省');
  expect(find(page, '.reg-region-city').dom?.textContent).toContain('兰州市');
  expect(picked).toHaveLength(1);
});

test('an expired code keeps 重新发送 on screen at once, and a new code clears the stale red lines', async () => {
  onRequest((req: WxRequestOptions) => {
    if (req.url.endsWith('/functions/sms')) return { ok: true, data: { resendAfterSec: 60, expiresInSec: 300 } };
    if (req.url.endsWith('/functions/user')) return { ok: false, code: 'SMS.CODE_EXPIRED', message: '验证码已失效，请重新获取' };
    return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  });
  page = renderPage('pages/change-phone/index');
  const p = page;
  await waitFor(() => find(p, '.reg-phone'));
  type(p, '.reg-phone', '13800138001');
  tap(p, '.reg-send-code');
  await waitFor(() => expect(find(p, '.reg-send-code').dom?.textContent).toMatch(/秒后重新获取$/));
  type(p, '.reg-sms-code', '123456');
  tap(p, '.change-phone-submit');
  await waitFor(() => expect(find(p, '.field-error-smsCode').dom?.textContent).toBe('验证码已失效，请重新获取'));
  // The countdown gave way: 重新发送, and it sends.
  await waitFor(() => expect(find(p, '.reg-send-code').dom?.textContent).toBe('重新发送'));
  tap(p, '.reg-send-code');
  await waitFor(() => expect(smsCalls()).toHaveLength(2));
  await waitFor(() => expect(p.querySelector('.field-error-smsCode')).toBeFalsy());
  expect(find(p, '.reg-send-code').dom?.textContent).toMatch(/秒后重新获取$/);
});
