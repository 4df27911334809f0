// checkin function contract: signed sign-in/sign-out codes, scans within 5 km, one record per volunteer and day.
import { z } from 'zod';
import { DateSchema, IsoTimeSchema, ListInput, PeriodSchema, PhoneSchema, listOf, periodDatesProblem } from './common';
import { DecisionSchema } from './org';
import { GeoPointSchema } from './activity';
import { formatDuration } from './format';
import { EvaluationGradeSchema } from './evaluation';

export const CHECKIN_KINDS = ['in', 'out'] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];
/** What an activity code does: 签到, 签退, or `auto`, one on-site code that signs in, then out (from the day record). */
export const CODE_KINDS = ['in', 'out', 'auto'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];
/** Labels of record kinds (a record is 签到 or 签退, never auto). */
export const CHECKIN_KIND_LABEL: Record<CheckinKind, string> = { in: '签到', out: '签退' };
/** What each activity code is called on its page, its poster and the title bar. */
export const CODE_KIND_LABEL: Record<CodeKind, string> = { auto: '现场签到码', in: '签到码', out: '签退码' };
/** What a volunteer's scan did: signed in, signed out, or nothing (an auto code after today's sign-out). */
export const SCAN_OUTCOMES = ['signedIn', 'signedOut', 'alreadySignedOut'] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];
/** A sign-out sooner than this after the day's sign-in (or before `dailyStart`) asks the volunteer to confirm first. */
export const SHORT_SIGN_OUT_MIN = 30;
/** A volunteer may undo their own sign-out for this long (checkin.undoSignOut); later only an admin corrects it. */
export const UNDO_SIGN_OUT_MIN = 5;
/** The mini program page a 小程序码 opens (its `scene` reaches the page as the `scene` query parameter). */
export const SCAN_PAGE = 'pages/scan/index';
export const CODE_MODES = ['static', 'rotating'] as const;
export type CodeMode = (typeof CODE_MODES)[number];
/** Sign-in (and sign-out) opens this long before `dailyStart` (the rule itself: cloudfunctions domain/checkin-day). */
export const SCAN_OPENS_BEFORE_START_MIN = 60;
/** Everyone still signed in is reminded to sign out this long before `dailyEnd` (cron, domain/sign-out-reminder). */
export const SIGN_OUT_REMINDER_BEFORE_END_MIN = 30;
/** Sign-out stays open this long after `dailyEnd`; sign-in closes at `dailyEnd`. */
export const SIGN_OUT_CLOSES_AFTER_END_MIN = 180;
/** The window as people read it: "开始前1小时可签到，结束后3小时内可签退" (`since`: "起" where the sentence wants it). */
export const scanWindowText = (since = ''): string =>
  `开始前${formatDuration(SCAN_OPENS_BEFORE_START_MIN)}${since}可签到，结束后${formatDuration(SIGN_OUT_CLOSES_AFTER_END_MIN)}内可签退`;
/** A rotating code changes every 30 s; the current and the previous step are accepted. */
export const ROTATING_STEP_SEC = 30;
/**
 * A tap sent again after no answer (`retry`, same nonce) is accepted with a rotating code (or on-site number) this
 * much older than a first tap may carry: the rotating code moved on while the connection was down. The record is
 * flagged `late_retry` for the roster. A tap whose first attempt did reach the server is answered from its echo, however old.
 */
export const RETRY_GRACE_SEC = 120;
/** The typed fallback under a screen code: a 6-digit 现场数字码 that changes every 5 minutes (current and previous accepted). */
export const ONSITE_NUMBER_LENGTH = 6;
export const ONSITE_NUMBER_STEP_SEC = 300;
export const ONSITE_NUMBER_PATTERN = /^\d{6}$/;
/** A volunteer may type this many 现场数字码 per window (right or wrong), so that guessing one is hopeless. */
export const ONSITE_NUMBER_TRIES = 5;
export const ONSITE_NUMBER_TRY_WINDOW_MIN = 10;

/** open: signed in, not out (credits nothing yet); closed: signed out; adjusted: an admin changed it. */
export const DAY_STATUSES = ['open', 'closed', 'adjusted'] as const;
export type DayStatus = (typeof DAY_STATUSES)[number];
export const DAY_STATUS_LABEL: Record<DayStatus, string> = { open: '未签退', closed: '已签退', adjusted: '已补录' };

/** Scans an admin should look at rather than trust: the phone called its own position poor, or it lies exactly on the activity's point. */
export const SCAN_FLAGS = ['poor_accuracy', 'exact_point', 'late_retry', 'offline'] as const;
export type ScanFlag = (typeof SCAN_FLAGS)[number];
export const SCAN_FLAG_LABEL: Record<ScanFlag, string> = {
  poor_accuracy: '定位精度差',
  exact_point: '位置与活动地点完全重合',
  late_retry: '网络中断后重试，签到码已更新',
  offline: '离线',
};

export const CORRECTION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];
/** What a correction request is about: a day record, or the 评价 of the volunteer for an activity (申诉). */
export const CORRECTION_KINDS = ['day', 'evaluation'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];
export const CORRECTION_KIND_LABEL: Record<CorrectionKind, string> = { day: '签到记录更正', evaluation: '评价申诉' };
export const CORRECTION_STATUS_LABEL: Record<CorrectionStatus, string> = { pending: '待审核', approved: '已通过', rejected: '已驳回' };

const Reason = z.string().trim().min(2, '请填写原因').max(200, '原因最多200字');

export const CheckinCodeInput = z.object({
  activityId: z.string().min(1),
  kind: z.enum(CODE_KINDS),
  /**
   * Default: static for 签到, rotating for 签退 and auto (a static 签退码 photographed and forwarded signs out from
   * anywhere); a static auto code is allowed for posters.
   */
  mode: z.enum(CODE_MODES).optional(),
});
export type CheckinCodeInput = z.infer<typeof CheckinCodeInput>;
export const CheckinCodeOutput = z.object({
  /** The long signed code, for scanning inside the app (checkin.scan takes it or `scene`). */
  payload: z.string(),
  /** The QR code of `payload` as an SVG document. */
  qrSvg: z.string(),
  /** The short signed code (≤ 32 characters) the 小程序码 carries; checkin.scan takes it as `payload`. */
  scene: z.string().max(32),
  /** The page the 小程序码 opens, with `scene` as its query parameter. */
  page: z.literal(SCAN_PAGE),
  /** The 小程序码 of `scene` and `page` as a `data:image/png;base64,…` URL (a plain QR of the h5 page locally). */
  wxacode: z.string(),
  /** When a rotating code stops being current (the previous step is still accepted for 30 s more). */
  expiresAt: IsoTimeSchema.optional(),
  /** The 6-digit 现场数字码 of this kind, typed when a phone cannot scan (checkin.scan takes it as `payload`). */
  number: z.string().regex(ONSITE_NUMBER_PATTERN),
  /** When `number` stops being current (the previous one is still accepted for 5 minutes more). */
  numberExpiresAt: IsoTimeSchema,
  kind: z.enum(CODE_KINDS),
  mode: z.enum(CODE_MODES),
  title: z.string(),
  startDate: DateSchema,
  endDate: DateSchema,
  dailyStart: z.string(),
  dailyEnd: z.string(),
  /** The activity's own scan radius, which the poster and the screen state (at most 5 km). */
  radiusM: z.number(),
});
export type CheckinCodeOutput = z.infer<typeof CheckinCodeOutput>;

export const LocationSchema = GeoPointSchema.extend({ accuracy: z.number().min(0).max(100_000).optional() });
export const CheckinScanInput = z.object({
  /** A long payload, a 小程序码's scene, or a typed 6-digit 现场数字码. */
  payload: z.string().trim().min(1).max(2000),
  /**
   * The activity a typed 现场数字码 belongs to (the page the volunteer came from); without it the number is looked
   * up among the caller's enrolled activities open for scanning now.
   */
  activityId: z.string().min(1).max(128).optional(),
  /** The same tap sent again after no answer (same nonce, same code): see RETRY_GRACE_SEC. */
  retry: z.boolean().optional(),
  location: LocationSchema,
  /** A fresh random string per tap: replaying it returns the first answer and writes nothing. */
  nonce: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'nonce格式错误'),
  /** The volunteer confirmed a short sign-out (CHECKIN.CONFIRM_SHORT_SIGN_OUT asked first). */
  confirmShort: z.boolean().optional(),
});
export type CheckinScanInput = z.infer<typeof CheckinScanInput>;

/**
 * What changed a day record, for its change log: an admin's 补录 (no sign-in before) or 调整, a 批量签退, an approved
 * 更正, an offline scan recorded later, or the volunteer's own 撤销签退.
 */
export const ADJUSTMENT_KINDS = ['supplement', 'adjust', 'batch', 'correction', 'offline', 'undo'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];
export const ADJUSTMENT_KIND_LABEL: Record<AdjustmentKind, string> = {
  supplement: '补录',
  adjust: '调整',
  batch: '批量签退',
  correction: '更正',
  offline: '离线记录',
  undo: '撤销签退',
};
/**
 * 补录 or 调整, from the times: 补录 fills in what was missing (a sign-in, a sign-out) and keeps every time the day
 * had; 调整 changes one. Instants compare by value (ISO strings or Dates).
 */
export function editKindOf(
  before: { signInAt?: string | Date; signOutAt?: string | Date },
  after: { signInAt?: string | Date; signOutAt?: string | Date },
): 'supplement' | 'adjust' {
  const same = (x?: string | Date, y?: string | Date) =>
    x === undefined || (y !== undefined && new Date(x).getTime() === new Date(y).getTime());
  return same(before.signInAt, after.signInAt) && same(before.signOutAt, after.signOutAt) ? 'supplement' : 'adjust';
}
/** A day's tag when an adjustment made it (status `adjusted`): a batch sign-out reads 批量签退, not 已补录. */
export const ADJUSTED_DAY_LABEL: Record<AdjustmentKind, string> = {
  supplement: '已补录',
  adjust: '已调整',
  batch: '批量签退',
  correction: '已更正',
  offline: '离线记录',
  undo: '已撤销签退',
};

/** A day's times and credited minutes, before or after an adjustment. */
const DayTimes = z.object({ signInAt: IsoTimeSchema.optional(), signOutAt: IsoTimeSchema.optional(), minutes: z.number().int() });
export const Adjustment = z.object({
  by: z.string(),
  byName: z.string(),
  at: IsoTimeSchema,
  reason: z.string(),
  before: DayTimes,
  after: DayTimes,
  /** What made the change (older entries have none: 补录 when the day had no sign-in before, else 调整). */
  kind: z.enum(ADJUSTMENT_KINDS).optional(),
  /** The daily cap bound the credited minutes after the change ("按每日上限计8小时"). */
  capped: z.boolean().optional(),
});
export type Adjustment = z.infer<typeof Adjustment>;

/** Whose day of which activity, and its times: a record and a correction of it both name these. */
const dayFields = {
  activityId: z.string(),
  orgId: z.string(),
  openid: z.string(),
  date: DateSchema,
  signInAt: IsoTimeSchema.optional(),
  signOutAt: IsoTimeSchema.optional(),
};

/** A scan of the day kept on a phone while it was offline and uploaded later: its kind, the instant it counts at,
 * when it reached the server, and the admin who scanned the volunteer's code (`by`) or confirmed a 待确认 one. */
export const OfflineMark = z.object({
  kind: z.enum(CHECKIN_KINDS),
  at: IsoTimeSchema,
  syncedAt: IsoTimeSchema,
  by: z.string().optional(),
  confirmedBy: z.string().optional(),
  /** Their names, on the roster only (the admin who scanned, the admin who confirmed). */
  byName: z.string().optional(),
  confirmedByName: z.string().optional(),
  /** An admin's 批量签退 kept offline (no code: the admin chose the time). */
  batch: z.boolean().optional(),
});
export type OfflineMark = z.infer<typeof OfflineMark>;

export const DayRecord = z.object({
  recordId: z.string(),
  ...dayFields,
  minutes: z.number().int(),
  status: z.enum(DAY_STATUSES),
  /** Who signed the volunteer in or out when not by their own scan (an admin scanning their code). */
  signInBy: z.string().optional(),
  signOutBy: z.string().optional(),
  /** The audit trail of admin changes, oldest first: the volunteer sees it on the record. */
  adjustments: z.array(Adjustment),
  /** Scans of the day an admin should look at (always sent by the server; empty when none). */
  flags: z.array(z.enum(SCAN_FLAGS)).optional(),
  /** The day's scans recorded offline (离线), oldest upload first (always sent by the server; empty when none). */
  offline: z.array(OfflineMark).optional(),
});
export type DayRecord = z.infer<typeof DayRecord>;

export const CheckinScanOutput = z.object({
  /** What the scan recorded (for an auto code after today's sign-out: 'out', the day's last scan). */
  kind: z.enum(CHECKIN_KINDS),
  /** signedIn / signedOut, or alreadySignedOut: an auto code scanned after today's sign-out changed nothing. */
  outcome: z.enum(SCAN_OUTCOMES),
  date: DateSchema,
  at: IsoTimeSchema,
  distanceM: z.number().int(),
  record: DayRecord,
  title: z.string(),
  /** True when this answer repeats an earlier one (same nonce, or a repeated sign-in). */
  repeated: z.boolean(),
});
export type CheckinScanOutput = z.infer<typeof CheckinScanOutput>;

export const CheckinMyCodeInput = z.object({ activityId: z.string().min(1) });
export const CheckinMyCodeOutput = z.object({ payload: z.string(), qrSvg: z.string(), expiresAt: IsoTimeSchema.optional() });
export type CheckinMyCodeOutput = z.infer<typeof CheckinMyCodeOutput>;

export const CheckinScanVolunteerInput = z.object({ payload: z.string().min(1).max(2000), kind: z.enum(CHECKIN_KINDS) });
export type CheckinScanVolunteerInput = z.infer<typeof CheckinScanVolunteerInput>;
export const CheckinScanVolunteerOutput = CheckinScanOutput.extend({ realName: z.string() });
export type CheckinScanVolunteerOutput = z.infer<typeof CheckinScanVolunteerOutput>;

export const CheckinRosterInput = z.object({ activityId: z.string().min(1), date: DateSchema });
export type CheckinRosterInput = z.infer<typeof CheckinRosterInput>;
export const RosterEntry = z.object({
  openid: z.string(),
  realName: z.string(),
  phoneMasked: z.string(),
  signInAt: IsoTimeSchema.optional(),
  signOutAt: IsoTimeSchema.optional(),
  minutes: z.number().int(),
  status: z.enum(['absent', ...DAY_STATUSES]),
  /** The audit trail of the day's record (empty when absent or never adjusted). */
  adjustments: z.array(Adjustment),
  /** Scans of the day an admin should look at, labelled by SCAN_FLAG_LABEL (always sent; empty when none). */
  flags: z.array(z.enum(SCAN_FLAGS)).optional(),
  /** The day's scans recorded offline (离线), with who scanned them (always sent; empty when none). */
  offline: z.array(OfflineMark).optional(),
  /** Offline scans of the day waiting for an admin (待确认 or flagged): checkin.offlinePending lists them. */
  offlinePending: z.number().int().optional(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;
/** Every enrolled volunteer of the activity, with that day's record if any. */
export const CheckinRosterOutput = z.array(RosterEntry);
export type CheckinRosterOutput = z.infer<typeof CheckinRosterOutput>;

export const CheckinBatchSignOutInput = z.object({
  activityId: z.string().min(1),
  date: DateSchema,
  at: IsoTimeSchema,
  reason: Reason.optional(),
});
export type CheckinBatchSignOutInput = z.infer<typeof CheckinBatchSignOutInput>;
/** Why 批量签退 left an open day alone: the caller's own (another manager closes it), signed in at or after the
 * chosen time, or signed out (by a scan or another manager) while the batch ran. */
export const BATCH_SKIP_REASONS = ['own', 'signedInAfter', 'alreadyClosed'] as const;
export type BatchSkipReason = (typeof BATCH_SKIP_REASONS)[number];
export const BATCH_SKIP_REASON_LABEL: Record<BatchSkipReason, string> = {
  own: '您本人的记录，须由本队其他管理员处理（没有其他管理员时由上级队伍处理）',
  signedInAfter: '签到晚于所选签退时间',
  alreadyClosed: '期间已签退',
};
export const CheckinBatchSkipped = z.object({
  openid: z.string(),
  realName: z.string(),
  reason: z.enum(BATCH_SKIP_REASONS),
  signInAt: IsoTimeSchema.optional(),
});
export type CheckinBatchSkipped = z.infer<typeof CheckinBatchSkipped>;
/** `skippedOwn`: the caller's own open day, left for another manager to close (nobody closes their own day).
 * `closedNames`: whom it signed out; `skipped`: every open day it left alone, with the reason. */
export const CheckinBatchSignOutOutput = z.object({
  closed: z.number().int(),
  skippedOwn: z.number().int().optional(),
  closedNames: z.array(z.string()).optional(),
  skipped: z.array(CheckinBatchSkipped).optional(),
});
export type CheckinBatchSignOutOutput = z.infer<typeof CheckinBatchSignOutOutput>;

/** The volunteer undoes their own sign-out of a day (within UNDO_SIGN_OUT_MIN of it): the day is open again. */
export const CheckinUndoSignOutInput = z.object({ activityId: z.string().min(1), date: DateSchema });
export type CheckinUndoSignOutInput = z.infer<typeof CheckinUndoSignOutInput>;

/** Revokes every code of the activity minted so far (printed posters, forwarded screenshots); new codes work at once. */
export const CheckinRevokeCodesInput = z.object({ activityId: z.string().min(1) });
export type CheckinRevokeCodesInput = z.infer<typeof CheckinRevokeCodesInput>;
export const CheckinRevokeCodesOutput = z.object({ codeVersion: z.number().int() });
export type CheckinRevokeCodesOutput = z.infer<typeof CheckinRevokeCodesOutput>;

export const CheckinAdjustInput = z
  .object({
    activityId: z.string().min(1),
    openid: z.string().min(1),
    date: DateSchema,
    signInAt: IsoTimeSchema.optional(),
    signOutAt: IsoTimeSchema.optional(),
    reason: Reason,
  })
  .refine((v) => v.signInAt !== undefined || v.signOutAt !== undefined, { message: '请填写签到或签退时间', path: ['signInAt'] });
export type CheckinAdjustInput = z.infer<typeof CheckinAdjustInput>;
export const RecordOutput = z.object({ record: DayRecord });
export type RecordOutput = z.infer<typeof RecordOutput>;

/** A named period (resolved by the server in Asia/Shanghai) or explicit dates, not both; neither means everything. */
export const CheckinMyHoursInput = z
  .object({ period: PeriodSchema.optional(), from: DateSchema.optional(), to: DateSchema.optional(), orgId: z.string().optional() })
  .refine((v) => !v.period || (!v.from && !v.to), { message: '请选择时间段或填写起止日期，不能同时提供', path: ['period'] })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine(
    (v) => periodDatesProblem(v) === undefined,
    (v) => ({ message: periodDatesProblem(v) ?? '', path: ['from'] }),
  );
export type CheckinMyHoursInput = z.infer<typeof CheckinMyHoursInput>;
/** A day of 我的时长: the record with its activity's title and team, and the latest correction request. */
export const MyHoursDay = DayRecord.extend({
  title: z.string(),
  orgName: z.string(),
  correction: z.lazy(() => Correction).optional(),
  /** The activity was cancelled: the day is shown but counts toward no total and no certificate. */
  activityCancelled: z.boolean().optional(),
});
export type MyHoursDay = z.infer<typeof MyHoursDay>;
export const CheckinMyHoursOutput = z.object({
  totalMinutes: z.number().int(),
  /** Days that credit time (a 0-minute day or a cancelled activity's day is no 服务日). */
  serviceDays: z.number().int(),
  days: z.array(MyHoursDay),
  /** The dates the server used (absent ends are open). */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export type CheckinMyHoursOutput = z.infer<typeof CheckinMyHoursOutput>;

/**
 * A volunteer asks for a day to be corrected ("我忘记签退了", or a record that is wrong): kind 'day', the default, with
 * the date and times; or contests the team's 评价 of them for an activity (申诉): kind 'evaluation' with the grade
 * they think right, and no date or times.
 */
export const CheckinRequestCorrectionInput = z
  .object({
    kind: z.enum(CORRECTION_KINDS).optional(),
    activityId: z.string().min(1),
    date: DateSchema.optional(),
    signInAt: IsoTimeSchema.optional(),
    signOutAt: IsoTimeSchema.optional(),
    wishedGrade: EvaluationGradeSchema.optional(),
    note: z.string().trim().min(2, '请说明情况').max(200, '说明最多200字'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'evaluation') {
      if (!v.wishedGrade) ctx.addIssue({ code: 'custom', message: '请选择您认为恰当的评价等级', path: ['wishedGrade'] });
      if (v.date || v.signInAt || v.signOutAt) ctx.addIssue({ code: 'custom', message: '评价申诉不填写日期和时间', path: ['date'] });
    } else {
      if (!v.date) ctx.addIssue({ code: 'custom', message: '请选择日期', path: ['date'] });
      if (v.wishedGrade) ctx.addIssue({ code: 'custom', message: '签到记录的更正不填写评价等级', path: ['wishedGrade'] });
    }
  });
export type CheckinRequestCorrectionInput = z.infer<typeof CheckinRequestCorrectionInput>;
export const Correction = z.object({
  correctionId: z.string(),
  /** Absent for a day's correction (every correction before 评价 existed). */
  kind: z.enum(CORRECTION_KINDS).optional(),
  ...dayFields,
  /** A contested evaluation: the grade at the time of asking and the one asked for. */
  grade: EvaluationGradeSchema.optional(),
  wishedGrade: EvaluationGradeSchema.optional(),
  note: z.string(),
  status: z.enum(CORRECTION_STATUSES),
  createdAt: IsoTimeSchema,
  reviewedAt: IsoTimeSchema.optional(),
  reviewReason: z.string().optional(),
});
export type Correction = z.infer<typeof Correction>;
export const CorrectionOutput = z.object({ correction: Correction });
export type CorrectionOutput = z.infer<typeof CorrectionOutput>;

export const CheckinCorrectionsInput = ListInput.extend({ orgId: z.string().min(1), status: z.enum(CORRECTION_STATUSES).optional() });
export type CheckinCorrectionsInput = z.infer<typeof CheckinCorrectionsInput>;
export const CorrectionItem = Correction.extend({ realName: z.string(), title: z.string(), record: DayRecord.optional() });
export type CorrectionItem = z.infer<typeof CorrectionItem>;
export const CheckinCorrectionsOutput = listOf(CorrectionItem);
export type CheckinCorrectionsOutput = z.infer<typeof CheckinCorrectionsOutput>;

export const CheckinReviewCorrectionInput = z
  .object({ correctionId: z.string().min(1), decision: DecisionSchema, reason: z.string().trim().max(200).optional() })
  .refine((v) => v.decision === 'approve' || (v.reason ?? '').length > 0, { message: '驳回时请填写原因', path: ['reason'] });
export type CheckinReviewCorrectionInput = z.infer<typeof CheckinReviewCorrectionInput>;

// ---- 现场签到 console: walk-in enrolment and calling a volunteer ----

/** 志愿者编号 as 首页 and 我的 show it (KJ + year + 8 digits): the personal code a walk-in without a phone at hand reads out. */
export const VolunteerNoSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^KJ\d{12}$/, '志愿者编号为KJ加12位数字');

/** 现场报名: by the volunteer's phone or their 志愿者编号, exactly one of the two. */
export const CheckinWalkInInput = z
  .object({ activityId: z.string().min(1), phone: PhoneSchema.optional(), volunteerNo: VolunteerNoSchema.optional() })
  .refine((v) => (v.phone === undefined) !== (v.volunteerNo === undefined), {
    message: '请填写手机号或志愿者编号（二选一）',
    path: ['phone'],
  });
export type CheckinWalkInInput = z.infer<typeof CheckinWalkInInput>;
export const WALK_IN_OUTCOMES = ['enrolled', 'alreadyEnrolled'] as const;
export const CheckinWalkInOutput = z.object({
  outcome: z.enum(WALK_IN_OUTCOMES),
  openid: z.string(),
  realName: z.string(),
  phoneMasked: z.string(),
  /** The activity's seats after this walk-in. */
  enrolledCount: z.number().int(),
  capacity: z.number().int(),
});
export type CheckinWalkInOutput = z.infer<typeof CheckinWalkInOutput>;

/** An SMS inviting a phone not yet registered: once its owner registers with it, they are enrolled. */
export const CheckinInviteWalkInInput = z.object({ activityId: z.string().min(1), phone: PhoneSchema });
export type CheckinInviteWalkInInput = z.infer<typeof CheckinInviteWalkInInput>;
export const CheckinInviteWalkInOutput = z.object({ phoneMasked: z.string(), invitedAt: IsoTimeSchema, resendAfterSec: z.number().int() });
export type CheckinInviteWalkInOutput = z.infer<typeof CheckinInviteWalkInOutput>;

/** The full phone of one enrolled volunteer, for the activity's managers to call (each reveal is audited). */
export const CheckinVolunteerPhoneInput = z.object({ activityId: z.string().min(1), openid: z.string().min(1).max(64) });
export type CheckinVolunteerPhoneInput = z.infer<typeof CheckinVolunteerPhoneInput>;
export const CheckinVolunteerPhoneOutput = z.object({ realName: z.string(), phone: z.string() });
export type CheckinVolunteerPhoneOutput = z.infer<typeof CheckinVolunteerPhoneOutput>;

// ---- Offline scans: kept on the phone while the server cannot be reached, uploaded later ----

/** A queued scan is taken this long after its (proven or claimed) time; older ones answer `expired`. */
export const OFFLINE_MAX_AGE_H = 72;
/**
 * A phone's clock at a scan may differ this much from the server time it last heard plus the monotonic time it
 * measured since; more, and its offline scans are flagged for an admin instead of accepted.
 */
export const OFFLINE_CLOCK_TOLERANCE_MIN = 5;
/** Queued scans per upload call. */
export const OFFLINE_BATCH_MAX = 200;
/**
 * Queued scans the phone sends per call: about 5 database requests each, so a call of 50 stays far inside the
 * function timeout even where a request takes 20–30 ms.
 */
export const OFFLINE_UPLOAD_BATCH = 50;

/** Why a queued scan was accepted, held or refused (domain/offline-scan). */
export const OFFLINE_REASONS = [
  'ROTATING_STEP',
  'STATIC_CODE',
  'BATCH_SIGN_OUT',
  'CLOCK_DISAGREES',
  'NEVER_SYNCED',
  'STEP_AHEAD',
  'TOO_OLD',
] as const;
export type OfflineReason = (typeof OFFLINE_REASONS)[number];
export const OFFLINE_REASON_LABEL: Record<OfflineReason, string> = {
  ROTATING_STEP: '按动态签到码的时间记录',
  STATIC_CODE: '固定签到码无法证明扫码时间，待管理员确认',
  BATCH_SIGN_OUT: '管理员离线批量签退，按所选时间记录',
  CLOCK_DISAGREES: '手机时间与离线计时不符，待管理员核实',
  NEVER_SYNCED: '手机未曾与服务器对时，待管理员核实',
  STEP_AHEAD: '签到码时间晚于上传时间，待管理员核实',
  TOO_OLD: `离线扫码超过${OFFLINE_MAX_AGE_H}小时未上传，已失效`,
};

/**
 * What became of one queued scan: recorded on the day; waiting (a sign-out whose sign-in has not arrived yet: it
 * applies when it does); duplicate (this nonce was uploaded before: nothing changes, `was` says how it went); pending
 * (待确认); flagged; expired; refused (`code`, `message`: the refusal an online scan would get); skipped (a queued
 * 批量签退 left the day alone, as the online one would: `skipReason`).
 */
export const OFFLINE_RESULTS = ['recorded', 'waiting', 'duplicate', 'pending', 'flagged', 'expired', 'refused', 'skipped'] as const;
export type OfflineResult = (typeof OFFLINE_RESULTS)[number];

const offlineTiming = {
  /** A fresh random string per scan: uploading it again answers `duplicate` and writes nothing. */
  nonce: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'nonce格式错误'),
  /** A long payload or a 小程序码's scene (a typed 现场数字码 is not taken offline). */
  payload: z.string().trim().min(1).max(2000),
  /** The phone's clock at the scan. */
  claimedAt: IsoTimeSchema,
  /** The server's time the phone last heard (every answer's envelope carries it), and the monotonic ms from then to the scan. */
  syncedServerTime: IsoTimeSchema.optional(),
  elapsedMs: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 3_600_000)
    .optional(),
};
/** A volunteer's own queued scan of an activity code, with the position the phone had then. */
export const OfflineScanItem = z.object({ ...offlineTiming, location: LocationSchema });
export type OfflineScanItem = z.infer<typeof OfflineScanItem>;
/** Why a 批量签退 kept offline left someone's day alone at upload (the online batch's rules for one person). */
export const OFFLINE_BATCH_SKIP_REASONS = ['notSignedIn', 'signedInAfter', 'alreadyClosed'] as const;
export type OfflineBatchSkipReason = (typeof OFFLINE_BATCH_SKIP_REASONS)[number];
export const OFFLINE_BATCH_SKIP_LABEL: Record<OfflineBatchSkipReason, string> = {
  notSignedIn: '该志愿者当天没有签到记录',
  signedInAfter: '签到晚于所选签退时间',
  alreadyClosed: '已签退',
};
/**
 * An admin's queued scan of a volunteer's personal code (`payload`), signing them in or out; or one person of a 批量签退
 * kept offline (`openid`, `kind: 'out'`, `batchAt`: the sign-out time the admin chose, not after `claimedAt`).
 */
export const OfflineVolunteerScanItem = z
  .object({
    ...offlineTiming,
    payload: offlineTiming.payload.optional(),
    kind: z.enum(CHECKIN_KINDS),
    openid: z.string().min(1).max(64).optional(),
    batchAt: IsoTimeSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.payload === undefined) === (v.openid === undefined))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['payload'], message: '个人签到码与批量签退的志愿者须二选一' });
    if (v.openid !== undefined && (v.kind !== 'out' || v.batchAt === undefined))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['batchAt'], message: '批量签退须为签退并填写签退时间' });
    if (v.payload !== undefined && v.batchAt !== undefined)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['batchAt'], message: '扫码签到签退不填写批量签退时间' });
    if (v.batchAt !== undefined && Date.parse(v.batchAt) > Date.parse(v.claimedAt))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['batchAt'], message: '批量签退时间不能晚于操作时间' });
  });
export type OfflineVolunteerScanItem = z.infer<typeof OfflineVolunteerScanItem>;

const scansOf = <T extends z.ZodTypeAny>(item: T) =>
  z.array(item).min(1, '没有要上传的扫码记录').max(OFFLINE_BATCH_MAX, `每次最多上传${OFFLINE_BATCH_MAX}条扫码记录`);
export const CheckinUploadOfflineInput = z.object({ scans: scansOf(OfflineScanItem) });
export type CheckinUploadOfflineInput = z.infer<typeof CheckinUploadOfflineInput>;
export const CheckinUploadOfflineVolunteerScansInput = z.object({
  activityId: z.string().min(1).max(128),
  scans: scansOf(OfflineVolunteerScanItem),
});
export type CheckinUploadOfflineVolunteerScansInput = z.infer<typeof CheckinUploadOfflineVolunteerScansInput>;

export const OfflineItemResult = z.object({
  nonce: z.string(),
  result: z.enum(OFFLINE_RESULTS),
  /** For `duplicate`: what the first upload of this nonce became. */
  was: z.enum(OFFLINE_RESULTS).optional(),
  /** The kept scan (pending and flagged ones are decided by this id in checkin.decideOffline). */
  id: z.string().optional(),
  reason: z.enum(OFFLINE_REASONS).optional(),
  /** For `refused`: the error code and message an online scan would have got. */
  code: z.string().optional(),
  message: z.string().optional(),
  /** For `skipped`: why the 批量签退 left the day alone. */
  skipReason: z.enum(OFFLINE_BATCH_SKIP_REASONS).optional(),
  kind: z.enum(CHECKIN_KINDS).optional(),
  /** The instant it counts (or would count) at, and the service day. */
  at: IsoTimeSchema.optional(),
  date: DateSchema.optional(),
  /** The day record after this scan (`recorded`). */
  record: DayRecord.optional(),
});
export type OfflineItemResult = z.infer<typeof OfflineItemResult>;
/** One result per queued scan, in the order sent. */
export const CheckinUploadOfflineOutput = z.object({ results: z.array(OfflineItemResult) });
export type CheckinUploadOfflineOutput = z.infer<typeof CheckinUploadOfflineOutput>;

/** The kept offline scans of an activity an admin decides: 待确认 (a static code) and flagged ones. */
export const OFFLINE_STATES = ['pending', 'flagged'] as const;
export const CheckinOfflinePendingInput = z.object({ activityId: z.string().min(1), date: DateSchema.optional() });
export type CheckinOfflinePendingInput = z.infer<typeof CheckinOfflinePendingInput>;
export const OfflinePendingItem = z.object({
  id: z.string(),
  openid: z.string(),
  realName: z.string(),
  date: DateSchema,
  kind: z.enum(CHECKIN_KINDS),
  /** The instant it would be recorded at (a static code: the phone's time). */
  at: IsoTimeSchema,
  claimedAt: IsoTimeSchema,
  syncedAt: IsoTimeSchema,
  state: z.enum(OFFLINE_STATES),
  reason: z.enum(OFFLINE_REASONS),
  distanceM: z.number().int().optional(),
  flags: z.array(z.enum(SCAN_FLAGS)),
  /** Whether 一键确认 (confirmAllPlausible) takes it: 待确认 with nothing doubtful about its position. */
  plausible: z.boolean(),
  /** An admin who scanned it (a volunteer's personal code) or signed them out in a 批量签退 (`batch`), and their name. */
  by: z.string().optional(),
  byName: z.string().optional(),
  batch: z.boolean().optional(),
});
export type OfflinePendingItem = z.infer<typeof OfflinePendingItem>;
export const CheckinOfflinePendingOutput = z.array(OfflinePendingItem);
export type CheckinOfflinePendingOutput = z.infer<typeof CheckinOfflinePendingOutput>;

export const OFFLINE_DECISIONS = ['confirm', 'reject'] as const;
export type OfflineDecision = (typeof OFFLINE_DECISIONS)[number];
export const CheckinDecideOfflineInput = z
  .object({
    activityId: z.string().min(1).max(128),
    decisions: z
      .array(z.object({ id: z.string().min(1).max(200), decision: z.enum(OFFLINE_DECISIONS) }))
      .max(OFFLINE_BATCH_MAX)
      .optional(),
    /** 一键确认: confirm every plausible 待确认 scan of the activity (never the caller's own). */
    confirmAllPlausible: z.literal(true).optional(),
  })
  .refine((v) => (v.decisions !== undefined) !== (v.confirmAllPlausible !== undefined), {
    message: '请逐条确认，或一键确认全部（二选一）',
    path: ['decisions'],
  });
export type CheckinDecideOfflineInput = z.infer<typeof CheckinDecideOfflineInput>;
/**
 * confirmed (now recorded on the day, or `waiting` for its sign-in), rejected, skipped (a confirmed 批量签退 that the
 * day's rules left alone: `skipReason`), or why not: `code`/`message`.
 */
export const OFFLINE_DECISION_RESULTS = ['confirmed', 'rejected', 'refused', 'skipped'] as const;
export const CheckinDecideOfflineOutput = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      result: z.enum(OFFLINE_DECISION_RESULTS),
      code: z.string().optional(),
      message: z.string().optional(),
      skipReason: z.enum(OFFLINE_BATCH_SKIP_REASONS).optional(),
      record: DayRecord.optional(),
    }),
  ),
  confirmed: z.number().int(),
  rejected: z.number().int(),
});
export type CheckinDecideOfflineOutput = z.infer<typeof CheckinDecideOfflineOutput>;

/**
 * 离线准备: what an admin's phone keeps to sign volunteers in and out by their personal codes without a network — the
 * activity's schedule and its enrolled volunteers (names, masked phones, 志愿者编号; never an ID number).
 */
export const CheckinOfflineKitInput = z.object({ activityId: z.string().min(1).max(128) });
export type CheckinOfflineKitInput = z.infer<typeof CheckinOfflineKitInput>;
export const OfflineKitVolunteer = z.object({
  openid: z.string(),
  realName: z.string(),
  phoneMasked: z.string(),
  volunteerNo: z.string().optional(),
});
export type OfflineKitVolunteer = z.infer<typeof OfflineKitVolunteer>;
export const CheckinOfflineKitOutput = z.object({
  activityId: z.string(),
  title: z.string(),
  startDate: DateSchema,
  endDate: DateSchema,
  dailyStart: z.string(),
  dailyEnd: z.string(),
  /** The caller: their own personal code is refused at once (nobody signs themselves in). */
  me: z.string(),
  volunteers: z.array(OfflineKitVolunteer),
  /** The server's time when the kit was made. */
  serverTime: IsoTimeSchema,
});
export type CheckinOfflineKitOutput = z.infer<typeof CheckinOfflineKitOutput>;
