// org.get: a team with its parent, approved children, member count, the caller's membership and rights; public,
// so no openid of anyone but the caller's own membership. A team under review shows to its applicant and to whoever
// decides it (its parent's managers, or the grandparent's when the applicant is the parent's only manager).
import type { OrgGetOutput, OrgIdInput } from '@contract/org';
import type { Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { approvedChildren, countMembers, findMembership, findOrg, managerGrants, membershipId, type OrgDoc } from '../../db/org.repository';
import { canManage, canRead, type Grant } from '../../domain/org-access';
import { decidesApplication } from '../access';
import { requireOrg } from './org-lookup';
import { membershipView, orgView } from './org-view';

const view = (grants: Grant[], openid: string | undefined) => (doc: OrgDoc) =>
  orgView(doc, { showContact: canManage(grants, doc) || (openid !== undefined && doc.applicantOpenid === openid) });

export async function getOrg(input: OrgIdInput, ctx: Ctx): Promise<OrgGetOutput> {
  const openid = ctx.openid;
  const [org, grants] = await Promise.all([requireOrg(input.orgId), managerGrants(openid)]);
  // A team under review exists only for its applicant and those who decide it (four-eyes, as org.review).
  if (org.status !== 'approved' && !(openid && org.applicantOpenid === openid) && !(await decidesApplication(grants, openid, org))) {
    throw new AppError(ErrorCode.ORG_NOT_FOUND);
  }
  const [parent, children, memberCount, mine] = await Promise.all([
    org.parentId ? findOrg(org.parentId) : Promise.resolve(undefined),
    org.status === 'approved' ? approvedChildren(org._id) : Promise.resolve([]),
    countMembers(org._id),
    openid ? findMembership(membershipId(org._id, openid)) : Promise.resolve(undefined),
  ]);
  const show = view(grants, openid);
  return {
    org: show(org),
    parent: parent ? show(parent) : null,
    children: children.map(show),
    memberCount,
    isLeader: openid !== undefined && (org.leaderOpenid === openid || (mine?.status === 'approved' && mine.role === 'leader')),
    myMembership: mine ? membershipView(mine) : null,
    isApplicant: openid !== undefined && org.applicantOpenid === openid,
    canManage: canManage(grants, org),
    canRead: canRead(grants, org),
    // 公章: told to those who run the team (the leader uploads it), nobody else.
    hasSeal: canManage(grants, org) ? org.seal !== undefined : undefined,
  };
}
