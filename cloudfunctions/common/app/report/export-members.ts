// 附件2 科技志愿者支队基本情况表: one row per person who is a member at the end of the period (today unless asked),
// exactly the people report.orgStats counts as `members` for the same team, scope and period. The ID number appears
// only masked; the phone in full only to the leader/admins of the member's own team (the form travels upward). The
// last column, 最近评价, is the person's latest 评价 by the teams of the form for an activity ended by the period's end.
import type { ReportExportOutput } from '@contract/report';
import { GENDER_LABEL, ROLE_LABEL, type Role } from '@contract/enums';
import { maskPhone } from '@contract/id-number';
import type { MembershipDoc, OrgDoc } from '../../db/org.repository';
import { approvedMembershipsOf, volunteersByIds } from '../../db/report.repository';
import { evaluationsOfTeams, type EvaluationDoc } from '../../db/evaluation.repository';
import { titlesOf } from '../../db/activity.repository';
import { latestEvaluation } from '../../domain/evaluation';
import { evaluationLine } from '@contract/evaluation';
import { canManage, type Grant } from '../../domain/org-access';
import { chineseDate, exportFileName, membersNote, regionName } from '../../domain/report-forms';
import { approvedOn, countedMemberships, type Period } from '../../domain/report-stats';
import { shanghaiDate } from '../../domain/shanghai-time';
import { membersXlsx } from '../../adapters/report-xlsx';
import { teamsOf } from './report-scope';

const ROLE_ORDER: Record<Role, number> = { leader: 0, admin: 1, member: 2 };
const list = (values: readonly string[] | undefined) => (values ?? []).join('、');

/** A member whose volunteer record cannot be read is still counted, so still listed. */
const MISSING = '（志愿者资料缺失）';

export async function membersExport(
  org: OrgDoc,
  grants: Grant[],
  p: Period,
  includeDescendants: boolean,
  now: Date,
): Promise<ReportExportOutput> {
  const teams = await teamsOf(org, includeDescendants);
  const teamOrder = new Map(teams.map((t, i) => [t._id, i]));
  const teamName = new Map(teams.map((t) => [t._id, t.name]));
  const memberships = countedMemberships(await approvedMembershipsOf(teams.map((t) => t._id)), p).sort(
    (a, b) =>
      (teamOrder.get(a.orgId) ?? 0) - (teamOrder.get(b.orgId) ?? 0) ||
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
      approvedOn(a).localeCompare(approvedOn(b)) ||
      a.openid.localeCompare(b.openid),
  );
  // A person in several of the teams is listed once, under the first (the team itself before those below).
  const first = new Map<string, MembershipDoc>();
  for (const m of memberships) if (!first.has(m.openid)) first.set(m.openid, m);
  const [people, evaluations] = await Promise.all([
    volunteersByIds([...first.keys()]),
    evaluationsOfTeams(
      teams.map((t) => t._id),
      p.to,
    ),
  ]);
  const byPerson = new Map<string, EvaluationDoc[]>();
  for (const e of evaluations) byPerson.set(e.openid, [...(byPerson.get(e.openid) ?? []), e]);
  const latest = new Map<string, EvaluationDoc>();
  for (const [person, list] of byPerson) {
    const found = first.has(person) ? latestEvaluation(list, p.to) : undefined;
    if (found) latest.set(person, found);
  }
  const titles = await titlesOf([...latest.values()].map((e) => e.activityId));
  const rows: string[][] = [];
  for (const m of first.values()) {
    const v = people.get(m.openid);
    const e = latest.get(m.openid);
    const evaluated = e ? evaluationLine({ ...e, title: titles.get(e.activityId) ?? '（活动已删除）' }) : '';
    const role = [ROLE_LABEL[m.role], approvedOn(m), evaluated, ...(includeDescendants ? [teamName.get(m.orgId) ?? ''] : [])];
    if (!v) {
      rows.push([MISSING, ...Array<string>(15).fill(''), ...role]);
      continue;
    }
    const phone = v.withdrawnAt ? '' : canManage(grants, { _id: m.orgId }) ? v.phone : maskPhone(v.phone);
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
      ...role,
    ]);
  }
  const today = shanghaiDate(now);
  const buf = await membersXlsx({
    orgName: org.name,
    filledOn: chineseDate(today),
    teamColumn: includeDescendants,
    rows,
    note: membersNote({ members: rows.length, teams: teams.length, includeDescendants, to: p.to, today }),
  });
  return { fileName: exportFileName(['附件2', org.name, today]), base64: buf.toString('base64') };
}
