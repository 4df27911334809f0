// Every page's address, built from typed parameters (encoded once, here): pages navigate with `routes.x(...)`, never
// with a hand-written string. Kept free of Taro so that tests can build and read addresses.

type Params = Record<string, string | number | undefined>;

/** A path with its query; parameters left undefined or '' are not written. */
export function withQuery(path: string, params: Params = {}): string {
  const query = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

/** The tab bar's pages: reached with switchTab, which takes no query. */
export const tabs = {
  home: '/pages/index/index',
  activities: '/pages/activities/index',
  mine: '/pages/mine/index',
} as const;
export type TabUrl = (typeof tabs)[keyof typeof tabs];

export const routes = {
  /** `orgId`: the team of the invitation the volunteer came from, already chosen. */
  register: (orgId?: string) => withQuery('/pages/register/index', { orgId }),
  activate: () => '/pages/activate/index',
  identityAppeal: () => '/pages/identity-appeal/index',
  profileEdit: () => '/pages/profile-edit/index',
  changePhone: () => '/pages/change-phone/index',
  orgs: () => '/pages/orgs/index',
  /** `join`: opened from a team's invitation, with 申请加入 ready. */
  orgDetail: (orgId: string, opts: { join?: boolean } = {}) =>
    withQuery('/pages/org-detail/index', { orgId, join: opts.join ? 1 : undefined }),
  orgRegister: () => '/pages/org-register/index',
  /** `from`: the share token of the volunteer who shared the activity (the server decides whom it credits). */
  activityDetail: (id: string, opts: { from?: string } = {}) => withQuery('/pages/activity-detail/index', { id, from: opts.from }),
  myActivities: () => '/pages/my-activities/index',
  /** `auto`: open the scanner at once; `activityId`: the activity the volunteer came from. */
  scan: (opts: { activityId?: string; auto?: boolean } = {}) =>
    withQuery('/pages/scan/index', { activityId: opts.activityId, auto: opts.auto ? 1 : undefined }),
  myCode: (activityId?: string) => withQuery('/pages/my-code/index', { activityId }),
  myHours: () => '/pages/my-hours/index',
  myTrainings: () => '/pages/my-trainings/index',
  /** 我的评价; `activityId`: the evaluation to open 申诉 on. */
  myEvaluations: (activityId?: string) => withQuery('/pages/my-evaluations/index', { activityId }),
  certificate: () => '/pages/certificate/index',
  verify: (no?: string) => withQuery('/pages/verify/index', { no }),
  links: () => '/pages/links/index',
  myData: () => '/pages/my-data/index',
  invitations: () => '/pages/invitations/index',
  messages: () => '/pages/messages/index',
  notices: () => '/pages/notices/index',
  notice: (id: string) => withQuery('/pages/notice/index', { id }),
  needPost: () => '/pages/need-post/index',
  myNeeds: () => '/pages/my-needs/index',
  /** `photosFailed`: photos picked on 我要点单 that did not upload after posting (the page says so). */
  need: (id: string, opts: { photosFailed?: number } = {}) =>
    withQuery('/pages/need/index', { id, photosFailed: opts.photosFailed || undefined }),
  /** 投诉 about a team (`orgId`) or an activity (`activityId`). */
  complaint: (target: { orgId: string } | { activityId: string }) => withQuery('/pages/complaint/index', target),
  /** `id`: the complaint to show first (opened from a message). */
  myComplaints: (id?: string) => withQuery('/pages/my-complaints/index', { id }),
  // The admin subpackage.
  inbox: () => '/admin/inbox/index',
  members: (orgId: string) => withQuery('/admin/members/index', { orgId }),
  import: (orgId: string) => withQuery('/admin/import/index', { orgId }),
  /** `needId`: the accepted need the activity serves (the form starts from its draft). */
  publishActivity: (orgId: string, opts: { needId?: string } = {}) =>
    withQuery('/admin/activity-edit/index', { orgId, needId: opts.needId }),
  editActivity: (id: string) => withQuery('/admin/activity-edit/index', { id }),
  publishedActivities: (orgId: string) => withQuery('/admin/activities/index', { orgId }),
  enrollments: (id: string) => withQuery('/admin/enrollments/index', { id }),
  /** The 现场码 (auto: in, then out) unless a separate 签到码/签退码 is asked for. */
  checkinCode: (activityId: string, kind: 'auto' | 'in' | 'out' = 'auto') => withQuery('/admin/checkin-code/index', { activityId, kind }),
  roster: (activityId: string) => withQuery('/admin/roster/index', { activityId }),
  corrections: (orgId: string) => withQuery('/admin/corrections/index', { orgId }),
  stats: (orgId: string) => withQuery('/admin/stats/index', { orgId }),
  identityAppeals: () => '/admin/identity-appeals/index',
  publishNotice: (orgId: string) => withQuery('/admin/notice-edit/index', { orgId }),
  /** 需求派单 and 需求广场; `tab`: the box to open on (toDispatch, toAccept, handling, done, square). */
  needInbox: (tab?: string) => withQuery('/admin/need-inbox/index', { tab }),
  complaintInbox: () => '/admin/complaint-inbox/index',
  /** 培训记录 of a team (list and 新建培训), or one training (签到码, 名单录入, who attended). */
  trainings: (orgId: string) => withQuery('/admin/trainings/index', { orgId }),
  training: (trainingId: string) => withQuery('/admin/trainings/index', { trainingId }),
  /** 评价 of an ended activity's participants. */
  evaluate: (activityId: string) => withQuery('/admin/evaluate/index', { activityId }),
  commend: (orgId: string) => withQuery('/admin/commend/index', { orgId }),
  commendationInbox: () => '/admin/commendation-inbox/index',
  /** 对接全国系统 (移交全国志愿服务信息系统) of a team: hand-off files, their ledger, members' national numbers. */
  handoff: (orgId: string) => withQuery('/admin/handoff/index', { orgId }),
} as const;
