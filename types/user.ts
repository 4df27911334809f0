// user function contract: registration, the volunteer profile and "我的".
import { z } from 'zod';
import { NationalVolunteerIdSchema } from './handoff';
import { PhoneSchema, RegionSchema, SmsCodeSchema, IsoTimeSchema, ListInput, listOf } from './common';
import {
  AVAILABLE_TIMES,
  EDUCATIONS,
  ETHNICITIES,
  FOUR_HEADS,
  GENDERS,
  MEMBERSHIP_STATUSES,
  OCCUPATIONS,
  ORG_STATUSES,
  POLITICAL_STATUSES,
  ROLES,
  SERVICE_CATEGORIES,
  SERVICE_FIELDS,
} from './enums';
import { genderMismatch, isValidIdNumber } from './id-number';

export const VOLUNTEER_STATUSES = ['active', 'frozen'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

export const IdNumberSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isValidIdNumber, '请输入有效的18位居民身份证号码');

const text = (max: number) => z.string().trim().max(max);

export const ProfileFields = z.object({
  realName: z
    .string()
    .trim()
    .min(2, '请输入真实姓名')
    .max(20, '姓名过长')
    .regex(/^[\u4e00-\u9fa5·A-Za-z ]+$/, '姓名只能包含汉字、字母和·'),
  gender: z.enum(GENDERS),
  education: z.enum(EDUCATIONS),
  employer: text(60).optional(),
  title: text(30).optional(),
  region: RegionSchema,
  serviceCategories: z.array(z.enum(SERVICE_CATEGORIES)).min(1, '至少选择一个服务类别').max(SERVICE_CATEGORIES.length),
  skills: text(200).optional(),
  politicalStatus: z.enum(POLITICAL_STATUSES).optional(),
  ethnicity: z.enum(ETHNICITIES).optional(),
  occupation: z.enum(OCCUPATIONS).optional(),
  serviceFields: z.array(z.enum(SERVICE_FIELDS)).max(SERVICE_FIELDS.length).optional(),
  availableTimes: z.array(z.enum(AVAILABLE_TIMES)).max(AVAILABLE_TIMES.length).optional(),
  fourHeads: z.enum(FOUR_HEADS).optional(),
});

/** 性别 may be left out (the ID number gives it); one that disagrees with the number is refused, named 性别. */
export function refineGender(v: { gender?: (typeof GENDERS)[number]; idNumber: string }, ctx: z.RefinementCtx): void {
  const problem = genderMismatch(v.gender, v.idNumber);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['gender'], message: `性别${problem}` });
}

/** How long the proof of a phone WeChat verified (user.phoneFromWeixin) may be used to register. */
export const PHONE_PROOF_TTL_SEC = 600;
/** The server-minted proof: 32 hex characters, unguessable, bound to the caller's openid and the phone. */
export const PhoneProofSchema = z.string().regex(/^[0-9a-f]{32}$/, '微信手机号验证无效，请重新获取或使用短信验证码');

/** 微信手机号快捷填写: the `code` of the getPhoneNumber button, exchanged with WeChat on the server. */
export const UserPhoneFromWeixinInput = z.object({ code: z.string().min(1).max(128) });
export type UserPhoneFromWeixinInput = z.infer<typeof UserPhoneFromWeixinInput>;
/** The caller's phone as WeChat verified it, and the proof user.register accepts instead of an SMS code. */
export const UserPhoneFromWeixinOutput = z.object({ phone: PhoneSchema, phoneProof: z.string(), expiresInSec: z.number().int() });
export type UserPhoneFromWeixinOutput = z.infer<typeof UserPhoneFromWeixinOutput>;

/** The phone is proven by exactly one of an SMS code (purpose `register`) or a phone proof of user.phoneFromWeixin. */
function refineProof(v: { smsCode?: string; phoneProof?: string }, ctx: z.RefinementCtx): void {
  if (v.smsCode === undefined && v.phoneProof === undefined)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['smsCode'], message: '验证码为6位数字' });
  if (v.smsCode !== undefined && v.phoneProof !== undefined)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['phoneProof'], message: '短信验证码和微信手机号验证只需其一' });
}

export const UserRegisterInput = ProfileFields.extend({
  gender: z.enum(GENDERS).optional(),
  phone: PhoneSchema,
  smsCode: SmsCodeSchema.optional(),
  phoneProof: PhoneProofSchema.optional(),
  idNumber: IdNumberSchema,
  orgIds: z
    .array(z.string().min(1))
    .min(1, '至少选择一支志愿服务队伍')
    .max(5, '最多选择5支队伍')
    .refine((ids) => new Set(ids).size === ids.length, '队伍不能重复'),
  consentVersion: z.string().min(1, '请阅读并同意隐私政策和志愿者服务协议'),
})
  .superRefine(refineGender)
  .superRefine(refineProof);
export type UserRegisterInput = z.infer<typeof UserRegisterInput>;

export const Volunteer = z.object({
  openid: z.string(),
  volunteerNo: z.string(),
  realName: z.string(),
  gender: z.enum(GENDERS),
  phoneMasked: z.string(),
  idNumberMasked: z.string(),
  birthDate: z.string(),
  education: z.enum(EDUCATIONS),
  employer: z.string().optional(),
  title: z.string().optional(),
  region: RegionSchema,
  serviceCategories: z.array(z.enum(SERVICE_CATEGORIES)),
  skills: z.string().optional(),
  politicalStatus: z.enum(POLITICAL_STATUSES).optional(),
  ethnicity: z.enum(ETHNICITIES).optional(),
  occupation: z.enum(OCCUPATIONS).optional(),
  serviceFields: z.array(z.enum(SERVICE_FIELDS)).optional(),
  availableTimes: z.array(z.enum(AVAILABLE_TIMES)).optional(),
  fourHeads: z.enum(FOUR_HEADS).optional(),
  /** 全国志愿者统一编号, once the volunteer (or a team admin) entered it: shown beside our 志愿者编号, handed off with the records. */
  nationalVolunteerId: z.string().optional(),
  registeredAt: IsoTimeSchema,
  /** `frozen`: an upheld 身份冲突 appeal found the ID number was someone else's; records stay, the account acts no more. */
  status: z.enum(VOLUNTEER_STATUSES).default('active'),
  frozenAt: IsoTimeSchema.optional(),
});
export type Volunteer = z.infer<typeof Volunteer>;

export const UserRegisterOutput = z.object({ volunteer: Volunteer });
export type UserRegisterOutput = z.infer<typeof UserRegisterOutput>;

export const MembershipSummary = z.object({
  orgId: z.string(),
  orgName: z.string(),
  status: z.enum(MEMBERSHIP_STATUSES),
  role: z.enum(ROLES),
});
export const UserMeOutput = z.object({
  volunteer: Volunteer,
  memberships: z.array(MembershipSummary),
  /** Teams the volunteer applied to register (队伍注册) still under review: they lead it once approved. */
  teamApplications: z.array(z.object({ orgId: z.string(), orgName: z.string(), status: z.enum(ORG_STATUSES) })).default([]),
  totals: z.object({ minutes: z.number().int(), activities: z.number().int() }),
});
export type UserMeOutput = z.infer<typeof UserMeOutput>;

export const REAL_NAME_FIXED = '真实姓名用于志愿服务证明，不能自行修改；如有错误请联系所在队伍申请更正';

/**
 * Every profile field may change except the phone (changePhone), the ID number (fixed at registration) and the real
 * name: certificates print it, so it changes only through a reviewed path (身份核验), never here; sending it is refused.
 */
export const UserUpdateProfileInput = ProfileFields.omit({ realName: true })
  .partial()
  .extend({
    realName: z.undefined({ errorMap: () => ({ message: REAL_NAME_FIXED }) }).optional(),
    nationalVolunteerId: NationalVolunteerIdSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), '没有需要修改的内容');
export type UserUpdateProfileInput = z.infer<typeof UserUpdateProfileInput>;
export const VolunteerOutput = z.object({ volunteer: Volunteer });
export type VolunteerOutput = z.infer<typeof VolunteerOutput>;

export const UserChangePhoneInput = z.object({ phone: PhoneSchema, smsCode: SmsCodeSchema });
export type UserChangePhoneInput = z.infer<typeof UserChangePhoneInput>;

/** 注销: the person is anonymised; service records stay (民政部令第67号 keeps records truthful and complete). */
export const UserWithdrawInput = z.object({ confirm: z.literal(true, { errorMap: () => ({ message: '请确认注销' }) }) });
export type UserWithdrawInput = z.infer<typeof UserWithdrawInput>;
export const UserWithdrawOutput = z.object({ withdrawnAt: IsoTimeSchema });

/** 激活: a person imported by a team (集体注册) verifies the phone the team entered and becomes a volunteer. */
export const UserActivateInput = z.object({
  phone: PhoneSchema,
  smsCode: SmsCodeSchema,
  consentVersion: z.string().min(1, '请阅读并同意隐私政策和志愿者服务协议'),
});
export type UserActivateInput = z.infer<typeof UserActivateInput>;

// ---- 身份冲突 appeals: the owner of an ID number someone else registered gets it back through a root admin ----

export const APPEAL_STATUSES = ['pending', 'upheld', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_STATUS_LABEL: Record<AppealStatus, string> = { pending: '待核验', upheld: '已核实，可重新注册', rejected: '未通过' };
export const APPEAL_STATEMENT_MAX = 500;
export const APPEAL_REASON_MAX = 200;

/** Filed after user.register answered USER.ID_NUMBER_TAKEN: the phone proved by a 注册 SMS code, so it is no oracle. */
export const UserAppealIdentityInput = z.object({
  phone: PhoneSchema,
  smsCode: SmsCodeSchema,
  idNumber: IdNumberSchema,
  realName: ProfileFields.shape.realName,
  statement: z.string().trim().min(10, '请说明情况（至少10个字）').max(APPEAL_STATEMENT_MAX, `说明最多${APPEAL_STATEMENT_MAX}字`),
});
export type UserAppealIdentityInput = z.infer<typeof UserAppealIdentityInput>;

/** An appeal as its appellant sees it. */
export const MyAppeal = z.object({
  appealId: z.string(),
  status: z.enum(APPEAL_STATUSES),
  realName: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  statement: z.string(),
  createdAt: IsoTimeSchema,
  decidedAt: IsoTimeSchema.optional(),
  /** Why it was upheld or rejected, as the root admin wrote it. */
  reason: z.string().optional(),
});
export type MyAppeal = z.infer<typeof MyAppeal>;
export const UserAppealOutput = z.object({ appeal: MyAppeal });
export type UserAppealOutput = z.infer<typeof UserAppealOutput>;
export const UserMyAppealsOutput = z.object({ items: z.array(MyAppeal) });
export type UserMyAppealsOutput = z.infer<typeof UserMyAppealsOutput>;

/**
 * An appeal as the root admins see it to decide: both people with their phones in full (the admin calls them to
 * verify who holds the card), the ID number masked.
 */
export const AppealForReview = MyAppeal.extend({
  appellantPhone: z.string(),
  /** The account now holding the ID number; absent when it was released meanwhile (withdrawn, or another appeal). */
  holder: z
    .object({
      realName: z.string(),
      phone: z.string(),
      volunteerNo: z.string(),
      registeredAt: IsoTimeSchema,
    })
    .optional(),
  decidedByName: z.string().optional(),
});
export type AppealForReview = z.infer<typeof AppealForReview>;

export const IdentityAppealsInput = ListInput.extend({ status: z.enum(APPEAL_STATUSES).optional() });
export type IdentityAppealsInput = z.infer<typeof IdentityAppealsInput>;
export const IdentityAppealsOutput = listOf(AppealForReview);
export type IdentityAppealsOutput = z.infer<typeof IdentityAppealsOutput>;

export const DecideIdentityAppealInput = z.object({
  appealId: z.string().min(1).max(100),
  decision: z.enum(['uphold', 'reject']),
  reason: z.string().trim().min(1, '请填写处理理由').max(APPEAL_REASON_MAX, `理由最多${APPEAL_REASON_MAX}字`),
});
export type DecideIdentityAppealInput = z.infer<typeof DecideIdentityAppealInput>;
export const DecideIdentityAppealOutput = z.object({ appeal: AppealForReview });
export type DecideIdentityAppealOutput = z.infer<typeof DecideIdentityAppealOutput>;

// ---- 我的数据 (PIPL Art. 45) and 注销 (Art. 47): a copy of everything held, and what 注销 removes and keeps ----

/** user.myData: one xlsx with a sheet per kind of record; the ID number and phone in full, for their owner only. */
export const UserMyDataOutput = z.object({ fileName: z.string(), base64: z.string() });
export type UserMyDataOutput = z.infer<typeof UserMyDataOutput>;
/** The sheets of the 我的数据 file, in order (the page lists them; the file has each, empty or not). */
export const MY_DATA_SHEETS = [
  '说明',
  '个人信息',
  '队伍',
  '队伍邀请',
  '队伍注册申请',
  '集体注册导入',
  '活动报名',
  '服务记录',
  '记录修改',
  '更正申请',
  '评价',
  '培训',
  '表彰奖励',
  '服务证明',
] as const;

/** What 注销 deletes for good; the page shows it before the confirmation. */
export const WITHDRAW_REMOVES = [
  '姓名、手机号、身份证号（密文及用于查重的摘要），此后可用同一手机号和身份证号重新注册',
  '学历、工作单位、职称、地区、服务类别、特长等个人资料',
  '待审核的入队申请和队伍注册申请、收到的队伍邀请、队伍集体注册时导入的您的信息',
  '尚未开始的活动的报名（名额让给候补的志愿者）',
  '您分享活动、邀请加入队伍的链接（此后通过它们报名或申请不再记在您名下）',
] as const;
/** What 注销 keeps, and why: other people's records and certificates rely on it. */
export const WITHDRAW_KEEPS = [
  {
    what: '已发生的志愿服务记录（每日签到签退、时长及其修改和更正记录）、已开始活动的报名，以及退出后的队伍成员记录',
    why: '按《志愿服务记录与证明出具办法》，志愿服务记录须真实完整并长期保存；队伍的统计报表和活动的签到记录都依赖它们。记录保留在您的志愿者编号下，不再与姓名、手机号、身份证号相连；其文字说明中出现的您的姓名、手机号、身份证号替换为“[已注销]”。',
  },
  {
    what: '已出具的志愿服务证明（证明编号、队伍、时长，以及已遮挡的姓名如“张*”）',
    why: '持有证明的人或单位可凭编号查验真伪，证明出具后不能撤回。',
  },
  {
    what: '您作为负责人或管理员处理他人事务时留下的记录（如修改他人签到时所记的经办人姓名）',
    why: '这些是他人记录的审核痕迹，须保留以便核查。',
  },
] as const;

/** What registration leaves for 编辑资料 (附件2 does not require it at sign-up), in the order 我的 names it. */
export const PROFILE_LATER_FIELDS = [
  ['employer', '工作单位'],
  ['title', '职称'],
  ['politicalStatus', '政治面貌'],
  ['ethnicity', '民族'],
  ['occupation', '从业类别'],
  ['skills', '专业特长'],
  ['serviceFields', '服务领域'],
  ['availableTimes', '可服务时间'],
] as const satisfies readonly (readonly [keyof Volunteer, string])[];

/** How complete a profile is (the required part counts as done): a percentage and the labels still missing. */
export function profileCompleteness(v: Volunteer): { percent: number; missing: string[] } {
  const filled = (value: unknown) =>
    Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.trim() !== '' : value != null;
  const missing = PROFILE_LATER_FIELDS.filter(([key]) => !filled(v[key])).map(([, label]) => label);
  // The required fields weigh as much as all the optional ones together.
  const total = PROFILE_LATER_FIELDS.length;
  return { percent: Math.round(((total + (total - missing.length)) / (2 * total)) * 100), missing };
}
