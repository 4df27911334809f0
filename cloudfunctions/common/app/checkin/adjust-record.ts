// 补录 and adjustments of a day record by an admin, each with an audit entry (who, when, before, after, why)
// that the volunteer sees on the record. Shared by checkin.adjust, batchSignOut and approved corrections; who may
// ask for it is the callers' to check (four-eyes), the activity's being live is checked here.
import { FUTURE_TIME_MESSAGE } from '@contract/time';
import { editKindOf } from '@contract/checkin';
import { AppError, ErrorCode } from '../../errors';
import { findEnrollment, type ActivityDoc } from '../../db/activity.repository';
import { createRecord, findRecord, updateRecordIf, type AdjustmentDoc, type DayRecordDoc } from '../../db/checkin.repository';
import { findVolunteer } from '../../db/volunteer.repository';
import { capBinds, creditedMinutes, dayRecordId } from '../../domain/checkin-day';
import { shanghaiDate } from '../../domain/shanghai-time';
import { refuseDayChangesIfCancelled } from '../activity/activity-lookup';

export interface AdjustRequest {
  activity: ActivityDoc;
  openid: string;
  date: string;
  signInAt?: Date;
  signOutAt?: Date;
  reason: string;
  by: string;
  now: Date;
  /** Only close an open day (batch sign-out): an already closed day is left alone. */
  onlyIfOpen?: boolean;
  /** What the change log calls it: 批量签退, 更正; else 补录 or 调整 by the times (editKindOf). */
  kind?: 'batch' | 'correction';
}

const invalid = (message: string) => new AppError(ErrorCode.VALIDATION, message);

function validate(r: AdjustRequest, signInAt: Date | undefined, signOutAt: Date | undefined): void {
  const a = r.activity;
  if (r.date < a.startDate || r.date > a.endDate) throw invalid(`${r.date}不是该活动的服务日期`);
  if (!signInAt) throw invalid('补录时请填写签到时间');
  if (shanghaiDate(signInAt) !== r.date) throw invalid('签到时间须在该服务日当天');
  if (signInAt.getTime() > r.now.getTime() || (signOutAt && signOutAt.getTime() > r.now.getTime())) throw invalid(FUTURE_TIME_MESSAGE);
  if (signOutAt && signOutAt.getTime() <= signInAt.getTime()) throw invalid('签退时间须晚于签到时间');
  if (signOutAt && shanghaiDate(signOutAt) !== r.date) throw invalid('签退时间须在该服务日当天');
}

/** Applies the change and returns the record as stored; null when `onlyIfOpen` found the day closed. */
export async function adjustRecord(r: AdjustRequest): Promise<DayRecordDoc | null> {
  refuseDayChangesIfCancelled(r.activity);
  const id = dayRecordId(r.activity._id, r.openid, r.date);
  const admin = await findVolunteer(r.by);
  const byName = admin?.realName ?? '管理员';
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await findRecord(id);
    if (r.onlyIfOpen && (!before?.signInAt || before.signOutAt)) return null;
    const signInAt = r.signInAt ?? (before?.signInAt ? new Date(before.signInAt) : undefined);
    const signOutAt = r.signOutAt ?? (before?.signOutAt ? new Date(before.signOutAt) : undefined);
    validate(r, signInAt, signOutAt);
    const minutes = signInAt && signOutAt ? creditedMinutes(r.activity, r.date, signInAt, signOutAt) : 0;
    const entry: AdjustmentDoc = {
      by: r.by,
      byName,
      at: r.now,
      reason: r.reason,
      before: {
        ...(before?.signInAt ? { signInAt: before.signInAt } : {}),
        ...(before?.signOutAt ? { signOutAt: before.signOutAt } : {}),
        minutes: before?.minutes ?? 0,
      },
      after: { ...(signInAt ? { signInAt } : {}), ...(signOutAt ? { signOutAt } : {}), minutes },
      kind: r.kind ?? editKindOf(before ?? {}, { signInAt, signOutAt }),
      ...(capBinds(r.activity, r.date, signInAt, signOutAt) ? { capped: true } : {}),
    };
    if (!before) {
      const enrollment = await findEnrollment(r.activity._id, r.openid);
      if (!enrollment || enrollment.status !== 'enrolled') throw new AppError(ErrorCode.CHECKIN_NOT_ENROLLED, '该志愿者没有报名此活动');
      const doc: DayRecordDoc = {
        _id: id,
        activityId: r.activity._id,
        orgId: r.activity.orgId,
        openid: r.openid,
        date: r.date,
        ...(signInAt ? { signInAt } : {}),
        ...(signOutAt ? { signOutAt } : {}),
        minutes,
        status: 'adjusted',
        signInBy: r.by,
        ...(signOutAt ? { signOutBy: r.by } : {}),
        adjustments: [entry],
        echoes: [],
        createdAt: r.now,
        updatedAt: r.now,
      };
      if (await createRecord(doc)) return doc;
      continue;
    }
    const patch = {
      ...(signInAt ? { signInAt } : {}),
      ...(signOutAt ? { signOutAt, signOutBy: r.by } : {}),
      minutes,
      status: 'adjusted' as const,
      adjustments: [...(before.adjustments ?? []), entry],
      updatedAt: r.now,
    };
    if (await updateRecordIf(id, before.updatedAt, patch)) return { ...before, ...patch };
    // Someone scanned or adjusted in between: decide again on the fresh record.
  }
  throw new AppError(ErrorCode.VALIDATION, '记录正在被修改，请稍后重试');
}
