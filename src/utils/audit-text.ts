// A day record's change log in words ("补录：签到 08:00，签退 20:00，按每日上限计8小时"), for the volunteer on 我的时长
// and for the admins on 签到名单: each reads the entry as said to them.
import {
  ADJUSTED_DAY_LABEL,
  ADJUSTMENT_KIND_LABEL,
  DAY_STATUS_LABEL,
  editKindOf,
  type Adjustment,
  type AdjustmentKind,
  type DayStatus,
} from '@contract/checkin';
import { clockOf } from '@contract/time';
import { formatDuration } from '@contract/format';

export type AuditAudience = 'volunteer' | 'admin';

/** The entry's kind; older entries have none: 补录 or 调整 by their times (editKindOf). */
export const kindOf = (a: Pick<Adjustment, 'kind' | 'before' | 'after'>): AdjustmentKind => a.kind ?? editKindOf(a.before, a.after);

const LABEL_FOR: Record<AuditAudience, Partial<Record<AdjustmentKind, string>>> = {
  volunteer: { undo: '撤销签退（本人操作）' },
  admin: { undo: '志愿者本人撤销签退' },
};

/** "签到 08:00，签退 20:00，按每日上限计8小时" / "签到 08:00，未签退". */
export function timesText(t: Adjustment['after'], capped = false): string {
  const signIn = t.signInAt ? `签到 ${clockOf(t.signInAt)}` : '未签到';
  if (!t.signOutAt) return t.signInAt ? `${signIn}，未签退` : signIn;
  return `${signIn}，签退 ${clockOf(t.signOutAt)}，${capped ? '按每日上限计' : '计'}${formatDuration(t.minutes)}`;
}

/** The change in one sentence, "补录：签到 08:00，签退 20:00，按每日上限计8小时". */
export function changeText(a: Adjustment, audience: AuditAudience): string {
  const kind = kindOf(a);
  const label = LABEL_FOR[audience][kind] ?? ADJUSTMENT_KIND_LABEL[kind];
  if (kind === 'undo') return `${label}：${a.after.signInAt ? `签到 ${clockOf(a.after.signInAt)}，` : ''}签退已撤销，暂不计时长`;
  return `${label}：${timesText(a.after, a.capped === true)}`;
}

/** What the day was before, when it had anything: "原记录：签到 08:52，未签退". */
export function beforeText(a: Adjustment): string {
  if (kindOf(a) === 'undo' || (!a.before.signInAt && !a.before.signOutAt)) return '';
  return `原记录：${timesText(a.before)}`;
}

/** The reason as written, unless the kind already says it all (撤销签退). */
export const reasonText = (a: Adjustment): string => (kindOf(a) === 'undo' || !a.reason ? '' : `原因：${a.reason}`);

/** A day's tag: 未签退 / 已签退, and for a day an adjustment made, what made it (批量签退, 已补录, 已更正 …). */
export function dayTag(status: DayStatus, adjustments: readonly Adjustment[] | undefined): string {
  if (status !== 'adjusted') return DAY_STATUS_LABEL[status];
  const last = [...(adjustments ?? [])].reverse().find((a) => kindOf(a) !== 'undo');
  return last ? ADJUSTED_DAY_LABEL[kindOf(last)] : DAY_STATUS_LABEL.adjusted;
}
