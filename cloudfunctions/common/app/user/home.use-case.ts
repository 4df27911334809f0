// user.home: 首页 in one call. For a volunteer: today's activities with their day record (the server's clock decides
// the date), else the next one; teams applied for; a manager's to-do counts (with 供需对接's); the first notices; recruiting activities
// in their city. Someone not registered gets `volunteer: null` and nothing else.
// Requests: four reads at once (volunteer, memberships, enrollments), then the teams, activities and today's records,
// then notices and recruiting activities and (for managers) the inbox counts and the needs to dispatch or accept, each
// group in parallel.
import type { HomeActivity, HomeToday, UserHomeOutput } from '@contract/home';
import { requireOpenid, type Ctx } from '../../handler';
import { findVolunteer } from '../../db/volunteer.repository';
import { findOrgsByIds, membershipsOf } from '../../db/org.repository';
import { activityFilter, enrollmentsOf, findActivitiesByIds, pageActivities, type ActivityDoc } from '../../db/activity.repository';
import { recordsOf } from '../../db/checkin.repository';
import { phaseAt } from '../../domain/activity-phase';
import { shanghaiDate, toIso } from '../../domain/shanghai-time';
import { inboxCounts } from '../org/inbox.use-case';
import { whenAndWhere } from '../activity/activity-view';
import { readerFrom } from '../notice/audience';
import { noticesOf } from '../notice/notice.use-case';
import { needToDosOf } from '../need/read.use-case';

const HOME_NOTICES = 3;
const HOME_RECRUITING = 3;

const EMPTY: Omit<UserHomeOutput, 'volunteer'> = {
  today: [],
  next: null,
  memberships: [],
  todo: null,
  notices: [],
  unreadNotices: 0,
  recruiting: [],
  recruitingTotal: 0,
};

function homeActivity(a: ActivityDoc, status: HomeActivity['enrollmentStatus'], now: Date): HomeActivity {
  return {
    activityId: a._id,
    ...whenAndWhere(a),
    startAt: toIso(new Date(a.startAt)),
    phase: phaseAt(a, now),
    enrollmentStatus: status,
  };
}

export async function home(_input: unknown, ctx: Ctx): Promise<UserHomeOutput> {
  const openid = requireOpenid(ctx);
  const now = ctx.now;
  const [volunteer, memberships, enrollments] = await Promise.all([findVolunteer(openid), membershipsOf(openid), enrollmentsOf(openid)]);
  if (!volunteer || volunteer.withdrawnAt) return { volunteer: null, ...EMPTY };

  const today = shanghaiDate(now);
  const live = memberships.filter((m) => m.status === 'pending' || m.status === 'approved');
  const enrolled = enrollments.filter((e) => e.status !== 'cancelled');
  const [orgs, activities, records] = await Promise.all([
    findOrgsByIds([...new Set(live.map((m) => m.orgId))]),
    findActivitiesByIds(enrolled.map((e) => e.activityId)),
    recordsOf(openid, { from: today, to: today }),
  ]);
  const names = new Map(orgs.map((o) => [o._id, o.name]));
  const byId = new Map(activities.map((a) => [a._id, a]));
  const recordOf = new Map(records.map((r) => [r.activityId, r]));

  const todays: HomeToday[] = [];
  let next: { a: ActivityDoc; status: HomeActivity['enrollmentStatus'] } | undefined;
  for (const e of enrolled) {
    const a = byId.get(e.activityId);
    if (!a || a.status !== 'published') continue;
    if (e.status === 'enrolled' && a.startDate <= today && today <= a.endDate) {
      const r = recordOf.get(a._id);
      todays.push({
        ...homeActivity(a, e.status, now),
        date: today,
        state: !r?.signInAt ? 'notSignedIn' : r.signOutAt ? 'signedOut' : 'signedIn',
        ...(r?.signInAt ? { signInAt: toIso(new Date(r.signInAt)) } : {}),
        ...(r?.signOutAt ? { signOutAt: toIso(new Date(r.signOutAt)) } : {}),
        minutes: r?.minutes ?? 0,
      });
    } else if (a.startDate > today && (!next || new Date(a.startAt).getTime() < new Date(next.a.startAt).getTime())) {
      next = { a, status: e.status };
    }
  }
  todays.sort((x, y) => x.dailyStart.localeCompare(y.dailyStart) || x.activityId.localeCompare(y.activityId));

  const reader = readerFrom(memberships, orgs);
  const city = volunteer.region?.city;
  // 供需对接's to-dos are those of the approved teams the caller leads or administers (need.inbox's).
  const approvedTeams = new Set(orgs.filter((o) => o.status === 'approved').map((o) => o._id));
  const needTeams = reader.grants.map((g) => g.orgId).filter((id) => approvedTeams.has(id));
  const [inboxTodo, needs, notices, recruiting] = await Promise.all([
    inboxCounts(openid, reader.grants),
    needToDosOf(needTeams),
    noticesOf(openid, reader, 1, HOME_NOTICES),
    city
      ? pageActivities(activityFilter({ phase: 'recruiting', regionCode: city }, now), [['startAt', 'asc']], 1, HOME_RECRUITING)
      : Promise.resolve({ items: [], total: 0 }),
  ]);

  const todo = inboxTodo ? { ...inboxTodo, needs, total: inboxTodo.total + needs } : null;
  return {
    volunteer: { realName: volunteer.realName, volunteerNo: volunteer.volunteerNo, status: volunteer.status ?? 'active' },
    today: todays,
    next: next ? homeActivity(next.a, next.status, now) : null,
    memberships: live.map((m) => ({ orgId: m.orgId, orgName: names.get(m.orgId) ?? '（已删除的队伍）', status: m.status, role: m.role })),
    todo,
    notices: notices.items,
    unreadNotices: notices.unread,
    recruiting: recruiting.items.map((a) => ({
      activityId: a._id,
      title: a.title,
      orgName: a.orgName,
      startDate: a.startDate,
      address: a.address,
    })),
    recruitingTotal: recruiting.total,
    ...(city ? { recruitingRegion: city } : {}),
  };
}
