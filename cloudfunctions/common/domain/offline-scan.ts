// What the server believes of a scan a phone kept while it could not reach the server (checkin.uploadOffline,
// checkin.uploadOfflineVolunteerScans; API.md "Offline scans"). A rotating code proves when it was scanned (within its
// step's acceptance window); a static code proves nothing about time, so such a scan waits for an admin (待确认); a
// phone whose clock disagrees with the time it measured since it last heard the server's is flagged; nothing older
// than OFFLINE_MAX_AGE_H at upload is taken. Pure: the caller has verified the code's signature already.
import { OFFLINE_CLOCK_TOLERANCE_MIN, OFFLINE_MAX_AGE_H, ROTATING_STEP_SEC, type OfflineReason } from '@contract/checkin';

export { OFFLINE_CLOCK_TOLERANCE_MIN, OFFLINE_MAX_AGE_H };

const STEP_MS = ROTATING_STEP_SEC * 1000;
const MIN_MS = 60_000;
const HOUR_MS = 3_600_000;

/** A queued scan as the phone kept it, its code already verified. */
export interface QueuedScan {
  /** The verified code's step (rotating codes, personal codes), absent for a static code. */
  step?: number;
  /** The phone's clock at the scan. */
  claimedAt: Date;
  /** The server's time the phone last heard, and the monotonic milliseconds it measured from then to the scan. */
  syncedServerTime?: Date;
  elapsedMs?: number;
  /** When the server received it. */
  uploadAt: Date;
}

/**
 * - `accept`: record the scan at `at`, the instant its code proves (never the phone's clock as such).
 * - `pending`: 待确认 at the phone's claimed time; an admin confirms or rejects it (a static code).
 * - `flagged`: the phone's clock cannot be trusted; kept for an admin with `at` the time it would be recorded at.
 * - `expired`: older than OFFLINE_MAX_AGE_H at upload; nothing is kept for the day.
 */
export type OfflineVerdict =
  | { decision: 'accept'; at: Date; reason: 'ROTATING_STEP' }
  | { decision: 'pending'; at: Date; reason: 'STATIC_CODE' }
  | { decision: 'flagged'; at: Date; reason: Extract<OfflineReason, 'CLOCK_DISAGREES' | 'NEVER_SYNCED' | 'STEP_AHEAD'> }
  | { decision: 'expired'; at: Date; reason: 'TOO_OLD' };

/**
 * The window a rotating code's step proves: it was minted at the start of step `s` and is accepted online while it is
 * the current or the previous step, so the scan happened in [s·30 s, (s+2)·30 s) (the last instant inside: −1 ms).
 */
export function stepWindow(step: number): { from: Date; to: Date } {
  return { from: new Date(step * STEP_MS), to: new Date((step + 2) * STEP_MS - 1) };
}

/** The instant a rotating scan is recorded at: the phone's claimed time clamped into its step's window. */
export function provenInstant(step: number, claimedAt: Date): Date {
  const { from, to } = stepWindow(step);
  return new Date(Math.min(Math.max(claimedAt.getTime(), from.getTime()), to.getTime()));
}

/**
 * How far the phone's clock at the scan is from the server's time it can vouch for (the last synced server time plus
 * the monotonic time since), in ms; undefined when the phone never heard the server's time.
 */
export function clockDrift(s: Pick<QueuedScan, 'claimedAt' | 'syncedServerTime' | 'elapsedMs'>): number | undefined {
  if (!s.syncedServerTime || s.elapsedMs === undefined) return undefined;
  return Math.abs(s.claimedAt.getTime() - (s.syncedServerTime.getTime() + s.elapsedMs));
}

type Held =
  | { decision: 'expired'; at: Date; reason: 'TOO_OLD' }
  | { decision: 'flagged'; at: Date; reason: Extract<OfflineReason, 'CLOCK_DISAGREES' | 'NEVER_SYNCED'> };

/**
 * What holds back a queued act counting at `at`, in this order: older than OFFLINE_MAX_AGE_H at upload expires (72 h
 * exactly is still taken); a phone that never synced, or synced "after" the upload, is flagged NEVER_SYNCED; a clock
 * more than OFFLINE_CLOCK_TOLERANCE_MIN away from the synced time plus elapsed is flagged CLOCK_DISAGREES.
 */
function heldByAgeOrClock(s: Pick<QueuedScan, 'claimedAt' | 'syncedServerTime' | 'elapsedMs' | 'uploadAt'>, at: Date): Held | undefined {
  const upload = s.uploadAt.getTime();
  if (upload - at.getTime() > OFFLINE_MAX_AGE_H * HOUR_MS) return { decision: 'expired', at, reason: 'TOO_OLD' };
  const drift = clockDrift(s);
  if (drift === undefined || s.syncedServerTime!.getTime() > upload) return { decision: 'flagged', at, reason: 'NEVER_SYNCED' };
  if (drift > OFFLINE_CLOCK_TOLERANCE_MIN * MIN_MS) return { decision: 'flagged', at, reason: 'CLOCK_DISAGREES' };
  return undefined;
}

/**
 * The verdict on one queued scan, in this order: a step not yet minted at upload is flagged (STEP_AHEAD); older than
 * OFFLINE_MAX_AGE_H at upload (the proven instant for a rotating code, the claimed time for a static one) expires;
 * a clock more than OFFLINE_CLOCK_TOLERANCE_MIN away from the synced time plus elapsed (CLOCK_DISAGREES), or never
 * synced, or synced "after" the upload (NEVER_SYNCED) is flagged; then a rotating code is accepted at
 * `provenInstant`, a static one is 待确认 at the claimed time. 72 h exactly is still taken.
 */
export function judgeOfflineScan(s: QueuedScan): OfflineVerdict {
  const upload = s.uploadAt.getTime();
  if (s.step !== undefined && stepWindow(s.step).from.getTime() > upload + STEP_MS) {
    return { decision: 'flagged', at: s.claimedAt, reason: 'STEP_AHEAD' };
  }
  const at = s.step !== undefined ? provenInstant(s.step, s.claimedAt) : s.claimedAt;
  const held = heldByAgeOrClock(s, at);
  if (held) return held;
  if (s.step !== undefined) return { decision: 'accept', at, reason: 'ROTATING_STEP' };
  return { decision: 'pending', at: s.claimedAt, reason: 'STATIC_CODE' };
}

/** One person of a 批量签退 an admin's phone kept offline: the time the admin chose and the phone's timing of the act. */
export interface QueuedBatchSignOut {
  batchAt: Date;
  claimedAt: Date;
  syncedServerTime?: Date;
  elapsedMs?: number;
  uploadAt: Date;
}

export type BatchSignOutVerdict = { decision: 'accept'; at: Date; reason: 'BATCH_SIGN_OUT' } | Held;

/**
 * The verdict on a queued 批量签退: no code proves its time, the admin chose it (`batchAt`, never after the act), so
 * it counts at `batchAt` when the phone's clock at the act agrees with the time it measured since its last sync; a
 * clock that disagrees, never synced or synced "after" the upload is flagged for another admin; older than
 * OFFLINE_MAX_AGE_H at upload expires (72 h exactly is still taken).
 */
export function judgeOfflineBatchSignOut(s: QueuedBatchSignOut): BatchSignOutVerdict {
  const at = s.batchAt;
  return heldByAgeOrClock(s, at) ?? { decision: 'accept', at, reason: 'BATCH_SIGN_OUT' };
}
