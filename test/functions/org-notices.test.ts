// 通知公告 and 首页 through the emulator: who may publish to which subtree, who sees a notice, read marks and counts,
// the 消息中心 copies (the audience's only, in batches), bad input refused with nothing written; user.home's states.
import {
  databaseRequests,
  dataOf,
  refusalOf,
  seedLanzhou,
  seedMembers,
  seedMembership,
  seedOrg,
  seedStaff,
  useTestEmulator,
} from '../helpers/emulator';
import { seedActivity, seedEnrollment } from '../helpers/checkin';
import type { InputOf } from '@contract/functions';

// 10:00 on 2026-12-01, Asia/Shanghai: the first day of seedActivity's activity.
const t = useTestEmulator({ clock: '2026-12-01T02:00:00.000Z' });

beforeEach(async () => {
  const { root, lz } = await seedLanzhou(t, { tianshui: {} });
  await seedOrg(t, 'lz-fd', '兰州大学科技志愿服务分队', lz, { level: '分队' });
  await seedStaff(t, [
    ['lz-leader', '13900000001', 'lz', 'leader'],
    ['lz-admin', '13900000002', 'lz', 'admin'],
    ['lz-member', '13900000003', 'lz', 'member'],
    ['ts-admin', '13900000004', 'ts', 'admin'],
    ['ts-member', '13900000005', 'ts', 'member'],
    ['fd-member', '13900000006', 'lz-fd', 'member'],
    ['root-member', '13900000007', root._id, 'member'],
    ['lz-pending', '13900000008'],
  ]);
  await seedMembership(t, 'lz', 'lz-pending', 'member', 'pending');
});

const input = (over: Partial<InputOf<'org', 'publishNotice'>> = {}): InputOf<'org', 'publishNotice'> => ({
  orgId: 'lz',
  title: '关于开展冬季科普进社区活动的通知',
  body: [
    { type: 'text', text: '各分队：\n请于12月10日前报送活动计划。' },
    { type: 'image', src: 'https://example.org/poster.png' },
  ],
  ...over,
});
const publish = (openid: string, over: Partial<InputOf<'org', 'publishNotice'>> = {}) =>
  t.call('org', 'publishNotice', input(over), openid);
const count = async (collection: string, query: object = {}) => (await t.emu.db.find(collection, query)).length;
const noticeMessages = async (openid: string) =>
  dataOf(await t.call('user', 'messages', {}, openid)).items.filter((m) => m.kind === 'noticePublished');

describe('who may publish to which subtree', () => {
  it('the leader and an admin of the team publish; the notice is dated by the server', async () => {
    const byLeader = dataOf(await publish('lz-leader'));
    expect(byLeader.notice).toMatchObject({
      orgId: 'lz',
      orgName: '兰州市科技志愿服务支队',
      pinned: false,
      publishedAt: expect.stringMatching(/^2026-12-01T10:00:0\d\+08:00$/),
      readCount: 0,
    });
    dataOf(await publish('lz-admin', { title: '第二则通知', pinned: true }));
    expect(await count('notices')).toBe(2);
  });

  it.each([
    ['a member of the team', 'lz-member'],
    ['a member of the parent', 'root-member'],
    ['the admin of a sibling team', 'ts-admin'],
    ['someone with a pending application', 'lz-pending'],
  ])('%s may not publish to it: AUTH.FORBIDDEN, nothing written', async (_who, openid) => {
    expect(refusalOf(await publish(openid)).code).toBe('AUTH.FORBIDDEN');
    expect(await count('notices')).toBe(0);
    expect(await count('messages')).toBe(0);
  });

  it('the parent’s leader publishes to the whole subtree below it', async () => {
    dataOf(await publish('root-leader', { orgId: (await t.emu.db.find('orgs', { level: '总队' }))[0]._id as string }));
    for (const who of ['lz-member', 'ts-member', 'fd-member', 'lz-admin']) expect(await noticeMessages(who)).toHaveLength(1);
  });

  it('an unknown team answers ORG.NOT_FOUND', async () => {
    expect(refusalOf(await publish('lz-leader', { orgId: 'nope' })).code).toBe('ORG.NOT_FOUND');
  });
});

describe('bad input is refused with nothing written', () => {
  it.each([
    ['a one-character title', { title: '通' }],
    ['no body', { body: [] }],
    ['only an image', { body: [{ type: 'image' as const, src: 'https://example.org/a.png' }] }],
    [
      'an http image',
      {
        body: [
          { type: 'text' as const, text: '见图' },
          { type: 'image' as const, src: 'http://example.org/a.png' },
        ],
      },
    ],
    [
      'markup in an image address',
      {
        body: [
          { type: 'text' as const, text: '见图' },
          { type: 'image' as const, src: 'https://x.org/a.png"onerror="alert(1)' },
        ],
      },
    ],
    [
      'a javascript address',
      {
        body: [
          { type: 'text' as const, text: '见图' },
          { type: 'image' as const, src: 'javascript:alert(1)' },
        ],
      },
    ],
    ['a paragraph too long', { body: [{ type: 'text' as const, text: '长'.repeat(2001) }] }],
  ])('%s: VALIDATION', async (_what, over) => {
    const r = refusalOf(await publish('lz-leader', over as Partial<InputOf<'org', 'publishNotice'>>));
    expect(r.code).toBe('VALIDATION');
    expect(await count('notices')).toBe(0);
    expect(await count('messages')).toBe(0);
  });

  it('an unknown block type is refused', async () => {
    const r = await t.callRaw(
      'org',
      'publishNotice',
      { ...input(), body: [{ type: 'html', html: '<script>alert(1)</script>' }] },
      'lz-leader',
    );
    expect(refusalOf(r).code).toBe('VALIDATION');
    expect(await count('notices')).toBe(0);
  });

  it('markup in a paragraph is kept as text, never as markup: the body is blocks, not HTML', async () => {
    const text = '<img src=x onerror=alert(1)> 请注意';
    const { notice } = dataOf(await publish('lz-leader', { body: [{ type: 'text', text }] }));
    const opened = dataOf(await t.call('org', 'notice', { noticeId: notice.noticeId }, 'lz-member'));
    expect(opened.notice.body).toEqual([{ type: 'text', text }]);
  });
});

describe('the audience', () => {
  it('a member of a child team sees its parent’s notice; a sibling team’s member does not; a 消息中心 copy each, unread', async () => {
    const { notice, sentTo } = dataOf(await publish('lz-admin'));
    // lz-leader, lz-member, fd-member: everyone approved in 兰州 and below, except the publisher.
    expect(sentTo).toBe(3);
    for (const who of ['lz-leader', 'lz-member', 'fd-member']) {
      const [m] = await noticeMessages(who);
      expect(m).toMatchObject({ read: false, page: `pages/notice/index?id=${notice.noticeId}` });
      expect(m.title).toContain('关于开展冬季科普进社区活动的通知');
      expect(dataOf(await t.call('user', 'unreadMessages', {}, who)).unread).toBe(1);
      expect(dataOf(await t.call('org', 'notices', {}, who))).toMatchObject({
        total: 1,
        unread: 1,
        items: [{ noticeId: notice.noticeId, read: false }],
      });
    }
    for (const who of ['ts-member', 'ts-admin', 'root-member', 'root-leader', 'lz-pending', 'lz-admin'])
      expect(await noticeMessages(who)).toEqual([]);
    for (const who of ['ts-member', 'root-member', 'lz-pending']) {
      expect(dataOf(await t.call('org', 'notices', {}, who))).toMatchObject({ total: 0, unread: 0 });
      expect(refusalOf(await t.call('org', 'notice', { noticeId: notice.noticeId }, who)).code).toBe('NOTICE.NOT_IN_AUDIENCE');
    }
    expect(refusalOf(await t.call('org', 'notice', { noticeId: 'missing' }, 'lz-member')).code).toBe('NOTICE.NOT_FOUND');
  });

  it('pinned first, then newest', async () => {
    const first = dataOf(await publish('lz-admin', { title: '较早的通知' })).notice.noticeId;
    await t.setClock('2026-12-01T03:00:00.000Z');
    const pinned = dataOf(await publish('lz-admin', { title: '置顶的通知', pinned: true })).notice.noticeId;
    await t.setClock('2026-12-01T04:00:00.000Z');
    const latest = dataOf(await publish('lz-admin', { title: '最新的通知' })).notice.noticeId;
    const list = dataOf(await t.call('org', 'notices', {}, 'fd-member'));
    expect(list.items.map((n) => n.noticeId)).toEqual([pinned, latest, first]);
    expect(list.items[0].pinned).toBe(true);
  });
});

describe('read marks and counts', () => {
  it('opening reads it (also its 消息中心 copy); the count is for the publishing team’s managers only', async () => {
    const { notice } = dataOf(await publish('lz-admin'));
    const opened = dataOf(await t.call('org', 'notice', { noticeId: notice.noticeId }, 'fd-member'));
    expect(opened.notice).toMatchObject({ read: true, body: input().body });
    expect(opened.notice.readCount).toBeUndefined();
    expect(dataOf(await t.call('user', 'unreadMessages', {}, 'fd-member')).unread).toBe(0);
    expect(dataOf(await t.call('org', 'notices', {}, 'fd-member'))).toMatchObject({ unread: 0, items: [{ read: true }] });
    // Opening it again counts once.
    dataOf(await t.call('org', 'notice', { noticeId: notice.noticeId }, 'fd-member'));
    dataOf(await t.call('org', 'notice', { noticeId: notice.noticeId }, 'lz-member'));

    const forAdmin = dataOf(await t.call('org', 'notices', {}, 'lz-admin'));
    expect(forAdmin.items[0]).toMatchObject({ readCount: 2 });
    const detail = dataOf(await t.call('org', 'notice', { noticeId: notice.noticeId }, 'lz-leader'));
    expect(detail.notice).toMatchObject({ readCount: 3, audienceCount: 3 });
    // A member sees no counts, in the list or the notice.
    expect(dataOf(await t.call('org', 'notices', {}, 'lz-member')).items[0].readCount).toBeUndefined();
  });
});

describe('pinning and deleting', () => {
  it('the publishing team’s managers pin, unpin and delete; nobody else; a deleted notice is gone from every list', async () => {
    const { notice } = dataOf(await publish('lz-admin'));
    for (const who of ['lz-member', 'fd-member', 'root-leader', 'ts-admin']) {
      expect(refusalOf(await t.call('org', 'pinNotice', { noticeId: notice.noticeId, pinned: true }, who)).code).toBe('AUTH.FORBIDDEN');
      expect(refusalOf(await t.call('org', 'deleteNotice', { noticeId: notice.noticeId }, who)).code).toBe('AUTH.FORBIDDEN');
    }
    expect((await t.emu.db.find('notices'))[0]).toMatchObject({ pinned: false });

    const pinned = dataOf(await t.call('org', 'pinNotice', { noticeId: notice.noticeId, pinned: true }, 'lz-leader'));
    expect(pinned.notice).toMatchObject({ pinned: true, canManage: true });
    expect(dataOf(await t.call('org', 'notices', {}, 'fd-member')).items[0].pinned).toBe(true);
    dataOf(await t.call('org', 'pinNotice', { noticeId: notice.noticeId, pinned: false }, 'lz-admin'));
    expect(dataOf(await t.call('org', 'notices', {}, 'fd-member')).items[0].pinned).toBe(false);

    dataOf(await t.call('org', 'notice', { noticeId: notice.noticeId }, 'fd-member'));
    dataOf(await publish('lz-admin', { title: '第二则通知' }));
    expect(dataOf(await t.call('org', 'deleteNotice', { noticeId: notice.noticeId }, 'lz-leader'))).toEqual({ deleted: true });
    // The other notice stays unread; the deleted one's read mark is gone with it.
    expect(dataOf(await t.call('org', 'notices', {}, 'fd-member'))).toMatchObject({
      total: 1,
      unread: 1,
      items: [{ title: '第二则通知' }],
    });
    expect(refusalOf(await t.call('org', 'notice', { noticeId: notice.noticeId }, 'fd-member')).code).toBe('NOTICE.NOT_FOUND');
    expect(refusalOf(await t.call('org', 'deleteNotice', { noticeId: notice.noticeId }, 'lz-leader')).code).toBe('NOTICE.NOT_FOUND');
    expect(await count('notice_reads')).toBe(0);
  });
});

describe('a large subtree', () => {
  it('the 消息中心 copies are written 100 to a request', async () => {
    await seedMembers(
      t,
      'lz-fd',
      Array.from({ length: 250 }, (_, i) => `m${i}`),
    );
    await t.dev('DELETE', '/_dev/stats');
    const { sentTo } = dataOf(await publish('lz-leader'));
    expect(sentTo).toBe(253);
    const { total, byAction } = await databaseRequests(t);
    // The team with the caller's grants, the teams below, their members (one page), the notice, three batches.
    expect(total).toBe(7);
    // lz-admin, lz-member, fd-member and the 250: the notice, then 100 + 100 + 53 messages.
    expect(byAction['database.insertDocument']).toBe(4);
    expect(await count('messages', { kind: 'noticePublished' })).toBe(253);
  });
});

describe('user.home', () => {
  const home = async (openid: string) => dataOf(await t.call('user', 'home', {}, openid));

  it('someone not registered gets an empty 首页', async () => {
    expect(await home('stranger')).toMatchObject({ volunteer: null, today: [], next: null, memberships: [], todo: null, notices: [] });
  });

  it('a pending application shows with its team and state; no to-dos for a member', async () => {
    const h = await home('lz-pending');
    expect(h.volunteer).toMatchObject({ realName: '张伟' });
    expect(h.memberships).toEqual([{ orgId: 'lz', orgName: '兰州市科技志愿服务支队', status: 'pending', role: 'member' }]);
    expect(h.todo).toBeNull();
    expect(h.today).toEqual([]);
  });

  it('today’s activity with its day record’s state, by the server’s date; otherwise the next one', async () => {
    const today = await seedActivity(t, 'lz');
    const later = await seedActivity(t, 'lz', {
      title: '农技下乡',
      startDate: '2026-12-20',
      endDate: '2026-12-20',
      startAt: new Date('2026-12-20T01:00:00Z'),
      endAt: new Date('2026-12-20T09:00:00Z'),
    });
    await seedEnrollment(t, today._id, 'lz-member');
    await seedEnrollment(t, later._id, 'lz-member');
    let h = await home('lz-member');
    expect(h.today).toMatchObject([{ activityId: today._id, date: '2026-12-01', state: 'notSignedIn', minutes: 0 }]);
    expect(h.next).toMatchObject({ activityId: later._id, title: '农技下乡', startAt: '2026-12-20T09:00:00+08:00' });

    await t.emu.db.insert('checkin_days', [
      {
        _id: `${today._id}_lz-member_20261201`,
        activityId: today._id,
        orgId: 'lz',
        openid: 'lz-member',
        date: '2026-12-01',
        signInAt: new Date('2026-12-01T01:05:00Z'),
        minutes: 0,
        status: 'open',
        adjustments: [],
        createdAt: new Date('2026-12-01T01:05:00Z'),
        updatedAt: new Date('2026-12-01T01:05:00Z'),
      },
    ]);
    h = await home('lz-member');
    expect(h.today[0]).toMatchObject({ state: 'signedIn', signInAt: '2026-12-01T09:05:00+08:00' });

    // The day after the activity ended, nothing is today and the later one is next.
    await t.setClock('2026-12-03T02:00:00.000Z');
    h = await home('lz-member');
    expect(h.today).toEqual([]);
    expect(h.next?.activityId).toBe(later._id);
  });

  it('a manager’s to-dos are counted; notices show pinned first with the unread count', async () => {
    // 供需对接: one need for 兰州 to dispatch, one dispatched to it to accept, one of 天水's (not 兰州's to-do).
    const root = (await t.emu.db.find('orgs', { level: '总队' }))[0]._id as string;
    const need = (_id: string, over: object) => ({ _id, status: 'open', coveringOrgId: 'lz', coveringPath: [root, 'lz'], ...over });
    await t.emu.db.insert('needs', [
      need('need-1', {}),
      need('need-2', { status: 'dispatched', coveringOrgId: root, coveringPath: [root], assignedOrgId: 'lz' }),
      need('need-3', { coveringOrgId: 'ts', coveringPath: [root, 'ts'] }),
    ]);
    await t.dev('DELETE', '/_dev/stats');
    expect((await home('lz-admin')).todo).toEqual({ members: 1, orgs: 0, corrections: 0, needs: 2, total: 3 });
    // In three rounds of parallel requests: the person (3), teams and today's records (2), then the inbox counts
    // (3 reads of the teams, 3 counts), the needs to dispatch and to accept (2 counts), notices (list, count, reads)
    // and recruiting activities (list, count).
    expect((await databaseRequests(t)).total).toBe(18);
    await t.dev('DELETE', '/_dev/stats');
    await home('lz-member');
    expect((await databaseRequests(t)).total).toBe(10);
    expect((await home('ts-admin')).todo).toEqual({ members: 0, orgs: 0, corrections: 0, needs: 1, total: 1 });
    dataOf(await publish('lz-leader', { title: '普通通知' }));
    dataOf(await publish('lz-leader', { title: '置顶通知', pinned: true }));
    const h = await home('fd-member');
    expect(h.notices.map((n) => n.title)).toEqual(['置顶通知', '普通通知']);
    expect(h.unreadNotices).toBe(2);
  });

  it('recruiting activities in the volunteer’s city', async () => {
    await seedActivity(t, 'lz', {
      title: '青少年科技营',
      startDate: '2026-12-15',
      endDate: '2026-12-15',
      signupEndAt: new Date('2026-12-14T00:00:00Z'),
      startAt: new Date('2026-12-15T01:00:00Z'),
      endAt: new Date('2026-12-15T09:00:00Z'),
    });
    const h = await home('lz-member');
    expect(h.recruiting).toMatchObject([{ title: '青少年科技营' }]);
    expect(h.recruitingTotal).toBe(1);
  });
});
