// Invitations of people a team imported (集体注册) before they registered, found by the phone the team entered: stored
// only encrypted and as its blind index (phoneHash), like a volunteer's, so the id carries the hash, never the number.
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';
import { phoneLookupHash } from '../adapters/pii-cipher';

/** One per team and phone: a second import of the same person into the same team replaces the first. */
export const invitationId = (orgId: string, phone: string) => `${orgId}_${phoneLookupHash(phone)}`;

/** Writes (or replaces) the invitation of the person with this phone to this team: `fields` hold the phone only sealed. */
export async function putInvitation(orgId: string, phone: string, fields: Record<string, unknown>): Promise<void> {
  await unwrap(database().collection(C.invitations).doc(invitationId(orgId, phone)).set(fields));
}

/** The open invitations of this phone, oldest first, at most `limit`. */
export async function openInvitationsFor<T>(phone: string, limit: number): Promise<T[]> {
  const res = await unwrap(
    database()
      .collection(C.invitations)
      .where({ phoneHash: phoneLookupHash(phone), status: 'open' })
      .orderBy('invitedAt', 'asc')
      .limit(limit)
      .get(),
  );
  return res.data as T[];
}

/** Marks every open invitation of this phone claimed by the volunteer who proved it. */
export async function claimInvitations(phone: string, openid: string, at: Date): Promise<void> {
  await unwrap(
    database()
      .collection(C.invitations)
      .where({ phoneHash: phoneLookupHash(phone), status: 'open' })
      .update({ status: 'claimed', claimedBy: openid, claimedAt: at }),
  );
}
