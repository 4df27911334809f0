// activity function contract: publishing, the five phases, enrollment with quota and waitlist, the lists.
import { z } from 'zod';
import { shanghaiInstant } from './time';
import { DateSchema, IsoTimeSchema, KeywordSchema, ListInput, RegionSchema, listOf } from './common';
import {
  ACTIVITY_AUDIENCES,
  ACTIVITY_PHASES,
  ACTIVITY_STATUSES,
  ENROLLMENT_STATUSES,
  KEY_DAYS,
  SERVICE_CATEGORIES,
  SERVICE_TARGETS,
} from './enums';
import { ACTIVITY_PHOTOS_MAX, PhotoUploadFields, PhotoView } from './photo';

/** The check-in radius of the 5 km rule: default and maximum. */
export const MAX_RADIUS_M = 5000;
/** The daily cap of credited minutes: 8 h by default, 12 h at most. */
export const DEFAULT_DAILY_CAP_MINUTES = 480;
export const MAX_DAILY_CAP_MINUTES = 720;
/** A multi-day activity spans at most this many calendar days. */
export const MAX_ACTIVITY_DAYS = 31;
export const MAX_CAPACITY = 5000;
/** Each enrolled volunteer is reminded this long before each day's `dailyStart` (cron, domain/start-reminder). */
export const START_REMINDER_BEFORE_START_MIN = 60;

/** A point in GCJ-02 (WeChat maps, Taro.chooseLocation). */
export const GeoPointSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof GeoPointSchema>;

export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为HH:mm');

const dayCount = (startDate: string, endDate: string) =>
  Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1;
/** The instant of a Shanghai date and time (types/time), where the schedule rules read it. */
export { shanghaiInstant };

/** Every field an admin fills in; `publish` takes them all, `update` any of them. */
export const activityFields = {
  title: z.string().trim().min(4, '活动名称至少4个字').max(40, '活动名称最多40个字'),
  category: z.enum(SERVICE_CATEGORIES, { errorMap: () => ({ message: '请选择服务类别' }) }),
  description: z.string().trim().min(10, '活动介绍至少10个字').max(2000, '活动介绍最多2000字'),
  serviceTargets: z.array(z.enum(SERVICE_TARGETS)).max(SERVICE_TARGETS.length).optional(),
  region: RegionSchema,
  address: z.string().trim().min(4, '请填写活动地址').max(100, '地址最多100字'),
  location: GeoPointSchema,
  radiusM: z.number().int().min(50, '签到范围至少50米').max(MAX_RADIUS_M, '签到范围不能超过5000米').optional(),
  startDate: DateSchema,
  endDate: DateSchema,
  dailyStart: TimeOfDaySchema,
  dailyEnd: TimeOfDaySchema,
  signupStartAt: IsoTimeSchema,
  signupEndAt: IsoTimeSchema,
  capacity: z.number().int().min(1, '招募人数至少1人').max(MAX_CAPACITY, `招募人数最多${MAX_CAPACITY}人`),
  waitlist: z.boolean().optional(),
  audience: z.enum(ACTIVITY_AUDIENCES).optional(),
  dailyCapMinutes: z.number().int().min(30, '每日时长上限至少30分钟').max(MAX_DAILY_CAP_MINUTES, '每日时长上限不能超过12小时').optional(),
  /** 志愿服务条例 §17: what may be risky and whether insurance is bought. */
  riskNotice: z.string().trim().max(500, '风险提示最多500字').optional(),
  keyDay: z.enum(KEY_DAYS).optional(),
  contactName: z.string().trim().max(20).optional(),
  contactPhone: z.string().trim().max(20).optional(),
};

type Schedule = { startDate: string; endDate: string; dailyStart: string; dailyEnd: string; signupStartAt: string; signupEndAt: string };
/** The cross-field rules of a schedule; shared by publish, update (on the merged result) and the form. */
export function scheduleIssues(s: Schedule): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const days = dayCount(s.startDate, s.endDate);
  if (!(days >= 1)) issues.push({ path: 'endDate', message: '结束日期不能早于开始日期' });
  else if (days > MAX_ACTIVITY_DAYS) issues.push({ path: 'endDate', message: `活动最长${MAX_ACTIVITY_DAYS}天` });
  if (s.dailyEnd <= s.dailyStart) issues.push({ path: 'dailyEnd', message: '每日结束时间须晚于开始时间' });
  const signupStart = Date.parse(s.signupStartAt);
  const signupEnd = Date.parse(s.signupEndAt);
  if (!(signupEnd > signupStart)) issues.push({ path: 'signupEndAt', message: '报名截止时间须晚于报名开始时间' });
  if (signupEnd > shanghaiInstant(s.endDate, s.dailyEnd).getTime())
    issues.push({ path: 'signupEndAt', message: '报名截止时间不能晚于活动结束' });
  return issues;
}

/** The schema with the schedule rules added; typed as the schema itself (zod's generic superRefine would widen it to any). */
const withSchedule = <T extends z.ZodTypeAny>(schema: T): z.ZodEffects<T> =>
  schema.superRefine((v: Schedule, ctx) => {
    for (const i of scheduleIssues(v)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i.path], message: i.message });
  }) as z.ZodEffects<T>;

export const ActivityPublishInput = withSchedule(
  z.object({
    orgId: z.string().min(1),
    ...activityFields,
    /** 供需对接: the accepted need this activity serves (linked both ways, once). */
    needId: z.string().min(1).max(64).optional(),
  }),
);
export type ActivityPublishInput = z.infer<typeof ActivityPublishInput>;

/** Any publish field; the schedule rules are checked on the merged activity. */
export const ActivityUpdateInput = z.object({ activityId: z.string().min(1) }).extend(
  Object.fromEntries(Object.entries(activityFields).map(([k, v]) => [k, (v as z.ZodTypeAny).optional()])) as {
    [K in keyof typeof activityFields]: z.ZodOptional<(typeof activityFields)[K]>;
  },
);
export type ActivityUpdateInput = z.infer<typeof ActivityUpdateInput>;

export const ActivityIdInput = z.object({ activityId: z.string().min(1) });
export type ActivityIdInput = z.infer<typeof ActivityIdInput>;

/** The mini program page of an activity: shares and the activity poster's 小程序码 open it. */
export const ACTIVITY_PAGE = 'pages/activity-detail/index';
/** A share token as it comes back in a shared path (`from`): anything unknown is ignored, never trusted. */
export const ShareTokenSchema = z.string().max(64);

export const ActivityEnrollInput = ActivityIdInput.extend({
  /** The share token of the link the volunteer came through (`from`): credits the volunteer who shared it, once. */
  from: ShareTokenSchema.optional(),
});
export type ActivityEnrollInput = z.infer<typeof ActivityEnrollInput>;

/** The caller's own share token for the activity and the page path that carries it. */
export const ActivityShareLinkOutput = z.object({ token: z.string(), path: z.string() });
export type ActivityShareLinkOutput = z.infer<typeof ActivityShareLinkOutput>;

/** 活动海报: what the poster shows, and the 小程序码 (data: URL) opening the activity with the admin's share token. */
export const ActivityPosterOutput = z.object({
  title: z.string(),
  orgName: z.string(),
  address: z.string(),
  startDate: DateSchema,
  endDate: DateSchema,
  dailyStart: z.string(),
  dailyEnd: z.string(),
  scene: z.string(),
  page: z.string(),
  wxacode: z.string(),
});
export type ActivityPosterOutput = z.infer<typeof ActivityPosterOutput>;

/** A 小程序码 scene read on the activity page (`<codeKey>` or `<codeKey>.<share token>`). */
export const ActivityOpenSceneInput = z.object({ scene: z.string().min(1).max(32) });
export type ActivityOpenSceneInput = z.infer<typeof ActivityOpenSceneInput>;
export const ActivityOpenSceneOutput = z.object({ activityId: z.string(), from: z.string().optional() });
export type ActivityOpenSceneOutput = z.infer<typeof ActivityOpenSceneOutput>;

export const ActivityCancelInput = z.object({
  activityId: z.string().min(1),
  reason: z.string().trim().min(2, '请填写取消原因').max(200, '原因最多200字'),
});
export type ActivityCancelInput = z.infer<typeof ActivityCancelInput>;

export const Activity = z.object({
  _id: z.string(),
  orgId: z.string(),
  /** 供需对接: the need it serves. */
  needId: z.string().optional(),
  orgName: z.string(),
  title: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  description: z.string(),
  serviceTargets: z.array(z.enum(SERVICE_TARGETS)),
  region: RegionSchema,
  address: z.string(),
  location: GeoPointSchema,
  radiusM: z.number().int(),
  startDate: DateSchema,
  endDate: DateSchema,
  dailyStart: TimeOfDaySchema,
  dailyEnd: TimeOfDaySchema,
  signupStartAt: IsoTimeSchema,
  signupEndAt: IsoTimeSchema,
  capacity: z.number().int(),
  waitlist: z.boolean(),
  audience: z.enum(ACTIVITY_AUDIENCES),
  dailyCapMinutes: z.number().int(),
  riskNotice: z.string().optional(),
  keyDay: z.enum(KEY_DAYS).optional(),
  contactName: z.string().optional(),
  contactPhone: z.string().optional(),
  status: z.enum(ACTIVITY_STATUSES),
  cancelReason: z.string().optional(),
  enrolledCount: z.number().int(),
  waitlistCount: z.number().int(),
  /** 接受服务的群众人次, recorded by an admin when closing the activity (附件3), with a short summary. */
  servedCount: z.number().int().optional(),
  summary: z.string().optional(),
  /** 回顾: the photos (ids among the activity's photos) the admin chose to show with the summary once it ended. */
  recapPhotoIds: z.array(z.string()).optional(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Activity = z.infer<typeof Activity>;
export const ActivityOutput = z.object({ activity: Activity });
export type ActivityOutput = z.infer<typeof ActivityOutput>;

export const Enrollment = z.object({
  enrollmentId: z.string(),
  activityId: z.string(),
  openid: z.string(),
  status: z.enum(ENROLLMENT_STATUSES),
  enrolledAt: IsoTimeSchema,
  /** When a waitlisted enrollment moved up. */
  promotedAt: IsoTimeSchema.optional(),
  cancelledAt: IsoTimeSchema.optional(),
  /** 1-based place in the waitlist while waitlisted. */
  waitlistPosition: z.number().int().optional(),
});
export type Enrollment = z.infer<typeof Enrollment>;
export const EnrollmentOutput = z.object({ enrollment: Enrollment });
export type EnrollmentOutput = z.infer<typeof EnrollmentOutput>;

/** How many enrolled volunteers 活动详情 shows as avatars. */
export const ENROLLED_PREVIEW_SIZE = 8;
/**
 * Who has enrolled, as everyone may see it: the count, and the first enrolled (in enrollment order) as the first
 * character of their name only (never the full name, a phone or an ID number).
 */
export const EnrolledPreview = z.object({
  count: z.number().int(),
  people: z.array(z.object({ initial: z.string().min(1).max(2) })).max(ENROLLED_PREVIEW_SIZE),
});
export type EnrolledPreview = z.infer<typeof EnrolledPreview>;

export const ActivityGetOutput = z.object({
  activity: Activity,
  phase: z.enum(ACTIVITY_PHASES),
  enrolledCount: z.number().int(),
  myEnrollment: Enrollment.optional(),
  /** The caller publishes for this team (its leader/admins): edit, cancel, enrollment list. */
  canManage: z.boolean(),
  /** Whether enrolling is open right now (within the signup window, not cancelled, not ended). */
  signupOpen: z.boolean(),
  /**
   * Why the caller may not enroll (a members-only activity of another team, naming it and a pending application),
   * when signup is open and they hold no enrollment: said before the risk notice. Absent when they may.
   */
  enrollBlock: z.object({ code: z.enum(['USER.NO_APPROVED_ORG', 'ACTIVITY.MEMBERS_ONLY']), message: z.string() }).optional(),
  /** For the team's managers only: live enrollments that came through a volunteer's share. */
  shareEnrollments: z.number().int().optional(),
  /**
   * The activity's photos, oldest first, each with a temporary address (nothing else of them). Always answered; read
   * as none from a function deployed before photos existed.
   */
  photos: z.array(PhotoView).default([]),
  /** The enrolled count and the first enrolled volunteers' initials (every caller; always answered). */
  enrolledPreview: EnrolledPreview.optional(),
});
export type ActivityGetOutput = z.infer<typeof ActivityGetOutput>;

export const ActivityListItem = Activity.extend({
  phase: z.enum(ACTIVITY_PHASES),
  /** Metres from `near`, when asked. */
  distanceM: z.number().int().optional(),
});
export type ActivityListItem = z.infer<typeof ActivityListItem>;

export const ActivityListInput = ListInput.extend({
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  category: z.enum(SERVICE_CATEGORIES).optional(),
  phase: z.enum(ACTIVITY_PHASES).optional(),
  keyword: KeywordSchema.optional(),
  orgId: z.string().optional(),
  near: GeoPointSchema.optional(),
});
export type ActivityListInput = z.infer<typeof ActivityListInput>;
export const ActivityListOutput = listOf(ActivityListItem);
export type ActivityListOutput = z.infer<typeof ActivityListOutput>;

/** 我参加的活动 by my own state: to attend, under way, done (with my hours), called off (by me or the team). */
export const MY_ACTIVITY_STATES = ['upcoming', 'ongoing', 'done', 'cancelled'] as const;
export type MyActivityState = (typeof MY_ACTIVITY_STATES)[number];
export const MY_ACTIVITY_STATE_LABEL: Record<MyActivityState, string> = {
  upcoming: '待参加',
  ongoing: '进行中',
  done: '已完成',
  cancelled: '已取消',
};

/** `state` (my own) or `phase` (the activity's); `state: cancelled` also lists enrollments I cancelled myself. */
export const ActivityMineInput = ListInput.extend({
  phase: z.enum(ACTIVITY_PHASES).optional(),
  state: z.enum(MY_ACTIVITY_STATES).optional(),
});
export type ActivityMineInput = z.infer<typeof ActivityMineInput>;
export const ActivityMineOutput = listOf(
  ActivityListItem.extend({
    enrollment: Enrollment,
    myState: z.enum(MY_ACTIVITY_STATES),
    /** My credited minutes in it so far (days of a cancelled activity count for nothing). */
    myMinutes: z.number().int(),
  }),
);
export type ActivityMineOutput = z.infer<typeof ActivityMineOutput>;

export const ActivityPublishedInput = ListInput.extend({ orgId: z.string().min(1), phase: z.enum(ACTIVITY_PHASES).optional() });
export type ActivityPublishedInput = z.infer<typeof ActivityPublishedInput>;
export const ActivityPublishedOutput = listOf(ActivityListItem);
export type ActivityPublishedOutput = z.infer<typeof ActivityPublishedOutput>;

export const ActivityEnrollmentsInput = ListInput.extend({ activityId: z.string().min(1), status: z.enum(ENROLLMENT_STATUSES).optional() });
export type ActivityEnrollmentsInput = z.infer<typeof ActivityEnrollmentsInput>;
export const EnrolledVolunteer = Enrollment.extend({ realName: z.string(), phoneMasked: z.string() });
export type EnrolledVolunteer = z.infer<typeof EnrolledVolunteer>;
export const ActivityEnrollmentsOutput = listOf(EnrolledVolunteer);
export type ActivityEnrollmentsOutput = z.infer<typeof ActivityEnrollmentsOutput>;

/**
 * An admin records how many people were served once the activity has started, and its 回顾: a short summary (附件3's
 * highlights) and up to 9 of the activity's photos by photoId (given: replaces the choice; absent: keeps it).
 */
export const ActivityRecordServedInput = z.object({
  activityId: z.string().min(1),
  servedCount: z.number().int().min(0, '服务人数不能为负').max(1_000_000, '服务人数过大'),
  summary: z.string().trim().max(500, '总结最多500字').optional(),
  recapPhotoIds: z
    .array(z.string().min(1).max(64))
    .max(ACTIVITY_PHOTOS_MAX, `回顾最多选${ACTIVITY_PHOTOS_MAX}张照片`)
    .refine((ids) => new Set(ids).size === ids.length, '同一张照片只能选一次')
    .optional(),
});
export type ActivityRecordServedInput = z.infer<typeof ActivityRecordServedInput>;

/** The organizer's number the admin chose to show (contactName/contactPhone), in full for the enrolled and the team's managers. */
export const ActivityContactOutput = z.object({ contactName: z.string().optional(), contactPhone: z.string() });
export type ActivityContactOutput = z.infer<typeof ActivityContactOutput>;

/** 活动照片: a team manager adds a picture (jpeg/png/webp, at most 1 MB, at most 9 per activity). */
export const ActivityAddPhotoInput = z.object({ activityId: z.string().min(1).max(64), ...PhotoUploadFields });
export type ActivityAddPhotoInput = z.infer<typeof ActivityAddPhotoInput>;
export const ActivityPhotoOutput = z.object({ photo: PhotoView });
export type ActivityPhotoOutput = z.infer<typeof ActivityPhotoOutput>;

export const ActivityRemovePhotoInput = z.object({ activityId: z.string().min(1).max(64), photoId: z.string().min(1).max(64) });
export type ActivityRemovePhotoInput = z.infer<typeof ActivityRemovePhotoInput>;
export const ActivityRemovePhotoOutput = z.object({ removed: z.literal(true) });
export type ActivityRemovePhotoOutput = z.infer<typeof ActivityRemovePhotoOutput>;
