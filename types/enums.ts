// Status enums and their Chinese labels, defined once for both sides.
export const SERVICE_CATEGORIES = ['科技培训', '科技咨询', '科普报告', '农技服务', '青少年科技教育', '科普讲解', '网络科普', '义诊咨询', '其他'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const ORG_LEVELS = ['总队', '支队', '大队', '队', '分队', '服务团'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABEL: Record<Gender, string> = { male: '男', female: '女' };

export const EDUCATIONS = ['初中及以下', '高中/中专', '大专', '本科', '硕士研究生', '博士研究生'] as const;
export type Education = (typeof EDUCATIONS)[number];

export const ROLES = ['leader', 'admin', 'member'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABEL: Record<Role, string> = { leader: '负责人', admin: '管理员', member: '队员' };

export const MEMBERSHIP_STATUSES = ['pending', 'approved', 'rejected', 'left', 'removed'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const MEMBERSHIP_STATUS_LABEL: Record<MembershipStatus, string> = {
  pending: '待审核',
  approved: '已加入',
  rejected: '未通过',
  left: '已退出',
  removed: '已清退',
};

export const ORG_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];
export const ORG_STATUS_LABEL: Record<OrgStatus, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };

export const SMS_PURPOSES = ['register', 'changePhone', 'orgRegister'] as const;
export type SmsPurpose = (typeof SMS_PURPOSES)[number];

/** Version of the privacy policy and volunteer agreement a registration consents to. */
export const CONSENT_VERSION = '2026-11';

/** 主管单位类型 of a team's registration form (附件1). */
export const SUPERVISOR_TYPES = ['科协', '学会', '高校', '企业', '事业单位', '社会组织', '其他'] as const;
export type SupervisorType = (typeof SUPERVISOR_TYPES)[number];

/** Subscribe-message templates the product sends (review results and, later, activity notices). */
export const MESSAGE_KINDS = ['memberReviewed', 'orgReviewed', 'memberRemoved', 'roleChanged'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
