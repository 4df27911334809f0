// org.reviewHistory: 审核记录 of a team for its leader and admins: every decision on a member application (通过, 驳回,
// 撤销通过), newest first, with who decided, when and why; a page at a time, continued by an opaque cursor.
import { REVIEW_HISTORY_PAGE, type OrgReviewHistoryInput, type OrgReviewHistoryOutput } from '@contract/review';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { reviewHistoryPage, type HistoryCursor, type MemberReviewDoc } from '../../db/member-review.repository';
import { namesOf } from '../../db/volunteer.repository';
import { toIso } from '../../domain/shanghai-time';
import { requireManagedOrg } from '../access';

const CURSOR = /^(\d{1,15})\.([0-9a-f-]{1,40})$/;

const cursorOf = (doc: MemberReviewDoc) => `${doc.at.getTime()}.${doc._id}`;

function parseCursor(cursor: string | undefined): HistoryCursor | undefined {
  if (cursor === undefined) return undefined;
  const match = CURSOR.exec(cursor);
  if (!match) throw new AppError(ErrorCode.VALIDATION, '审核记录位置无效，请刷新后重试', { cursor: cursor.slice(0, 40) });
  return { at: new Date(Number(match[1])), id: match[2] };
}

export async function reviewHistory(input: OrgReviewHistoryInput, ctx: Ctx): Promise<OrgReviewHistoryOutput> {
  const openid = requireOpenid(ctx);
  await requireManagedOrg(openid, input.orgId, '只有本队负责人或管理员可以查看审核记录');
  const after = parseCursor(input.cursor);
  const docs = await reviewHistoryPage(input.orgId, after, REVIEW_HISTORY_PAGE + 1);
  const page = docs.slice(0, REVIEW_HISTORY_PAGE);
  const names = await namesOf(page.flatMap((d) => [d.applicant, d.by]));
  return {
    items: page.map((d) => ({
      id: d._id,
      memberId: d.memberId,
      applicantName: names.get(d.applicant) ?? '（已注销）',
      event: d.event,
      reviewerName: names.get(d.by) ?? '（已注销）',
      at: toIso(d.at),
      ...(d.reason ? { reason: d.reason } : {}),
    })),
    ...(docs.length > REVIEW_HISTORY_PAGE ? { nextCursor: cursorOf(page[page.length - 1]) } : {}),
  };
}
