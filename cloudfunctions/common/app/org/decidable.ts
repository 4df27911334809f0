// The four-eyes rule (domain/four-eyes) read the other way round: not "may I decide this?" but "whose cases, in which
// teams, do I decide?", so org.inbox lists exactly what org.review and checkin.reviewCorrection would accept from the
// caller, and org.get shows a team under review to whoever must decide it.
import { database } from '../../cloud';
import { findOrgsByIds, managerGrants, type OrgDoc } from '../../db/org.repository';
import { childTeamsWithManagers, teamManagerOpenids } from '../../db/team-managers.repository';
import { decidesFromParent, mayDecide, type DecidingTeam } from '../../domain/four-eyes';
import type { Grant } from '../../domain/org-access';

/** In one deciding team, the caller decides everyone's cases but `except`'s, or `only` those of these people. */
export type Decides = { team: DecidingTeam; name: string } & ({ except: string[] } | { only: string[] });

/** No openid is empty: '' stands for anyone who is neither the actor nor one of the team's managers. */
const ANYONE_ELSE = '';

/** Whose cases in `team` the actor decides, or undefined for no one's. */
export function whomDecides(grants: readonly Grant[], actor: string, team: DecidingTeam, teamManagers: readonly string[]): { except: string[] } | { only: string[] } | undefined {
  const allowed = (concerned: string) => mayDecide(grants, { actor, concerned, team, teamManagers }) === 'allowed';
  // mayDecide tells people apart only as the actor, one of the team's managers, or anyone else.
  const named = [...new Set([actor, ...teamManagers])];
  if (allowed(ANYONE_ELSE)) return { except: named.filter((p) => !allowed(p)) };
  const only = named.filter(allowed);
  return only.length > 0 ? { only } : undefined;
}

/** The team that decides an application for a new team: its parent, whose own parent steps in if need be. */
export function applicationTeam(org: Pick<OrgDoc, 'parentId' | 'path'>): DecidingTeam | undefined {
  if (org.parentId === null) return undefined;
  return { _id: org.parentId, parentId: org.path.length >= 2 ? org.path[org.path.length - 2] : null };
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

/**
 * A where-clause matching the cases `decides` covers, with `teamField` naming the deciding team and `personField` the
 * concerned person in the collection (corrections: orgId/openid; team applications: parentId/applicantOpenid).
 */
export function decidableWhere(decides: readonly Decides[], teamField: string, personField: string): object | undefined {
  if (decides.length === 0) return undefined;
  const _ = database().command;
  // Teams with the same rule share one clause: all of the caller's own teams are one, each child left to them another.
  const groups = new Map<string, { ids: string[]; person: object | undefined }>();
  for (const d of decides) {
    const key = 'only' in d ? `only:${[...d.only].sort().join(',')}` : `except:${[...d.except].sort().join(',')}`;
    const person = 'only' in d ? _.in(d.only) : d.except.length > 0 ? _.nin(d.except) : undefined;
    const group = groups.get(key) ?? { ids: [], person };
    group.ids.push(d.team._id);
    groups.set(key, group);
  }
  const clauses = [...groups.values()].map((g) => ({ [teamField]: _.in(g.ids), ...(g.person ? { [personField]: g.person } : {}) }));
  return clauses.length === 1 ? clauses[0] : _.or(clauses);
}

/** Whether `actor` decides the application for `org` (its parent's managers, or the grandparent's where four-eyes says so). */
export async function decidesApplication(grants: readonly Grant[], actor: string | undefined, org: Pick<OrgDoc, 'parentId' | 'path' | 'applicantOpenid'>): Promise<boolean> {
  const team = applicationTeam(org);
  if (!team || !actor || !org.applicantOpenid) return false;
  const teamManagers = decidesFromParent(grants, team) ? await teamManagerOpenids(team._id) : [];
  return mayDecide(grants, { actor, concerned: org.applicantOpenid, team, teamManagers }) === 'allowed';
}
