// 附件2 科技志愿者支队基本情况表: one row per approved member. The ID number appears only masked; the phone in full
// only to the leader/admins of the member's own team (the form travels upward), masked to anyone above.
import type { ReportExportOutput } from '../../../../types/report';
import { GENDER_LABEL, ROLE_LABEL, type Role } from '../../../../types/enums';
import { maskPhone } from '../../../../types/id-number';
import type { MembershipDoc, OrgDoc } from '../../db/org.repository';
import { approvedMembershipsOf, volunteersByIds } from '../../db/report.repository';
import { canManage, type Grant } from '../../domain/org-access';
import { chineseDate, exportFileName, regionName } from '../../domain/report-forms';
import { approvedOn } from '../../domain/report-stats';
import { shanghaiDate } from '../../domain/shanghai-time';
import { membersXlsx } from '../../adapters/report-xlsx';
import { teamsOf } from './report-scope';

const ROLE_ORDER: Record<Role, number> = { leader: 0, admin: 1, member: 2 };
const list = (values: readonly string[] | undefined) => (values ?? []).join('、');

export async function membersExport(org: OrgDoc, grants: Grant[], includeDescendants: boolean, now: Date): Promise<ReportExportOutput> {
  const teams = await teamsOf(org, includeDescendants);
  const teamOrder = new Map(teams.map((t, i) => [t._id, i]));
  const teamName = new Map(teams.map((t) => [t._id, t.name]));
  const memberships = (await approvedMembershipsOf(teams.map((t) => t._id))).sort(
    (a, b) => (teamOrder.get(a.orgId) ?? 0) - (teamOrder.get(b.orgId) ?? 0) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || approvedOn(a).localeCompare(approvedOn(b)) || a.openid.localeCompare(b.openid),
  );
  // A person in several of the teams is listed once, under the first (the team itself before those below).
  const first = new Map<string, MembershipDoc>();
  for (const m of memberships) if (!first.has(m.openid)) first.set(m.openid, m);
  const people = await volunteersByIds([...first.keys()]);
  const rows: string[][] = [];
  for (const m of first.values()) {
    const v = people.get(m.openid);
    if (!v || v.withdrawnAt) continue;
    const phone = canManage(grants, { _id: m.orgId }) ? v.phone : maskPhone(v.phone);
    rows.push([
      v.realName,
      GENDER_LABEL[v.gender] ?? '',
      v.employer ?? '',
      v.title ?? '',
      v.volunteerNo ?? '',
      v.idNumberMasked ?? '',
      phone,
      v.politicalStatus ?? '',
      v.ethnicity ?? '',
      v.education ?? '',
      v.occupation ?? '',
      regionName(v.region),
      list(v.serviceCategories),
      list(v.serviceFields),
      list(v.availableTimes),
      v.fourHeads ?? '',
      ROLE_LABEL[m.role],
      approvedOn(m),
      ...(includeDescendants ? [teamName.get(m.orgId) ?? ''] : []),
    ]);
  }
  const today = shanghaiDate(now);
  const buf = await membersXlsx({
    orgName: org.name,
    filledOn: chineseDate(today),
    teamColumn: includeDescendants,
    rows,
    note: `注：共${rows.length}人${includeDescendants ? `（含下级队伍，共${teams.length}支队伍）` : ''}。身份证号已隐去出生日期等信息；联系电话仅向队员所在队伍的负责人、管理员完整显示。`,
  });
  return { fileName: exportFileName(['附件2', org.name, today]), base64: buf.toString('base64') };
}
