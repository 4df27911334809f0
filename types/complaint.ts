// 投诉 (org function): anyone with an SMS-verified phone complains about a team or an activity; the complaint goes to
// the team one level up (管理办法 Art. 19), which answers within COMPLAINT_ANSWER_DAYS or sees it move up again. The
// team complained about sees it only when the handling team shares it.
import { z } from 'zod';
import { IsoTimeSchema, ListInput, PhoneSchema, SmsCodeSchema, listOf, plainText } from './common';

export const COMPLAINT_CATEGORIES = ['服务态度', '时长记录', '活动组织', '安全', '其他'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** What is stored: open (待答复, at the handling team) or answered (已答复). */
export const COMPLAINT_STATUSES = ['open', 'answered'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABEL: Record<ComplaintStatus, string> = { open: '待答复', answered: '已答复' };

export const COMPLAINT_CONTENT_MIN = 10;
export const COMPLAINT_CONTENT_MAX = 1000;
export const COMPLAINT_ANSWER_MAX = 1000;
/** Complaints one phone may make per Asia/Shanghai day. */
export const COMPLAINTS_PER_PHONE_DAY = 3;
/** Days the handling team has to answer before the complaint moves up (COMPLAINT_ANSWER_DAYS overrides). */
export const DEFAULT_COMPLAINT_ANSWER_DAYS = 7;

const id = z.string().min(1).max(64);

/** A team, or one activity (its team is the one complained about). Exactly one of the two. */
export const ComplaintTargetInput = z.union([z.object({ orgId: id }).strict(), z.object({ activityId: id }).strict()]);
export type ComplaintTargetInput = z.infer<typeof ComplaintTargetInput>;

export const OrgComplainInput = z.object({
  target: ComplaintTargetInput,
  category: z.enum(COMPLAINT_CATEGORIES, { errorMap: () => ({ message: '请选择投诉类别' }) }),
  content: plainText(COMPLAINT_CONTENT_MAX, '投诉内容').pipe(
    z.string().min(COMPLAINT_CONTENT_MIN, `投诉内容至少${COMPLAINT_CONTENT_MIN}个字`),
  ),
  contactName: plainText(20, '联系人').pipe(z.string().min(2, '请填写联系人')),
  phone: PhoneSchema,
  smsCode: SmsCodeSchema,
  /** Hide the complainant's name from the team complained about, should the handling team share the complaint. */
  anonymousToTeam: z.boolean().optional(),
});
export type OrgComplainInput = z.infer<typeof OrgComplainInput>;

/** One step of a complaint's history, newest last. */
export const ComplaintStep = z.object({
  step: z.enum(['submitted', 'escalated', 'answered', 'shared', 'unshared']),
  at: IsoTimeSchema,
  /** The team it reached, or that answered or shared it. */
  orgName: z.string().optional(),
});
export type ComplaintStep = z.infer<typeof ComplaintStep>;

export const ComplaintView = z.object({
  complaintId: z.string(),
  /** The team complained about and, for an activity, which one. */
  targetOrgId: z.string(),
  targetOrgName: z.string(),
  activityId: z.string().optional(),
  activityTitle: z.string().optional(),
  category: z.enum(COMPLAINT_CATEGORIES),
  content: z.string(),
  /** Left out for the team complained about when the complainant asked to stay anonymous to it. */
  contactName: z.string().optional(),
  /** Whole for the complainant and the handling team; never shown to the team complained about. */
  contactPhone: z.string().optional(),
  anonymousToTeam: z.boolean(),
  status: z.enum(COMPLAINT_STATUSES),
  /** The team that answers it now (the parent of the team complained about, or higher after moving up). */
  handlerOrgId: z.string(),
  handlerOrgName: z.string(),
  /** Until when the handling team should answer. */
  answerDueAt: IsoTimeSchema,
  /** Still unanswered past answerDueAt. */
  overdue: z.boolean(),
  answer: z.object({ text: z.string(), orgName: z.string(), at: IsoTimeSchema }).optional(),
  /** The handling team showed it (and its answer) to the team complained about. */
  shared: z.boolean(),
  createdAt: IsoTimeSchema,
  history: z.array(ComplaintStep),
  /** What the caller may do now (the page shows these buttons only). */
  can: z.object({ answer: z.boolean(), share: z.boolean() }),
});
export type ComplaintView = z.infer<typeof ComplaintView>;

export const ComplaintOutput = z.object({ complaint: ComplaintView });
export type ComplaintOutput = z.infer<typeof ComplaintOutput>;
export const ComplaintListOutput = listOf(ComplaintView);
export type ComplaintListOutput = z.infer<typeof ComplaintListOutput>;

export const MyComplaintsInput = ListInput;
export type MyComplaintsInput = z.infer<typeof MyComplaintsInput>;

/** 投诉处理: the complaints addressed to the caller's teams (and those shared with them), by status. */
export const ComplaintInboxInput = ListInput.extend({ status: z.enum(COMPLAINT_STATUSES).optional() });
export type ComplaintInboxInput = z.infer<typeof ComplaintInboxInput>;
export const ComplaintInboxOutput = ComplaintListOutput.extend({
  /** Waiting for the caller's teams to answer (the badge), and how many of those are overdue. */
  counts: z.object({ open: z.number().int(), overdue: z.number().int() }),
});
export type ComplaintInboxOutput = z.infer<typeof ComplaintInboxOutput>;

export const ComplaintIdInput = z.object({ complaintId: id });
export type ComplaintIdInput = z.infer<typeof ComplaintIdInput>;

export const AnswerComplaintInput = ComplaintIdInput.extend({
  answer: plainText(COMPLAINT_ANSWER_MAX, '答复').pipe(z.string().min(2, '请填写答复')),
  /** Show the complaint and the answer to the team complained about at once. */
  shareWithTeam: z.boolean().optional(),
});
export type AnswerComplaintInput = z.infer<typeof AnswerComplaintInput>;

export const ShareComplaintInput = ComplaintIdInput.extend({ shared: z.boolean() });
export type ShareComplaintInput = z.infer<typeof ShareComplaintInput>;

/** The page a complaint opens on for its complainant (messages link to it). */
export const myComplaintsPage = (complaintId: string) => `pages/my-complaints/index?id=${encodeURIComponent(complaintId)}`;
/** The page a complaint opens on for the handling team's leaders and admins. */
export const complaintInboxPage = () => 'admin/complaint-inbox/index';
