// org.reviewMembers: 批量通过/批量驳回. Each application is checked and decided exactly as org.reviewMember decides one
// (its own transaction: nothing half-written), and answered on its own: decided, or the code that refused it.
import { UNDO_REVIEW_SECONDS, type OrgReviewMembersInput, type OrgReviewMembersOutput, type ReviewItemResult } from '@contract/review';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { ErrorMessage } from '@contract/errors';
import { findOrgsByIds, managerGrants } from '../../db/org.repository';
import { membershipsByIds } from '../../db/member-review.repository';
import { toIso } from '../../domain/shanghai-time';
import { requireManagedOrg } from '../access';
import { decideApplication, REVIEW_FORBIDDEN } from './member-decision';

export async function reviewMembers(input: OrgReviewMembersInput, ctx: Ctx): Promise<OrgReviewMembersOutput> {
  const openid = requireOpenid(ctx);
  const grants = input.orgId ? (await requireManagedOrg(openid, input.orgId, REVIEW_FORBIDDEN)).grants : await managerGrants(openid);
  if (grants.length === 0) throw new AppError(ErrorCode.AUTH_FORBIDDEN, REVIEW_FORBIDDEN);
  const found = await membershipsByIds(input.items);
  const names = new Map((await findOrgsByIds(grants.map((g) => g.orgId))).map((o) => [o._id, o.name]));
  const decision = { actor: openid, grants, decision: input.decision, reason: input.reason, now: ctx.now };

  const results: ReviewItemResult[] = [];
  for (const memberId of input.items) {
    try {
      const m = found.get(memberId);
      // Within one team, an id not of it answers as org.reviewMember does; across teams, an unknown id reads like
      // another team's application (refused alike). One's own application is refused as such either way.
      if (!m || (m.openid !== openid && input.orgId && m.orgId !== input.orgId))
        throw input.orgId
          ? new AppError(ErrorCode.VALIDATION, '该队员记录不存在')
          : new AppError(ErrorCode.AUTH_FORBIDDEN, REVIEW_FORBIDDEN);
      const after = await decideApplication(m, names.get(m.orgId) ?? '', decision);
      const at = after.reviewedAt ?? ctx.now;
      results.push({
        memberId,
        ok: true,
        reviewedAt: toIso(at),
        ...(input.decision === 'approve' ? { undoUntil: toIso(new Date(at.getTime() + UNDO_REVIEW_SECONDS * 1000)) } : {}),
      });
    } catch (err) {
      if (err instanceof AppError) {
        results.push({ memberId, ok: false, code: err.code, message: err.message });
      } else {
        console.error(`[org] reviewMembers: ${memberId} not decided`, err);
        results.push({ memberId, ok: false, code: ErrorCode.INTERNAL, message: ErrorMessage.INTERNAL });
      }
    }
  }
  return { results };
}
