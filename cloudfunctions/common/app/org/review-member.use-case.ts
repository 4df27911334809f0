// org.reviewMember: the team's leader/admins approve or reject a pending application; the volunteer gets a message.
import type { MembershipOutput, OrgReviewMemberInput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { requireManagedOrg } from '../access';
import { requireMembershipIn } from './org-lookup';
import { decideApplication, REVIEW_FORBIDDEN } from './member-decision';
import { membershipView } from './org-view';

export async function reviewMember(input: OrgReviewMemberInput, ctx: Ctx): Promise<MembershipOutput> {
  const openid = requireOpenid(ctx);
  const { org, grants } = await requireManagedOrg(openid, input.orgId, REVIEW_FORBIDDEN);
  const m = await requireMembershipIn(org, input.memberId);
  const after = await decideApplication(m, org.name, {
    actor: openid,
    grants,
    decision: input.decision,
    reason: input.reason,
    now: ctx.now,
  });
  return { membership: membershipView(after) };
}
