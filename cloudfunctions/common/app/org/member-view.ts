// Memberships as managers see them (members list, inbox): real name and masked phone, never the phone or ID number.
import type { Member } from '@contract/org';
import { maskPhone } from '@contract/id-number';
import { contactsOf, type MembershipDoc } from '../../db/org.repository';
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
