// Memberships as managers see them (members list, inbox): real name and masked phone, never the phone or ID number;
// 成员管理 adds the join date and the time served with the team this year.
import type { Member, TeamMember } from '@contract/org';
import { maskPhone } from '@contract/id-number';
import { contactsOf, type MembershipDoc } from '../../db/org.repository';
import { creditedMinutesWithTeam } from '../../db/member-search.repository';
import { yearOf } from '../../domain/member-filters';
import { toIso } from '../../domain/shanghai-time';

export async function memberViews(memberships: MembershipDoc[]): Promise<Member[]> {
  const contacts = await contactsOf(memberships.map((m) => m.openid));
  return memberships.map((m) => {
    const person = contacts.get(m.openid);
    return {
      memberId: m._id,
      openid: m.openid,
      realName: person?.realName ?? '（未注册）',
      phoneMasked: person ? maskPhone(person.phone) : '',
      ...(person?.volunteerNo ? { volunteerNo: person.volunteerNo } : {}),
      ...(person?.nationalVolunteerId ? { nationalVolunteerId: person.nationalVolunteerId } : {}),
      status: m.status,
      role: m.role,
      appliedAt: toIso(m.appliedAt),
      reason: m.reason,
    };
  });
}

/** When the membership began: its approval, or its application while never reviewed. */
export const joinedAt = (m: Pick<MembershipDoc, 'appliedAt' | 'reviewedAt'>): Date => new Date(m.reviewedAt ?? m.appliedAt);

/** 成员管理's rows: memberViews with the join date and this year's credited minutes with `orgId` (one grouped read per 100). */
export async function teamMemberViews(orgId: string, memberships: MembershipDoc[], now: Date): Promise<TeamMember[]> {
  const [views, minutes] = await Promise.all([
    memberViews(memberships),
    creditedMinutesWithTeam(
      orgId,
      memberships.map((m) => m.openid),
      yearOf(now),
    ),
  ]);
  return views.map((v, i) => ({ ...v, joinedAt: toIso(joinedAt(memberships[i])), minutesThisYear: minutes.get(v.openid) ?? 0 }));
}
