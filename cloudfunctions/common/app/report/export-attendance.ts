// An activity's 签到记录: one row per volunteer and day, with the credited time, 离线 for a day with offline scans, and
// the last adjustment's reason.
// Phones in full only for the leader/admins of the activity's own team.
import type { ReportExportOutput } from '@contract/report';
import { CHECKIN_KIND_LABEL, DAY_STATUS_LABEL } from '@contract/checkin';
import { formatDuration } from '@contract/format';
import { maskPhone } from '@contract/id-number';
import { AppError, ErrorCode } from '../../errors';
import { findActivity } from '../../db/activity.repository';
import { contactsOf, findOrg, type OrgDoc } from '../../db/org.repository';
import { recordsOfActivity } from '../../db/report.repository';
import type { DayRecordDoc } from '../../db/checkin.repository';
import { canManage, type Grant } from '../../domain/org-access';
import { chineseDate, chineseSpan, exportFileName } from '../../domain/report-forms';
import { shanghaiDate, toIso } from '../../domain/shanghai-time';
import { attendanceXlsx } from '../../adapters/report-xlsx';

const clock = (d: Date | undefined) => (d ? toIso(new Date(d)).slice(11, 16) : '');

/** 备注: 离线 (and by whom) when a scan of the day was recorded offline, then the last adjustment's reason. */
function remark(r: DayRecordDoc): string {
  const adjustments = r.adjustments ?? [];
  const last = adjustments.length ? adjustments[adjustments.length - 1].reason : '';
  const marks = r.offline ?? [];
  if (marks.length === 0) return last;
  const byAdmin = marks.some((m) => m.by);
  const offline = `离线（${marks.map((m) => CHECKIN_KIND_LABEL[m.kind]).join('、')}${byAdmin ? '，管理员扫码' : ''}）`;
  return last.startsWith('离线') ? offline : [offline, last].filter(Boolean).join('；');
}

export async function attendanceExport(org: OrgDoc, grants: Grant[], activityId: string, now: Date): Promise<ReportExportOutput> {
  const activity = await findActivity(activityId);
  if (!activity) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  const host = activity.orgId === org._id ? org : await findOrg(activity.orgId);
  if (!host || (host._id !== org._id && !host.path.includes(org._id)))
    throw new AppError(ErrorCode.VALIDATION, '该活动不属于本队或下级队伍');
  const records = await recordsOfActivity(activity._id);
  const contacts = await contactsOf(records.map((r) => r.openid));
  const fullPhones = canManage(grants, { _id: activity.orgId });
  const named = records.map((r) => ({ r, name: contacts.get(r.openid)?.realName ?? '', phone: contacts.get(r.openid)?.phone ?? '' }));
  named.sort((a, b) => a.r.date.localeCompare(b.r.date) || a.name.localeCompare(b.name, 'zh') || a.r.openid.localeCompare(b.r.openid));
  const rows = named.map(({ r, name, phone }) => {
    return [
      r.date,
      name,
      phone ? (fullPhones ? phone : maskPhone(phone)) : '',
      clock(r.signInAt),
      clock(r.signOutAt),
      r.minutes ?? 0,
      formatDuration(r.minutes ?? 0),
      DAY_STATUS_LABEL[r.status] ?? r.status,
      remark(r),
    ];
  });
  const minutes = records.reduce((s, r) => s + (r.minutes ?? 0), 0);
  // Only credited days count: a day still 未签退 (0 minutes) is listed but is neither a person served nor a day.
  const credited = records.filter((r) => (r.minutes ?? 0) > 0);
  const people = new Set(credited.map((r) => r.openid)).size;
  const days = new Set(credited.map((r) => r.date)).size;
  const today = shanghaiDate(now);
  const buf = await attendanceXlsx({
    title: `${activity.title} 签到记录`,
    subtitle: `举办队伍：${host.name}    活动日期：${chineseSpan(activity.startDate, activity.endDate)}    地点：${activity.address}    导出日期：${chineseDate(today)}`,
    rows,
    totals: [
      '合计',
      `${people}人`,
      `${days}天`,
      '',
      '',
      minutes,
      formatDuration(minutes),
      `${credited.length}人次`,
      `共${records.length}条记录`,
    ],
  });
  return { fileName: exportFileName(['签到记录', host.name, activity.title, today]), base64: buf.toString('base64') };
}
