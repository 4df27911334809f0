// 签到名单 without a network: whether a personal code may be kept for upload (this activity's, someone in the 离线准备
// kit, never the admin's own), who is in by the queued scans over the last roster read, and the items a 批量签退 kept
// offline queues (one per person in). Pure: the page passes the kit, the queue's items and the time.
import type { CheckinKind, OfflineKitVolunteer } from '@contract/checkin';
import { ErrorMessage } from '@contract/errors';
import { shanghaiDateOf } from '@contract/time';
import type { QueuedVolunteerScan } from '../../services/checkin-offline';
import type { StoredKit } from '../../services/offline-kit';
import { readCodeBody } from '../../utils/code-body';

export const NO_KIT_MESSAGE = '网络异常，且未做离线准备';
export const NOT_IN_KIT_MESSAGE = '不是本活动报名的志愿者';

export type OfflineCodeVerdict = { ok: true; volunteer: OfflineKitVolunteer } | { ok: false; message: string };

/** What to do with a personal code read while the server cannot be reached. */
export function judgeOfflineCode(payload: string, activityId: string, stored: StoredKit | undefined): OfflineCodeVerdict {
  if (!stored) return { ok: false, message: NO_KIT_MESSAGE };
  const body = readCodeBody(payload);
  if (!body || body.t !== 'v') return { ok: false, message: '无法识别的个人签到码，请扫描志愿者“我的签到码”' };
  if (body.activityId !== activityId) return { ok: false, message: '该个人签到码不属于本活动' };
  if (body.openid === stored.kit.me) return { ok: false, message: ErrorMessage['AUTH.SELF_DEALING'] };
  const volunteer = stored.kit.volunteers.find((v) => v.openid === body.openid);
  return volunteer ? { ok: true, volunteer } : { ok: false, message: NOT_IN_KIT_MESSAGE };
}

/** The answer to an offline scan kept for upload: 已离线记录：张三 签到（待上传）. */
export const offlineRecordedLine = (realName: string, kind: CheckinKind): string =>
  `已离线记录：${realName || '志愿者'} ${kind === 'in' ? '签到' : '签退'}（待上传）`;

export type OfflineListRow = OfflineKitVolunteer & {
  state: 'in' | 'out' | 'absent';
  signInAt?: string;
  signOutAt?: string;
  /** A scan of this person waits in the queue. */
  waiting: boolean;
};

const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : undefined);
/** The instant a queued item counts at: the chosen time of a 批量签退, else the phone's time of the scan. */
const itemAt = (item: QueuedVolunteerScan) => item.batchAt ?? item.claimedAt;

/**
 * Every volunteer of the kit on `date`: the last roster read (if kept for that day), then the queued scans of that day
 * by the day's rules (the earliest sign-in and the latest sign-out count; a 批量签退 closes only a day signed in before
 * its time and not signed out).
 */
export function offlineList(stored: StoredKit, date: string, items: QueuedVolunteerScan[]): OfflineListRow[] {
  const roster = stored.roster?.date === date ? new Map(stored.roster.rows.map((r) => [r.openid, r])) : new Map();
  const ofDay = items
    .filter((i) => i.openid && shanghaiDateOf(Date.parse(itemAt(i))) === date)
    .sort((a, b) => Date.parse(itemAt(a)) - Date.parse(itemAt(b)));
  return stored.kit.volunteers.map((v) => {
    const known = roster.get(v.openid);
    let signIn = ms(known?.signInAt);
    let signOut = ms(known?.signOutAt);
    let waiting = false;
    for (const item of ofDay) {
      if (item.openid !== v.openid) continue;
      waiting = true;
      const at = Date.parse(itemAt(item));
      if (item.kind === 'in') signIn = signIn === undefined ? at : Math.min(signIn, at);
      else if (item.batchAt !== undefined) {
        if (signIn !== undefined && signIn < at && signOut === undefined) signOut = at;
      } else if (signIn !== undefined && signIn < at) signOut = signOut === undefined ? at : Math.max(signOut, at);
    }
    const iso = (n: number | undefined) => (n === undefined ? undefined : new Date(n).toISOString());
    const state = signOut !== undefined ? 'out' : signIn !== undefined ? 'in' : 'absent';
    return { ...v, state, signInAt: iso(signIn), signOutAt: iso(signOut), waiting };
  });
}

/** Whom a 批量签退 at `at` (ISO) kept offline closes: everyone in, signed in before it, never the admin themselves. */
export function offlineBatchTargets(rows: OfflineListRow[], at: string, me: string): OfflineListRow[] {
  return rows.filter((r) => r.state === 'in' && r.openid !== me && r.signInAt !== undefined && Date.parse(r.signInAt) < Date.parse(at));
}

/** The queued items of a 批量签退 kept offline: one per person, each with its own nonce and the phone's timing. */
export function offlineBatchItems(
  targets: OfflineListRow[],
  batchAt: string,
  timing: { claimedAt: string; syncedServerTime?: string; elapsedMs?: number },
  nonce: () => string,
): QueuedVolunteerScan[] {
  return targets.map((r) => ({ nonce: nonce(), kind: 'out', openid: r.openid, realName: r.realName, batchAt, ...timing }));
}
