// report function contract: the statistics 科协 send upward (附件2, 附件3), attendance, certificates and recognition.
import { z } from 'zod';
import { DateSchema, IsoTimeSchema, PeriodSchema, periodDatesProblem } from './common';
import type { ServiceCategory } from './enums';

/** The activity rows of 附件3 (科技志愿服务活动情况统计表), in the seed's order. */
export const STAT_CATEGORIES = ['科普报告', '科技培训', '技术咨询', '农技服务', '医疗服务', '青少年科技教育', '其他'] as const;
export type StatCategory = (typeof STAT_CATEGORIES)[number];
/**
 * Our service categories (附件2 of the 集体注册 notice, plus 义诊咨询 of the 文明实践 notices) → the one row of 附件3 each
 * is counted in, shown beside the category on the publish form. Computed when a report is read, never stored.
 * - 科普讲解 is a talk given to an audience on site: 科普报告.
 * - 科技咨询 is 附件3's 技术咨询, 义诊咨询 its 医疗服务.
 * - 网络科普 (articles, videos, live streams online) is none of 附件3's on-site kinds of service; the notice's own list
 *   (科普宣传 beside 科普报告) keeps online dissemination apart from talks, so it is 其他.
 */
export const STAT_CATEGORY_OF: Record<ServiceCategory, StatCategory> = {
  科普报告: '科普报告',
  科技培训: '科技培训',
  科技咨询: '技术咨询',
  农技服务: '农技服务',
  义诊咨询: '医疗服务',
  青少年科技教育: '青少年科技教育',
  科普讲解: '科普报告',
  网络科普: '其他',
  其他: '其他',
};
/** Service targets 附件3 counts as 重点人群 (农村妇女、青少年 …). */
export const KEY_GROUP_TARGETS = ['青少年', '老年人', '残疾人', '农民', '农民工', '妇女'] as const;

/** i志愿's star scale: hours of service for one to five stars. */
export const STAR_HOURS = [100, 300, 600, 1000, 1500] as const;
/** Stars earned with `minutes` of credited service (0–5). */
export function starsFor(minutes: number): number {
  const hours = Math.floor(Math.max(0, minutes) / 60);
  return STAR_HOURS.filter((h) => hours >= h).length;
}
/** Hours still missing for the next star, or undefined at five stars. */
export function hoursToNextStar(minutes: number): number | undefined {
  const hours = Math.max(0, minutes) / 60;
  const next = STAR_HOURS.find((h) => hours < h);
  return next === undefined ? undefined : Math.ceil(next - hours);
}

/** A named period (resolved by the server) or explicit dates; not both. */
const Period = { period: PeriodSchema.optional(), from: DateSchema.optional(), to: DateSchema.optional() };
const periodRule = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
const periodIssue = { message: '开始日期不能晚于结束日期', path: ['to'] };
const oneKindRule = (v: { period?: string; from?: string; to?: string }) => !v.period || (!v.from && !v.to);
const oneKindIssue = { message: '请选择时间段或填写起止日期，不能同时提供', path: ['period'] };
/** Before 2000 or longer than 10 years (the server also refuses what ends after next year by its clock). */
const boundsRule = (v: { from?: string; to?: string }) => periodDatesProblem(v) === undefined;
const boundsIssue = (v: { from?: string; to?: string }) => ({ message: periodDatesProblem(v) ?? '', path: ['from'] });
/** Reports over a period need one: a named period, or both dates. */
const periodGivenRule = (v: { period?: string; from?: string; to?: string }) => Boolean(v.period) || Boolean(v.from && v.to);
const periodGivenIssue = { message: '请选择统计时间段', path: ['period'] };

export const ReportOrgStatsInput = z
  .object({ orgId: z.string().min(1), ...Period, includeDescendants: z.boolean().optional() })
  .refine(periodRule, periodIssue)
  .refine(boundsRule, boundsIssue)
  .refine(oneKindRule, oneKindIssue)
  .refine(periodGivenRule, periodGivenIssue);
export type ReportOrgStatsInput = z.infer<typeof ReportOrgStatsInput>;

/**
 * 供需对接's figures: the needs posted within the period whose covering team or assigned team is in scope (the team
 * alone, or with every approved team below it).
 */
export const NeedFigures = z.object({
  /** Needs posted. */
  received: z.number().int(),
  /** Of them, those that reached a team: dispatched, or taken from 需求广场 (a later decline does not undo it). */
  dispatched: z.number().int(),
  /** Of them, those a team accepted (or took). */
  accepted: z.number().int(),
  /** Of them, those 已完成: rated, or served and the rating window passed. */
  completed: z.number().int(),
  /** Hours from posting to the first acceptance, averaged over the accepted ones (one decimal); null without one. */
  avgHoursToAccept: z.number().nullable(),
  /** Average stars of the rated ones (one decimal); null without one. */
  avgRating: z.number().nullable(),
  ratedCount: z.number().int(),
});
export type NeedFigures = z.infer<typeof NeedFigures>;

export const OrgStats = z.object({
  orgId: z.string(),
  orgName: z.string(),
  from: DateSchema,
  to: DateSchema,
  includeDescendants: z.boolean(),
  /** Approved teams counted (1 without descendants). */
  teams: z.number().int(),
  /** Approved members at `to`, distinct people across the teams counted; and those approved within the period. */
  members: z.number().int(),
  newMembers: z.number().int(),
  /** Activities held (not cancelled) starting within the period. */
  activities: z.number().int(),
  byCategory: z.record(z.enum(STAT_CATEGORIES), z.number().int()),
  /** Activities tied to a key day (全国科普日, 科技活动周 …). */
  keyDayActivities: z.number().int(),
  /** Activities serving key groups (青少年, 农村妇女 …). */
  keyGroupActivities: z.number().int(),
  /** 参与服务人次: distinct (activity, volunteer) pairs with credited minutes. */
  volunteerTimes: z.number().int(),
  distinctVolunteers: z.number().int(),
  minutes: z.number().int(),
  /** 接受服务的群众人次: the numbers served that admins recorded when closing activities. */
  servedPeople: z.number().int(),
  /** Month by month within the period, for the chart. */
  series: z.array(
    z.object({ month: z.string(), activities: z.number().int(), volunteerTimes: z.number().int(), minutes: z.number().int() }),
  ),
  /** 供需对接 of the needs posted within the period (Asia/Shanghai dates) in scope: see NeedFigures. */
  needs: NeedFigures,
  /** 培训 held (not cancelled) dated within the period by the teams counted. */
  trainings: z.number().int(),
  /** Distinct people who attended one of them, and their attendances (人次). */
  trainees: z.number().int(),
  traineeTimes: z.number().int(),
  /** Training hours (学时) summed over attendances: never part of `minutes` (service time). */
  trainingHours: z.number(),
  /**
   * Present when the figures are those of the 统计汇总 built at this time although something changed since: the tree
   * is too large to count from its records in one call (LATE_ROLLUPS_TEAMS). The timer rebuilds it.
   */
  asOf: IsoTimeSchema.optional(),
  /** Day by day when the period spans at most 31 days (本月, 上月, a short custom period), for the chart; absent otherwise. */
  days: z
    .array(z.object({ date: z.string(), activities: z.number().int(), volunteerTimes: z.number().int(), minutes: z.number().int() }))
    .optional(),
});
export type OrgStats = z.infer<typeof OrgStats>;

export const EXPORT_KINDS = ['members', 'activityStats', 'attendance'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
/** The forms' titles as the 益阳 notice names them: the sheets, the file labels and the app's buttons all use these. */
export const MEMBERS_FORM_TITLE = '科技志愿者支队基本情况表';
export const ACTIVITY_FORM_TITLE = '科技志愿服务活动情况统计表';

export const ReportExportInput = z
  .object({
    orgId: z.string().min(1),
    kind: z.enum(EXPORT_KINDS),
    activityId: z.string().optional(),
    ...Period,
    includeDescendants: z.boolean().optional(),
  })
  .refine(periodRule, periodIssue)
  .refine(boundsRule, boundsIssue)
  .refine(oneKindRule, oneKindIssue)
  .refine((v) => v.kind !== 'attendance' || Boolean(v.activityId), { message: '请选择活动', path: ['activityId'] });
export type ReportExportInput = z.infer<typeof ReportExportInput>;
export const ReportExportOutput = z.object({ fileName: z.string(), base64: z.string() });
export type ReportExportOutput = z.infer<typeof ReportExportOutput>;

export const ReportCertificateInput = z
  .object({ orgId: z.string().min(1), ...Period })
  .refine(periodRule, periodIssue)
  .refine(boundsRule, boundsIssue)
  .refine(oneKindRule, oneKindIssue);
export type ReportCertificateInput = z.infer<typeof ReportCertificateInput>;
export const ReportCertificateOutput = z.object({
  certificateNo: z.string(),
  pdfBase64: z.string(),
  minutes: z.number().int(),
  issuedAt: IsoTimeSchema,
  /** The period the certificate covers, as the server resolved it. */
  from: DateSchema,
  to: DateSchema,
});
export type ReportCertificateOutput = z.infer<typeof ReportCertificateOutput>;

export const ReportVerifyCertificateInput = z.object({ certificateNo: z.string().trim().min(1).max(64) });
export const ReportVerifyCertificateOutput = z.object({
  valid: z.boolean(),
  realNameMasked: z.string().optional(),
  orgName: z.string().optional(),
  minutes: z.number().int().optional(),
  issuedAt: IsoTimeSchema.optional(),
  from: DateSchema.optional(),
  to: DateSchema.optional(),
  /** 经办人, masked like the volunteer's name (张*); absent on certificates issued before it was recorded. */
  handlerNameMasked: z.string().optional(),
});
export type ReportVerifyCertificateOutput = z.infer<typeof ReportVerifyCertificateOutput>;

/** 证明公示: a certificate is listed to the team's members for this many days after it is issued (民发〔2015〕149号). */
export const CERTIFICATE_PUBLICITY_DAYS = 7;
/** At most this many certificates in one publicity list, newest first. */
export const CERTIFICATE_PUBLICITY_MAX = 200;

/** 统计汇总: rebuild one calendar year's rollups of every team from the records (the root 总队's leader and admins). */
export const ReportRebuildStatsInput = z.object({ year: z.string().regex(/^\d{4}$/, '请填写四位年份') });
export type ReportRebuildStatsInput = z.infer<typeof ReportRebuildStatsInput>;
export const ReportRebuildStatsOutput = z.object({
  year: z.string(),
  /** Rollups written by this call. */
  rollups: z.number().int(),
  /** The rebuild goes in parts (each team directly below the root); a call does what fits its time. */
  parts: z.object({ done: z.number().int(), total: z.number().int() }),
  /** The root's rollup is written: call again until true. */
  finished: z.boolean(),
  /** When the rebuild began: what it counts is as of then. */
  builtAt: IsoTimeSchema,
});
export type ReportRebuildStatsOutput = z.infer<typeof ReportRebuildStatsOutput>;

export const ReportCertificatePublicityInput = z.object({ orgId: z.string().min(1).max(64) });
export type ReportCertificatePublicityInput = z.infer<typeof ReportCertificatePublicityInput>;
export const PublicizedCertificate = z.object({
  certificateNo: z.string(),
  realNameMasked: z.string(),
  from: DateSchema,
  to: DateSchema,
  minutes: z.number().int(),
  issuedAt: IsoTimeSchema,
});
export type PublicizedCertificate = z.infer<typeof PublicizedCertificate>;
export const ReportCertificatePublicityOutput = z.object({
  orgId: z.string(),
  orgName: z.string(),
  /** The window by the server's clock: certificates issued at or after `since`, up to now. */
  since: IsoTimeSchema,
  days: z.number().int(),
  items: z.array(PublicizedCertificate),
});
export type ReportCertificatePublicityOutput = z.infer<typeof ReportCertificatePublicityOutput>;

/** What the ranking sorts by: credited minutes (the default) or the average rating of 供需对接. */
export const RANKING_SORTS = ['minutes', 'rating'] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

export const ReportRankingInput = z
  .object({
    orgId: z.string().min(1),
    ...Period,
    sortBy: z.enum(RANKING_SORTS).optional(),
    /** Only the teams with an approved 表彰奖励 conferred within the period (on the team, its activities or volunteers, or below). */
    commended: z.boolean().optional(),
  })
  .refine(periodRule, periodIssue)
  .refine(boundsRule, boundsIssue)
  .refine(oneKindRule, oneKindIssue)
  .refine(periodGivenRule, periodGivenIssue);
export type ReportRankingInput = z.infer<typeof ReportRankingInput>;
/**
 * The teams below `orgId` (its children, each with its own descendants) ranked by credited minutes, or by the average
 * rating of the needs they were assigned (unrated teams last, then by minutes).
 */
export const ReportRankingOutput = z.object({
  /** The period ranked, as the server resolved it. */
  from: DateSchema,
  to: DateSchema,
  items: z.array(
    z.object({
      rank: z.number().int(),
      orgId: z.string(),
      orgName: z.string(),
      minutes: z.number().int(),
      volunteers: z.number().int(),
      activities: z.number().int(),
      /** The average stars (one decimal) of the rated needs assigned to the team's subtree and posted within the period; null without one. */
      avgRating: z.number().nullable(),
      ratedCount: z.number().int(),
    }),
  ),
  /** As OrgStats' `asOf`: the ranking is that of the 统计汇总 of this time. */
  asOf: IsoTimeSchema.optional(),
});
export type ReportRankingOutput = z.infer<typeof ReportRankingOutput>;
