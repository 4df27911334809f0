// Nobody decides their own case (民政部令第67号: 谁组织谁记录、谁记录谁证明): a person's day record, correction or team
// application is decided by another manager of the deciding team; where that team has no one else, by its parent's.
import { canManage, type Grant, type OrgNode } from './org-access';

/** The deciding team: the activity's team for records, the parent for a team application. */
export type DecidingTeam = Pick<OrgNode, '_id' | 'parentId'>;

export interface Matter {
  /** Who acts. */
  actor: string;
  /** Whose record, correction or application it is. */
  concerned: string;
  team: DecidingTeam;
  /** The deciding team's approved leader/admins; read only when `decidesFromParent` says they matter. */
  teamManagers: readonly string[];
}

/** allowed; self: the actor would decide their own case; forbidden: not the actor's to decide. */
export type FourEyesVerdict = 'allowed' | 'self' | 'forbidden';

/** The actor manages the parent of the team but not the team itself: whether they step in depends on the team's managers. */
export function decidesFromParent(grants: readonly Grant[], team: DecidingTeam): boolean {
  return !canManage(grants, team) && team.parentId !== null && canManage(grants, { _id: team.parentId });
}

/** Someone in the team other than the concerned person can decide (else the parent's managers do). */
export function teamHasOtherDecider(teamManagers: readonly string[], concerned: string): boolean {
  return teamManagers.some((m) => m !== concerned);
}

/**
 * Who may decide a matter: a manager of the team, never about themselves; a manager of the parent team only when the
 * team has no manager but the concerned person (the parent does not run the team's everyday records otherwise).
 */
export function mayDecide(grants: readonly Grant[], m: Matter): FourEyesVerdict {
  const own = canManage(grants, m.team);
  const fromParent = decidesFromParent(grants, m.team);
  if (!own && !fromParent) return 'forbidden';
  if (m.actor === m.concerned) return 'self';
  if (own) return 'allowed';
  return teamHasOtherDecider(m.teamManagers, m.concerned) ? 'forbidden' : 'allowed';
}

// ---- Read the other way round: whose cases, in which teams, does an actor decide (org.inbox, org.get) ----

/** In one deciding team, the actor decides everyone's cases but `except`'s, or `only` those of these people. */
export type Decides = { team: DecidingTeam; name: string } & ({ except: string[] } | { only: string[] });

/** No openid is empty: '' stands for anyone who is neither the actor nor one of the team's managers. */
const ANYONE_ELSE = '';

/** Whose cases in `team` the actor decides, or undefined for no one's. */
export function whomDecides(
  grants: readonly Grant[],
  actor: string,
  team: DecidingTeam,
  teamManagers: readonly string[],
): { except: string[] } | { only: string[] } | undefined {
  const allowed = (concerned: string) => mayDecide(grants, { actor, concerned, team, teamManagers }) === 'allowed';
  // mayDecide tells people apart only as the actor, one of the team's managers, or anyone else.
  const named = [...new Set([actor, ...teamManagers])];
  if (allowed(ANYONE_ELSE)) return { except: named.filter((p) => !allowed(p)) };
  const only = named.filter(allowed);
  return only.length > 0 ? { only } : undefined;
}

/** The team that decides an application for a new team: its parent, whose own parent (the last but one of the path) steps in if need be. */
export function applicationTeam(org: Pick<OrgNode, 'parentId' | 'path'>): DecidingTeam | undefined {
  if (org.parentId === null) return undefined;
  return { _id: org.parentId, parentId: org.path.length >= 2 ? org.path[org.path.length - 2] : null };
}
