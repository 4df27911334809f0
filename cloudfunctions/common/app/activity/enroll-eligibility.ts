// Whether the caller may enroll in an activity (domain/activity-audience), from their memberships and those teams:
// used by activity.enroll, and by activity.get so the page says so before the risk notice.
import type { ActivityDoc } from '../../db/activity.repository';
import { findOrgsByIds, membershipsOf, type MembershipDoc } from '../../db/org.repository';
import { enrollBlock, type EnrollBlock, type TeamMembership } from '../../domain/activity-audience';

/** `memberships`: the caller's, when already read. A members-only activity costs one read of the teams applied to or joined. */
export async function enrollBlockFor(
  a: Pick<ActivityDoc, 'audience' | 'orgId' | 'orgName'>,
  openid: string,
  memberships?: MembershipDoc[],
): Promise<EnrollBlock | undefined> {
  const live = (memberships ?? (await membershipsOf(openid))).filter((m) => m.status === 'approved' || m.status === 'pending');
  // A public activity asks only for a live application: the teams themselves need not be read.
  if (a.audience === 'public')
    return enrollBlock(
      a,
      live.map((m) => ({ org: { _id: m.orgId, path: [], name: '' }, status: m.status })),
    );
  const orgs = new Map((await findOrgsByIds(live.map((m) => m.orgId))).filter((o) => o.status === 'approved').map((o) => [o._id, o]));
  const teams: TeamMembership[] = live.flatMap((m) => {
    const org = orgs.get(m.orgId);
    return org ? [{ org: { _id: org._id, path: org.path, name: org.name }, status: m.status }] : [];
  });
  return enrollBlock(a, teams);
}
