// 活动详情 on the weapp build (miniprogram-simulate): the map and 导航 (openLocation with the activity's GCJ-02 point,
// name and address), no 导航 without a point, 添加到手机日历 (addPhoneCalendar for one day, addPhoneRepeatCalendar daily
// for several, an alarm an hour before), and the enrolled volunteers' initials.
import { find, renderPage, tap, text, waitFor, type Page } from './shim';
import { activityAnswer, resetRequests, succeed, type Callbacks } from './fixtures';

type Opts = Callbacks & Record<string, unknown>;
/** The device's map page and calendar, recording what the page asks (Taro binds wx APIs at launch: install first). */
const device = { opened: [] as Opts[], calendar: [] as { api: string; opts: Opts }[] };
const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
wx.openLocation = (opts: Opts) => {
  device.opened.push(opts);
  succeed(opts);
};
for (const api of ['addPhoneCalendar', 'addPhoneRepeatCalendar'])
  wx[api] = (opts: Opts) => {
    device.calendar.push({ api, opts });
    succeed(opts);
  };

const ok = (data: unknown) => ({ ok: true, data });
let answers: Record<string, unknown> = {};
let page: Page | undefined;
beforeEach(() => {
  answers = {};
  device.opened.length = 0;
  device.calendar.length = 0;
  resetRequests(() => answers);
});
afterEach(() => page?.detach());

const detail = (activity: Record<string, unknown> = {}, over: Record<string, unknown> = {}) =>
  ok({ activity: activityAnswer(activity), phase: 'recruiting', enrolledCount: 12, canManage: false, signupOpen: true, ...over });
const open = async (answer: unknown) => {
  answers.get = answer;
  page = renderPage('pages/activity-detail/index', { id: 'a1' });
  await waitFor(() => find(page!, '.act-enroll'));
  return page;
};

describe('活动详情: the place', () => {
  test('shows the map and 导航 opens WeChat’s map page at the activity’s point, with its name and address', async () => {
    const p = await open(detail());
    expect(find(p, '.act-address').dom?.textContent).toBe('兰州市城关区东方红广场');
    expect(p.querySelector('.act-map')).toBeTruthy();
    tap(p, '.act-navigate');
    await waitFor(() => expect(device.opened).toHaveLength(1));
    expect(device.opened[0]).toMatchObject({
      latitude: 36.0577,
      longitude: 103.8342,
      name: '社区科普讲解活动',
      address: '兰州市城关区东方红广场',
      scale: 16,
    });
  });

  test('an activity without a point shows its address only: no map, no 导航', async () => {
    const p = await open(detail({ location: { lat: 0, lng: 0 } }));
    expect(find(p, '.act-address').dom?.textContent).toBe('兰州市城关区东方红广场');
    expect(p.querySelector('.act-navigate')).toBeFalsy();
    expect(p.querySelector('.act-map')).toBeFalsy();
  });
});

describe('活动详情: 添加到手机日历', () => {
  test('one day: addPhoneCalendar with its window, place and an alarm an hour before', async () => {
    const p = await open(detail({ startDate: '2026-12-01', endDate: '2026-12-01', dailyStart: '09:00', dailyEnd: '12:00' }));
    tap(p, '.act-add-calendar');
    await waitFor(() => expect(device.calendar).toHaveLength(1));
    const [{ api, opts }] = device.calendar;
    expect(api).toBe('addPhoneCalendar');
    expect(opts).toMatchObject({
      title: '社区科普讲解活动',
      // 2026-12-01 09:00 and 12:00 in Shanghai, unix seconds.
      startTime: Date.parse('2026-12-01T01:00:00Z') / 1000,
      endTime: String(Date.parse('2026-12-01T04:00:00Z') / 1000),
      location: '兰州市城关区东方红广场',
      alarm: true,
      alarmOffset: 3600,
    });
    expect(String(opts.description)).toContain('兰州市科技志愿服务支队');
  });

  test('several days: the first day’s window repeated daily until the last day ends', async () => {
    const p = await open(detail());
    tap(p, '.act-add-calendar');
    await waitFor(() => expect(device.calendar).toHaveLength(1));
    const [{ api, opts }] = device.calendar;
    expect(api).toBe('addPhoneRepeatCalendar');
    expect(opts).toMatchObject({
      startTime: Date.parse('2026-12-01T01:00:00Z') / 1000,
      endTime: String(Date.parse('2026-12-01T09:00:00Z') / 1000),
      repeatInterval: 'day',
      repeatEndTime: Date.parse('2026-12-02T09:00:00Z') / 1000,
      alarmOffset: 3600,
    });
  });

  test('not offered once the activity is over', async () => {
    answers.get = detail({}, { phase: 'ended', signupOpen: false });
    page = renderPage('pages/activity-detail/index', { id: 'a1' });
    await waitFor(() => find(page!, '.act-enroll-disabled'));
    expect(page.querySelector('.act-add-calendar')).toBeFalsy();
  });
});

describe('活动详情: who enrolled', () => {
  test('initials in coloured circles and how many in all', async () => {
    const people = ['欧', '李', '韩'].map((initial) => ({ initial }));
    const p = await open(detail({}, { enrolledPreview: { count: 12, people } }));
    expect(p.querySelectorAll('.act-avatar').map((n) => n.dom?.textContent)).toEqual(['欧', '李', '韩']);
    expect(find(p, '.act-avatars-note').dom?.textContent).toBe('等12人已报名');
    expect(text(p)).not.toContain('undefined');
  });
});
