// report.orgStats of one team alone through the emulator: a month in two database requests (the caller's check, then
// the team's rows in one joined read), the very answer the separate reads give; a team too big for one document still
// answered in full by them.
import { databaseRequests, dataOf, useTestEmulator, seedMembership, seedOrg } from '../helpers/emulator';
import { REPORT_CLOCK, dayRecord, seedProvince } from '../helpers/report';
import type { InputOf, OutputOf } from '@contract/functions';
import { activityCode, nonce, north, seedActivity, seedEnrollment } from '../helpers/checkin';

// 10:00 on 2026-11-23 (Asia/Shanghai): 城关's November is this month.
const t = useTestEmulator({ clock: REPORT_CLOCK });
const NOVEMBER = { orgId: 'cg', from: '2026-11-01', to: '2026-11-30' };
const CG_NAME = '城关区科技志愿服务队';
let rootId: string;

const day = (date: string, over: Record<string, unknown> = {}) => ({
  orgName: CG_NAME,
  startDate: date,
  endDate: date,
  signupEndAt: new Date(`${date}T00:00:00Z`),
  startAt: new Date(`${date}T01:00:00Z`),
  endAt: new Date(`${date}T09:00:00Z`),
  ...over,
});

/** A closed day record of 城关 (helpers/report dayRecord). */
const record = (activityId: string, openid: string, date: string, minutes: number) =>
  dayRecord({ _id: activityId, orgId: 'cg' }, openid, date, minutes);

function need(_id: string, posted: string, over: Record<string, unknown> = {}) {
  const postedAt = new Date(posted);
  return {
    _id,
    requesterOpenid: `req-${_id}`,
    requesterKind: '社区',
    category: '科普讲解',
    title: `需求${_id}`,
    status: 'open',
    coveringOrgId: 'cg',
    coveringOrgName: CG_NAME,
    coveringPath: [rootId, 'lz', 'cg'],
    history: [{ step: 'posted', at: postedAt }],
    postedAt,
    updatedAt: postedAt,
    ...over,
  };
}

const training = (_id: string, date: string, hours: number, status = 'scheduled') => ({
  _id,
  orgId: 'cg',
  orgName: CG_NAME,
  title: `培训${_id}`,
  type: '专业技能',
  date,
  hours,
  trainer: '李老师',
  content: '应急救护',
  status,
  traineeCount: 0,
  createdBy: 'cg-admin',
  createdAt: new Date('2026-10-01T00:00:00Z'),
  updatedAt: new Date('2026-10-01T00:00:00Z'),
});
const attended = (trainingId: string, openid: string, date: string) => ({
  _id: `${trainingId}_${openid}`,
  trainingId,
  orgId: 'cg',
  openid,
  date,
  via: 'list',
  by: 'cg-admin',
  at: new Date(`${date}T02:00:00Z`),
});

/** The answer without what tells the two paths apart: the flag, and the teams counted. */
const figures = ({ includeDescendants: _, teams: _teams, ...rest }: OutputOf<'report', 'orgStats'>) => rest;

/**
 * The team alone, and the same team read by the record-scanning path: with its subtree, once an approved team with
 * nothing of its own is below it (so that the subtree is read as one: the same rows).
 */
async function bothPaths(input: InputOf<'report', 'orgStats'>) {
  await t.dev('DELETE', '/_dev/stats');
  const alone = dataOf(await t.call('report', 'orgStats', input, 'cg-admin'));
  const requests = (await databaseRequests(t)).total;
  if ((await t.emu.db.find('orgs', { _id: 'cg-empty' })).length === 0) {
    await seedOrg(t, 'cg-empty', '城关区空白科技志愿服务分队', { _id: 'cg', path: [rootId, 'lz'] }, { level: '分队' });
  }
  const apart = dataOf(await t.call('report', 'orgStats', { ...input, includeDescendants: true }, 'cg-admin'));
  expect(apart.teams).toBe(2);
  return { alone, apart, requests };
}

beforeEach(async () => {
  const p = await seedProvince(t);
  rootId = p.root._id;
  await seedMembership(t, 'cg', 'v1', 'member', 'approved', new Date('2026-11-02T00:00:00Z'));
});

describe('report.orgStats of one team’s month', () => {
  it('costs two requests and answers what the separate reads answer: scans, 补录, earlier and cancelled activities, needs, trainings', async () => {
    // Today's activity: v3 signs in at 10:00 and out at 15:00 by scanning.
    const today = await seedActivity(t, 'cg', day('2026-11-23', { title: '社区科普', signupEndAt: new Date('2026-11-22T00:00:00Z') }));
    await seedEnrollment(t, today._id, 'v3');
    const inCode = await activityCode(t, today._id, 'in', 'cg-admin');
    expect(await t.call('checkin', 'scan', { payload: inCode, location: north(100), nonce: nonce() }, 'v3')).toMatchObject({ ok: true });
    await t.setClock('2026-11-23T07:00:00Z');
    const outCode = await activityCode(t, today._id, 'out', 'cg-admin');
    expect(await t.call('checkin', 'scan', { payload: outCode, location: north(100), nonce: nonce() }, 'v3')).toMatchObject({ ok: true });
    // 补录 by the admin: 09:00–11:00 on the 5th for v1.
    const fifth = await seedActivity(t, 'cg', day('2026-11-05', { title: '科技咨询', category: '科技咨询' }));
    await seedEnrollment(t, fifth._id, 'v1');
    const adjusted = await t.call(
      'checkin',
      'adjust',
      {
        activityId: fifth._id,
        openid: 'v1',
        date: '2026-11-05',
        signInAt: '2026-11-05T09:00:00+08:00',
        signOutAt: '2026-11-05T11:00:00+08:00',
        reason: '现场网络故障，补录签到',
      },
      'cg-admin',
    );
    expect(adjusted).toMatchObject({ ok: true });
    // Started in October, its day of 1 November counts (its day of 31 October does not); a cancelled one counts nothing.
    const earlier = await seedActivity(t, 'cg', { ...day('2026-10-31'), endDate: '2026-11-01', title: '跨月科普' });
    const cancelled = await seedActivity(t, 'cg', day('2026-11-10', { status: 'cancelled', title: '取消的活动' }));
    await t.emu.db.insert('checkin_days', [
      record(earlier._id, 'v3', '2026-10-31', 100),
      record(earlier._id, 'v3', '2026-11-01', 70),
      record(cancelled._id, 'v3', '2026-11-10', 60),
    ]);
    await t.emu.db.insert('needs', [
      // Accepted and linked to today's activity (still going on: not 已完成).
      need('c1', '2026-11-03T02:00:00Z', {
        status: 'accepted',
        assignedOrgId: 'cg',
        activityId: today._id,
        history: [
          { step: 'posted', at: new Date('2026-11-03T02:00:00Z') },
          { step: 'dispatched', at: new Date('2026-11-03T03:00:00Z') },
          { step: 'accepted', at: new Date('2026-11-03T07:00:00Z') },
        ],
      }),
      // Covered by 兰州, assigned to 城关, rated.
      need('c2', '2026-11-04T02:00:00Z', {
        status: 'rated',
        coveringOrgId: 'lz',
        coveringPath: [rootId, 'lz'],
        assignedOrgId: 'cg',
        activityId: fifth._id,
        rating: { stars: 5, tags: ['专业'], ratedAt: new Date('2026-11-06T00:00:00Z') },
        history: [
          { step: 'posted', at: new Date('2026-11-04T02:00:00Z') },
          { step: 'taken', at: new Date('2026-11-04T04:00:00Z') },
        ],
      }),
      // 00:00 on 1 November in Shanghai: this month; 23:00 on 31 October: not.
      need('c3', '2026-10-31T16:00:00Z'),
      need('c4', '2026-10-31T15:00:00Z'),
    ]);
    await t.emu.db.insert('trainings', [
      training('t1', '2026-11-08', 1.5),
      training('t2', '2026-11-09', 2, 'cancelled'),
      training('t3', '2026-10-20', 3),
    ]);
    await t.emu.db.insert('training_attendance', [
      attended('t1', 'v1', '2026-11-08'),
      attended('t1', 'v3', '2026-11-08'),
      attended('t2', 'v3', '2026-11-09'),
      attended('t3', 'v3', '2026-10-20'),
    ]);

    const { alone, apart, requests } = await bothPaths(NOVEMBER);
    // The team and the caller's grants, then the team's rows.
    expect(requests).toBe(2);
    expect(figures(alone)).toEqual(figures(apart));
    expect(alone).toMatchObject({
      includeDescendants: false,
      teams: 1,
      // Today's, the 5th's (the one of 31 October started in October, the cancelled one is none).
      activities: 2,
      // v3 today (10:00–15:00) and on the 1st, v1 on the 5th.
      volunteerTimes: 3,
      distinctVolunteers: 2,
      minutes: 300 + 70 + 120,
      members: 3,
      newMembers: 1,
      needs: { received: 3, dispatched: 2, accepted: 2, completed: 1, avgRating: 5, ratedCount: 1 },
      trainings: 1,
      trainees: 2,
      traineeTimes: 2,
      trainingHours: 3,
    });
    // A named period (this month: up to today) is the same path.
    const thisMonth = await bothPaths({ orgId: 'cg', period: 'thisMonth' });
    expect(thisMonth.requests).toBe(2);
    expect(figures(thisMonth.alone)).toEqual(figures(thisMonth.apart));
    expect(thisMonth.alone).toMatchObject({ to: '2026-11-23', minutes: 300 + 70 + 120 });
  });

  it('含下级 of a team with none below is the same one read; with a team below, the subtree is read as one', async () => {
    const input = { orgId: 'cg', from: '2026-11-01', to: '2026-11-30' };
    const alone = dataOf(await t.call('report', 'orgStats', input, 'cg-admin'));
    await t.dev('DELETE', '/_dev/stats');
    const withBelow = dataOf(await t.call('report', 'orgStats', { ...input, includeDescendants: true }, 'cg-admin'));
    expect((await databaseRequests(t)).total).toBe(2);
    expect(withBelow).toEqual({ ...alone, includeDescendants: true });
    // 兰州 has 城关 below: its subtree is not read as one team.
    const tree = dataOf(await t.call('report', 'orgStats', { ...input, orgId: 'lz', includeDescendants: true }, 'root-leader'));
    expect(tree.teams).toBe(2);
  });

  it('a team with more rows than one document holds is read kind by kind, with the same answer', async () => {
    const busy = await seedActivity(t, 'cg', day('2026-11-12', { title: '大型科普展' }));
    const people = Array.from({ length: 20_001 }, (_, i) => record(busy._id, `p${i}`, '2026-11-12', 30 + (i % 7)));
    for (let i = 0; i < people.length; i += 5000) await t.emu.db.insert('checkin_days', people.slice(i, i + 5000));
    const { alone, apart, requests } = await bothPaths(NOVEMBER);
    expect(requests).toBeGreaterThan(3);
    expect(figures(alone)).toEqual(figures(apart));
    expect(alone).toMatchObject({ activities: 1, volunteerTimes: 20_001, distinctVolunteers: 20_001 });
  });

  it('a team whose rows pass 16 MB (the database refuses the one document) is read kind by kind, with the same answer', async () => {
    // 18 activities with a 1 MB 回顾 each: under the count that fits, over the size.
    const summary = '科'.repeat(350_000);
    for (let i = 0; i < 18; i++) await seedActivity(t, 'cg', day(`2026-11-${String(i + 1).padStart(2, '0')}`, { summary }));
    const { alone, apart, requests } = await bothPaths(NOVEMBER);
    expect(requests).toBeGreaterThan(3);
    expect(figures(alone)).toEqual(figures(apart));
    expect(alone).toMatchObject({ activities: 18 });
  });
});
