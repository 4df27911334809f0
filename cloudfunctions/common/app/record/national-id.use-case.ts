// record.handoffMissingIds and record.setNationalVolunteerId: before a hand-off to 全国志愿服务信息系统, a team's leader
// or admin sees which members of the team and the teams below it have no 全国志愿者统一编号 yet and enters it for them.
// A number the volunteer entered themself is theirs to change; one number belongs to one volunteer.
import type {
  MissingNationalId,
  RecordHandoffMissingIdsInput,
  RecordHandoffMissingIdsOutput,
  RecordSetNationalVolunteerIdInput,
  RecordSetNationalVolunteerIdOutput,
} from '@contract/handoff';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { requireManagedOrg } from '../access';
import { teamsOf } from '../report/report-scope';
import { approvedMembershipsOf } from '../../db/report.repository';
import { findOrgsByIds, membershipsOf } from '../../db/org.repository';
import { nationalIdHolder, nationalIdOfPerson, nationalIdsOf, setNationalIdIf } from '../../db/handoff.repository';
import { managerNationalIdVerdict } from '../../domain/handoff';

export const NATIONAL_ID_MANAGERS = '只有本队负责人或管理员可以填写队员的全国志愿者统一编号';
export const NOT_A_MEMBER_BELOW = '该志愿者不是本队或下级队伍的队员';

/** Members first by our 志愿者编号 (those without one last), then by name. */
const byNumber = (a: MissingNationalId, b: MissingNationalId) =>
  (a.volunteerNo ?? '\uffff').localeCompare(b.volunteerNo ?? '\uffff') || a.realName.localeCompare(b.realName, 'zh');

export async function handoffMissingIds(input: RecordHandoffMissingIdsInput, ctx: Ctx): Promise<RecordHandoffMissingIdsOutput> {
  const caller = requireOpenid(ctx);
  const { org } = await requireManagedOrg(caller, input.orgId, NATIONAL_ID_MANAGERS, { approvedOnly: true });
  const teams = await teamsOf(org, true);
  const teamName = new Map(teams.map((t) => [t._id, t.name]));
  // Each member once, under the first team of the subtree they belong to (teams in the order teamsOf gives them).
  const firstTeam = new Map<string, string>();
  const order = new Map(teams.map((t, i) => [t._id, i]));
  const memberships = (await approvedMembershipsOf([...teamName.keys()])).sort((a, b) => order.get(a.orgId)! - order.get(b.orgId)!);
  for (const m of memberships) if (!firstTeam.has(m.openid)) firstTeam.set(m.openid, m.orgId);
  const missing: MissingNationalId[] = (await nationalIdsOf([...firstTeam.keys()]))
    .filter((p) => !p.nationalVolunteerId && !p.withdrawnAt && p.realName)
    .map((p) => ({
      openid: p._id,
      realName: p.realName!,
      ...(p.volunteerNo ? { volunteerNo: p.volunteerNo } : {}),
      orgName: teamName.get(firstTeam.get(p._id)!) ?? '',
    }))
    .sort(byNumber);
  const page = input.page ?? 1;
  const size = input.pageSize ?? 20;
  return { items: missing.slice((page - 1) * size, page * size), total: missing.length, page };
}

/** An approved member of `orgId` or of an approved team below it. */
async function isMemberAtOrBelow(openid: string, orgId: string): Promise<boolean> {
  const approved = (await membershipsOf(openid)).filter((m) => m.status === 'approved');
  const teams = await findOrgsByIds(approved.map((m) => m.orgId));
  return teams.some((t) => t.status === 'approved' && (t._id === orgId || t.path.includes(orgId)));
}

export async function setNationalVolunteerId(
  input: RecordSetNationalVolunteerIdInput,
  ctx: Ctx,
): Promise<RecordSetNationalVolunteerIdOutput> {
  const caller = requireOpenid(ctx);
  const { org } = await requireManagedOrg(caller, input.orgId, NATIONAL_ID_MANAGERS, { approvedOnly: true });
  if (!(await isMemberAtOrBelow(input.openid, org._id))) throw new AppError(ErrorCode.AUTH_FORBIDDEN, NOT_A_MEMBER_BELOW);
  const value = input.nationalVolunteerId;
  // A conditional write on the number read: if the volunteer (or another manager) changed it meanwhile, decide again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const person = await nationalIdOfPerson(input.openid);
    if (!person || person.withdrawnAt) throw new AppError(ErrorCode.AUTH_FORBIDDEN, NOT_A_MEMBER_BELOW);
    const verdict = managerNationalIdVerdict(
      { current: person.nationalVolunteerId, enteredByManager: person.nationalVolunteerIdEntry?.value },
      value,
    );
    if (verdict === 'unchanged') return { openid: input.openid, nationalVolunteerId: value, outcome: 'unchanged' };
    if (verdict === 'own') throw new AppError(ErrorCode.HANDOFF_NATIONAL_ID_OWN);
    if (await nationalIdHolder(value, input.openid)) throw new AppError(ErrorCode.HANDOFF_NATIONAL_ID_TAKEN);
    if (await setNationalIdIf(input.openid, person.nationalVolunteerId, { value, by: caller, at: new Date(ctx.now.getTime()) }))
      return { openid: input.openid, nationalVolunteerId: value, outcome: 'saved' };
  }
  throw new Error(`national volunteer id of ${input.openid} kept changing`);
}
