// Every collection, its indexes and its security rule, declared once: the emulator enforces exactly these indexes
// (unique ones refuse duplicates, 2dsphere ones are what geo queries need) and `npm run deploy` creates exactly these
// in CloudBase, with the rule that keeps mini program clients out of the database (all access goes through the functions).

/** An index key's order: ascending, descending, or a 2dsphere index over db.Geo values (GeoJSON). */
export type IndexDirection = 1 | -1 | '2dsphere';

export interface IndexDecl {
  /** The index name in CloudBase (unique within its collection). */
  name: string;
  /** Fields in order (dotted paths allowed), each with its direction. */
  keys: Record<string, IndexDirection>;
  unique?: boolean;
}

/**
 * A CloudBase database security rule (安全规则): who may read and write from a mini program client, as the JSON the
 * console's 自定义安全规则 holds. Cloud functions (server SDK) are not bound by it.
 */
export interface SecurityRule {
  read: boolean | string;
  write: boolean | string;
}

export interface CollectionDecl {
  name: string;
  indexes: IndexDecl[];
  rule: SecurityRule;
  /** Emulator-only collections (dev outboxes): never deployed. */
  devOnly?: boolean;
}

/** Nobody reads or writes from a client: every read and write goes through the functions, which check the caller. */
export const FUNCTIONS_ONLY: SecurityRule = { read: false, write: false };

export const C = {
  volunteers: 'volunteers',
  smsCodes: 'sms_codes',
  smsQuota: 'sms_quota',
  orgs: 'orgs',
  memberships: 'memberships',
  settings: 'settings',
  dayRecords: 'checkin_days',
  invitations: 'invitations',
  /** A team's invitation of a registered volunteer (集体注册): no membership until they accept it. */
  memberInvitations: 'member_invitations',
  activities: 'activities',
  enrollments: 'enrollments',
  corrections: 'checkin_corrections',
  /** An activity's short code key (in 小程序码 scenes) → its id: the `_id` is the key, so no two activities share one. */
  codeKeys: 'checkin_code_keys',
  /**
   * Scans kept on a phone while offline and uploaded later (`_id` = uploader_nonce: a second upload is a duplicate),
   * with what became of each: recorded, waiting for its sign-in, 待确认, flagged, expired, refused, confirmed, rejected.
   */
  offlineScans: 'checkin_offline_scans',
  /** Typed 现场数字码 per caller and 10-minute window (`_id` = openid_window): the limit on guessing. */
  numberTries: 'checkin_number_tries',
  /** Share tokens (`_id` = the token): who shared which activity, or which team's managers invited; never shown. */
  shareTokens: 'share_tokens',
  certificates: 'certificates',
  identityAppeals: 'identity_appeals',
  auditLog: 'audit_log',
  /** 消息中心: every notice sent to a volunteer, kept for the app (`read` until opened). */
  messages: 'messages',
  /** 通知公告 a team published to itself and every team below it. */
  notices: 'notices',
  /** Who opened which notice (`_id` = notice_openid): the read counts. */
  noticeReads: 'notice_reads',
  /** 现场报名 by SMS: a phone not yet registered, enrolled in the activity once its owner registers with it. */
  enrollmentInvitations: 'enrollment_invitations',
  /** A phone WeChat verified for a caller (`_id` = the proof): registers once, within PHONE_PROOF_TTL_SEC, for that openid. */
  phoneProofs: 'phone_proofs',
  /** 审核记录: every decision on a member application (通过, 驳回, 撤销通过), who made it and when; append-only. */
  memberReviews: 'member_reviews',
  /** 供需对接: the needs 需求方 post, dispatched, accepted and rated. */
  needs: 'needs',
  /** Needs posted per phone and day (`_id` = phone hash_day), a conditional counter. */
  needQuota: 'need_quota',
  /** 投诉: complaints about a team or an activity, answered by the team one level up. */
  complaints: 'complaints',
  /** Complaints made per phone and day (`_id` = phone hash_day), a conditional counter. */
  complaintQuota: 'complaint_quota',
  /** 培训: the trainings a team holds (kept apart from activities: training hours are never service hours). */
  trainings: 'trainings',
  /** Who attended which training (`_id` = training_openid: a second scan or entry of the same person writes nothing). */
  trainingAttendance: 'training_attendance',
  /** 统计汇总: a team's figures per scope and calendar year (`_id` = scope:orgId:year), rebuilt from the records. */
  statRollups: 'stat_rollups',
  /** 评价: one per activity and person (`_id` = activity_openid: a re-evaluation or a second save at once changes the one). */
  evaluations: 'evaluations',
  /** 表彰奖励: commendations of volunteers, teams and activities, pending until the team one level up reviews them. */
  commendations: 'commendations',
  /**
   * 移交全国志愿服务信息系统: the ledger of a team's hand-offs (`_id` = orgId_sequence: two exports at once claim the same
   * id and one is refused), with the watermark each reached, its counts and its files.
   */
  handoffs: 'handoffs',
  devSms: '_dev_sms',
  devMessages: '_dev_messages',
  /** The emulator's dev WeChat: getPhoneNumber codes it minted (`_id` = the code) and their phones. */
  devWxPhoneCodes: '_dev_wx_phone_codes',
} as const;

const asc = (name: string, ...fields: string[]): IndexDecl => ({ name, keys: Object.fromEntries(fields.map((f) => [f, 1 as const])) });
const unique = (name: string, ...fields: string[]): IndexDecl => ({ ...asc(name, ...fields), unique: true });

export const collections: CollectionDecl[] = [
  {
    name: C.volunteers,
    // Phones and ID numbers are unique by their keyed hashes (blind indexes): the clear values are never stored.
    indexes: [
      unique('phoneHash_unique', 'phoneHash'),
      unique('idNumberHash_unique', 'idNumberHash'),
      unique('volunteerNo_unique', 'volunteerNo'),
    ],
    rule: FUNCTIONS_ONLY,
  },
  { name: C.smsCodes, indexes: [], rule: FUNCTIONS_ONLY },
  { name: C.smsQuota, indexes: [], rule: FUNCTIONS_ONLY },
  {
    name: C.orgs,
    indexes: [unique('name_unique', 'name'), asc('parentId', 'parentId'), asc('status', 'status'), asc('updatedAt', 'updatedAt')],
    rule: FUNCTIONS_ONLY,
  },
  {
    name: C.memberships,
    indexes: [asc('openid', 'openid'), asc('orgId_status', 'orgId', 'status'), asc('updatedAt', 'updatedAt')],
    rule: FUNCTIONS_ONLY,
  },
  { name: C.settings, indexes: [], rule: FUNCTIONS_ONLY },
  { name: C.invitations, indexes: [asc('phoneHash', 'phoneHash'), asc('orgId', 'orgId')], rule: FUNCTIONS_ONLY },
  { name: C.memberInvitations, indexes: [asc('openid_invitedAt', 'openid', 'invitedAt')], rule: FUNCTIONS_ONLY },
  {
    name: C.activities,
    indexes: [
      asc('orgId_createdAt', 'orgId', 'createdAt'),
      // The rollups' freshness check (stat-rollup.repository changedSince), as on teams, memberships and day records.
      asc('updatedAt', 'updatedAt'),
      asc('status_startAt', 'status', 'startAt'),
      asc('region_city', 'region.city'),
      // 离我最近: activity.list with `near` is a geo query over this db.Geo point (GeoJSON [lng, lat], GCJ-02).
      { name: 'point_2dsphere', keys: { point: '2dsphere' } },
    ],
    rule: FUNCTIONS_ONLY,
  },
  {
    name: C.enrollments,
    indexes: [asc('activityId_status_queuedAt', 'activityId', 'status', 'queuedAt'), asc('openid', 'openid')],
    rule: FUNCTIONS_ONLY,
  },
  // Unique by `_id` (= the code key); activities.codeKey names the one key an activity uses.
  { name: C.codeKeys, indexes: [], rule: FUNCTIONS_ONLY },
  {
    name: C.messages,
    indexes: [asc('openid_createdAt', 'openid', 'createdAt'), asc('openid_read', 'openid', 'read')],
    rule: FUNCTIONS_ONLY,
  },
  { name: C.notices, indexes: [asc('orgId_publishedAt', 'orgId', 'publishedAt')], rule: FUNCTIONS_ONLY },
  // One per notice and reader by `_id`; counted per notice, looked up per reader.
  { name: C.noticeReads, indexes: [asc('noticeId', 'noticeId'), asc('openid_noticeId', 'openid', 'noticeId')], rule: FUNCTIONS_ONLY },
  // A 需求方's own needs; the 派单 boxes by status with the covering teams (an array) or the assigned team; escalation by age.
  {
    name: C.needs,
    indexes: [
      asc('requesterOpenid_postedAt', 'requesterOpenid', 'postedAt'),
      asc('status_coveringPath', 'status', 'coveringPath'),
      asc('status_assignedOrgId', 'status', 'assignedOrgId'),
      asc('status_escalateAt', 'status', 'escalateAt'),
    ],
    rule: FUNCTIONS_ONLY,
  },
  { name: C.needQuota, indexes: [], rule: FUNCTIONS_ONLY },
  // A complainant's own; a handling team's by status (oldest first); those shared with the team complained about; overdue ones by due time.
  {
    name: C.complaints,
    indexes: [
      asc('complainantOpenid_createdAt', 'complainantOpenid', 'createdAt'),
      asc('handlerOrgId_status_createdAt', 'handlerOrgId', 'status', 'createdAt'),
      asc('targetOrgId_shared', 'targetOrgId', 'shared'),
      asc('status_escalateAt', 'status', 'escalateAt'),
    ],
    rule: FUNCTIONS_ONLY,
  },
  { name: C.complaintQuota, indexes: [], rule: FUNCTIONS_ONLY },
  // A team's trainings by date (its list, the reports of a period over a subtree).
  { name: C.trainings, indexes: [asc('orgId_date', 'orgId', 'date')], rule: FUNCTIONS_ONLY },
  // One per training and person by `_id`; a training's attendees, a volunteer's trainings, a subtree's trainees in a period.
  {
    name: C.trainingAttendance,
    indexes: [asc('trainingId', 'trainingId'), asc('openid_date', 'openid', 'date'), asc('orgId_date', 'orgId', 'date')],
    rule: FUNCTIONS_ONLY,
  },
  // By `_id`; a team's and those of the teams directly below (附件3 of a large tree).
  { name: C.statRollups, indexes: [asc('parentId_year', 'parentId', 'year')], rule: FUNCTIONS_ONLY },
  // One per activity and person by `_id`; an activity's, a volunteer's, and a subtree's up to a day (附件2's 最近评价).
  {
    name: C.evaluations,
    indexes: [asc('activityId', 'activityId'), asc('openid_endDate', 'openid', 'endDate'), asc('orgId_endDate', 'orgId', 'endDate')],
    rule: FUNCTIONS_ONLY,
  },
  // 表彰奖励: a reviewing team's pending ones; a volunteer's, a team's (with its activities') and an activity's approved
  // ones; the approved ones of a subtree in a period (the ranking), by the subject's team and its ancestors.
  {
    name: C.commendations,
    indexes: [
      asc('reviewOrgId_status', 'reviewOrgId', 'status'),
      asc('subjectOpenid_status', 'subjectOpenid', 'status'),
      asc('subjectOrgId_status', 'subjectOrgId', 'status'),
      asc('subjectActivityId_status', 'subjectActivityId', 'status'),
      asc('status_subjectTeams_date', 'status', 'subjectTeams', 'date'),
    ],
    rule: FUNCTIONS_ONLY,
  },
  // A team's hand-offs, the latest first (the next sequence number, the last watermark, the ledger list).
  { name: C.handoffs, indexes: [asc('orgId_seq', 'orgId', 'seq')], rule: FUNCTIONS_ONLY },
  // By `_id` for duplicates; an activity's undecided ones for the admins; a day's sign-outs waiting for their sign-in.
  {
    name: C.offlineScans,
    indexes: [asc('activityId_state_date', 'activityId', 'state', 'date'), asc('activityId_openid_date', 'activityId', 'openid', 'date')],
    rule: FUNCTIONS_ONLY,
  },
  // One counter per caller and window, by `_id`; old windows are never read again.
  { name: C.numberTries, indexes: [], rule: FUNCTIONS_ONLY },
  // Unique by `_id` (= the token); a sharer's token for a target is found again by openid and target.
  { name: C.shareTokens, indexes: [asc('openid_targetId', 'openid', 'targetId')], rule: FUNCTIONS_ONLY },
  { name: C.corrections, indexes: [asc('orgId_status', 'orgId', 'status'), asc('openid', 'openid')], rule: FUNCTIONS_ONLY },
  {
    name: C.dayRecords,
    indexes: [asc('openid_date', 'openid', 'date'), asc('activityId_date', 'activityId', 'date'), asc('updatedAt', 'updatedAt')],
    rule: FUNCTIONS_ONLY,
  },
  {
    name: C.certificates,
    // 证明公示 lists a team's certificates of the last days by orgId + issuedAt.
    indexes: [
      unique('certificateNo_unique', 'certificateNo'),
      asc('openid_issuedAt', 'openid', 'issuedAt'),
      asc('orgId_issuedAt', 'orgId', 'issuedAt'),
    ],
    rule: FUNCTIONS_ONLY,
  },
  {
    name: C.identityAppeals,
    // pendingKey (appellant + ID number hash) while pending, the appeal's own id once decided: one open appeal per pair.
    indexes: [unique('pendingKey_unique', 'pendingKey'), asc('status_createdAt', 'status', 'createdAt'), asc('appellant', 'appellant')],
    rule: FUNCTIONS_ONLY,
  },
  // Append-only: who decided what about whom, when and why (identity appeals), and who saw whose full phone.
  { name: C.auditLog, indexes: [asc('subject_at', 'subject', 'at')], rule: FUNCTIONS_ONLY },
  // id = activity + phone hash: one invitation per activity and phone; registering claims the open ones of the phone.
  { name: C.enrollmentInvitations, indexes: [asc('phoneHash_status', 'phoneHash', 'status')], rule: FUNCTIONS_ONLY },
  // Unique by `_id` (= the proof); read by id only, its openid and phone hash checked on use.
  { name: C.phoneProofs, indexes: [], rule: FUNCTIONS_ONLY },
  // A team's decisions on applications, the latest first (审核记录).
  { name: C.memberReviews, indexes: [asc('orgId_at', 'orgId', 'at')], rule: FUNCTIONS_ONLY },
  { name: C.devSms, indexes: [asc('phone', 'phone')], rule: FUNCTIONS_ONLY, devOnly: true },
  { name: C.devMessages, indexes: [asc('openid', 'openid')], rule: FUNCTIONS_ONLY, devOnly: true },
  { name: C.devWxPhoneCodes, indexes: [], rule: FUNCTIONS_ONLY, devOnly: true },
];

/** The collections a deploy creates in CloudBase (everything but the emulator's dev outboxes). */
export const deployedCollections = (): CollectionDecl[] => collections.filter((c) => !c.devOnly);
