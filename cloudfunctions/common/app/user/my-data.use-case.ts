// user.myData (我的数据, PIPL Art. 45): a copy of everything held about the caller, one sheet per kind of record. The ID
// number and phone appear in full: the file goes only to the person they belong to. Nothing of anyone else is in it
// beyond the names of teams and activities and the name an admin signed a change of the caller's record with.
import type { UserMyDataOutput } from '@contract/user';
import { GENDER_LABEL, MEMBERSHIP_STATUS_LABEL, ORG_STATUS_LABEL, ROLE_LABEL, ENROLLMENT_STATUS_LABEL } from '@contract/enums';
import { CORRECTION_STATUS_LABEL, DAY_STATUS_LABEL, SCAN_FLAG_LABEL } from '@contract/checkin';
import { formatDuration } from '@contract/format';
import { requireOpenid, type Ctx } from '../../handler';
import { findLiveVolunteer, type VolunteerDoc } from '../../db/volunteer.repository';
import { findOrgsByIds, membershipsOf } from '../../db/org.repository';
import { enrollmentsOf, findActivitiesByIds } from '../../db/activity.repository';
import { recordsOf } from '../../db/checkin.repository';
import { correctionsOf } from '../../db/correction.repository';
import { evaluationsOfPerson } from '../../db/evaluation.repository';
import { EVALUATION_GRADE_LABEL } from '@contract/evaluation';
import { memberInvitationsOf } from '../../db/member-invitation.repository';
import { attendanceOfPerson, trainingsByIds } from '../../db/training.repository';
import { TRAINING_VIA_LABEL } from '@contract/record';
import { approvedOfVolunteer } from '../../db/commendation.repository';
import { COMMENDATION_LEVEL_LABEL } from '@contract/commendation';
import { certificatesOf, importedProfilesOf, orgApplicationsOf } from '../../db/personal-data.repository';
import { exportFileName, regionName } from '../../domain/report-forms';
import { shanghaiDate, toIso } from '../../domain/shanghai-time';
import { decryptPii, openPhone } from '../../adapters/pii-cipher';
import { myDataXlsx, type DataSheet } from '../../adapters/my-data-xlsx';

/** 2026-11-22 10:00 in Shanghai; '' for no time. */
const at = (d: Date | string | undefined) => (d ? toIso(new Date(d)).slice(0, 16).replace('T', ' ') : '');
const list = (values: readonly string[] | undefined) => (values ?? []).join('、');
const col = (header: string, width = 14) => ({ header, width });

function profileSheet(v: VolunteerDoc): DataSheet {
  const rows: [string, string][] = [
    ['志愿者编号', v.volunteerNo],
    ['真实姓名', v.realName],
    ['性别', GENDER_LABEL[v.gender] ?? v.gender],
    ['出生日期', v.birthDate],
    ['手机号（完整）', openPhone(v)],
    ['身份证号（完整）', v.idNumberEnc ? decryptPii(v.idNumberEnc) : ''],
    ['最高学历', v.education ?? ''],
    ['工作单位', v.employer ?? ''],
    ['职称', v.title ?? ''],
    ['所在地区', regionName(v.region)],
    ['服务类别', list(v.serviceCategories)],
    ['特长', v.skills ?? ''],
    ['政治面貌', v.politicalStatus ?? ''],
    ['民族', v.ethnicity ?? ''],
    ['职业', v.occupation ?? ''],
    ['服务领域或行业', list(v.serviceFields)],
    ['可服务时间', list(v.availableTimes)],
    ['基层“四长”', v.fourHeads ?? ''],
    ['注册时间', at(v.registeredAt)],
    ['同意的隐私政策与服务协议版本', v.consentVersion ?? ''],
    ['同意时间', at(v.consentAt)],
    ['资料更新时间', at(v.updatedAt)],
  ];
  return { name: '个人信息', columns: [col('项目', 28), col('内容', 48)], rows };
}

export async function myData(_input: unknown, ctx: Ctx): Promise<UserMyDataOutput> {
  const openid = requireOpenid(ctx);
  // A frozen account may still see what is held about it (the right of access does not depend on the account).
  const v = await findLiveVolunteer(openid);
  const [
    memberships,
    invitations,
    applications,
    imported,
    enrollments,
    records,
    corrections,
    certificates,
    evaluations,
    attended,
    commendations,
  ] = await Promise.all([
    membershipsOf(openid),
    memberInvitationsOf(openid),
    orgApplicationsOf(openid),
    importedProfilesOf(openid),
    enrollmentsOf(openid),
    recordsOf(openid, {}),
    correctionsOf(openid),
    certificatesOf(openid),
    evaluationsOfPerson(openid),
    attendanceOfPerson(openid),
    approvedOfVolunteer(openid),
  ]);
  const trainings = new Map((await trainingsByIds(attended.map((a) => a.trainingId))).map((tr) => [tr._id, tr]));
  const orgIds = [
    ...memberships.map((m) => m.orgId),
    ...invitations.map((i) => i.orgId),
    ...imported.map((i) => i.orgId),
    ...records.map((r) => r.orgId),
    ...attended.map((a) => a.orgId),
  ];
  const activityIds = [
    ...enrollments.map((e) => e.activityId),
    ...records.map((r) => r.activityId),
    ...corrections.map((c) => c.activityId),
    ...evaluations.map((e) => e.activityId),
  ];
  const [orgs, activities] = await Promise.all([findOrgsByIds([...new Set(orgIds)]), findActivitiesByIds(activityIds)]);
  const orgName = new Map(orgs.map((o) => [o._id, o.name]));
  const activity = new Map(activities.map((a) => [a._id, a]));
  const team = (id: string) => orgName.get(id) ?? '（队伍已删除）';
  const title = (id: string) => activity.get(id)?.title ?? '（活动已删除）';

  const sheets: DataSheet[] = [
    profileSheet(v),
    {
      name: '队伍',
      columns: [col('队伍', 30), col('角色', 8), col('状态', 10), col('申请或加入时间', 18), col('审核或变更时间', 18), col('原因', 30)],
      rows: memberships.map((m) => [
        team(m.orgId),
        ROLE_LABEL[m.role] ?? m.role,
        MEMBERSHIP_STATUS_LABEL[m.status] ?? m.status,
        at(m.appliedAt),
        at(m.reviewedAt),
        m.reason ?? '',
      ]),
    },
    {
      name: '队伍邀请',
      columns: [col('邀请的队伍', 30), col('邀请时间', 18)],
      rows: invitations.map((i) => [team(i.orgId), at(i.invitedAt)]),
    },
    {
      name: '队伍注册申请',
      columns: [
        col('队伍名称', 30),
        col('层级', 8),
        col('状态', 10),
        col('申请时间', 18),
        col('联系人', 10),
        col('联系电话', 14),
        col('未通过原因', 30),
      ],
      rows: applications.map((o) => [
        o.name,
        o.level,
        ORG_STATUS_LABEL[o.status] ?? o.status,
        at(o.createdAt),
        o.contactName ?? '',
        o.contactPhone ?? '',
        o.rejectReason ?? '',
      ]),
    },
    {
      name: '集体注册导入',
      columns: [col('导入的队伍', 30), col('导入时间', 18), col('导入的姓名', 12), col('激活时间', 18)],
      rows: imported.map((i) => [team(i.orgId), at(i.invitedAt), i.realName ?? '', at(i.claimedAt)]),
    },
    {
      name: '活动报名',
      columns: [col('活动', 30), col('活动日期', 24), col('状态', 12), col('报名时间', 18), col('候补转正时间', 18), col('取消时间', 18)],
      rows: enrollments.map((e) => {
        const a = activity.get(e.activityId);
        return [
          title(e.activityId),
          a ? `${a.startDate} 至 ${a.endDate}` : '',
          ENROLLMENT_STATUS_LABEL[e.status] ?? e.status,
          at(e.enrolledAt),
          at(e.promotedAt),
          at(e.cancelledAt),
        ];
      }),
    },
    {
      name: '服务记录',
      columns: [
        col('活动', 30),
        col('队伍', 24),
        col('日期', 12),
        col('签到时间', 18),
        col('签退时间', 18),
        col('计入分钟', 10),
        col('计入时长', 12),
        col('状态', 10),
        col('签到方式', 14),
        col('需核查的情况', 20),
      ],
      rows: records.map((r) => [
        title(r.activityId),
        team(r.orgId),
        r.date,
        at(r.signInAt),
        at(r.signOutAt),
        r.minutes ?? 0,
        formatDuration(r.minutes ?? 0),
        DAY_STATUS_LABEL[r.status] ?? r.status,
        // Who else signed: the volunteer sees that an admin did, not the admin's account.
        [r.signInBy && r.signInBy !== openid ? '签到由管理员代扫' : '', r.signOutBy && r.signOutBy !== openid ? '签退由管理员代扫' : '']
          .filter(Boolean)
          .join('；') || '本人扫码',
        (r.flags ?? []).map((f) => SCAN_FLAG_LABEL[f] ?? f).join('、'),
      ]),
    },
    {
      name: '记录修改',
      columns: [
        col('活动', 30),
        col('日期', 12),
        col('修改时间', 18),
        col('经办人', 10),
        col('原因', 30),
        col('修改前', 30),
        col('修改后', 30),
      ],
      rows: records.flatMap((r) =>
        (r.adjustments ?? []).map((a) => [
          title(r.activityId),
          r.date,
          at(a.at),
          a.byName,
          a.reason,
          `${at(a.before.signInAt) || '无签到'} — ${at(a.before.signOutAt) || '无签退'}，${a.before.minutes}分钟`,
          `${at(a.after.signInAt) || '无签到'} — ${at(a.after.signOutAt) || '无签退'}，${a.after.minutes}分钟`,
        ]),
      ),
    },
    {
      name: '更正申请',
      columns: [
        col('活动', 30),
        col('日期', 12),
        col('申请的签到时间', 18),
        col('申请的签退时间', 18),
        col('说明', 30),
        col('状态', 10),
        col('提交时间', 18),
        col('处理时间', 18),
        col('处理意见', 30),
      ],
      rows: corrections.map((c) => [
        title(c.activityId),
        c.date,
        at(c.signInAt),
        at(c.signOutAt),
        c.kind === 'evaluation' && c.grade && c.wishedGrade
          ? `评价申诉（${EVALUATION_GRADE_LABEL[c.grade]} → ${EVALUATION_GRADE_LABEL[c.wishedGrade]}）：${c.note}`
          : c.note,
        CORRECTION_STATUS_LABEL[c.status] ?? c.status,
        at(c.createdAt),
        at(c.reviewedAt),
        c.reviewReason ?? '',
      ]),
    },
    {
      name: '评价',
      columns: [
        col('活动', 30),
        col('队伍', 24),
        col('活动结束日期', 12),
        col('评价', 8),
        col('评语', 40),
        col('评价人', 10),
        col('评价时间', 18),
        col('修改记录', 48),
      ],
      rows: evaluations.map((e) => [
        title(e.activityId),
        team(e.orgId),
        e.endDate,
        EVALUATION_GRADE_LABEL[e.grade] ?? e.grade,
        e.comment ?? '',
        e.byName,
        at(e.evaluatedAt),
        (e.changes ?? [])
          .map(
            (c) =>
              `${at(c.at)} ${c.byName}${c.via === 'contest' ? '（申诉通过）' : ''}：${EVALUATION_GRADE_LABEL[c.before.grade]} → ${EVALUATION_GRADE_LABEL[c.after.grade]}`,
          )
          .join('；'),
      ]),
    },
    {
      name: '培训',
      columns: [
        col('日期', 12),
        col('培训', 30),
        col('类型', 10),
        col('学时', 8),
        col('培训人', 12),
        col('队伍', 24),
        col('记录方式', 10),
        col('记录时间', 18),
        col('状态', 12),
      ],
      rows: attended
        .map((a) => ({ a, tr: trainings.get(a.trainingId) }))
        .sort((x, y) => (y.tr?.date ?? y.a.date).localeCompare(x.tr?.date ?? x.a.date))
        .map(({ a, tr }) => [
          tr?.date ?? a.date,
          tr?.title ?? '（培训已删除）',
          tr?.type ?? '',
          tr?.hours ?? '',
          tr?.trainer ?? '',
          tr?.orgName ?? team(a.orgId),
          TRAINING_VIA_LABEL[a.via] ?? a.via,
          at(a.at),
          tr?.status === 'cancelled' ? '培训已取消' : '',
        ]),
    },
    {
      name: '表彰奖励',
      columns: [col('表彰名称', 30), col('级别', 10), col('颁发单位', 30), col('日期', 12), col('队伍', 24), col('记录的队伍', 24)],
      rows: commendations.map((c) => [
        c.title,
        COMMENDATION_LEVEL_LABEL[c.level] ?? c.level,
        c.issuer,
        c.date,
        c.subjectOrgName,
        c.orgName,
      ]),
    },
    {
      name: '服务证明',
      columns: [
        col('证明编号', 28),
        col('队伍', 30),
        col('证明期间', 24),
        col('时长（分钟）', 12),
        col('时长', 12),
        col('活动数', 8),
        col('出具时间', 18),
        col('查验时显示的姓名', 14),
      ],
      rows: certificates.map((c) => [
        c.certificateNo,
        c.orgName,
        `${c.from} 至 ${c.to}`,
        c.minutes,
        formatDuration(c.minutes),
        c.activities,
        at(c.issuedAt),
        c.realNameMasked,
      ]),
    },
  ];
  const today = shanghaiDate(ctx.now);
  const notes = [
    `导出时间：${at(ctx.now)}（北京时间）。本文件是“科技志愿服务”小程序保存的关于您（志愿者编号 ${v.volunteerNo}）的全部个人信息和记录，依《个人信息保护法》第四十五条提供给您本人。`,
    '“个人信息”表中的手机号和身份证号为完整号码，仅在您本人导出时提供；请妥善保管本文件，不要转发给他人。',
    '各表：个人信息；队伍（入队申请及成员身份的状态）；队伍邀请；队伍注册申请；集体注册导入（队伍导入的您的信息）；活动报名；服务记录（每日签到签退及计入时长）；记录修改（管理员对您记录的每次修改及原因）；更正申请（含评价申诉）；评价（活动结束后队伍对您的评价及其修改）；培训（您参加的培训，培训学时不计入服务时长）；表彰奖励（经审核通过的对您的表彰）；服务证明。',
    '如发现信息有误，可在小程序中修改个人资料、对服务记录提出更正申请、对评价提出申诉，或联系所在队伍。',
  ];
  const buf = await myDataXlsx('我的志愿服务数据', notes, sheets);
  return { fileName: exportFileName(['我的志愿服务数据', v.volunteerNo, today]), base64: buf.toString('base64') };
}
