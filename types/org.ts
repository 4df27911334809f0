// org function contract: the 总队—支队—分队 tree, its teams and their public search.
import { z } from 'zod';
import { DateSchema, IsoTimeSchema, KeywordSchema, ListInput, PhoneSchema, RegionSchema, listOf } from './common';
import { ApplicantProfile } from './review';
import { MEMBERSHIP_STATUSES, ORG_LEVELS, ORG_STATUSES, ROLES, SERVICE_CATEGORIES, SUPERVISOR_TYPES, type OrgLevel } from './enums';

export const Org = z.object({
  _id: z.string(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  parentId: z.string().nullable(),
  /** ids from the root down to the parent: ancestors of this team. */
  path: z.array(z.string()),
  region: RegionSchema,
  intro: z.string().optional(),
  status: z.enum(ORG_STATUSES),
  leaderOpenid: z.string().optional(),
  /** Set when a review rejected the application: the applicant sees why. */
  rejectReason: z.string().optional(),
  serviceCategories: z.array(z.enum(SERVICE_CATEGORIES)).optional(),
  contactName: z.string().optional(),
  /** Masked unless the caller manages the team. */
  contactPhone: z.string().optional(),
  registeredWithCivilAffairs: z.boolean().optional(),
  supervisorType: z.enum(SUPERVISOR_TYPES).optional(),
  foundedAt: DateSchema.optional(),
  createdAt: IsoTimeSchema,
});
export type Org = z.infer<typeof Org>;
/** A team as anyone may see it (org.search, org.get): no openid of anyone; org.get tells the caller `isLeader` instead. */
export const PublicOrg = Org.omit({ leaderOpenid: true });
export type PublicOrg = z.infer<typeof PublicOrg>;

export const OrgBootstrapRootInput = z.object({
  name: z.string().trim().min(2).max(40),
  region: RegionSchema,
  bootstrapToken: z.string().min(1),
});
export type OrgBootstrapRootInput = z.infer<typeof OrgBootstrapRootInput>;
export const OrgBootstrapRootOutput = z.object({ org: Org });

export const OrgSearchInput = ListInput.extend({
  keyword: KeywordSchema.optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  parentId: z.string().optional(),
});
export type OrgSearchInput = z.infer<typeof OrgSearchInput>;
export const OrgSearchOutput = listOf(PublicOrg);
export type OrgSearchOutput = z.infer<typeof OrgSearchOutput>;

/** Team names follow the seeds' pattern: XX市科技志愿服务队, XX学会科技志愿服务分队 … */
export const ORG_NAME_PATTERN = /科技志愿服务(总队|支队|大队|队|分队|服务团)$/;
export const OrgNameSchema = z
  .string()
  .trim()
  .min(6, '队伍名称过短')
  .max(40, '队伍名称最多40个字')
  .regex(ORG_NAME_PATTERN, '队伍名称应以“科技志愿服务队/支队/分队…”结尾，如“兰州市科技志愿服务队”');

export const OrgRegisterInput = z.object({
  name: OrgNameSchema,
  parentId: z.string().min(1, '请选择上级队伍'),
  level: z.enum(ORG_LEVELS),
  region: RegionSchema,
  intro: z.string().trim().min(1, '请填写队伍简介').max(100, '简介最多100字'),
  contactName: z.string().trim().min(2, '请填写联系人').max(20),
  /** Absent: the applicant's own phone (the form offers it without ever holding it in full). */
  contactPhone: PhoneSchema.optional(),
  serviceCategories: z.array(z.enum(SERVICE_CATEGORIES)).min(1, '至少选择一个服务类别'),
  registeredWithCivilAffairs: z.boolean(),
  supervisorType: z.enum(SUPERVISOR_TYPES).optional(),
  foundedAt: DateSchema.optional(),
});
export type OrgRegisterInput = z.infer<typeof OrgRegisterInput>;
export const OrgOutput = z.object({ org: Org });
export type OrgOutput = z.infer<typeof OrgOutput>;

export const DecisionSchema = z.enum(['approve', 'reject']);
const reviewFields = { decision: DecisionSchema, reason: z.string().trim().max(200).optional() };
const reasonOnReject = (v: { decision: 'approve' | 'reject'; reason?: string }) => v.decision === 'approve' || (v.reason ?? '').length > 0;
const reasonIssue = { message: '驳回时请填写原因', path: ['reason'] };

export const OrgReviewInput = z.object({ orgId: z.string().min(1), ...reviewFields }).refine(reasonOnReject, reasonIssue);
export type OrgReviewInput = z.infer<typeof OrgReviewInput>;

export const OrgIdInput = z.object({ orgId: z.string().min(1) });
export type OrgIdInput = z.infer<typeof OrgIdInput>;

/** The mini program page of a team: its invitation opens it with 申请加入 ready (`join=1`). */
export const ORG_PAGE = 'pages/org-detail/index';

/** 邀请加入: the path to share, the 小程序码 (data: URL) and its scene, which the team page resolves. */
export const OrgInviteLinkOutput = z.object({ path: z.string(), scene: z.string(), page: z.string(), wxacode: z.string() });
export type OrgInviteLinkOutput = z.infer<typeof OrgInviteLinkOutput>;
export const OrgOpenInviteInput = z.object({ scene: z.string().min(1).max(32) });
export type OrgOpenInviteInput = z.infer<typeof OrgOpenInviteInput>;
export const OrgOpenInviteOutput = z.object({ orgId: z.string() });
export type OrgOpenInviteOutput = z.infer<typeof OrgOpenInviteOutput>;

export const Membership = z.object({
  memberId: z.string(),
  orgId: z.string(),
  openid: z.string(),
  status: z.enum(MEMBERSHIP_STATUSES),
  role: z.enum(ROLES),
  appliedAt: IsoTimeSchema,
  reviewedAt: IsoTimeSchema.optional(),
  /** Why an application was rejected or a member removed (清退). */
  reason: z.string().optional(),
});
export type Membership = z.infer<typeof Membership>;
export const MembershipOutput = z.object({ membership: Membership });
export type MembershipOutput = z.infer<typeof MembershipOutput>;

/**
 * The levels a team may take under a parent of `parentLevel`: those below it in 总队 › 支队 › 大队 › 队 › 分队 › 服务团
 * (every level while the parent's is not known).
 */
export function orgLevelsBelow(parentLevel: string | undefined): OrgLevel[] {
  const i = ORG_LEVELS.findIndex((l) => l === parentLevel);
  return i < 0 ? [...ORG_LEVELS] : ORG_LEVELS.slice(i + 1);
}

export const OrgGetOutput = z.object({
  org: PublicOrg,
  parent: PublicOrg.nullable(),
  children: z.array(PublicOrg),
  memberCount: z.number().int(),
  /** Whether the caller leads this team (what the app would otherwise read from an openid). */
  isLeader: z.boolean().default(false),
  /** The caller's own membership, if any. */
  myMembership: Membership.nullable(),
  /** Whether the caller applied for this team (队伍注册): while it is reviewed they have no membership yet. */
  isApplicant: z.boolean().default(false),
  /** Whether the caller may manage this team (its leader/admins) or read it as an ancestor's leader/admin. */
  canManage: z.boolean(),
  canRead: z.boolean(),
  /** 公章: whether the team's leader has uploaded its seal (told to the team's leader and admins only). */
  hasSeal: z.boolean().optional(),
});
export type OrgGetOutput = z.infer<typeof OrgGetOutput>;

/** 成员管理's 近90天活跃: a day record with the team within the last this many days, today included. */
export const ACTIVE_MEMBER_DAYS = 90;
const FILTER_EARLIEST = '2000-01-01';
const FILTER_LATEST = '2099-12-31';
/**
 * 成员管理's search: part of a name, a whole phone (11 digits) or a phone's last 4 digits. Other runs of digits name
 * nobody and are refused, so that a half-typed number is not mistaken for a name.
 */
export const MemberQuerySchema = KeywordSchema.refine(
  (s) => !/^\d+$/.test(s) || s.length === 4 || /^1[3-9]\d{9}$/.test(s),
  '请输入姓名、完整手机号或手机号后4位',
);
/** Who of a team's members a list or an export shows: its status, role, join dates, activity and a search. */
const memberFilterFields = {
  orgId: z.string().min(1),
  status: z.enum(MEMBERSHIP_STATUSES).optional(),
  q: MemberQuerySchema.optional(),
  role: z.enum(ROLES).optional(),
  /** Joined (approved; applied, for one not yet reviewed) on or after this Asia/Shanghai date. */
  joinedFrom: DateSchema.optional(),
  /** … and on or before this one. */
  joinedTo: DateSchema.optional(),
  /** Only those with a day record of the team within ACTIVE_MEMBER_DAYS days up to the server's today. */
  active90: z.boolean().optional(),
};
const joinedProblem = (v: { joinedFrom?: string; joinedTo?: string }): string | undefined => {
  for (const d of [v.joinedFrom, v.joinedTo]) if (d && (d < FILTER_EARLIEST || d > FILTER_LATEST)) return '加入时间须在2000年至2099年之间';
  if (v.joinedFrom && v.joinedTo && v.joinedFrom > v.joinedTo) return '加入时间的开始日期不能晚于结束日期';
  return undefined;
};
const joinedRefinement = [
  (v: { joinedFrom?: string; joinedTo?: string }) => joinedProblem(v) === undefined,
  (v: { joinedFrom?: string; joinedTo?: string }) => ({ message: joinedProblem(v) ?? '', path: ['joinedTo'] }),
] as const;
export const OrgMembersInput = ListInput.extend(memberFilterFields).refine(...joinedRefinement);
export type OrgMembersInput = z.infer<typeof OrgMembersInput>;
export const Member = z.object({
  memberId: z.string(),
  openid: z.string(),
  realName: z.string(),
  phoneMasked: z.string(),
  volunteerNo: z.string().optional(),
  /** 全国志愿者统一编号, when the volunteer entered it. */
  nationalVolunteerId: z.string().optional(),
  status: z.enum(MEMBERSHIP_STATUSES),
  role: z.enum(ROLES),
  appliedAt: IsoTimeSchema,
  reason: z.string().optional(),
});
export type Member = z.infer<typeof Member>;
/** A member as 成员管理 lists them: with the join date and the time served with the team this year. */
export const TeamMember = Member.extend({
  /** Approved (or, not yet reviewed, applied) at. */
  joinedAt: IsoTimeSchema,
  /** Credited minutes of the team's day records this calendar year (Asia/Shanghai, by the server's clock); days of cancelled activities count nothing. */
  minutesThisYear: z.number().int(),
});
export type TeamMember = z.infer<typeof TeamMember>;
export const OrgMembersOutput = listOf(TeamMember);
export type OrgMembersOutput = z.infer<typeof OrgMembersOutput>;

export const OrgReviewMemberInput = z
  .object({ orgId: z.string().min(1), memberId: z.string().min(1), ...reviewFields })
  .refine(reasonOnReject, reasonIssue);
export type OrgReviewMemberInput = z.infer<typeof OrgReviewMemberInput>;

export const OrgSetRoleInput = z.object({ orgId: z.string().min(1), memberId: z.string().min(1), role: z.enum(['admin', 'member']) });
export type OrgSetRoleInput = z.infer<typeof OrgSetRoleInput>;

export const OrgRemoveMemberInput = z.object({
  orgId: z.string().min(1),
  memberId: z.string().min(1),
  reason: z.string().trim().min(1, '请填写清退原因').max(200),
});
export type OrgRemoveMemberInput = z.infer<typeof OrgRemoveMemberInput>;

/** The approvals inbox of a leader/admin: pending members and child teams of every team they manage. */
/** A volunteer's request to correct a day record (checkin.requestCorrection), as the inbox lists it. */
export const InboxCorrection = z.object({
  correctionId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  activityId: z.string(),
  title: z.string(),
  realName: z.string(),
  date: DateSchema,
  note: z.string(),
  createdAt: IsoTimeSchema,
});
export type InboxCorrection = z.infer<typeof InboxCorrection>;

export const OrgInboxOutput = z.object({
  /** `profile`: what the reviewer judges the application by (types/review ApplicantProfile). */
  members: z.array(Member.extend({ orgId: z.string(), orgName: z.string(), profile: ApplicantProfile.optional() })),
  orgs: z.array(Org),
  /** Pending corrections and disputes of day records (answered on admin/corrections). */
  corrections: z.array(InboxCorrection),
  counts: z.object({ members: z.number().int(), orgs: z.number().int(), corrections: z.number().int(), total: z.number().int() }),
});
export type OrgInboxOutput = z.infer<typeof OrgInboxOutput>;

/** Teams the caller leads or administers (for the admin entry on 我的). */
export const OrgManagedOutput = z.object({
  items: z.array(
    Org.extend({
      role: z.enum(ROLES),
      /** 供需对接: whether the team lets the teams below it take its open needs from 需求广场 (need.setSelfService). */
      needSelfService: z.boolean(),
    }),
  ),
});
export type OrgManagedOutput = z.infer<typeof OrgManagedOutput>;

/** 集体注册: the 科技志愿者集体注册信息表 template (附件2 of notice 002, not the report's 附件2 支队基本情况表), xlsx base64, filled by a team admin. Cloud fileIDs are not accepted yet. */
export const OrgImportVolunteersInput = z.object({
  orgId: z.string().min(1),
  file: z.string().min(1, '请上传文件').max(7_000_000, '文件过大（最多5MB）'),
});
export type OrgImportVolunteersInput = z.infer<typeof OrgImportVolunteersInput>;
/** A problem of one cell of a row: the template's Chinese column header and what is wrong, in Chinese. */
export const ImportCellError = z.object({ column: z.string(), message: z.string() });
/** `message` of a refused row lists all of `errors` as “列名：问题；…”. */
export const ImportRowResult = z.object({
  row: z.number().int(),
  ok: z.boolean(),
  code: z.string().optional(),
  message: z.string().optional(),
  name: z.string().optional(),
  errors: z.array(ImportCellError).optional(),
  /** What an imported row became: `created` (an invitation waiting for the person's SMS) or `invited` (already registered). */
  outcome: z.enum(['created', 'invited']).optional(),
  /** The row's phone as the file gave it, masked (138****8002); never anything the server found. */
  phoneMasked: z.string().optional(),
});
export const OrgImportVolunteersOutput = z.object({
  /** New people: an invitation waits for their own SMS verification on first opening the mini program. */
  created: z.number().int(),
  /**
   * Rows whose phone or ID number is already registered: every one reads 已发出邀请 alike, whether or not the pair names
   * one volunteer (only then does that volunteer get an invitation, which they accept or decline: org.answerInvitation).
   */
  invited: z.number().int(),
  rows: z.array(ImportRowResult),
  /** The team the rows were imported into. */
  orgId: z.string(),
  orgName: z.string(),
});
export type OrgImportVolunteersOutput = z.infer<typeof OrgImportVolunteersOutput>;
export const FileOutput = z.object({ fileName: z.string(), base64: z.string() });
export type FileOutput = z.infer<typeof FileOutput>;

/** A team's invitation to the caller (集体注册 of someone already registered): not a membership until accepted. */
export const OrgInvitation = z.object({
  invitationId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgLevel: z.enum(ORG_LEVELS).optional(),
  invitedAt: IsoTimeSchema,
});
export type OrgInvitation = z.infer<typeof OrgInvitation>;
export const OrgInvitationsOutput = z.object({ items: z.array(OrgInvitation) });
export type OrgInvitationsOutput = z.infer<typeof OrgInvitationsOutput>;

export const INVITATION_DECISIONS = ['accept', 'decline'] as const;
export const OrgAnswerInvitationInput = z.object({ invitationId: z.string().min(1).max(200), decision: z.enum(INVITATION_DECISIONS) });
export type OrgAnswerInvitationInput = z.infer<typeof OrgAnswerInvitationInput>;
/** accept: the approved membership; decline: null (the invitation is gone). */
export const OrgAnswerInvitationOutput = z.object({ membership: Membership.nullable() });
export type OrgAnswerInvitationOutput = z.infer<typeof OrgAnswerInvitationOutput>;

/** 拨打: a member's full phone, for the leader and admins of that team only (audited). */
export const OrgMemberPhoneInput = z.object({ orgId: z.string().min(1), openid: z.string().min(1).max(64) });
export type OrgMemberPhoneInput = z.infer<typeof OrgMemberPhoneInput>;
export const OrgMemberPhoneOutput = z.object({ realName: z.string(), phone: z.string() });
export type OrgMemberPhoneOutput = z.infer<typeof OrgMemberPhoneOutput>;

/** 导出名单: the members org.members would list with the same filters, every page, as xlsx. */
export const OrgExportMembersInput = z.object(memberFilterFields).refine(...joinedRefinement);
export type OrgExportMembersInput = z.infer<typeof OrgExportMembersInput>;

// ---- 公章: the image of a team's seal, printed on its certificates ----

/** The seal as the phone sends it: PNG (a transparent background prints best) or JPEG. */
export const SEAL_TYPES = ['image/png', 'image/jpeg'] as const;
export type SealType = (typeof SEAL_TYPES)[number];
/** At most 512 KB decoded: a seal is small, and every certificate of the team reads it. */
export const SEAL_MAX_BYTES = 512 * 1024;
/** The base64 text of SEAL_MAX_BYTES, rounded up to whole groups of four. */
export const SEAL_MAX_BASE64 = Math.ceil(SEAL_MAX_BYTES / 3) * 4;
/** Each side of the seal picture, in pixels. */
export const SEAL_MIN_SIDE = 32;
export const SEAL_MAX_SIDE = 4096;

export const OrgSetSealInput = z.object({
  orgId: z.string().min(1).max(64),
  contentType: z.enum(SEAL_TYPES, { errorMap: () => ({ message: '公章图片仅支持PNG或JPEG格式' }) }),
  dataBase64: z
    .string()
    .min(1, '请选择公章图片')
    // A little over the limit still parses, so that the answer can say "too large" rather than "invalid".
    .max(SEAL_MAX_BASE64 + 1024, '公章图片不能超过512KB，请压缩后再上传')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '图片数据不是有效的base64'),
});
export type OrgSetSealInput = z.infer<typeof OrgSetSealInput>;
export const OrgSetSealOutput = z.object({
  orgId: z.string(),
  hasSeal: z.literal(true),
  setAt: IsoTimeSchema,
  /** An earlier seal was replaced (its file deleted). */
  replaced: z.boolean(),
});
export type OrgSetSealOutput = z.infer<typeof OrgSetSealOutput>;
