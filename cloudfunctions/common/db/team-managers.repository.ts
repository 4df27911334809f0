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
