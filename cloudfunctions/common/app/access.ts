// Who may do what, answered in one place: the caller's grants (their approved leader/admin roles) loaded here and
// checked against domain/org-access and domain/four-eyes, refused with AUTH.FORBIDDEN, ORG.NOT_FOUND or
// AUTH.SELF_DEALING (naming who decides instead). Use cases call these; none loads grants to check them itself.
import { AppError, ErrorCode } from '../errors';
import { findOrg, findOrgsByIds, managerGrants, orgWithGrants, type OrgDoc } from '../db/org.repository';
import { childTeamsWithManagers, teamManagerOpenids } from '../db/team-managers.repository';
import { findRootOrgId } from '../db/settings.repository';
import { canManage, canRead, canSetRoles, type Grant, type OrgNode } from '../domain/org-access';
import {
  applicationTeam,
  decidesFromParent,
  mayDecide,
  teamHasOtherDecider,
  whomDecides,
  type Decides,
  type DecidingTeam,
} from '../domain/four-eyes';
import { mayReviewContest } from '../domain/evaluation';

const forbid = (message?: string) => new AppError(ErrorCode.AUTH_FORBIDDEN, message);

// ---- One team: its leader and admins manage it, those of every team above it read it ----

/** Leader or admin of this very team (publish, edit, cancel, codes, batch sign-out); answers the caller's grants. */
export async function requireManager(openid: string, orgId: string, forbidden?: string): Promise<Grant[]> {
  const grants = await managerGrants(openid);
  if (!canManage(grants, { _id: orgId })) throw forbid(forbidden);
  return grants;
}

/** The team's managers and those of every team above it (rosters, enrollment lists, corrections); an unknown team is refused alike. */
export async function requireReader(openid: string, orgId: string, forbidden?: string): Promise<void> {
  const [grants, org] = await Promise.all([managerGrants(openid), findOrg(orgId)]);
  if (!org || !canRead(grants, org)) throw forbid(forbidden);
}

type OrgRule = (grants: readonly Grant[], org: OrgNode) => boolean;
interface OrgOptions {
  /** A team under review (or rejected) counts as none. */
  approvedOnly?: boolean;
  /** No such team answers AUTH.FORBIDDEN with the same message as a team of someone else's, not ORG.NOT_FOUND. */
  unknownForbidden?: boolean;
}

/** The team (ORG.NOT_FOUND when there is none) and the caller's grants, if `rule` lets them in: one request for both. */
async function requireOrgBy(
  rule: OrgRule,
  openid: string,
  orgId: string,
  forbidden: string,
  opts: OrgOptions = {},
): Promise<{ org: OrgDoc; grants: Grant[] }> {
  const { org, grants } = await orgWithGrants(orgId, openid);
  if (!org || (opts.approvedOnly && org.status !== 'approved'))
    throw opts.unknownForbidden ? forbid(forbidden) : new AppError(ErrorCode.ORG_NOT_FOUND);
  if (!rule(grants, org)) throw forbid(forbidden);
  return { org, grants };
}

/** A team for its leader and admins (publishing, reviews, 清退, 集体注册). */
export const requireManagedOrg = (openid: string, orgId: string, forbidden: string, opts?: OrgOptions) =>
  requireOrgBy(canManage, openid, orgId, forbidden, opts);

/** A team for its leader alone (roles). */
export const requireLedOrg = (openid: string, orgId: string, forbidden: string) => requireOrgBy(canSetRoles, openid, orgId, forbidden);

/** A team for its managers and those of every team above it (members, statistics, exports). */
export const requireReadableOrg = (openid: string, orgId: string, forbidden: string) => requireOrgBy(canRead, openid, orgId, forbidden);

/** The root 总队's leader and admins (identity appeals); answers the root's id and the caller's grants. */
export async function requireRootManager(openid: string, forbidden: string): Promise<{ rootId: string; grants: Grant[] }> {
  const [rootId, grants] = await Promise.all([findRootOrgId(), managerGrants(openid)]);
  if (!rootId || !canManage(grants, { _id: rootId })) throw forbid(forbidden);
  return { rootId, grants };
}

// ---- Four-eyes: nobody decides their own case ----

export interface FourEyesCheck {
  actor: string;
  /** Whose record, correction or application it is. */
  concerned: string;
  team: DecidingTeam;
  /** The actor's grants when the caller has them already. */
  grants?: Grant[];
  /** The message of AUTH.FORBIDDEN. */
  forbidden: string;
}

/** The actor may decide `concerned`'s case in `team` (domain/four-eyes mayDecide), or is told who decides instead. */
export async function requireSomeoneElse(c: FourEyesCheck): Promise<void> {
  const grants = c.grants ?? (await managerGrants(c.actor));
  const teamManagers = decidesFromParent(grants, c.team) ? await teamManagerOpenids(c.team._id) : [];
  const verdict = mayDecide(grants, { actor: c.actor, concerned: c.concerned, team: c.team, teamManagers });
  if (verdict === 'allowed') return;
  if (verdict === 'forbidden') throw forbid(c.forbidden);
  // Refused: say whom to ask.
  const inTeam = teamHasOtherDecider(await teamManagerOpenids(c.team._id), c.concerned);
  throw new AppError(
    ErrorCode.AUTH_SELF_DEALING,
    inTeam
      ? '此事涉及您本人，须由本队其他负责人或管理员处理'
      : '此事涉及您本人，本队没有其他负责人或管理员，须由上级队伍的负责人或管理员处理',
    { decidedBy: inTeam ? 'team' : 'parent' },
  );
}

/**
 * A change to `concerned`'s day (adjust, an approved or rejected correction, a scan of their personal code): another
 * manager of the activity's team; with nobody else in the team, a manager of its parent. Never the person themselves.
 */
export async function requireDayDecider(actor: string, orgId: string, concerned: string): Promise<void> {
  const [grants, org] = await Promise.all([managerGrants(actor), findOrg(orgId)]);
  if (!org) throw forbid();
  await requireSomeoneElse({ actor, concerned, team: org, grants, forbidden: '只有活动所属队伍的负责人或管理员可以变更签到记录' });
}

/**
 * For many days of one team at once (offline uploads, decisions on offline scans): the caller's grants and the team
 * are read once; AUTH.FORBIDDEN when they decide nobody's day there, else a verdict per person (never their own).
 */
export async function dayDecider(
  actor: string,
  orgId: string,
  forbidden = '只有活动所属队伍的负责人或管理员可以变更签到记录',
): Promise<(concerned: string) => 'allowed' | 'self' | 'forbidden'> {
  const [grants, org] = await Promise.all([managerGrants(actor), findOrg(orgId)]);
  if (!org) throw forbid();
  const teamManagers = decidesFromParent(grants, org) ? await teamManagerOpenids(org._id) : [];
  const verdict = (concerned: string) => mayDecide(grants, { actor, concerned, team: org, teamManagers });
  // '' stands for anyone who is neither the actor nor one of the team's managers (domain/four-eyes).
  if (verdict('') === 'forbidden' && !teamManagers.some((m) => m !== actor && verdict(m) === 'allowed')) throw forbid(forbidden);
  return verdict;
}

/**
 * A 申诉 of an evaluation (domain/evaluation mayReviewContest): another manager of the activity's team than both the
 * volunteer and the evaluator; with nobody else in the team, a manager of its parent.
 */
export async function requireContestReviewer(actor: string, orgId: string, volunteer: string, evaluator: string): Promise<void> {
  const [grants, org] = await Promise.all([managerGrants(actor), findOrg(orgId)]);
  if (!org) throw forbid();
  const teamManagers = decidesFromParent(grants, org) ? await teamManagerOpenids(org._id) : [];
  const verdict = mayReviewContest(grants, { actor, volunteer, evaluator, team: org, teamManagers });
  if (verdict === 'allowed') return;
  if (verdict === 'forbidden') throw forbid('只有活动所属队伍的负责人或管理员可以处理评价申诉');
  const inTeam = (await teamManagerOpenids(org._id)).some((m) => m !== volunteer && m !== evaluator);
  throw new AppError(
    ErrorCode.AUTH_SELF_DEALING,
    actor === evaluator
      ? inTeam
        ? '评价由您作出，申诉须由本队其他负责人或管理员处理'
        : '评价由您作出，本队没有其他负责人或管理员，申诉须由上级队伍的负责人或管理员处理'
      : '此事涉及您本人，须由其他负责人或管理员处理',
    { decidedBy: inTeam ? 'team' : 'parent' },
  );
}

/**
 * Every team whose cases the actor decides in part or in whole: the teams they manage, and the children of those
 * where four-eyes leaves something to the parent (a child's only manager, or a child with no manager at all).
 */
export async function decidingTeams(actor: string, grants?: readonly Grant[]): Promise<Decides[]> {
  const mine = grants ?? (await managerGrants(actor));
  const managed = mine.map((g) => g.orgId);
  if (managed.length === 0) return [];
  const [own, children] = await Promise.all([findOrgsByIds(managed), childTeamsWithManagers(managed)]);
  const decides: Decides[] = [];
  for (const o of own) {
    const team = { _id: o._id, parentId: o.parentId };
    const whom = whomDecides(mine, actor, team, []);
    if (whom) decides.push({ team, name: o.name, ...whom });
  }
  for (const c of children) {
    const team = { _id: c._id, parentId: c.parentId };
    if (!decidesFromParent(mine, team)) continue; // managed too: listed above
    const whom = whomDecides(mine, actor, team, c.managers);
    if (whom) decides.push({ team, name: c.name, ...whom });
  }
  return decides;
}

/** Whether `actor` decides the application for `org` (its parent's managers, or the grandparent's where four-eyes says so). */
export async function decidesApplication(
  grants: readonly Grant[],
  actor: string | undefined,
  org: Pick<OrgDoc, 'parentId' | 'path' | 'applicantOpenid'>,
): Promise<boolean> {
  const team = applicationTeam(org);
  if (!team || !actor || !org.applicantOpenid) return false;
  const teamManagers = decidesFromParent(grants, team) ? await teamManagerOpenids(team._id) : [];
  return mayDecide(grants, { actor, concerned: org.applicantOpenid, team, teamManagers }) === 'allowed';
}
