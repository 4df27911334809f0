// Who can decide for a team: its approved leader and admins, read only where the four-eyes rule needs to know
// whether anyone but the concerned person is left (domain/four-eyes).
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';

/** Openids of the team's approved leader/admins (one leader and at most 5 admins). */
export async function teamManagerOpenids(orgId: string): Promise<string[]> {
  const _ = database().command;
  const res = await unwrap(
    database()
      .collection(C.memberships)
      .where({ orgId, status: 'approved', role: _.in(['leader', 'admin']) })
      .field({ openid: true })
      .limit(100)
      .get(),
  );
  return (res.data as { openid: string }[]).map((m) => m.openid);
}

/** An approved team below one the caller manages, with its approved leader/admins (whose cases may fall to the parent). */
export interface ChildTeam {
  _id: string;
  parentId: string;
  name: string;
  managers: string[];
}

/** The approved children of these teams and their managers: two projected reads (a team has at most 6 managers). */
export async function childTeamsWithManagers(parentIds: string[]): Promise<ChildTeam[]> {
  if (parentIds.length === 0) return [];
  const db = database();
  const _ = db.command;
  const res = await unwrap(
    db
      .collection(C.orgs)
      .where({ parentId: _.in(parentIds), status: 'approved' })
      .field({ _id: true, parentId: true, name: true })
      .limit(1000)
      .get(),
  );
  const teams = (res.data as Omit<ChildTeam, 'managers'>[]).map((t) => ({ ...t, managers: [] as string[] }));
  const byId = new Map(teams.map((t) => [t._id, t]));
  const ids = teams.map((t) => t._id);
  for (let i = 0; i < ids.length; i += 150) {
    const chunk = ids.slice(i, i + 150);
    const found = await unwrap(
      db
        .collection(C.memberships)
        .where({ orgId: _.in(chunk), status: 'approved', role: _.in(['leader', 'admin']) })
        .field({ orgId: true, openid: true })
        .limit(1000)
        .get(),
    );
    for (const m of found.data as { orgId: string; openid: string }[]) byId.get(m.orgId)?.managers.push(m.openid);
  }
  return teams;
}
