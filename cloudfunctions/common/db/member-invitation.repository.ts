// A team's invitations of registered volunteers (集体注册): one per team and person, keyed so a second import keeps one.
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';

export interface MemberInvitationDoc {
  /** `${orgId}_${openid}`, like the membership it may become. */
  _id: string;
  orgId: string;
  openid: string;
  /** The leader or admin whose import sent it. */
  invitedBy: string;
  invitedAt: Date;
}

export const memberInvitationId = (orgId: string, openid: string) => `${orgId}_${openid}`;
const invitations = () => database().collection(C.memberInvitations);

/** Writes (or renews) the invitation of `openid` to `orgId`. */
export async function putMemberInvitation(orgId: string, openid: string, invitedBy: string, at: Date): Promise<void> {
  const { _id, ...doc } = { _id: memberInvitationId(orgId, openid), orgId, openid, invitedBy, invitedAt: at };
  await unwrap(invitations().doc(_id).set(doc));
}

export async function findMemberInvitation(id: string): Promise<MemberInvitationDoc | undefined> {
  const res = await unwrap(invitations().doc(id).get());
  return (res.data as MemberInvitationDoc[])[0];
}

/** A volunteer's open invitations, newest first (one per team: a few at most; 100 is the server's page size). */
export async function memberInvitationsOf(openid: string): Promise<MemberInvitationDoc[]> {
  const res = await unwrap(invitations().where({ openid }).orderBy('invitedAt', 'desc').limit(100).get());
  return res.data as MemberInvitationDoc[];
}

export async function deleteMemberInvitation(id: string): Promise<void> {
  await unwrap(invitations().doc(id).remove());
}

/** Every invitation of a volunteer (注销). */
export async function deleteMemberInvitationsOf(openid: string): Promise<void> {
  await unwrap(invitations().where({ openid }).remove());
}
