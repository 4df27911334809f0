// The pure rules of the pages: which buttons show, which day opens, what a refusal tells the person, the filters'
// queries, and how activities and statuses read.
import { memberActions, type Viewer } from '../../../src/admin/members/helpers';
import { consoleLine, dayCounts, defaultDay } from '../../../src/admin/roster/helpers';
import { explainManageError } from '../../../src/admin/review-errors';
import { calendarEntryOf, enrollView, explainEnrollError, placeOf, waitlistText } from '../../../src/pages/activity-detail/helpers';
import { cancelledDays, hoursQuery } from '../../../src/pages/my-hours/helpers';
import { actionsFor, checkSealPick, explainActionError, explainSealError } from '../../../src/pages/org-detail/helpers';
import { formatSchedule, formatSignupWindow, phaseOf, phaseTabs, SQUARE_PHASES, squareOrderNote } from '../../../src/utils/activity-format';
import { regionName, provinceOptions, cityOptions, countyOptions } from '../../../src/utils/region';
import { ENROLLMENT_TAG, PHASE_TAG, STATUS_TAG } from '../../../src/utils/status-tag';
import { PROFILE_FIELD_MESSAGE } from '../../../src/utils/profile-messages';
import type { Member, OrgGetOutput } from '@contract/org';
import type { Activity, ActivityGetOutput } from '@contract/activity';
import type { RosterEntry } from '@contract/checkin';
import { ACTIVITY_PHASES, ENROLLMENT_STATUSES, MEMBERSHIP_STATUSES } from '@contract/enums';
import { loadRegionTable } from '../../helpers/region-table';

// Region names come from the table the app loads on demand.
beforeAll(loadRegionTable);

const member = (m: Partial<Member>): Member =>
  ({
    memberId: 'm1',
    orgId: 'o1',
    orgName: '队',
    openid: 'x',
    realName: '张伟',
    phoneMasked: '138****0000',
    role: 'member',
    status: 'approved',
    appliedAt: '2026-01-01T00:00:00Z',
    ...m,
  }) as Member;

describe('成员管理 row actions', () => {
  const leader: Viewer = { role: 'leader', canManage: true, memberId: 'me' };
  const admin: Viewer = { role: 'admin', canManage: true, memberId: 'me' };
  it('the leader appoints and removes; an admin removes members only; nobody acts on themselves or the leader', () => {
    expect(memberActions(leader, member({}))).toEqual({ setAdmin: true, unsetAdmin: false, remove: true, review: false });
    expect(memberActions(leader, member({ role: 'admin' }))).toEqual({ setAdmin: false, unsetAdmin: true, remove: true, review: false });
    expect(memberActions(admin, member({ role: 'admin' })).remove).toBe(false);
    expect(memberActions(admin, member({ memberId: 'me' })).remove).toBe(false);
    expect(memberActions(admin, member({ role: 'leader' })).remove).toBe(false);
    expect(memberActions(admin, member({ status: 'pending' }))).toMatchObject({ review: true, remove: false });
    expect(memberActions({ ...admin, canManage: false }, member({}))).toMatchObject({ remove: false, review: false });
  });
});

describe('签到名单', () => {
  const days = ['2026-12-01', '2026-12-02', '2026-12-03'];
  it('opens today, else the last day begun, else the first', () => {
    expect(defaultDay(days, '2026-12-02')).toBe('2026-12-02');
    expect(defaultDay(days, '2026-12-09')).toBe('2026-12-03');
    expect(defaultDay(days, '2026-11-01')).toBe('2026-12-01');
    expect(defaultDay([], '2026-11-01')).toBe('2026-11-01');
  });
  it('counts a day', () => {
    const rows = [{ status: 'open' }, { status: 'closed', signOutAt: '2026-12-01T17:00:00+08:00' }, { status: 'absent' }] as RosterEntry[];
    expect(dayCounts(rows)).toEqual({ enrolled: 3, signedIn: 2, signedOut: 1, open: 1, absent: 1 });
    expect(consoleLine(dayCounts(rows))).toBe('已签到 2/3 · 已签退 1');
  });
  it('an adjusted day counts as signed out only with a sign-out', () => {
    const rows = [{ status: 'adjusted' }, { status: 'adjusted', signOutAt: '2026-12-01T17:00:00+08:00' }] as RosterEntry[];
    expect(consoleLine(dayCounts(rows))).toBe('已签到 2/2 · 已签退 1');
  });
});

describe('refusals by code', () => {
  it('review and member actions', () => {
    expect(explainManageError('AUTH.FORBIDDEN', 'x')).toMatchObject({ reload: true });
    expect(explainManageError('ORG.ADMIN_LIMIT', '')).toEqual({ message: '每支队伍最多设置5名管理员', reload: false });
    expect(explainManageError('NETWORK', 'x')).toEqual({ message: '网络异常，请稍后重试', reload: false });
    expect(explainManageError('SOMETHING' as never, '出错了')).toEqual({ message: '出错了', reload: true });
  });
  it('enrolling', () => {
    expect(explainEnrollError('USER.NOT_REGISTERED', 'x').kind).toBe('register');
    expect(explainEnrollError('USER.NO_APPROVED_ORG', 'x').kind).toBe('join-org');
    expect(explainEnrollError('ACTIVITY.FULL', 'x')).toEqual({ kind: 'toast', message: '报名人数已满', reload: true });
    expect(explainEnrollError('ACTIVITY.SIGNUP_CLOSED', '')).toEqual({ kind: 'toast', message: '不在报名时间内', reload: true });
  });
  it('joining and leaving a team', () => {
    expect(explainActionError('USER.NOT_REGISTERED', 'x').kind).toBe('register');
    expect(explainActionError('ORG.MEMBERSHIP_LIMIT', '')).toEqual({ kind: 'toast', message: '最多可加入5支志愿服务队伍' });
    expect(explainActionError('ORG.ALREADY_MEMBER', '已加入')).toEqual({ kind: 'reload', message: '已加入' });
  });
});

describe('活动详情 enroll button', () => {
  const data = (over: Partial<ActivityGetOutput>, a: Record<string, unknown> = {}): ActivityGetOutput =>
    ({
      phase: 'recruiting',
      signupOpen: true,
      enrolledCount: 1,
      canManage: false,
      ...over,
      activity: { capacity: 2, waitlist: false, waitlistCount: 0, signupStartAt: '2026-12-01T00:00:00Z', ...a },
    }) as unknown as ActivityGetOutput;
  it('says what a tap does', () => {
    expect(enrollView(data({}))).toEqual({ kind: 'enroll', text: '我要报名' });
    expect(enrollView(data({ enrolledCount: 2 }))).toEqual({ kind: 'disabled', text: '名额已满' });
    expect(enrollView(data({ enrolledCount: 2 }, { waitlist: true }))).toEqual({ kind: 'enroll', text: '报名候补' });
    expect(enrollView(data({ phase: 'cancelled' }))).toEqual({ kind: 'disabled', text: '活动已取消' });
    // The team's managers on the day: 现场签到, not a closed signup.
    expect(enrollView(data({ phase: 'ongoing', signupOpen: false, canManage: true }))).toEqual({ kind: 'console', text: '现场签到' });
    expect(enrollView(data({ phase: 'ongoing', signupOpen: false }))).toEqual({ kind: 'disabled', text: '报名已结束' });
    expect(enrollView(data({ phase: 'closed', signupOpen: false, canManage: true }))).toEqual({ kind: 'disabled', text: '报名已结束' });
    expect(enrollView(data({ myEnrollment: { status: 'waitlisted', waitlistPosition: 2 } as never }))).toEqual({
      kind: 'enrolled',
      text: '候补第2位',
      canCancel: true,
    });
    expect(enrollView(data({ signupOpen: false }), Date.parse('2026-11-01T00:00:00Z'))).toEqual({
      kind: 'disabled',
      text: '报名未开始',
      hint: '将于12月1日 08:00开始报名',
    });
    expect(enrollView(data({ signupOpen: false }), Date.parse('2026-12-02T00:00:00Z')).text).toBe('报名已结束');
  });
  it('the waitlist line', () => {
    expect(waitlistText(data({}))).toBe('不设候补，报满即止');
    expect(waitlistText(data({}, { waitlist: true, waitlistCount: 3 }))).toBe('3人候补中，有人取消时按顺序递补');
  });
});

describe('活动详情 map and phone calendar', () => {
  const activity = (over: Partial<Activity> = {}) =>
    ({
      title: '社区科普讲解活动',
      orgName: '兰州市科技志愿服务支队',
      address: '兰州市城关区东方红广场',
      description: '走进社区开展防灾减灾科普讲解',
      location: { lat: 36.0577, lng: 103.8342 },
      startDate: '2026-12-01',
      endDate: '2026-12-01',
      dailyStart: '09:00',
      dailyEnd: '12:00',
      ...over,
    }) as Activity;
  it('the place is the stored point with the title and address; none without a point', () => {
    expect(placeOf(activity())).toEqual({
      point: { lat: 36.0577, lng: 103.8342 },
      name: '社区科普讲解活动',
      address: '兰州市城关区东方红广场',
    });
    expect(placeOf(activity({ location: { lat: 0, lng: 0 } }))).toBeUndefined();
    expect(placeOf(activity({ location: undefined as never }))).toBeUndefined();
  });
  it('one day: its window in Shanghai time, an alarm an hour before; several days: the first day repeated daily until the last ends', () => {
    expect(calendarEntryOf(activity())).toEqual({
      title: '社区科普讲解活动',
      startAt: new Date('2026-12-01T01:00:00Z'),
      endAt: new Date('2026-12-01T04:00:00Z'),
      location: '兰州市城关区东方红广场',
      description: '兰州市科技志愿服务支队｜12月1日 09:00-12:00\n走进社区开展防灾减灾科普讲解',
      alarmBeforeMinutes: 60,
    });
    const several = calendarEntryOf(activity({ endDate: '2026-12-03', dailyStart: '14:00', dailyEnd: '17:30' }));
    expect(several).toMatchObject({
      startAt: new Date('2026-12-01T06:00:00Z'),
      endAt: new Date('2026-12-01T09:30:00Z'),
      repeatDailyUntil: new Date('2026-12-03T09:30:00Z'),
    });
  });
});

describe('活动广场 order note', () => {
  it('says the order of each list', () => {
    expect(squareOrderNote('all', false)).toBe('进行中优先，其次报名中，各按开始时间');
    expect(squareOrderNote('all', true)).toBe('进行中优先，其次报名中，各按距离由近到远');
    expect(squareOrderNote('recruiting', true)).toBe('按距离由近到远');
    expect(squareOrderNote('ended', false)).toBe('');
  });
});

describe('队伍详情 buttons', () => {
  const org = (over: Partial<OrgGetOutput>): OrgGetOutput =>
    ({ org: { status: 'approved' }, canManage: false, canRead: false, ...over }) as unknown as OrgGetOutput;
  it('join, leave or withdraw, manage, review', () => {
    expect(actionsFor(org({}))).toEqual({ join: true, leave: '', manage: false, review: false, publicity: false, seal: false });
    expect(actionsFor(org({ myMembership: { status: 'pending', role: 'member' } as never })).leave).toBe('撤回申请');
    expect(actionsFor(org({ myMembership: { status: 'approved', role: 'leader' } as never, canManage: true, isLeader: true }))).toEqual({
      join: false,
      leave: '',
      manage: true,
      review: true,
      publicity: true,
      seal: true,
    });
  });

  it('证明公示 for approved members only; 上传公章 for the leader only (not an admin)', () => {
    const approved = { status: 'approved', role: 'member' } as never;
    expect(actionsFor(org({ myMembership: approved }))).toMatchObject({ publicity: true, seal: false });
    expect(actionsFor(org({ myMembership: { status: 'pending', role: 'member' } as never }))).toMatchObject({ publicity: false });
    expect(actionsFor(org({ myMembership: { status: 'approved', role: 'admin' } as never, canManage: true }))).toMatchObject({
      publicity: true,
      seal: false,
    });
    // A manager of a team above reads it but is no member: no 公示.
    expect(actionsFor(org({ canRead: true }))).toMatchObject({ publicity: false, seal: false });
  });

  it('a seal is a PNG or JPEG of at most 512 KB; refusals read in Chinese by code', () => {
    expect(checkSealPick({ contentType: 'image/png', base64: 'iVBORw0KGgo=' })).toEqual({
      contentType: 'image/png',
      base64: 'iVBORw0KGgo=',
    });
    expect(checkSealPick({ contentType: 'image/webp', base64: 'UklGR' })).toEqual({ problem: '公章图片仅支持PNG或JPEG格式' });
    const big = 'A'.repeat(Math.ceil((512 * 1024 + 1) / 3) * 4);
    expect(checkSealPick({ contentType: 'image/jpeg', base64: big })).toEqual({ problem: '公章图片不能超过512KB，请压缩后再上传' });
    expect(explainSealError('FILE.TOO_LARGE', '')).toBe('公章图片不能超过512KB，请压缩后再上传');
    expect(explainSealError('FILE.BAD_TYPE', '图片内容与声明的格式不符，请重新选择图片')).toBe('图片内容与声明的格式不符，请重新选择图片');
    expect(explainSealError('AUTH.FORBIDDEN', '没有权限进行此操作')).toBe('只有本队负责人可以上传公章');
    expect(explainSealError('NETWORK', '')).toBe('网络异常，请稍后重试');
  });
});

describe('我的时长 filters', () => {
  it('named periods for the server; a custom range the wrong way round is refused', () => {
    expect(hoursQuery({ period: 'month', from: '', to: '', orgId: 'o1' })).toEqual({ input: { period: 'thisMonth', orgId: 'o1' } });
    expect(hoursQuery({ period: 'custom', from: '2026-12-02', to: '2026-12-01', orgId: '' })).toEqual({
      error: '开始日期不能晚于结束日期',
    });
    expect(hoursQuery({ period: 'custom', from: '2026-12-01', to: '', orgId: '' })).toEqual({ input: { from: '2026-12-01' } });
    expect(hoursQuery({ period: 'all', from: '', to: '', orgId: '' })).toEqual({ input: {} });
    expect(cancelledDays({ days: [{ activityCancelled: true }, {}] as never })).toBe(1);
  });
});

describe('how activities and statuses read', () => {
  it('schedules and signup windows in Shanghai time', () => {
    expect(formatSchedule({ startDate: '2026-12-01', endDate: '2026-12-01', dailyStart: '09:00', dailyEnd: '12:00' })).toBe(
      '12月1日 09:00-12:00',
    );
    expect(formatSchedule({ startDate: '2026-12-01', endDate: '2026-12-02', dailyStart: '09:00', dailyEnd: '17:00' })).toBe(
      '12月1日—12月2日 每天09:00-17:00',
    );
    expect(formatSignupWindow({ signupStartAt: '2026-11-19T16:00:00Z', signupEndAt: '2026-11-30T10:00:00Z' })).toBe(
      '11月20日 00:00 至 11月30日 18:00',
    );
  });
  it('phase tabs', () => {
    expect(phaseTabs(SQUARE_PHASES)[0]).toEqual({ key: 'all', title: '全部' });
    expect(phaseTabs(SQUARE_PHASES)).toHaveLength(5);
    expect(phaseOf('all')).toBeUndefined();
    expect(phaseOf('ongoing')).toBe('ongoing');
  });
  it('regions by code', () => {
    expect(regionName({ province: '620000', city: '620100', county: '620102' })).toContain('兰州市');
    expect(provinceOptions().length).toBeGreaterThan(30);
    expect(cityOptions('620000').map((o) => o.name)).toContain('兰州市');
    expect(countyOptions('620100').map((o) => o.name)).toContain('城关区');
    expect(cityOptions('')).toEqual([]);
  });
  it('every status has a tag and every profile row a message', () => {
    for (const s of MEMBERSHIP_STATUSES) expect(STATUS_TAG[s]).toBeTruthy();
    for (const p of ACTIVITY_PHASES) expect(PHASE_TAG[p]).toBeTruthy();
    for (const e of ENROLLMENT_STATUSES) expect(ENROLLMENT_TAG[e]).toBeTruthy();
    expect(Object.values(PROFILE_FIELD_MESSAGE).every((m) => /[\u4e00-\u9fa5]/.test(m))).toBe(true);
  });
});
