// user function contract: registration, the volunteer profile and "我的".
import { z } from 'zod';
import { PhoneSchema, RegionSchema, SmsCodeSchema, IsoTimeSchema } from './common';
import { AVAILABLE_TIMES, EDUCATIONS, ETHNICITIES, FOUR_HEADS, GENDERS, MEMBERSHIP_STATUSES, OCCUPATIONS, POLITICAL_STATUSES, ROLES, SERVICE_CATEGORIES, SERVICE_FIELDS } from './enums';
import { genderMismatch, isValidIdNumber } from './id-number';

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

export const UserRegisterInput = ProfileFields.extend({
  gender: z.enum(GENDERS).optional(),
  phone: PhoneSchema,
  smsCode: SmsCodeSchema,
  idNumber: IdNumberSchema,
  orgIds: z
    .array(z.string().min(1))
    .min(1, '至少选择一支志愿服务队伍')
    .max(5, '最多选择5支队伍')
    .refine((ids) => new Set(ids).size === ids.length, '队伍不能重复'),
  consentVersion: z.string().min(1, '请阅读并同意隐私政策和志愿者服务协议'),
}).superRefine(refineGender);
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
  registeredAt: IsoTimeSchema,
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
  totals: z.object({ minutes: z.number().int(), activities: z.number().int() }),
});
export type UserMeOutput = z.infer<typeof UserMeOutput>;

/** Every profile field may change except the phone (changePhone) and the ID number (fixed at registration). */
export const UserUpdateProfileInput = ProfileFields.partial().refine((v) => Object.keys(v).length > 0, '没有需要修改的内容');
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
