// Volunteer teams: search, registration and review of teams, memberships, the approvals inbox and the team's 公章.
import { callFunction } from './cloud';
import type {
  FileOutput,
  MembershipOutput,
  OrgAnswerInvitationInput,
  OrgAnswerInvitationOutput,
  OrgInvitationsOutput,
  OrgImportVolunteersInput,
  OrgImportVolunteersOutput,
  OrgGetOutput,
  OrgInboxOutput,
  OrgInviteLinkOutput,
  OrgOpenInviteOutput,
  OrgManagedOutput,
  OrgMembersInput,
  OrgMembersOutput,
  OrgMemberPhoneOutput,
  OrgExportMembersInput,
  OrgOutput,
  OrgRegisterInput,
  OrgRemoveMemberInput,
  OrgReviewInput,
  OrgReviewMemberInput,
  OrgSearchInput,
  OrgSearchOutput,
  OrgSetRoleInput,
  OrgSetSealOutput,
  SealType,
} from '@contract/org';
import type { OrgReviewHistoryOutput, OrgReviewMembersInput, OrgReviewMembersOutput } from '@contract/review';

export function searchOrgs(params: OrgSearchInput = {}): Promise<OrgSearchOutput> {
  return callFunction('org', 'search', params);
}

export function registerOrg(input: OrgRegisterInput): Promise<OrgOutput> {
  return callFunction('org', 'register', input);
}

/** Approve or reject a child team's registration (leader/admins of the parent). */
export function reviewOrg(input: OrgReviewInput): Promise<OrgOutput> {
  return callFunction('org', 'review', input);
}

export function getOrg(orgId: string): Promise<OrgGetOutput> {
  return callFunction('org', 'get', { orgId });
}

export function joinOrg(orgId: string): Promise<MembershipOutput> {
  return callFunction('org', 'join', { orgId });
}

export function leaveOrg(orgId: string): Promise<MembershipOutput> {
  return callFunction('org', 'leave', { orgId });
}

export function listMembers(input: OrgMembersInput): Promise<OrgMembersOutput> {
  return callFunction('org', 'members', input);
}

export function reviewMember(input: OrgReviewMemberInput): Promise<MembershipOutput> {
  return callFunction('org', 'reviewMember', input);
}

export function setMemberRole(input: OrgSetRoleInput): Promise<MembershipOutput> {
  return callFunction('org', 'setRole', input);
}

/** 清退: the membership is kept with status `removed` and the reason. */
export function removeMember(input: OrgRemoveMemberInput): Promise<MembershipOutput> {
  return callFunction('org', 'removeMember', input);
}

/** Pending member applications and child-team registrations of every team the caller manages. */
export function inbox(): Promise<OrgInboxOutput> {
  return callFunction('org', 'inbox', {});
}

export function managedOrgs(): Promise<OrgManagedOutput> {
  return callFunction('org', 'managed', {});
}

/** 集体注册 template (.xlsx as base64) of a team the caller manages. */
export function importTemplate(orgId: string): Promise<FileOutput> {
  return callFunction('org', 'importTemplate', { orgId });
}

/** 集体注册: a filled-in template (base64 .xlsx); the report lists every row that failed. */
export function importVolunteers(input: OrgImportVolunteersInput): Promise<OrgImportVolunteersOutput> {
  return callFunction('org', 'importVolunteers', input);
}

/** Teams that imported the caller (集体注册) and wait for a yes or no. */
export function myInvitations(): Promise<OrgInvitationsOutput> {
  return callFunction('org', 'invitations', {});
}

/** accept: an approved member (ORG.MEMBERSHIP_LIMIT when 5 teams are held); decline: the invitation is gone. */
export function answerInvitation(input: OrgAnswerInvitationInput): Promise<OrgAnswerInvitationOutput> {
  return callFunction('org', 'answerInvitation', input);
}

/** 邀请加入 for the team's managers: the path that opens the team with 申请加入 ready, and its 小程序码. */
export function orgInviteLink(orgId: string): Promise<OrgInviteLinkOutput> {
  return callFunction('org', 'inviteLink', { orgId });
}

/** The team an invitation's 小程序码 scene names. */
export function openOrgInvite(scene: string): Promise<OrgOpenInviteOutput> {
  return callFunction('org', 'openInvite', { scene });
}

/** 拨打: a member's whole phone for the team's leader/admins (the server audits it). */
export function memberPhone(orgId: string, openid: string): Promise<OrgMemberPhoneOutput> {
  return callFunction('org', 'memberPhone', { orgId, openid });
}

/** 导出名单: the filtered members as xlsx (base64). */
export function exportMembers(input: OrgExportMembersInput): Promise<FileOutput> {
  return callFunction('org', 'exportMembers', input);
}

/** 批量通过/批量驳回: each application decided on its own, answered per item. */
export function reviewMembers(input: OrgReviewMembersInput): Promise<OrgReviewMembersOutput> {
  return callFunction('org', 'reviewMembers', input);
}

/** 撤销 an approval the caller gave within the last minute (by the server's clock). */
export function undoReview(membershipId: string): Promise<MembershipOutput> {
  return callFunction('org', 'undoReview', { membershipId });
}

/** 审核记录 of a team the caller manages, newest first; `cursor` continues a page. */
export function reviewHistory(orgId: string, cursor?: string): Promise<OrgReviewHistoryOutput> {
  return callFunction('org', 'reviewHistory', { orgId, ...(cursor ? { cursor } : {}) });
}

/** 上传公章 (the team's leader): the picture is stamped on every certificate the team issues afterwards. */
export function setSeal(orgId: string, seal: { contentType: SealType; base64: string }): Promise<OrgSetSealOutput> {
  return callFunction('org', 'setSeal', { orgId, contentType: seal.contentType, dataBase64: seal.base64 });
}
