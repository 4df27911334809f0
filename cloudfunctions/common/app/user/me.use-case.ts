// user.me: the volunteer, the teams with their status (and the teams they applied to register, under review), and totals from the day records (cancelled activities count for
// nothing, as on 我的时长).
import type { UserMeOutput } from '@contract/user';
import { requireOpenid, type Ctx } from '../../handler';
import { creditedTotalsOf } from '../../db/checkin.repository';
import { findLiveVolunteer } from '../../db/volunteer.repository';
import { findOrgsByIds, membershipsOf, pendingRegistrationsOf } from '../../db/org.repository';
import { volunteerView } from './volunteer-view';

export async function me(_input: unknown, ctx: Ctx): Promise<UserMeOutput> {
  const openid = requireOpenid(ctx);
  // A frozen account still reads itself: the answer says it is frozen (volunteer.status).
  const doc = await findLiveVolunteer(openid);
  const [memberships, totals, registrations] = await Promise.all([
    membershipsOf(openid),
    creditedTotalsOf(openid),
    pendingRegistrationsOf(openid),
  ]);
  const orgs = new Map((await findOrgsByIds([...new Set(memberships.map((m) => m.orgId))])).map((o) => [o._id, o]));
  return {
    volunteer: volunteerView(doc),
    memberships: memberships.map((m) => ({
      orgId: m.orgId,
      orgName: orgs.get(m.orgId)?.name ?? '（已删除的队伍）',
      status: m.status,
      role: m.role,
    })),
    teamApplications: registrations.map((o) => ({ orgId: o._id, orgName: o.name, status: o.status })),
    totals,
  };
}
