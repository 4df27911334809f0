// 现场报名 invitations of phones not yet registered: found by the phone's blind index (the clear number is never
// stored); registering with the phone claims them and enrolls the new volunteer (app/activity/walk-in).
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';
import { phoneLookupHash } from '../adapters/pii-cipher';

export interface EnrollmentInvitationDoc {
  /** `${activityId}_${phoneHash}`: inviting the same phone again renews the one invitation. */
  _id: string;
  activityId: string;
  orgId: string;
  phoneHash: string;
  invitedBy: string;
  invitedAt: Date;
  status: 'open' | 'claimed';
  claimedBy?: string;
  claimedAt?: Date;
  /** What claiming did: enrolled, or why not (the activity full, ended or cancelled meanwhile). */
  result?: 'enrolled' | 'alreadyEnrolled' | 'full' | 'ended' | 'cancelled' | 'failed';
}

const invitations = () => database().collection(C.enrollmentInvitations);

export const enrollmentInvitationId = (activityId: string, phone: string) => `${activityId}_${phoneLookupHash(phone)}`;

/** Writes (or renews) the open invitation of this phone to this activity. */
export async function putEnrollmentInvitation(
  activityId: string,
  orgId: string,
  phone: string,
  invitedBy: string,
  at: Date,
): Promise<void> {
  const doc: Omit<EnrollmentInvitationDoc, '_id'> = {
    activityId,
    orgId,
    phoneHash: phoneLookupHash(phone),
    invitedBy,
    invitedAt: at,
    status: 'open',
  };
  await unwrap(invitations().doc(enrollmentInvitationId(activityId, phone)).set(doc));
}

/** The open invitations of this phone, oldest first (at most 100). */
export async function openEnrollmentInvitationsFor(phone: string): Promise<EnrollmentInvitationDoc[]> {
  const res = await unwrap(
    invitations()
      .where({ phoneHash: phoneLookupHash(phone), status: 'open' })
      .orderBy('invitedAt', 'asc')
      .limit(100)
      .get(),
  );
  return res.data as EnrollmentInvitationDoc[];
}

/** Claims one open invitation for `openid` (conditional: of two claims, one wins); false if it was no longer open. */
export async function claimEnrollmentInvitation(id: string, openid: string, at: Date): Promise<boolean> {
  const res = await unwrap(
    invitations().where({ _id: id, status: 'open' }).update({ status: 'claimed', claimedBy: openid, claimedAt: at }),
  );
  return res.updated === 1;
}

export async function noteInvitationResult(id: string, result: NonNullable<EnrollmentInvitationDoc['result']>): Promise<void> {
  await unwrap(invitations().doc(id).update({ result }));
}
