// 表彰奖励 (record function; 《志愿服务记录与证明出具办法》 Art. 4, the 管理办法's 激励褒扬): a team's leader or admin records a
// commendation of a volunteer, a team or an activity; the team one level up reviews it before anyone sees it.
import { z } from 'zod';
import { DateSchema, IsoTimeSchema } from './common';
import { PhotoUploadFields } from './photo';
import { DecisionSchema } from './org';

export const COMMENDATION_LEVELS = ['国家', '省', '市', '县', '队'] as const;
export type CommendationLevel = (typeof COMMENDATION_LEVELS)[number];
export const COMMENDATION_LEVEL_LABEL: Record<CommendationLevel, string> = {
  国家: '国家级',
  省: '省级',
  市: '市级',
  县: '县级',
  队: '队级',
};

export const COMMENDATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type CommendationStatus = (typeof COMMENDATION_STATUSES)[number];
export const COMMENDATION_STATUS_LABEL: Record<CommendationStatus, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };

export const COMMENDATION_SUBJECT_KINDS = ['volunteer', 'team', 'activity'] as const;
export type CommendationSubjectKind = (typeof COMMENDATION_SUBJECT_KINDS)[number];
export const COMMENDATION_SUBJECT_LABEL: Record<CommendationSubjectKind, string> = { volunteer: '志愿者', team: '队伍', activity: '活动' };

const id = z.string().min(1).max(128);
const plainText = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, `${what}至少${min}个字`)
    .max(max, `${what}最多${max}字`)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${what}中含有无法显示的字符`);

/** Whom the commendation is for: one volunteer, one team or one activity. */
export const CommendationSubject = z.union([
  z.object({ openid: id }).strict(),
  z.object({ orgId: id }).strict(),
  z.object({ activityId: id }).strict(),
]);
export type CommendationSubject = z.infer<typeof CommendationSubject>;

export const commendationFields = {
  title: plainText(2, 40, '荣誉名称'),
  level: z.enum(COMMENDATION_LEVELS, { errorMap: () => ({ message: '请选择表彰级别' }) }),
  issuer: plainText(2, 60, '授予单位'),
  /** The day it was conferred (Asia/Shanghai); never after today. */
  date: DateSchema,
};

export const RecordCommendInput = z.object({
  subject: CommendationSubject,
  ...commendationFields,
  /** A picture of the 证书 or 文件 (optional), sent like an activity photo. */
  document: z.object(PhotoUploadFields).optional(),
});
export type RecordCommendInput = z.infer<typeof RecordCommendInput>;

export const Commendation = z.object({
  commendationId: z.string(),
  subjectKind: z.enum(COMMENDATION_SUBJECT_KINDS),
  /** The volunteer's name, the team's name or the activity's title. */
  subjectName: z.string(),
  /** The team the subject belongs to (the volunteer's team here, the team itself, the activity's team). */
  subjectOrgName: z.string(),
  title: z.string(),
  level: z.enum(COMMENDATION_LEVELS),
  issuer: z.string(),
  date: DateSchema,
  status: z.enum(COMMENDATION_STATUSES),
  /** The team that recorded it, and the team that reviews it (one level up; the root reviews its own). */
  orgName: z.string(),
  reviewOrgName: z.string(),
  rejectReason: z.string().optional(),
  /** A temporary address of the document picture, when there is one. */
  documentUrl: z.string().optional(),
  createdAt: IsoTimeSchema,
  reviewedAt: IsoTimeSchema.optional(),
});
export type Commendation = z.infer<typeof Commendation>;

export const RecordCommendationOutput = z.object({ commendation: Commendation });
export type RecordCommendationOutput = z.infer<typeof RecordCommendationOutput>;

export const RecordCommendationListOutput = z.object({ items: z.array(Commendation) });
export type RecordCommendationListOutput = z.infer<typeof RecordCommendationListOutput>;

export const RecordReviewCommendationInput = z
  .object({ commendationId: id, decision: DecisionSchema, reason: z.string().trim().max(200).optional() })
  .refine((v) => v.decision === 'approve' || (v.reason ?? '').length > 0, { message: '驳回时请填写原因', path: ['reason'] });
export type RecordReviewCommendationInput = z.infer<typeof RecordReviewCommendationInput>;

/** The approved commendations of one volunteer, one team (its own and its activities') or one activity. */
export const RecordCommendationsInput = z
  .object({ openid: id.optional(), orgId: id.optional(), activityId: id.optional() })
  .refine((v) => [v.openid, v.orgId, v.activityId].filter((x) => x !== undefined).length === 1, {
    message: '请指定一位志愿者、一支队伍或一项活动',
  });
export type RecordCommendationsInput = z.infer<typeof RecordCommendationsInput>;

/** "省级 · 优秀科技志愿者 · 甘肃省科协 · 2026-09-20". */
export const commendationLine = (c: Pick<Commendation, 'title' | 'level' | 'issuer' | 'date'>): string =>
  `${COMMENDATION_LEVEL_LABEL[c.level]} · ${c.title} · ${c.issuer} · ${c.date}`;
