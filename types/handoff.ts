// 移交全国志愿服务信息系统 (record function): a team's records since its last hand-off (or of a period) as an xlsx and a
// JSON file laid out in the data items of 《志愿服务信息系统基本规范》 (MZ/T 061-2015) as far as public sources confirm
// them (docs/HANDOFF.md), and the ledger of hand-offs that keeps anything from being sent twice or missed.
import { z } from 'zod';
import { DateSchema, IsoTimeSchema, ListInput, listOf, periodDatesProblem } from './common';

/** The kinds a hand-off carries, one sheet each, in this order. */
export const HANDOFF_KINDS = ['volunteers', 'teams', 'projects', 'serviceRecords', 'trainings', 'commendations', 'evaluations'] as const;
export type HandoffKind = (typeof HANDOFF_KINDS)[number];
/** Each kind's sheet name (the standard's element it answers, where the sources name one). */
export const HANDOFF_SHEET: Record<HandoffKind, string> = {
  volunteers: '志愿者',
  teams: '志愿团体',
  projects: '志愿服务项目',
  serviceRecords: '志愿服务时间',
  trainings: '培训',
  commendations: '表彰奖励',
  evaluations: '评价',
};

export const HANDOFF_MODES = ['sinceLast', 'period'] as const;
export type HandoffMode = (typeof HANDOFF_MODES)[number];
export const HANDOFF_MODE_LABEL: Record<HandoffMode, string> = { sinceLast: '自上次移交以来', period: '指定期间' };

/**
 * 全国志愿者统一编号 as the volunteer or an admin types it: the public sources confirm that the national system gives
 * every volunteer one (民政部, 2015-09-14) but not its format, so only letters and digits, 8 to 32 of them.
 */
export const NATIONAL_VOLUNTEER_ID_LABEL = '全国志愿者统一编号';
export const NationalVolunteerIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{8,32}$/, `${NATIONAL_VOLUNTEER_ID_LABEL}为8至32位字母或数字`);

/**
 * `sinceLast`: every change since the last `sinceLast` hand-off of the team (the first one: everything). `period`:
 * what changed within the dates (Asia/Shanghai days), a re-send on purpose; it does not move the `sinceLast` mark.
 */
export const RecordHandoffExportInput = z
  .object({
    orgId: z.string().min(1).max(128),
    mode: z.enum(HANDOFF_MODES, { errorMap: () => ({ message: '请选择移交范围' }) }),
    from: DateSchema.optional(),
    to: DateSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'sinceLast' && (v.from || v.to))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['from'], message: '“自上次移交以来”不需要填写日期' });
    if (v.mode !== 'period') return;
    if (!v.from || !v.to) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['from'], message: '请填写开始和结束日期' });
    else if (v.from > v.to) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['to'], message: '结束日期不能早于开始日期' });
    const problem = periodDatesProblem(v);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['from'], message: problem });
  });
export type RecordHandoffExportInput = z.infer<typeof RecordHandoffExportInput>;

export const HandoffCounts = z.object(
  Object.fromEntries(HANDOFF_KINDS.map((k) => [k, z.number().int()])) as Record<HandoffKind, z.ZodNumber>,
);
export type HandoffCounts = z.infer<typeof HandoffCounts>;

export const Handoff = z.object({
  handoffId: z.string(),
  orgId: z.string(),
  mode: z.enum(HANDOFF_MODES),
  /** Changes after `from` (absent: from the beginning) up to and including `to` (a minute before it started: writes still landing go into the next). */
  from: IsoTimeSchema.optional(),
  to: IsoTimeSchema,
  counts: HandoffCounts,
  byName: z.string(),
  at: IsoTimeSchema,
  /** Temporary addresses of the two files, for the team's leader only. */
  xlsxUrl: z.string().optional(),
  jsonUrl: z.string().optional(),
});
export type Handoff = z.infer<typeof Handoff>;

export const RecordHandoffExportOutput = z.object({
  handoffId: z.string(),
  counts: HandoffCounts,
  xlsxUrl: z.string(),
  jsonUrl: z.string(),
});
export type RecordHandoffExportOutput = z.infer<typeof RecordHandoffExportOutput>;

export const RecordHandoffsInput = z.object({ orgId: z.string().min(1).max(128) });
export type RecordHandoffsInput = z.infer<typeof RecordHandoffsInput>;
export const RecordHandoffsOutput = z.object({ items: z.array(Handoff) });
export type RecordHandoffsOutput = z.infer<typeof RecordHandoffsOutput>;

/** At most this many hand-offs are listed, the latest first. */
export const HANDOFFS_LISTED = 50;

// ---- 全国志愿者统一编号 entered by a team's managers for members who have not entered their own ----

/**
 * A leader or admin of `orgId` enters the number of a member of that team or of a team below it. It never replaces a
 * number the volunteer entered themself (docs/API.md says why); one a manager entered may be corrected.
 */
export const RecordSetNationalVolunteerIdInput = z.object({
  orgId: z.string().min(1).max(128),
  openid: z.string().min(1).max(128),
  nationalVolunteerId: NationalVolunteerIdSchema,
});
export type RecordSetNationalVolunteerIdInput = z.infer<typeof RecordSetNationalVolunteerIdInput>;
export const RecordSetNationalVolunteerIdOutput = z.object({
  openid: z.string(),
  nationalVolunteerId: z.string(),
  /** `unchanged`: the member already had this very number; nothing was written. */
  outcome: z.enum(['saved', 'unchanged']),
});
export type RecordSetNationalVolunteerIdOutput = z.infer<typeof RecordSetNationalVolunteerIdOutput>;

/** The members of a team and the teams below it who have no 全国志愿者统一编号 yet, by 志愿者编号. */
export const RecordHandoffMissingIdsInput = ListInput.extend({ orgId: z.string().min(1).max(128) });
export type RecordHandoffMissingIdsInput = z.infer<typeof RecordHandoffMissingIdsInput>;
export const MissingNationalId = z.object({
  openid: z.string(),
  realName: z.string(),
  volunteerNo: z.string().optional(),
  /** The first team of the subtree the member belongs to. */
  orgName: z.string(),
});
export type MissingNationalId = z.infer<typeof MissingNationalId>;
export const RecordHandoffMissingIdsOutput = listOf(MissingNationalId);
export type RecordHandoffMissingIdsOutput = z.infer<typeof RecordHandoffMissingIdsOutput>;
