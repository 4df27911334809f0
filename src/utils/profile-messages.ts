// Chinese messages for profile fields, shown when the contract's own message is not meant for people
// (zod's English defaults, code formats). One table for 注册 and 编辑资料.
export const PROFILE_FIELD_MESSAGE = {
  realName: '请输入真实姓名',
  gender: '请选择性别',
  education: '请选择学历',
  employer: '工作单位最多60个字',
  title: '职称最多30个字',
  region: '请选择所在地区（省、市、区县）',
  politicalStatus: '请选择政治面貌',
  ethnicity: '请选择民族',
  occupation: '请选择从业类别',
  fourHeads: '请选择是否为基层“四长”',
  serviceCategories: '至少选择一个服务类别',
  serviceFields: '请选择服务领域',
  availableTimes: '请选择可服务时间',
  skills: '专业特长最多200个字',
  nationalVolunteerId: '全国志愿者统一编号为8至32位字母或数字',
} as const;
