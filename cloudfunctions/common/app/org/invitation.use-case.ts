// org.invitations / org.answerInvitation: a registered volunteer a team imported (集体注册) sees the invitation on 我的
// and accepts it (an approved member, if a place of the 5 is free) or declines it (it is gone).
import type { OrgAnswerInvitationInput, OrgAnswerInvitationOutput, OrgInvitationsOutput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { requireVolunteer } from '../../db/volunteer.repository';
import { findOrg, findOrgsByIds } from '../../db/org.repository';
import { deleteMemberInvitation, findMemberInvitation, memberInvitationsOf } from '../../db/member-invitation.repository';
import { toIso } from '../../domain/shanghai-time';
import { addApprovedMember } from './add-member';
import { membershipView } from './org-view';

export async function listInvitations(_input: unknown, ctx: Ctx): Promise<OrgInvitationsOutput> {
  const openid = requireOpenid(ctx);
  await requireVolunteer(openid);
  const invitations = await memberInvitationsOf(openid);
  const orgs = new Map((await findOrgsByIds(invitations.map((i) => i.orgId))).map((o) => [o._id, o]));
  return {
    // A team that is gone or no longer approved cannot be joined: its invitation is not shown.
    items: invitations.flatMap((i) => {
      const org = orgs.get(i.orgId);
      return org?.status === 'approved'
        ? [{ invitationId: i._id, orgId: org._id, orgName: org.name, orgLevel: org.level, invitedAt: toIso(new Date(i.invitedAt)) }]
        : [];
    }),
  };
}

export async function answerInvitation(input: OrgAnswerInvitationInput, ctx: Ctx): Promise<OrgAnswerInvitationOutput> {
  const openid = requireOpenid(ctx);
  await requireVolunteer(openid);
  const invitation = await findMemberInvitation(input.invitationId);
  // Someone else's invitation answers exactly like one that does not exist.
  if (!invitation || invitation.openid !== openid) throw new AppError(ErrorCode.ORG_INVITATION_NOT_FOUND);
  if (input.decision === 'decline') {
    await deleteMemberInvitation(invitation._id);
    return { membership: null };
  }
  const org = await findOrg(invitation.orgId);
  if (!org || org.status !== 'approved') {
    await deleteMemberInvitation(invitation._id);
    throw new AppError(ErrorCode.ORG_NOT_FOUND);
  }
  // ORG.MEMBERSHIP_LIMIT leaves the invitation in place: it can be accepted once a team is left.
  const membership = await addApprovedMember(
    openid,
    org._id,
    { invitedAt: new Date(invitation.invitedAt), invitedBy: invitation.invitedBy },
    ctx.now,
  );
  await deleteMemberInvitation(invitation._id);
  return { membership: membershipView(membership) };
}
