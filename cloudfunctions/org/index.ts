// Cloud function org: the team tree, memberships and reviews, 通知公告, and 投诉 (complaints to the team one level up).
import { makeMain } from '../common/handler';
import { bootstrapRoot } from '../common/app/org/bootstrap-root.use-case';
import { searchOrgs } from '../common/app/org/search.use-case';
import { registerOrg } from '../common/app/org/register.use-case';
import { reviewOrg } from '../common/app/org/review.use-case';
import { getOrg } from '../common/app/org/get.use-case';
import { joinOrg, leaveOrg } from '../common/app/org/join.use-case';
import { listMembers } from '../common/app/org/members.use-case';
import { reviewMember } from '../common/app/org/review-member.use-case';
import { setRole } from '../common/app/org/set-role.use-case';
import { removeMember } from '../common/app/org/remove-member.use-case';
import { inbox, managed } from '../common/app/org/inbox.use-case';
import { importTemplate, importVolunteers } from '../common/app/org/import-volunteers.use-case';
import { answerInvitation, listInvitations } from '../common/app/org/invitation.use-case';
import { decideIdentityAppeal, identityAppeals } from '../common/app/user/appeal-review.use-case';
import { inviteLink, openInvite } from '../common/app/org/invite.use-case';
import { complain } from '../common/app/complaint/complain.use-case';
import { complaintInbox, myComplaints } from '../common/app/complaint/read.use-case';
import { answerComplaint, shareComplaint } from '../common/app/complaint/answer.use-case';
import { reviewMembers } from '../common/app/org/review-members.use-case';
import { undoReview } from '../common/app/org/undo-review.use-case';
import { reviewHistory } from '../common/app/org/review-history.use-case';
import { addNoticeImage, deleteNotice, notice, notices, pinNotice, publishNotice } from '../common/app/notice/notice.use-case';
import { memberPhone } from '../common/app/org/member-phone.use-case';
import { exportMembers } from '../common/app/org/export-members.use-case';
import { setSeal } from '../common/app/org/seal.use-case';

export const main = makeMain('org', {
  bootstrapRoot,
  search: searchOrgs,
  register: registerOrg,
  review: reviewOrg,
  get: getOrg,
  join: joinOrg,
  leave: leaveOrg,
  members: listMembers,
  reviewMember,
  setRole,
  removeMember,
  inbox,
  managed,
  importVolunteers,
  importTemplate,
  invitations: listInvitations,
  answerInvitation,
  identityAppeals,
  decideIdentityAppeal,
  inviteLink,
  openInvite,
  publishNotice,
  notices,
  notice,
  pinNotice,
  deleteNotice,
  addNoticeImage,
  complain,
  myComplaints,
  complaintInbox,
  answerComplaint,
  shareComplaint,
  memberPhone,
  exportMembers,
  reviewMembers,
  undoReview,
  reviewHistory,
  setSeal,
});
