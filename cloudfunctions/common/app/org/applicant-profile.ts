// What a reviewer judges a member application by (org.inbox): age, region, 从业类别, 服务领域, 专业特长 and the teams the
// applicant already belongs to. The age is worked out here from the ID number, which never leaves the server.
import type { ApplicantProfile } from '@contract/review';
import { shanghaiDateOf } from '@contract/time';
import { applicantRecordsOf, approvedTeamsOf } from '../../db/member-review.repository';
import { findOrgsByIds, type MembershipDoc } from '../../db/org.repository';
import { ageFromIdNumber } from '../../domain/id-number';

/** A profile per membership, in order (three reads however many). */
export async function applicantProfiles(memberships: readonly MembershipDoc[], now: Date): Promise<ApplicantProfile[]> {
  const openids = memberships.map((m) => m.openid);
  const [records, teams] = await Promise.all([applicantRecordsOf(openids), approvedTeamsOf(openids)]);
  const orgs = new Map((await findOrgsByIds([...new Set(teams.map((t) => t.orgId))])).map((o) => [o._id, o.name]));
  const today = shanghaiDateOf(now.getTime());
  return memberships.map((m) => {
    const r = records.get(m.openid);
    const age = r?.idNumber ? ageFromIdNumber(r.idNumber, today) : undefined;
    return {
      ...(age !== undefined ? { age } : {}),
      ...(r?.region ? { region: r.region } : {}),
      ...(r?.occupation ? { occupation: r.occupation } : {}),
      serviceFields: r?.serviceFields ?? [],
      ...(r?.skills ? { skills: r.skills } : {}),
      teams: teams.filter((t) => t.openid === m.openid && orgs.has(t.orgId)).map((t) => ({ orgId: t.orgId, name: orgs.get(t.orgId)! })),
    };
  });
}
