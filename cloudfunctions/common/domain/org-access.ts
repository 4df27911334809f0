// Who may do what in the team tree: leaders/admins manage their own team and read every team below it.
import type { Role } from '@contract/enums';

/** One approved membership of the caller: the team and the role held in it. */
export interface Grant {
  orgId: string;
  role: Role;
}
/** What the rules need of a team: its id, its parent and its ancestors from the root down. */
export interface OrgNode {
  _id: string;
  parentId: string | null;
  path: string[];
}

const MANAGING_ROLES: readonly Role[] = ['leader', 'admin'];

/** The caller's role in that very team, if the membership is approved. */
export function roleIn(grants: readonly Grant[], orgId: string): Role | undefined {
  return grants.find((g) => g.orgId === orgId)?.role;
}

function managesId(grants: readonly Grant[], orgId: string): boolean {
  const role = roleIn(grants, orgId);
  return role !== undefined && MANAGING_ROLES.includes(role);
}

/** Leader or admin of this very team: reviews its members, removes them, publishes its activities. */
export function canManage(grants: readonly Grant[], org: Pick<OrgNode, '_id'>): boolean {
  return managesId(grants, org._id);
}

/** canManage, or leader/admin of any ancestor: may read the team's members and statistics. */
export function canRead(grants: readonly Grant[], org: Pick<OrgNode, '_id' | 'path'>): boolean {
  return canManage(grants, org) || org.path.some((id) => managesId(grants, id));
}

/** A new child team is reviewed by the leader/admins of its parent (the root has no reviewer). */
export function canReviewOrg(grants: readonly Grant[], org: Pick<OrgNode, 'parentId'>): boolean {
  return org.parentId !== null && managesId(grants, org.parentId);
}

/** Roles are given and taken by the team's leader alone. */
export function canSetRoles(grants: readonly Grant[], org: Pick<OrgNode, '_id'>): boolean {
  return roleIn(grants, org._id) === 'leader';
}

/** 清退: managers remove members; an admin is removed by the leader only; the leader never. */
export function canRemove(grants: readonly Grant[], org: Pick<OrgNode, '_id'>, targetRole: Role): boolean {
  if (targetRole === 'leader') return false;
  if (targetRole === 'admin') return canSetRoles(grants, org);
  return canManage(grants, org);
}
