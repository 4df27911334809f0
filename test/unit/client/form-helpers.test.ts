// The four form scaffolds over one FormSpec (src/hooks/form-spec): contract issues land on their row in the row's
// words where zod's are generic, refusals reach their row by error code, and edits keep only what changed.
import { checkForm, explainError, fieldErrors, firstError, issuesOf, type FormSpec } from '../../../src/hooks/form-spec';
import { EMPTY_FORM, REGISTER_SPEC, phoneError, validateForm, derivedFromId, retryAfterSec } from '../../../src/pages/register/helpers';
import {
  EMPTY_ORG_FORM,
  ORG_SPEC,
  levelOptions,
  suggestName,
  toCandidate,
  validateOrgForm,
  withParent,
} from '../../../src/pages/org-register/helpers';
import { EMPTY_PROFILE, NOTHING_CHANGED as PROFILE_UNCHANGED, validateProfile } from '../../../src/pages/profile-edit/helpers';
import {
  ACTIVITY_SPEC,
  NOTHING_CHANGED,
  newActivityForm,
  validatePublish,
  validateUpdate,
  withFollowers,
} from '../../../src/admin/activity-edit/helpers';
import {
  APPEAL_SPEC,
  explainAppealError,
  handAppealDraft,
  takeAppealDraft,
  validateAppeal,
} from '../../../src/pages/identity-appeal/helpers';
import { z } from 'zod';
import { loadRegionTable } from '../../helpers/region-table';

// Region names come from the table the app loads on demand.
beforeAll(loadRegionTable);

describe('FormSpec', () => {
  type K = 'name' | 'kind' | 'place';
  const spec: FormSpec<K> = {
    order: ['name', 'kind', 'place'],
    hints: { name: '请填写名称', kind: '请选择类型', place: '请选择地区' },
    always: ['kind'],
    codes: {
      'X.TAKEN': { field: 'name' },
      'X.GONE': { banner: true, say: '已不存在', always: true },
      'X.EMPTY': { field: 'place', say: '地区有误' },
    },
  };
  const schema = z.object({
    name: z.string().min(2),
    kind: z.enum(['a', 'b']),
    place: z.object({ city: z.string().min(1) }),
    note: z.string().max(3, '备注最多3字'),
  });

  it('zod’s generic wording gives way to the row’s hint; a schema’s own words stay; nested paths and `always` rows say the hint', () => {
    const r = checkForm(spec, schema, { name: 'x', kind: 'c', place: { city: '' }, note: 'ok' });
    expect(r).toEqual({ ok: false, errors: { name: '请填写名称', kind: '请选择类型', place: '请选择地区' } });
    expect(checkForm({ ...spec, keepGeneric: true }, schema, { name: 'x', kind: 'a', place: { city: 'c' }, note: '' })).toEqual({
      ok: false,
      errors: { name: '至少2个字' },
    });
  });
  it('an issue on no row is the banner; a valid candidate is the parsed input', () => {
    expect(checkForm(spec, schema, { name: 'xy', kind: 'a', place: { city: 'c' }, note: 'long' })).toEqual({
      ok: false,
      errors: {},
      banner: '备注最多3字',
    });
    expect(checkForm(spec, schema, { name: 'xy', kind: 'a', place: { city: 'c' }, note: '' })).toEqual({
      ok: true,
      input: { name: 'xy', kind: 'a', place: { city: 'c' }, note: '' },
    });
  });
  it('refusals go by code: to a row, to the banner, with the spec’s words where it says so', () => {
    expect(explainError(spec, 'X.TAKEN', '名称已被使用', undefined)).toEqual({ fields: { name: '名称已被使用' } });
    expect(explainError(spec, 'X.GONE', 'gone', undefined)).toEqual({ fields: {}, banner: '已不存在' });
    expect(explainError(spec, 'X.EMPTY', '', undefined)).toEqual({ fields: { place: '地区有误' } });
    expect(explainError(spec, 'X.EMPTY', '城市不存在', undefined)).toEqual({ fields: { place: '城市不存在' } });
    expect(explainError(spec, 'OTHER', '出错了', undefined)).toEqual({ fields: {}, banner: '出错了' });
  });
  it('VALIDATION takes the issues of the client (a list) or the server ({ issues }); none on a row is the banner', () => {
    const issues = [{ path: ['name'], message: '名称太短' }];
    expect(issuesOf(issues)).toEqual(issues);
    expect(issuesOf({ issues })).toEqual(issues);
    expect(issuesOf('junk')).toEqual([]);
    expect(explainError(spec, 'VALIDATION', '名称太短', { issues })).toEqual({ fields: { name: '名称太短' } });
    expect(explainError(spec, 'VALIDATION', '参数错误', [{ path: ['other'], message: 'x' }])).toEqual({ fields: {}, banner: '参数错误' });
  });
  it('the first row in trouble is the first in page order; the first issue of a row wins', () => {
    expect(firstError(spec, { place: 'a', name: 'b' })).toBe('name');
    expect(
      fieldErrors(spec, [
        { path: ['name'], message: '一' },
        { path: ['name'], message: '二' },
      ]),
    ).toEqual({ name: '一' });
  });
});

describe('注册', () => {
  it('an empty form says what each required row needs, in page order', () => {
    const r = validateForm(EMPTY_FORM);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.phone).toBe('请输入11位手机号');
    expect(r.errors.education).toBe('请选择学历');
    expect(r.errors.region).toBe('请选择所在地区（省、市、区县）');
    expect(r.errors.consent).toBeTruthy();
    expect(firstError(REGISTER_SPEC, r.errors)).toBe('phone');
  });
  it('refusals by code: the SMS code, the phone, the ID number, the teams', () => {
    expect(explainError(REGISTER_SPEC, 'SMS.CODE_EXPIRED', '验证码已过期', undefined)).toEqual({ fields: { smsCode: '验证码已过期' } });
    expect(explainError(REGISTER_SPEC, 'USER.PHONE_TAKEN', '手机号已注册', undefined)).toEqual({ fields: { phone: '手机号已注册' } });
    expect(explainError(REGISTER_SPEC, 'USER.UNDERAGE', '未满18周岁', undefined)).toEqual({ fields: { idNumber: '未满18周岁' } });
    expect(explainError(REGISTER_SPEC, 'ORG.MEMBERSHIP_LIMIT', '最多5支', undefined)).toEqual({ fields: { orgIds: '最多5支' } });
    // The sex is read from the ID number, consent is its version.
    expect(
      fieldErrors(REGISTER_SPEC, [
        { path: ['gender'], message: '性别' },
        { path: ['consentVersion'], message: '同意' },
      ]),
    ).toEqual({ idNumber: '性别', consent: '同意' });
  });
  it('the phone row, the ID number’s sex and birth date, the SMS retry wait', () => {
    expect(phoneError(' 13800000000 ')).toBeUndefined();
    expect(phoneError('123')).toBe('请输入11位手机号');
    expect(derivedFromId('123')).toBeNull();
    expect(retryAfterSec({ retryAfterSec: 12.2 })).toBe(13);
    expect(retryAfterSec({ retryAfterSec: 0 })).toBeUndefined();
    expect(retryAfterSec(null)).toBeUndefined();
  });
});

describe('队伍注册', () => {
  it('a blank form says 请选择/请填写 for each row (a short name too: the length rule is not for people)', () => {
    const r = validateOrgForm(EMPTY_ORG_FORM);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toMatchObject({
      parentId: '请选择上级队伍',
      level: '请选择队伍层级',
      name: '请填写队伍名称',
      contactPhone: '请输入11位手机号',
    });
  });
  it('levels below the parent’s only; choosing a parent clears a level no longer below it', () => {
    expect(levelOptions('')).toEqual(['总队', '支队', '大队', '队', '分队', '服务团']);
    expect(levelOptions('支队')).toEqual(['大队', '队', '分队', '服务团']);
    expect(levelOptions('服务团')).toEqual([]);
    const form = { ...EMPTY_ORG_FORM, level: '大队' as const };
    expect(withParent(form, { _id: 'lz', name: '兰州支队', level: '总队' })).toEqual({
      parentId: 'lz',
      parentName: '兰州支队',
      parentLevel: '总队',
      level: '大队',
    });
    expect(withParent(form, { _id: 'cg', name: '城关大队', level: '大队' })).toMatchObject({ parentLevel: '大队', level: '' });
  });
  it('the phone left blank is the applicant’s own (sent as nothing); without a known own phone it is required', () => {
    expect(toCandidate({ ...EMPTY_ORG_FORM, ownPhoneMasked: '139****0005' }).contactPhone).toBeUndefined();
    expect(toCandidate({ ...EMPTY_ORG_FORM, ownPhoneMasked: '139****0005', contactPhone: ' 13912345678 ' }).contactPhone).toBe(
      '13912345678',
    );
    const r = validateOrgForm({ ...EMPTY_ORG_FORM, ownPhoneMasked: '139****0005' });
    expect(!r.ok && r.errors.contactPhone).toBeFalsy();
  });
  it('refusals by code, never by message text', () => {
    expect(explainError(ORG_SPEC, 'ORG.NAME_TAKEN', '', undefined)).toEqual({ fields: { name: '队伍名称已被使用' } });
    expect(explainError(ORG_SPEC, 'ORG.PARENT_NOT_FOUND', 'parent missing', undefined)).toEqual({
      fields: { parentId: '上级队伍不存在或未通过审核，请重新选择' },
    });
    expect(explainError(ORG_SPEC, 'USER.NOT_REGISTERED', '未注册', undefined)).toEqual({
      fields: {},
      banner: '注册成为科技志愿者后才能申请注册队伍',
    });
  });
  it('the proposed name follows the level and the region', () => {
    expect(suggestName({ province: '', city: '', county: '' }, '支队')).toBe('');
    expect(suggestName({ province: '620000', city: '620100', county: '' }, '支队')).toBe('兰州市科技志愿服务支队');
    expect(suggestName({ province: '620000', city: '620100', county: '620102' }, '队')).toBe('城关区科技志愿服务队');
  });
});

describe('编辑资料', () => {
  const filled = {
    ...EMPTY_PROFILE,
    education: '本科' as const,
    province: '620000',
    city: '620100',
    county: '620102',
    serviceCategories: ['科普报告' as const],
  };
  it('keeps the contract’s Chinese wording (最多60个字); a nested region problem says the row’s hint', () => {
    const r = validateProfile({ ...filled, employer: '单'.repeat(61), county: '' }, filled);
    expect(r).toMatchObject({ ok: false, errors: { employer: '最多60个字', region: '请选择所在地区（省、市、区县）' } });
  });
  it('sends only what changed; nothing changed is said in the banner', () => {
    expect(validateProfile(filled, filled)).toEqual({ ok: false, errors: {}, banner: PROFILE_UNCHANGED });
    expect(validateProfile({ ...filled, employer: '兰州大学' }, filled)).toEqual({ ok: true, input: { employer: '兰州大学' } });
  });
});

describe('发布/编辑活动', () => {
  const now = Date.parse('2026-11-20T04:00:00Z');
  it('a new activity starts next week, signup from today to 18:00 the day before', () => {
    const f = newActivityForm(now);
    expect(f).toMatchObject({
      startDate: '2026-11-27',
      endDate: '2026-11-27',
      signupStartDate: '2026-11-20',
      signupEndDate: '2026-11-26',
      signupEndTime: '18:00',
    });
  });
  it('the end date and the signup deadline follow the start date while they sit at their defaults', () => {
    const f = newActivityForm(now);
    expect(withFollowers(f, { startDate: '2026-12-01' })).toMatchObject({ endDate: '2026-12-01', signupEndDate: '2026-11-30' });
    const moved = { ...f, endDate: '2026-11-29', signupEndDate: '2026-11-20' };
    expect(withFollowers(moved, { startDate: '2026-12-01' })).toMatchObject({ endDate: '2026-12-03', signupEndDate: '2026-11-20' });
  });
  it('an empty form: the rows’ hints where zod is generic or the path nested, the schema’s words otherwise', () => {
    const r = validatePublish(newActivityForm(now), 'org1');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toMatchObject({ title: '活动名称至少4个字', category: '请选择服务类别', capacity: '请填写招募人数' });
    expect(r.errors.region).toBe(ACTIVITY_SPEC.hints.region);
    expect(firstError(ACTIVITY_SPEC, r.errors)).toBe('title');
  });
  it('an edit with nothing changed says so; refusals by code', () => {
    const f = newActivityForm(now);
    const whole = validateUpdate(f, f, 'act1', 'org1');
    expect(whole.ok).toBe(false);
    expect(explainError(ACTIVITY_SPEC, 'ACTIVITY.CAPACITY_BELOW_ENROLLED', '不能少于已报名人数', undefined)).toEqual({
      fields: { capacity: '不能少于已报名人数' },
    });
    expect(explainError(ACTIVITY_SPEC, 'AUTH.FORBIDDEN', '', undefined)).toEqual({
      fields: {},
      banner: '只有本队负责人或管理员可以发布和修改活动',
    });
    expect(NOTHING_CHANGED).toBe('没有需要保存的修改');
  });
});

describe('身份核验申请', () => {
  it('the register page’s hand-off is taken once', () => {
    handAppealDraft({ phone: '13800000000', idNumber: 'X' });
    expect(takeAppealDraft()).toMatchObject({ phone: '13800000000', idNumber: 'X', statement: '' });
    expect(takeAppealDraft().phone).toBe('');
  });
  it('rows from the contract, refusals by code (a free number offers 注册)', () => {
    const r = validateAppeal(takeAppealDraft());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.phone).toBe('请输入11位手机号');
    expect(explainAppealError('SMS.CODE_INVALID', '验证码错误', undefined)).toEqual({ fields: { smsCode: '验证码错误' } });
    expect(explainAppealError('USER.ID_NUMBER_FREE', '该身份证号未被注册', undefined)).toEqual({
      fields: { idNumber: '该身份证号未被注册' },
      banner: '该身份证号未被注册',
      toRegister: true,
    });
    expect(explainError(APPEAL_SPEC, 'VALIDATION', '说明太短', { issues: [{ path: ['statement'], message: '说明太短' }] })).toEqual({
      fields: { statement: '说明太短' },
    });
  });
});
