// The figures of 附件3, 供需对接's and the ranking from plain rows: which activities, records, members and needs count, and how.
import {
  activityFigures,
  byCategory,
  childUnder,
  highlights,
  countedMemberships,
  memberFigures,
  monthsOf,
  orgFigures,
  periodOrDefault,
  rankChildren,
  countedNeeds,
  hoursToAccept,
  needFigures,
  type StatActivity,
  type StatNeed,
  type StatMembership,
  type StatRecord,
} from '../../../cloudfunctions/common/domain/report-stats';

const P = { from: '2026-01-01', to: '2026-12-31' };

const act = (over: Partial<StatActivity> & { _id: string }): StatActivity => ({
  orgId: 'lz',
  category: '科普报告',
  status: 'published',
  startDate: '2026-03-01',
  ...over,
});
const rec = (activityId: string, openid: string, date: string, minutes: number, orgId = 'lz'): StatRecord => ({
  activityId,
  openid,
  date,
  minutes,
  orgId,
});
const mem = (openid: string, at: string, over: Partial<StatMembership> = {}): StatMembership => ({
  orgId: 'lz',
  openid,
  status: 'approved',
  appliedAt: new Date(at),
  ...over,
});

describe('report-stats', () => {
  it('periods default to the year to date in Asia/Shanghai, and months run over the whole period', () => {
    // 2026-12-31T17:00Z is already 1 January 2027 in Shanghai.
    expect(periodOrDefault({}, new Date('2026-12-31T17:00:00Z'))).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(periodOrDefault({ to: '2026-06-30' }, new Date('2026-11-23T00:00:00Z'))).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodOrDefault({ from: '2026-03-05' }, new Date('2026-11-23T00:00:00Z'))).toEqual({ from: '2026-03-05', to: '2026-11-23' });
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf({ from: '2026-05-01', to: '2026-05-31' })).toEqual(['2026-05']);
  });

  it('every row of 附件3 is present, our categories mapped onto them', () => {
    const counts = byCategory([
      { category: '科普报告' },
      { category: '科技咨询' },
      { category: '义诊咨询' },
      { category: '科普讲解' },
      { category: '网络科普' },
    ]);
    expect(counts).toEqual({ 科普报告: 2, 科技培训: 0, 技术咨询: 1, 农技服务: 0, 医疗服务: 1, 青少年科技教育: 0, 其他: 1 });
  });

  it('counts held activities starting within the period, key days, key groups and the people served', () => {
    const activities = [
      act({ _id: 'a1', category: '科普报告', keyDay: '全国科普日', servedCount: 120, startDate: '2026-09-20' }),
      act({ _id: 'a2', category: '农技服务', serviceTargets: ['农民', '社区居民'], servedCount: 30, startDate: '2026-05-10' }),
      act({ _id: 'a3', category: '科技培训', serviceTargets: ['企业职工'], startDate: '2026-05-11' }),
      act({ _id: 'cancelled', status: 'cancelled', keyDay: '科技活动周', servedCount: 999 }),
      act({ _id: 'last-year', startDate: '2025-12-31', servedCount: 50 }),
    ];
    const f = orgFigures({ activities, records: [], memberships: [] }, P);
    expect(f.activities).toBe(3);
    expect(f.byCategory).toMatchObject({ 科普报告: 1, 农技服务: 1, 科技培训: 1, 其他: 0 });
    expect(f.keyDayActivities).toBe(1);
    expect(f.keyGroupActivities).toBe(1);
    expect(f.servedPeople).toBe(150);
    expect(f.series.find((m) => m.month === '2026-05')).toEqual({ month: '2026-05', activities: 2, volunteerTimes: 0, minutes: 0 });
    expect(f.series).toHaveLength(12);
  });

  it('volunteer-times are distinct (activity, volunteer) pairs with credited minutes in the period', () => {
    const records = [
      rec('a1', 'v1', '2026-05-01', 120),
      rec('a1', 'v1', '2026-05-02', 60), // the second day of the same volunteer: still one 人次
      rec('a1', 'v2', '2026-05-01', 0), // signed in, never credited
      rec('a2', 'v1', '2026-06-01', 30),
      rec('a2', 'v3', '2025-12-31', 500), // before the period
    ];
    const f = orgFigures({ activities: [], records, memberships: [] }, P);
    expect(f).toMatchObject({ volunteerTimes: 2, distinctVolunteers: 1, minutes: 210 });
    expect(f.series.find((m) => m.month === '2026-05')).toMatchObject({ volunteerTimes: 1, minutes: 180 });
    expect(f.series.find((m) => m.month === '2026-06')).toMatchObject({ volunteerTimes: 1, minutes: 30 });
  });

  it('a month or less also comes day by day (本月 charts days); a longer period does not', () => {
    const records = [rec('a1', 'v1', '2026-05-01', 120), rec('a1', 'v1', '2026-05-02', 60), rec('a1', 'v2', '2026-05-02', 30)];
    const may = orgFigures({ activities: [], records, memberships: [] }, { from: '2026-05-01', to: '2026-05-31' });
    expect(may.days).toHaveLength(31);
    expect(may.days?.[0]).toEqual({ date: '2026-05-01', activities: 0, volunteerTimes: 1, minutes: 120 });
    expect(may.days?.[1]).toEqual({ date: '2026-05-02', activities: 0, volunteerTimes: 2, minutes: 90 });
    expect(may.days?.[30]).toMatchObject({ date: '2026-05-31', minutes: 0 });
    expect(orgFigures({ activities: [], records, memberships: [] }, P).days).toBeUndefined();
  });

  it('members: distinct people approved by the end of the period; new: first approved within it (review date, else application)', () => {
    const memberships = [
      mem('old', '2025-06-01T00:00:00Z'),
      mem('old', '2026-04-01T00:00:00Z', { orgId: 'cg' }), // joined a second team: not new
      mem('new', '2025-12-30T00:00:00Z', { reviewedAt: new Date('2026-01-02T00:00:00Z') }),
      // 2025-12-31T16:30Z is 2026-01-01 00:30 in Shanghai.
      mem('midnight', '2025-12-31T16:30:00Z'),
      mem('pending', '2026-02-01T00:00:00Z', { status: 'pending' }),
      mem('later', '2027-01-05T00:00:00Z'),
    ];
    expect(memberFigures(memberships, P)).toEqual({ members: 3, newMembers: 2 });
    // 附件2 lists exactly the people counted: the memberships approved by the last day.
    expect(new Set(countedMemberships(memberships, P).map((m) => m.openid))).toEqual(new Set(['old', 'new', 'midnight']));
  });

  it('highlights: the activities with the most volunteer-times, then minutes; none without records or people served', () => {
    const acts = [act({ _id: 'a' }), act({ _id: 'b' }), act({ _id: 'c' }), act({ _id: 'empty' })];
    const figures = activityFigures([
      rec('a', 'v1', '2026-03-01', 60),
      rec('b', 'v1', '2026-03-01', 60),
      rec('b', 'v2', '2026-03-01', 60),
      rec('c', 'v3', '2026-03-01', 300),
    ]);
    expect(figures.get('b')).toEqual({ volunteerTimes: 2, minutes: 120 });
    expect(highlights(acts, figures).map((a) => a._id)).toEqual(['b', 'c']);
    expect(highlights([act({ _id: 'empty' })], figures)).toEqual([]);
  });

  it('ranking: each child team with its subtree, by minutes then name', () => {
    expect(childUnder('root', { _id: 'lz', path: ['root'] })).toBe('lz');
    expect(childUnder('root', { _id: 'cg', path: ['root', 'lz'] })).toBe('lz');
    expect(childUnder('lz', { _id: 'ts', path: ['root'] })).toBeUndefined();
    const orgs = [
      { _id: 'lz', path: ['root'] },
      { _id: 'cg', path: ['root', 'lz'] },
      { _id: 'ts', path: ['root'] },
      { _id: 'by', path: ['root'] },
    ];
    const children = [
      { _id: 'ts', name: '天水市科技志愿服务支队' },
      { _id: 'lz', name: '兰州市科技志愿服务支队' },
      { _id: 'by', name: '白银市科技志愿服务支队' },
    ];
    const activities = [
      act({ _id: 'a1', orgId: 'cg' }),
      act({ _id: 'a2', orgId: 'lz' }),
      act({ _id: 'a3', orgId: 'ts' }),
      act({ _id: 'x', orgId: 'ts', status: 'cancelled' }),
    ];
    const records = [
      rec('a1', 'v1', '2026-03-01', 100, 'cg'),
      rec('a2', 'v1', '2026-03-02', 50, 'lz'),
      rec('a2', 'v2', '2026-03-02', 30, 'lz'),
      rec('a3', 'v9', '2026-03-01', 180, 'ts'),
    ];
    expect(rankChildren('root', children, orgs, { activities, records }, P)).toEqual([
      {
        rank: 1,
        orgId: 'lz',
        orgName: '兰州市科技志愿服务支队',
        minutes: 180,
        volunteers: 2,
        activities: 2,
        avgRating: null,
        ratedCount: 0,
      },
      {
        rank: 2,
        orgId: 'ts',
        orgName: '天水市科技志愿服务支队',
        minutes: 180,
        volunteers: 1,
        activities: 1,
        avgRating: null,
        ratedCount: 0,
      },
      { rank: 3, orgId: 'by', orgName: '白银市科技志愿服务支队', minutes: 0, volunteers: 0, activities: 0, avgRating: null, ratedCount: 0 },
    ]);
  });
});

describe('供需对接', () => {
  const H = 3_600_000;
  const need = (_id: string, posted: string, over: Partial<StatNeed> = {}, steps: [string, number][] = []): StatNeed => {
    const postedAt = new Date(posted);
    return {
      _id,
      postedAt,
      status: 'open',
      coveringOrgId: 'lz',
      history: [{ step: 'posted', at: postedAt }, ...steps.map(([step, h]) => ({ step, at: new Date(postedAt.getTime() + h * H) }))],
      ...over,
    };
  };
  const NOW = new Date('2026-11-23T02:00:00Z');

  it('counts needs posted within the period by the Shanghai day, covered by or assigned to the teams', () => {
    const needs = [
      need('a', '2025-12-31T15:59:59Z'), // 23:59:59 on 31 December in Shanghai
      need('b', '2025-12-31T16:00:00Z'), // 00:00 on 1 January
      need('c', '2026-03-01T00:00:00Z', { coveringOrgId: 'root', assignedOrgId: 'lz' }),
      need('d', '2026-03-01T00:00:00Z', { coveringOrgId: 'ts' }),
    ];
    expect(countedNeeds(needs, new Set(['lz']), P).map((n) => n._id)).toEqual(['b', 'c']);
  });

  it('dispatched once reached a team, accepted from the first acceptance, completed as the need page says', () => {
    const linked = new Map([['act-old', { phase: 'ended' as const, endAt: new Date('2026-09-01T09:00:00Z') }]]);
    const f = needFigures(
      [
        need('open', '2026-03-01T00:00:00Z'),
        // Declined after a dispatch: back to open, still dispatched once.
        need('declined', '2026-03-01T00:00:00Z', {}, [
          ['dispatched', 1],
          ['declined', 2],
        ]),
        need('taken', '2026-03-01T00:00:00Z', { status: 'accepted', assignedOrgId: 'fd' }, [['taken', 3]]),
        need('served', '2026-03-01T00:00:00Z', { status: 'accepted', assignedOrgId: 'fd', activityId: 'act-old' }, [
          ['dispatched', 1],
          ['accepted', 5],
        ]),
        need('rated', '2026-03-01T00:00:00Z', { status: 'rated', assignedOrgId: 'fd', rating: { stars: 4 } }, [
          ['dispatched', 1],
          ['accepted', 2],
        ]),
        need('closed', '2026-03-01T00:00:00Z', { status: 'closed' }, [['closed', 1]]),
      ],
      linked,
      NOW,
    );
    expect(f).toEqual({
      received: 6,
      dispatched: 4,
      accepted: 3,
      completed: 2,
      avgHoursToAccept: 3.3,
      avgRating: 4,
      ratedCount: 1,
    });
    expect(hoursToAccept(need('x', '2026-03-01T00:00:00Z'))).toBeUndefined();
    expect(needFigures([], new Map(), NOW)).toMatchObject({ avgHoursToAccept: null, avgRating: null });
  });

  it('ranks by rating: the higher average, then more ratings, then minutes; unrated teams last', () => {
    const orgs = [
      { _id: 'a', path: ['root'] },
      { _id: 'b', path: ['root'] },
      { _id: 'c', path: ['root'] },
      { _id: 'b1', path: ['root', 'b'] },
    ];
    const children = [
      { _id: 'a', name: '甲' },
      { _id: 'b', name: '乙' },
      { _id: 'c', name: '丙' },
    ];
    const rated = (id: string, org: string, stars: number) =>
      need(id, '2026-03-01T00:00:00Z', { status: 'rated', assignedOrgId: org, rating: { stars } });
    const needs = [rated('1', 'a', 4), rated('2', 'b1', 5), rated('3', 'b', 3), rated('4', 'a', 4)];
    const records = [rec('x', 'v1', '2026-03-01', 500, 'c')];
    const ranked = rankChildren('root', children, orgs, { activities: [], records, needs }, P, 'rating');
    expect(ranked.map((r) => [r.rank, r.orgId, r.avgRating, r.ratedCount])).toEqual([
      [1, 'a', 4, 2],
      [2, 'b', 4, 2],
      [3, 'c', null, 0],
    ]);
    // By minutes (the default) the team with hours leads.
    expect(rankChildren('root', children, orgs, { activities: [], records, needs }, P)[0].orgId).toBe('c');
  });
});
