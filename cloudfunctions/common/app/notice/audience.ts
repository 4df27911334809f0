// Whose notices a volunteer sees: those of every team they are an approved member of and of the teams above them
// (a notice reaches its team and every team below it). Also answers the caller's managing grants, from the same read.
import { findOrgsByIds, membershipsOf, type MembershipDoc, type OrgDoc } from '../../db/org.repository';
import type { Grant } from '../../domain/org-access';

export interface NoticeReader {
  /** The teams whose notices reach the caller. */
  teams: string[];
  /** The caller's approved leader/admin roles (as managerGrants answers them). */
  grants: Grant[];
}

const approvedOf = (memberships: readonly MembershipDoc[]) => memberships.filter((m) => m.status === 'approved' && !m.frozen);

/** From memberships already read and their teams (at least the approved ones). */
export function readerFrom(memberships: readonly MembershipDoc[], orgs: readonly OrgDoc[]): NoticeReader {
  const approved = approvedOf(memberships);
  const mine = new Set(approved.map((m) => m.orgId));
  const teams = new Set<string>();
  for (const o of orgs) if (mine.has(o._id) && o.status === 'approved') for (const id of [...o.path, o._id]) teams.add(id);
  const grants = approved.filter((m) => m.role === 'leader' || m.role === 'admin').map((m) => ({ orgId: m.orgId, role: m.role }));
  return { teams: [...teams], grants };
}

/** Two reads: the memberships, then the approved ones' teams. */
export async function noticeReader(openid: string): Promise<NoticeReader> {
  const memberships = await membershipsOf(openid);
  const approved = approvedOf(memberships);
  if (approved.length === 0) return { teams: [], grants: [] };
  return readerFrom(approved, await findOrgsByIds(approved.map((m) => m.orgId)));
}
