// One person of a 批量签退 an admin's phone kept offline (API.md "Offline scans"), applied to their day at upload, or
// when another admin confirms a flagged one, by the rules of the online checkin.batchSignOut for that person: only an
// open day signed in before the chosen time is closed (status adjusted, signed out by the admin), with a 离线 mark
// (`batch`) and an entry on its trail; a day with no sign-in, signed in at or after that time, or signed out already
// is left alone (`skipped`).
import type { OfflineBatchSkipReason } from '@contract/checkin';
import { FUTURE_TIME_MESSAGE } from '@contract/time';
import { AppError, ErrorCode } from '../../errors';
import type { ActivityDoc } from '../../db/activity.repository';
import { applyOfflineIf, findRecord, type AdjustmentDoc, type DayRecordDoc, type OfflineMarkDoc } from '../../db/checkin.repository';
import type { OfflineScanDoc } from '../../db/offline-scan.repository';
import { capBinds, creditedMinutes, dayRecordId } from '../../domain/checkin-day';
import { withFlags } from '../../domain/scan-flags';
import { toIso } from '../../domain/shanghai-time';
import { refuseDayChangesIfCancelled } from '../activity/activity-lookup';

export interface BatchApplied {
  state: 'recorded' | 'skipped';
  record?: DayRecordDoc;
  skipReason?: OfflineBatchSkipReason;
}

export interface BatchApplyCtx {
  activity: ActivityDoc;
  now: Date;
  nameOf: (openid: string) => Promise<string>;
  confirmedBy?: string;
}

const clock = (d: Date) => toIso(d).slice(11, 16);

/** The checks of the online batch on the time chosen: a day of the activity, not in the future, not cancelled. */
export function checkBatchTime(activity: ActivityDoc, date: string, at: Date, now: Date): void {
  refuseDayChangesIfCancelled(activity);
  if (date < activity.startDate || date > activity.endDate) throw new AppError(ErrorCode.VALIDATION, `${date}不是该活动的服务日期`);
  if (at.getTime() > now.getTime()) throw new AppError(ErrorCode.VALIDATION, FUTURE_TIME_MESSAGE);
}

/** Closes the person's day at the batch's time if the online batch would; idempotent (a mark already there: recorded). */
export async function applyBatchToDay(s: OfflineScanDoc, c: BatchApplyCtx): Promise<BatchApplied> {
  const at = new Date(s.at);
  checkBatchTime(c.activity, s.date, at, c.now);
  const id = dayRecordId(s.activityId, s.openid, s.date);
  const by = s.by ?? s.uploadedBy;
  for (let attempt = 0; attempt < 4; attempt++) {
    const record = await findRecord(id);
    if (record?.offline?.some((m) => m.scanId === s._id)) return { state: 'recorded', record };
    if (!record?.signInAt) return { state: 'skipped', skipReason: 'notSignedIn' };
    if (record.signOutAt) return { state: 'skipped', skipReason: 'alreadyClosed' };
    const signInAt = new Date(record.signInAt);
    if (signInAt.getTime() >= at.getTime()) return { state: 'skipped', skipReason: 'signedInAfter' };
    const minutes = creditedMinutes(c.activity, s.date, signInAt, at);
    const mark: OfflineMarkDoc = {
      scanId: s._id,
      kind: 'out',
      at,
      syncedAt: new Date(s.createdAt),
      by,
      batch: true,
      ...(c.confirmedBy ? { confirmedBy: c.confirmedBy } : {}),
    };
    const audit: AdjustmentDoc = {
      by: c.confirmedBy ?? by,
      byName: (await c.nameOf(c.confirmedBy ?? by)) || '管理员',
      at: c.now,
      reason: `离线签退（管理员批量签退，${clock(at)}${c.confirmedBy ? '，管理员确认' : ''}）`,
      before: { signInAt, minutes: record.minutes ?? 0 },
      after: { signInAt, signOutAt: at, minutes },
      kind: 'batch',
      ...(capBinds(c.activity, s.date, signInAt, at) ? { capped: true } : {}),
    };
    const patch: Partial<DayRecordDoc> = { signOutAt: at, signOutBy: by, minutes, status: 'adjusted', updatedAt: c.now };
    if (!(await applyOfflineIf(id, record.updatedAt, patch, { mark, audit, flags: ['offline'], remove: [] }))) continue;
    return {
      state: 'recorded',
      record: {
        ...record,
        ...patch,
        flags: withFlags(record.flags, ['offline']),
        offline: [...(record.offline ?? []), mark],
        adjustments: [...(record.adjustments ?? []), audit],
      },
    };
  }
  throw new AppError(ErrorCode.VALIDATION, '记录正在被修改，请稍后重试');
}
