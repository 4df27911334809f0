// 审核 of member applications: what a reviewer judges by (the applicant's profile), preset rejection reasons, batch
// decisions, undoing an approval within a minute, and the history of decisions.
import { z } from 'zod';
import { IsoTimeSchema, RegionSchema } from './common';
import { OCCUPATIONS, SERVICE_FIELDS } from './enums';

/** Reasons offered beside free text when rejecting an application; 其他 needs the text. */
export const REJECT_REASONS = ['信息不完整', '不在本队服务区域', '重复申请', '其他'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
export const REJECT_REASON_MAX = 200;

/**
 * The reason the applicant reads: the preset alone, the preset and the note (“不在本队服务区域：…”), or the note alone
 * for 其他. A problem (in Chinese) when nothing says why or the text is too long.
 */
export function composeRejectReason(preset: RejectReason | undefined, note: string): { reason: string } | { problem: string } {
  const text = note.trim();
  if (!preset && !text) return { problem: '请选择或填写驳回原因' };
  if (preset === '其他' && !text) return { problem: '选择“其他”时请填写具体原因' };
  const reason = !preset || preset === '其他' ? text : text ? `${preset}：${text}` : preset;
  if (reason.length > REJECT_REASON_MAX) return { problem: `原因最多${REJECT_REASON_MAX}字` };
  return { reason };
}

/** How long after 通过 its reviewer may take it back (by the server's clock). */
export const UNDO_REVIEW_SECONDS = 60;
/** The most applications one batch decides. */
export const REVIEW_BATCH_MAX = 50;

/** What a reviewer sees of an applicant: never the ID number or the full phone; the age is worked out on the server. */
export const ApplicantProfile = z.object({
  /** Full years today (Asia/Shanghai), from the ID number; absent when the number is not on record. */
  age: z.number().int().optional(),
  region: RegionSchema.optional(),
  /** 从业类别. */
  occupation: z.enum(OCCUPATIONS).optional(),
  /** 服务领域. */
  serviceFields: z.array(z.enum(SERVICE_FIELDS)),
  /** 专业特长. */
  skills: z.string().optional(),
  /** Teams the applicant already belongs to (approved memberships). */
  teams: z.array(z.object({ orgId: z.string(), name: z.string() })),
});
export type ApplicantProfile = z.infer<typeof ApplicantProfile>;

const membershipIds = z
  .array(z.string().min(1).max(200))
  .min(1, '请选择要审核的申请')
  .max(REVIEW_BATCH_MAX, `一次最多审核${REVIEW_BATCH_MAX}条申请`)
  .refine((ids) => new Set(ids).size === ids.length, '申请不能重复');

export const OrgReviewMembersInput = z
  .object({
    /** When given, every item must be an application to this team. */
    orgId: z.string().min(1).max(200).optional(),
    items: membershipIds,
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(REJECT_REASON_MAX).optional(),
  })
  .refine((v) => v.decision === 'approve' || (v.reason ?? '').length > 0, { message: '驳回时请填写原因', path: ['reason'] });
export type OrgReviewMembersInput = z.infer<typeof OrgReviewMembersInput>;

/** One item's answer: decided, or why not (the same codes as org.reviewMember). */
export const ReviewItemResult = z.union([
  z.object({
    memberId: z.string(),
    ok: z.literal(true),
    reviewedAt: IsoTimeSchema,
    /** Until when 撤销 is possible (approvals only). */
    undoUntil: IsoTimeSchema.optional(),
  }),
  z.object({ memberId: z.string(), ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type ReviewItemResult = z.infer<typeof ReviewItemResult>;
export const OrgReviewMembersOutput = z.object({ results: z.array(ReviewItemResult) });
export type OrgReviewMembersOutput = z.infer<typeof OrgReviewMembersOutput>;

export const OrgUndoReviewInput = z.object({ membershipId: z.string().min(1).max(200) });
export type OrgUndoReviewInput = z.infer<typeof OrgUndoReviewInput>;

export const REVIEW_EVENTS = ['approve', 'reject', 'undo'] as const;
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];
export const REVIEW_EVENT_LABEL: Record<ReviewEvent, string> = { approve: '通过', reject: '驳回', undo: '撤销通过' };

export const OrgReviewHistoryInput = z.object({
  orgId: z.string().min(1).max(200),
  /** The `nextCursor` of the page before. */
  cursor: z.string().min(1).max(200).optional(),
});
export type OrgReviewHistoryInput = z.infer<typeof OrgReviewHistoryInput>;
export const ReviewHistoryItem = z.object({
  id: z.string(),
  memberId: z.string(),
  applicantName: z.string(),
  event: z.enum(REVIEW_EVENTS),
  reviewerName: z.string(),
  at: IsoTimeSchema,
  reason: z.string().optional(),
});
export type ReviewHistoryItem = z.infer<typeof ReviewHistoryItem>;
export const REVIEW_HISTORY_PAGE = 20;
export const OrgReviewHistoryOutput = z.object({ items: z.array(ReviewHistoryItem), nextCursor: z.string().optional() });
export type OrgReviewHistoryOutput = z.infer<typeof OrgReviewHistoryOutput>;
