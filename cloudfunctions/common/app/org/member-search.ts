// Who 成员管理's filters select, shared by org.members (a page) and org.exportMembers (all of them): the search text
// resolved to a phone's blind index, a name or a phone's last 4 digits, and the dates taken from the server's clock.
import type { OrgExportMembersInput } from '@contract/org';
import { findVolunteerByPhone } from '../../db/volunteer.repository';
import type { MembershipDoc } from '../../db/org.repository';
import {
  allFilteredMembers,
  allFilteredMembersWithPhones,
  pageFilteredMembers,
  type MemberFilter,
} from '../../db/member-search.repository';
import { activeWindow, joinedSpan, memberQuery } from '../../domain/member-filters';

type Filters = Omit<OrgExportMembersInput, 'orgId'>;

type Resolved = { filter: MemberFilter; tail?: string } | 'nobody';

async function resolve(orgId: string, f: Filters, now: Date): Promise<Resolved> {
  const filter: MemberFilter = { orgId };
  if (f.status) filter.status = f.status;
  if (f.role) filter.role = f.role;
  const joined = joinedSpan(f.joinedFrom, f.joinedTo);
  if (joined) filter.joined = joined;
  if (f.active90) filter.activeWithin = activeWindow(now);
  const q = memberQuery(f.q);
  if (q?.kind === 'name') filter.name = q.text;
  if (q?.kind === 'phone') {
    // The blind index finds the one volunteer with that phone; a phone nobody registered finds no member.
    const person = await findVolunteerByPhone(q.phone);
    if (!person) return 'nobody';
    filter.openid = person._id;
  }
  return { filter, ...(q?.kind === 'tail' ? { tail: q.digits } : {}) };
}

/** Members whose phone ends in `digits`, among those `filter` selects (their phones opened to compare, never answered). */
async function withPhoneEnding(filter: MemberFilter, digits: string): Promise<MembershipDoc[]> {
  return (await allFilteredMembersWithPhones(filter)).filter((r) => r.phone.endsWith(digits)).map((r) => r.membership);
}

/** One page of the members the filters select, newest application first, and their number. */
export async function findMembersPage(
  orgId: string,
  f: Filters,
  now: Date,
  page: number,
  pageSize: number,
): Promise<{ items: MembershipDoc[]; total: number }> {
  const r = await resolve(orgId, f, now);
  if (r === 'nobody') return { items: [], total: 0 };
  if (r.tail === undefined) return pageFilteredMembers(r.filter, page, pageSize);
  const all = await withPhoneEnding(r.filter, r.tail);
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length };
}

/** Every member the filters select, in the list's order. */
export async function findAllMembers(orgId: string, f: Filters, now: Date): Promise<MembershipDoc[]> {
  const r = await resolve(orgId, f, now);
  if (r === 'nobody') return [];
  return r.tail === undefined ? allFilteredMembers(r.filter) : withPhoneEnding(r.filter, r.tail);
}
