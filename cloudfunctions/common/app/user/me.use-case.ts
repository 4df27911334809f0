// user.me: the volunteer, the teams with their status, and totals from the day records.
import type { UserMeOutput } from '../../../../types/user';
import { requireOpenid, type Ctx } from '../../handler';
import { database } from '../../cloud';
import { C } from '../../db/collections';
import { unwrap } from '../../db/db-result';
import { requireVolunteer } from '../../db/volunteer.repository';
import { findOrgsByIds, membershipsOf } from '../../db/org.repository';
import { volunteerView } from './volunteer-view';

async function totalsOf(openid: string): Promise<UserMeOutput['totals']> {
  const db = database();
  const $ = db.command.aggregate;
  const res = await unwrap(
    db.collection(C.dayRecords).aggregate().match({ openid }).group({ _id: null, minutes: $.sum('$minutes'), activities: $.addToSet('$activityId') }).end(),
  );
  const row = (res as { data?: { minutes: number; activities: string[] }[] }).data?.[0];
  return { minutes: row?.minutes ?? 0, activities: row?.activities.length ?? 0 };
}

export async function me(_input: unknown, ctx: Ctx): Promise<UserMeOutput> {
  const openid = requireOpenid(ctx);
  const doc = await requireVolunteer(openid);
  const [memberships, totals] = await Promise.all([membershipsOf(openid), totalsOf(openid)]);
  const orgs = new Map((await findOrgsByIds([...new Set(memberships.map((m) => m.orgId))])).map((o) => [o._id, o]));
  return {
    volunteer: volunteerView(doc),
    memberships: memberships.map((m) => ({ orgId: m.orgId, orgName: orgs.get(m.orgId)?.name ?? '（已删除的队伍）', status: m.status, role: m.role })),
    totals,
  };
}
