// Status enums and their Chinese labels, defined once for both sides.
export const SERVICE_CATEGORIES = [
  '科技培训',
  '科技咨询',
  '科普报告',
  '农技服务',
  '青少年科技教育',
  '科普讲解',
  '网络科普',
  '义诊咨询',
  '其他',
] as const;
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

export const SMS_PURPOSES = ['register', 'changePhone', 'orgRegister', 'need', 'complaint'] as const;
export type SmsPurpose = (typeof SMS_PURPOSES)[number];

/** Version of the privacy policy and volunteer agreement a registration consents to. */
export const CONSENT_VERSION = '2026-11';

/** 主管单位类型 of a team's registration form (附件1). */
export const SUPERVISOR_TYPES = ['科协', '学会', '高校', '企业', '事业单位', '社会组织', '其他'] as const;
export type SupervisorType = (typeof SUPERVISOR_TYPES)[number];

/** Subscribe-message templates the product sends (review results and, later, activity notices). */
export const MESSAGE_KINDS = [
  'memberReviewed',
  'orgReviewed',
  'memberRemoved',
  'roleChanged',
  'activityChanged',
  'activityCancelled',
  'waitlistPromoted',
  'activityReminder',
  'identityAppealDecided',
  'signOutReminder',
  /** An hour before each day of an activity starts (cron). */
  'activityStarting',
  /** A 通知公告 of one of the volunteer's teams or a team above them: kept in 消息中心 only, never a subscribe message. */
  'noticePublished',
  /** 供需对接, to the 需求方: dispatched, accepted, declined back, moved up, closed, ready to rate. */
  'needProgress',
  /** 供需对接, to team managers: a need to dispatch or to accept, a low rating. */
  'needTask',
  /** 投诉, to the complainant: answered, moved up to the next team. */
  'complaintProgress',
  /** 投诉, to the handling team's leader and admins: a complaint to answer (new, or moved up overdue). */
  'complaintTask',
  /** 表彰奖励, to whoever recorded it: approved or rejected by the team one level up. */
  'commendationReviewed',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Options of the 集体注册 template (附件2 of 002_*): drop-down lists of the seed's form. */
export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众'] as const;
export const ETHNICITIES = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
  '其他',
] as const;
export const OCCUPATIONS = [
  '企业',
  '事业单位',
  '机关',
  '学校',
  '医疗机构',
  '科研院所',
  '社会组织',
  '农村',
  '学生',
  '离退休',
  '其他',
] as const;
export const TITLES = ['正高', '副高', '中级', '初级', '无'] as const;
export const SERVICE_FIELDS = [
  '科技咨询类',
  '科技培训类',
  '科学教育类',
  '科普报告类',
  '农技服务类',
  '健康咨询类',
  '网络服务类',
  '文体娱乐类',
  '其他科技服务',
] as const;
/** 基层"四长": 医院院长、学校校长、农技站站长、科技型企业家. */
export const FOUR_HEADS = ['否', '基层医院院长', '学校校长', '农技站站长', '科技型企业家'] as const;
export const AVAILABLE_TIMES = ['工作日白天', '工作日晚上', '周末', '节假日', '时间灵活'] as const;

/** 服务对象 of an activity (the seeds' 服务群体). */
export const SERVICE_TARGETS = [
  '青少年',
  '老年人',
  '残疾人',
  '农民',
  '农民工',
  '妇女',
  '社区居民',
  '企业职工',
  '科技工作者',
  '公众',
  '其他',
] as const;
export type ServiceTarget = (typeof SERVICE_TARGETS)[number];

/** Key days an activity may be tied to (附件3 counts them). */
export const KEY_DAYS = ['全国科普日', '科技活动周', '全国科技工作者日', '世界气象日', '全国防灾减灾日', '世界环境日', '其他'] as const;
export type KeyDay = (typeof KEY_DAYS)[number];

export const ACTIVITY_AUDIENCES = ['public', 'members'] as const;
export type ActivityAudience = (typeof ACTIVITY_AUDIENCES)[number];
export const ACTIVITY_AUDIENCE_LABEL: Record<ActivityAudience, string> = { public: '面向所有志愿者', members: '仅本队及下级队伍队员' };

/** Derived from the clock, never stored (see domain/activity-phase.ts). */
export const ACTIVITY_PHASES = ['recruiting', 'closed', 'ongoing', 'ended', 'cancelled'] as const;
export type ActivityPhase = (typeof ACTIVITY_PHASES)[number];
export const ACTIVITY_PHASE_LABEL: Record<ActivityPhase, string> = {
  recruiting: '报名中',
  closed: '报名结束',
  ongoing: '活动中',
  ended: '活动结束',
  cancelled: '已取消',
};

export const ACTIVITY_STATUSES = ['published', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ENROLLMENT_STATUSES = ['enrolled', 'waitlisted', 'cancelled'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export const ENROLLMENT_STATUS_LABEL: Record<EnrollmentStatus, string> = {
  enrolled: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消报名',
};
