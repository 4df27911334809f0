// Teams of the 总队—支队—分队 tree and memberships in them.
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';
import type { Org } from '../../../types/org';
import type { MembershipStatus, Role } from '../../../types/enums';

export type OrgDoc = Omit<Org, 'createdAt'> & { createdAt: Date; contactName?: string; contactPhone?: string };
export interface MembershipDoc {
  _id: string;
  orgId: string;
  openid: string;
  status: MembershipStatus;
  role: Role;
  appliedAt: Date;
  reviewedAt?: Date;
}

export const membershipId = (orgId: string, openid: string) => `${orgId}_${openid}`;

export async function findOrgsByIds(ids: string[]): Promise<OrgDoc[]> {
  if (ids.length === 0) return [];
  const _ = database().command;
  const res = await unwrap(database().collection(C.orgs).where({ _id: _.in(ids) }).limit(ids.length).get());
  return res.data as OrgDoc[];
}

export async function membershipsOf(openid: string): Promise<MembershipDoc[]> {
  // A volunteer holds at most 5 live memberships; past ones are few. 100 is the server's page size.
  const res = await unwrap(database().collection(C.memberships).where({ openid }).orderBy('appliedAt', 'asc').limit(100).get());
  return res.data as MembershipDoc[];
}
