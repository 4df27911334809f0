// 身份核验 on the weapp build: the owner's appeal page (their appeals, the form checked in Chinese before sending) and
// the root admins' list, where deciding needs a reason (miniprogram-simulate).
import simulate from 'miniprogram-simulate';
import { idCheckDigit } from '@contract/id-number';
import { find, onRequest, renderPage, requests, tap, text, type, waitFor, type Body, type Page, type WxRequestOptions } from './shim';

let page: Page | undefined;
afterEach(() => page?.detach());

const NOW = '2026-11-23T10:00:00+08:00';
const ID = `62010219850505611${idCheckDigit('62010219850505611')}`;
const mine = {
  appealId: 'ap-1',
  status: 'rejected',
  realName: '张真',
  idNumberMasked: '620102********6117',
  phoneMasked: '139****0611',
  statement: '这是我本人的身份证号，我从未注册过',
  createdAt: NOW,
  decidedAt: NOW,
  reason: '未能提供身份证明材料',
};
const forReview = {
  ...mine,
  status: 'pending',
  decidedAt: undefined,
  reason: undefined,
  appellantPhone: '13900000611',
  holder: { realName: '冒用者', phone: '13900000601', volunteerNo: 'KJ202600000009', registeredAt: NOW },
};

let answers: Record<string, unknown> = {};
const calls = (action: string) => requests.map((r) => r.data as Body).filter((b) => b.action === action);
beforeEach(() => {
  requests.length = 0;
  answers = {};
  onRequest((req: WxRequestOptions) => {
    const { action } = req.data as Body;
    const a = answers[action];
    return typeof a === 'function' ? a(req.data) : (a ?? { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' });
  });
});

test('身份核验申请: my appeals with the outcome; the form is checked in Chinese before anything is sent, then filed', async () => {
  answers.myIdentityAppeals = { ok: true, data: { items: [mine] } };
  answers.appealIdentity = (b: Body) => ({
    ok: true,
    data: { appeal: { ...mine, appealId: 'ap-2', status: 'pending', reason: undefined, decidedAt: undefined, statement: b.statement } },
  });
  page = renderPage('pages/identity-appeal/index');
  await waitFor(() => expect(text(find(page!, '.appeal-mine-reason'))).toContain('未能提供身份证明材料'));
  expect(text(page)).toContain('身份证号被他人注册？');
  tap(page, '.appeal-submit');
  await waitFor(() => expect(page!.querySelector('.field-error-idNumber')).toBeTruthy());
  expect(text(find(page, '.field-error-phone'))).toBe('请输入11位手机号');
  expect(text(find(page, '.field-error-statement'))).toContain('请说明情况');
  await simulate.sleep(50);
  expect(calls('appealIdentity')).toHaveLength(0);

  type(page, '.reg-phone', '13900000611');
  type(page, '.reg-sms-code', '123456');
  type(page, '.appeal-real-name', '张真');
  type(page, '.appeal-id-number', ID);
  type(page, '.appeal-statement', '这是我本人的身份证号，我从未注册过');
  tap(page, '.appeal-submit');
  await waitFor(() => expect(calls('appealIdentity')).toHaveLength(1));
  expect(calls('appealIdentity')[0]).toMatchObject({ phone: '13900000611', smsCode: '123456', realName: '张真', idNumber: ID });
  await waitFor(() => expect(calls('myIdentityAppeals')).toHaveLength(2));
});

test('身份核验 for root admins: both people with phones to call; 核实属实 needs a reason; others see no permission', async () => {
  answers.identityAppeals = { ok: true, data: { items: [forReview], total: 1, page: 1 } };
  answers.decideIdentityAppeal = (b: Body) => ({
    ok: true,
    data: { appeal: { ...forReview, status: 'upheld', reason: b.reason, decidedAt: NOW } },
  });
  page = renderPage('admin/identity-appeals/index');
  await waitFor(() => expect(text(find(page!, '.id-appeal-holder'))).toContain('冒用者 13900000601'));
  expect(text(find(page, '.id-appeal-appellant'))).toBe('张真 13900000611');
  tap(page, '.id-appeal-uphold');
  await waitFor(() => find(page!, '.reason-confirm'));
  tap(page, '.reason-confirm');
  await waitFor(() => expect(text(find(page!, '.reason-error'))).toBe('请填写原因'));
  type(page, '.reason-input', '电话核实身份证原件');
  tap(page, '.reason-confirm');
  await waitFor(() =>
    expect(calls('decideIdentityAppeal')).toEqual([
      expect.objectContaining({ appealId: 'ap-1', decision: 'uphold', reason: '电话核实身份证原件' }),
    ]),
  );
  page.detach();

  answers.identityAppeals = { ok: false, code: 'AUTH.FORBIDDEN', message: '只有总队负责人或管理员可以处理身份核验申请' };
  page = renderPage('admin/identity-appeals/index');
  await waitFor(() => expect(text(find(page!, '.id-appeal-forbidden'))).toContain('暂无处理权限'));
});
