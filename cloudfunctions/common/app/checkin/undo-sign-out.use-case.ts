// checkin.undoSignOut: a volunteer who signed out by mistake (an auto code scanned twice) takes it back within
// UNDO_SIGN_OUT_MIN, by themself: the day is open again and its trail says so. Later, only an admin corrects it.
import type { CheckinUndoSignOutInput, RecordOutput } from '@contract/checkin';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findRecord, undoSignOutIf, type AdjustmentDoc, type DayRecordDoc } from '../../db/checkin.repository';
import { findVolunteer } from '../../db/volunteer.repository';
import { canUndoSignOut, dayRecordId } from '../../domain/checkin-day';
import { refuseDayChangesIfCancelled, requireActivity } from '../activity/activity-lookup';
import { recordView } from './record-view';

export const UNDO_REASON = '本人撤销签退';

const ownSignOutAts = (r: DayRecordDoc): Date[] => (r.echoes ?? []).filter((e) => e.kind === 'out').map((e) => new Date(e.at));

export async function undoSignOut(input: CheckinUndoSignOutInput, ctx: Ctx): Promise<RecordOutput> {
  // Whose day: the caller's own, from the WeChat context; the input names no one.
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  refuseDayChangesIfCancelled(activity);
  const record = await findRecord(dayRecordId(activity._id, openid, input.date));
  const signOutAt = record?.signOutAt ? new Date(record.signOutAt) : undefined;
  const check = canUndoSignOut(record && { signOutAt, ownSignOutAts: ownSignOutAts(record) }, ctx.now);
  if (!check.ok) {
    const code = {
      NOT_SIGNED_OUT: ErrorCode.CHECKIN_NOT_SIGNED_OUT,
      NOT_OWN: ErrorCode.CHECKIN_UNDO_NOT_OWN,
      EXPIRED: ErrorCode.CHECKIN_UNDO_EXPIRED,
    };
    throw new AppError(code[check.reason]);
  }
  if (!record || !signOutAt) throw new AppError(ErrorCode.CHECKIN_NOT_SIGNED_OUT);
  const signInAt = record.signInAt ? new Date(record.signInAt) : undefined;
  const volunteer = await findVolunteer(openid);
  const audit: AdjustmentDoc = {
    by: openid,
    byName: volunteer?.realName ?? '本人',
    at: ctx.now,
    reason: UNDO_REASON,
    before: { ...(signInAt ? { signInAt } : {}), signOutAt, minutes: record.minutes },
    after: { ...(signInAt ? { signInAt } : {}), minutes: 0 },
    kind: 'undo',
  };
  const status: DayRecordDoc['status'] = record.status === 'adjusted' ? 'adjusted' : 'open';
  const patch = { minutes: 0, status, updatedAt: ctx.now };
  // Conditional write: of two undos (or an undo and a later scan) racing, one applies; the other finds it changed.
  if (!(await undoSignOutIf(record._id, { signOutAt, updatedAt: new Date(record.updatedAt) }, patch, audit))) {
    throw new AppError(ErrorCode.CHECKIN_NOT_SIGNED_OUT, '签退已撤销或记录已变更，请刷新后查看');
  }
  const { signOutAt: _undone, signOutBy: _by, ...rest } = record;
  return { record: recordView({ ...rest, ...patch, adjustments: [...record.adjustments, audit] }) };
}
