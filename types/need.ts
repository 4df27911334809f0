// 供需对接 (need function): 群众点单、中心派单、志愿者接单、群众评单. A 需求方 (a 社区, 学校, 村委会, 企业, 科普教育基地
// or a person) posts a need with an SMS-verified contact; the leaders and admins of the team covering its region
// dispatch it to one of their teams; that team's admins accept it (an activity draft follows) or decline it; after the
// linked activity the 需求方 rates it once.
import { z } from 'zod';
import { DateSchema, IsoTimeSchema, ListInput, PhoneSchema, RegionSchema, SmsCodeSchema, listOf, plainText } from './common';
import { ORG_LEVELS, SERVICE_CATEGORIES } from './enums';
import { GeoPointSchema } from './activity';
import { PhotoUploadFields, PhotoView } from './photo';

export const REQUESTER_KINDS = ['社区', '学校', '村委会', '企业', '科普教育基地', '个人'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

/** What is stored: open (待响应), dispatched (已派单), accepted (已接单), rated (已完成, rated), closed (已关闭). */
export const NEED_STATUSES = ['open', 'dispatched', 'accepted', 'rated', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** What the 需求方 and the teams see: the stored status, refined by the linked activity's phase. */
export const NEED_PROGRESS = ['待响应', '已派单', '已接单', '服务中', '待评价', '已完成', '已关闭'] as const;
export type NeedProgress = (typeof NEED_PROGRESS)[number];

export const RATING_TAGS = ['准时', '专业', '热情', '耐心', '内容实用', '组织有序'] as const;
export type RatingTag = (typeof RATING_TAGS)[number];

export const NEED_TITLE_MAX = 40;
export const NEED_DESCRIPTION_MAX = 1000;
export const NEED_REASON_MAX = 200;
export const NEED_NOTE_MAX = 200;
/** Needs one phone may post per Asia/Shanghai day. */
export const NEED_POSTS_PER_PHONE_DAY = 3;
/** Days a 需求方 has to rate after the linked activity ended. */
export const RATING_WINDOW_DAYS = 30;
/** Days an undispatched need waits at a team before it moves up to the parent (NEED_ESCALATE_DAYS overrides). */
export const DEFAULT_ESCALATE_DAYS = 3;
/** 现场照片 a need holds at most (选填, added by its 需求方 while it is open or dispatched). */
export const NEED_PHOTOS_MAX = 3;

export const NeedPostInput = z
  .object({
    requesterKind: z.enum(REQUESTER_KINDS),
    /** The 社区, school, village, company or base asking; a person leaves it out. */
    requesterName: plainText(40, '单位名称').optional(),
    category: z.enum(SERVICE_CATEGORIES),
    title: plainText(NEED_TITLE_MAX, '标题').pipe(z.string().min(4, '标题至少4个字')),
    description: plainText(NEED_DESCRIPTION_MAX, '需求描述').pipe(z.string().min(10, '需求描述至少10个字')),
    region: RegionSchema,
    address: plainText(100, '地址').pipe(z.string().min(2, '请填写地址')),
    location: GeoPointSchema.optional(),
    preferredFrom: DateSchema,
    preferredTo: DateSchema,
    audienceSize: z.number().int().min(1, '预计受众至少1人').max(100000, '预计受众人数过大'),
    contactName: plainText(20, '联系人').pipe(z.string().min(2, '请填写联系人')),
    phone: PhoneSchema,
    smsCode: SmsCodeSchema,
  })
  .refine((n) => n.requesterKind === '个人' || (n.requesterName?.length ?? 0) >= 2, {
    message: '请填写单位名称',
    path: ['requesterName'],
  })
  .refine((n) => n.preferredFrom <= n.preferredTo, { message: '期望结束日期不能早于开始日期', path: ['preferredTo'] });
export type NeedPostInput = z.infer<typeof NeedPostInput>;

export const NeedRating = z.object({
  stars: z.number().int().min(1).max(5),
  tags: z.array(z.enum(RATING_TAGS)),
  comment: z.string().optional(),
  ratedAt: IsoTimeSchema,
});
export type NeedRating = z.infer<typeof NeedRating>;

/** One step of a need's history, newest last. */
export const NeedStep = z.object({
  step: z.enum(['posted', 'escalated', 'dispatched', 'accepted', 'declined', 'taken', 'linked', 'closed', 'rated']),
  at: IsoTimeSchema,
  orgName: z.string().optional(),
  /** A dispatch note, a decline or close reason. */
  text: z.string().optional(),
});
export type NeedStep = z.infer<typeof NeedStep>;

export const NeedView = z.object({
  needId: z.string(),
  requesterKind: z.enum(REQUESTER_KINDS),
  requesterName: z.string().optional(),
  category: z.enum(SERVICE_CATEGORIES),
  title: z.string(),
  description: z.string(),
  region: RegionSchema,
  address: z.string(),
  location: GeoPointSchema.optional(),
  preferredFrom: DateSchema,
  preferredTo: DateSchema,
  audienceSize: z.number().int(),
  contactName: z.string(),
  /** Whole for the 需求方 and the team handling it; masked (138****0000) for everyone else. */
  contactPhone: z.string(),
  status: z.enum(NEED_STATUSES),
  progress: z.enum(NEED_PROGRESS),
  /** The team whose leaders dispatch it now (the covering team, or above after escalation). */
  coveringOrgId: z.string(),
  coveringOrgName: z.string(),
  /** The team it was dispatched to (and that accepted it). */
  assignedOrgId: z.string().optional(),
  assignedOrgName: z.string().optional(),
  activityId: z.string().optional(),
  closeReason: z.string().optional(),
  rating: NeedRating.optional(),
  postedAt: IsoTimeSchema,
  history: z.array(NeedStep),
  /** 现场照片, oldest first, with temporary addresses (lists too: one storage call per answer). */
  photos: z.array(PhotoView).default([]),
  /** What the caller may do now (the page shows these buttons only). */
  can: z.object({
    dispatch: z.boolean(),
    close: z.boolean(),
    accept: z.boolean(),
    decline: z.boolean(),
    take: z.boolean(),
    rate: z.boolean(),
    /** The 需求方 may add and remove 现场照片 (open or dispatched). */
    photos: z.boolean(),
  }),
});
export type NeedView = z.infer<typeof NeedView>;

export const NeedOutput = z.object({ need: NeedView });
export type NeedOutput = z.infer<typeof NeedOutput>;
export const NeedIdInput = z.object({ needId: z.string().min(1).max(64) });
export type NeedIdInput = z.infer<typeof NeedIdInput>;

export const NeedListOutput = listOf(NeedView);
export type NeedListOutput = z.infer<typeof NeedListOutput>;

export const NeedMineInput = ListInput;
export type NeedMineInput = z.infer<typeof NeedMineInput>;

/** 派单箱: needs the caller's teams cover (theirs and every team below), or those dispatched to them. */
export const NEED_INBOX_BOXES = ['toDispatch', 'toAccept', 'handling', 'done'] as const;
export type NeedInboxBox = (typeof NEED_INBOX_BOXES)[number];
export const NeedInboxInput = ListInput.extend({ box: z.enum(NEED_INBOX_BOXES) });
export type NeedInboxInput = z.infer<typeof NeedInboxInput>;
export const NeedInboxOutput = NeedListOutput.extend({
  /** Counts per box for the badges (toDispatch and toAccept are the to-dos). */
  counts: z.object({ toDispatch: z.number().int(), toAccept: z.number().int() }),
});
export type NeedInboxOutput = z.infer<typeof NeedInboxOutput>;

export const NeedDispatchInput = NeedIdInput.extend({
  orgId: z.string().min(1).max(64),
  note: plainText(NEED_NOTE_MAX, '派单说明').optional(),
});
export type NeedDispatchInput = z.infer<typeof NeedDispatchInput>;

/** 派单's choices: every team the caller may send the need to, as a tree (each team right after its parent). */
export const NeedDispatchTarget = z.object({
  orgId: z.string(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  /** Steps below the caller's topmost team listed (0 for it). */
  depth: z.number().int().min(0),
});
export type NeedDispatchTarget = z.infer<typeof NeedDispatchTarget>;
export const NeedDispatchTargetsOutput = z.object({ items: z.array(NeedDispatchTarget) });
export type NeedDispatchTargetsOutput = z.infer<typeof NeedDispatchTargetsOutput>;

const reason = plainText(NEED_REASON_MAX, '原因').pipe(z.string().min(2, '请填写原因'));
export const NeedReasonInput = NeedIdInput.extend({ reason });
export type NeedReasonInput = z.infer<typeof NeedReasonInput>;

/** 需求广场: open needs that allow self-service, in a region and category. */
export const NeedSquareInput = ListInput.extend({
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  category: z.enum(SERVICE_CATEGORIES).optional(),
});
export type NeedSquareInput = z.infer<typeof NeedSquareInput>;

export const NeedTakeInput = NeedIdInput.extend({ orgId: z.string().min(1).max(64) });
export type NeedTakeInput = z.infer<typeof NeedTakeInput>;

export const NeedRateInput = NeedIdInput.extend({
  stars: z.number().int().min(1, '请选择星级').max(5, '最多5星'),
  tags: z.array(z.enum(RATING_TAGS)).max(RATING_TAGS.length).optional(),
  comment: plainText(300, '评价').optional(),
});
export type NeedRateInput = z.infer<typeof NeedRateInput>;

/** What accepting answers: the need, and the fields of the activity draft it prefills (published through activity.publish with needId). */
export const NeedAcceptOutput = NeedOutput.extend({
  draft: z.object({
    needId: z.string(),
    orgId: z.string(),
    title: z.string(),
    category: z.enum(SERVICE_CATEGORIES),
    description: z.string(),
    region: RegionSchema,
    address: z.string(),
    location: GeoPointSchema.optional(),
    startDate: DateSchema,
    endDate: DateSchema,
  }),
});
export type NeedAcceptOutput = z.infer<typeof NeedAcceptOutput>;

/** need.addPhoto: one 现场照片 from the 需求方 (the limits of types/photo). */
export const NeedAddPhotoInput = NeedIdInput.extend(PhotoUploadFields);
export type NeedAddPhotoInput = z.infer<typeof NeedAddPhotoInput>;
export const NeedPhotoOutput = z.object({ photo: PhotoView });
export type NeedPhotoOutput = z.infer<typeof NeedPhotoOutput>;
export const NeedRemovePhotoInput = NeedIdInput.extend({ photoId: z.string().min(1).max(64) });
export type NeedRemovePhotoInput = z.infer<typeof NeedRemovePhotoInput>;
export const NeedRemovePhotoOutput = z.object({ removed: z.literal(true) });
export type NeedRemovePhotoOutput = z.infer<typeof NeedRemovePhotoOutput>;

/** The page a need opens on (messages link to it). */
export const needPage = (needId: string) => `pages/need/index?id=${encodeURIComponent(needId)}`;

export const NeedSelfServiceInput = z.object({ orgId: z.string().min(1).max(64), allow: z.boolean() });
export type NeedSelfServiceInput = z.infer<typeof NeedSelfServiceInput>;
export const NeedSelfServiceOutput = NeedSelfServiceInput;
export type NeedSelfServiceOutput = z.infer<typeof NeedSelfServiceOutput>;

/** What an activity draft is made of: the need's own fields (a stored need or a need as answered). */
export type NeedDraftSource = Pick<
  NeedView,
  | 'title'
  | 'category'
  | 'description'
  | 'requesterName'
  | 'requesterKind'
  | 'audienceSize'
  | 'region'
  | 'address'
  | 'location'
  | 'preferredFrom'
  | 'preferredTo'
>;

/** The activity draft accepting a need answers (and the publish page builds again when opened later): its title, category, place and preferred days, who asked and how many. */
export function needDraftOf(needId: string, n: NeedDraftSource, orgId: string): NeedAcceptOutput['draft'] {
  return {
    needId,
    orgId,
    title: n.title,
    category: n.category,
    description: `${n.description}\n（需求方：${n.requesterName ?? n.requesterKind}，预计受众${n.audienceSize}人）`,
    region: n.region,
    address: n.address,
    ...(n.location ? { location: n.location } : {}),
    startDate: n.preferredFrom,
    endDate: n.preferredTo,
  };
}
