// Scans kept on a phone while it was offline, as uploaded: one document per uploader and nonce (its `_id`), claimed
// before anything else is done with the scan, so that a second upload of the same nonce (a retry after a lost answer,
// two uploads of one batch at once) finds it and changes nothing.
import type { CheckinKind, OfflineBatchSkipReason, OfflineReason, OfflineResult, ScanFlag } from '@contract/checkin';
import { database } from '../cloud';
import { C } from './collections';
import { unwrap, writtenUnlessDuplicate } from './db-result';
import { pageAll } from './checkin.repository';

/**
 * processing: claimed, being applied; then what the upload answered (recorded, waiting, pending, flagged, expired,
 * refused), and for a pending or flagged one what an admin decided (confirmed, rejected).
 */
export type OfflineState = 'processing' | Exclude<OfflineResult, 'duplicate'> | 'confirmed' | 'rejected';

export interface OfflineScanDoc {
  _id: string;
  activityId: string;
  orgId: string;
  /** Whose day it is. */
  openid: string;
  /** Who uploaded it: the volunteer, or the admin who scanned their personal code (then also `by`). */
  uploadedBy: string;
  by?: string;
  /** One person of an admin's 批量签退 kept offline (no code; `at` is the time the admin chose). */
  batch?: boolean;
  nonce: string;
  kind: CheckinKind;
  /** The code's kind when it was an activity code (`auto` decides in or out from the day record). */
  codeKind?: 'in' | 'out' | 'auto';
  date: string;
  /** The instant it counts at (rotating: proven by the code; static: the phone's claim). */
  at: Date;
  claimedAt: Date;
  syncedServerTime?: Date;
  elapsedMs?: number;
  step?: number;
  distanceM?: number;
  accuracy?: number;
  flags: ScanFlag[];
  state: OfflineState;
  reason?: OfflineReason;
  /** For `refused`: the code and message answered. */
  code?: string;
  message?: string;
  /** For `skipped` (a 批量签退): why the day was left alone. */
  skipReason?: OfflineBatchSkipReason;
  decidedBy?: string;
  decidedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const scans = () => database().collection(C.offlineScans);

export const offlineScanId = (uploadedBy: string, nonce: string) => `${uploadedBy}_${nonce}`;

/** Claims the nonce; false when it was uploaded before (or is being uploaded right now). */
export const claimOfflineScan = (doc: OfflineScanDoc): Promise<boolean> => writtenUnlessDuplicate(scans().add(doc));

export async function findOfflineScan(id: string): Promise<OfflineScanDoc | undefined> {
  const res = await unwrap(scans().doc(id).get());
  return (res.data as OfflineScanDoc[])[0];
}

/** Sets what became of a scan; with `from`, only if it is still in that state (two admins deciding: one wins). */
export async function setOfflineState(id: string, patch: Partial<OfflineScanDoc>, from?: OfflineState): Promise<boolean> {
  const where: Record<string, unknown> = { _id: id, ...(from ? { state: from } : {}) };
  const res = await unwrap(scans().where(where).update(patch));
  return res.updated === 1;
}

/**
 * Takes over a scan another upload claimed and never finished (still `processing` since `since`): exactly one caller
 * gets it, the one whose update finds it unchanged.
 */
export async function takeOverProcessing(id: string, since: Date, now: Date): Promise<boolean> {
  const res = await unwrap(scans().where({ _id: id, state: 'processing', updatedAt: since }).update({ updatedAt: now }));
  return res.updated === 1;
}

/** An activity's scans in some states (the admins' 待确认 list), optionally of one day. */
export function offlineScansIn(activityId: string, states: OfflineState[], date?: string): Promise<OfflineScanDoc[]> {
  const _ = database().command;
  const where: Record<string, unknown> = { activityId, state: _.in(states), ...(date ? { date } : {}) };
  return pageAll((skip) => scans().where(where).orderBy('_id', 'asc').skip(skip).limit(1000).get());
}

/** A volunteer's sign-outs of a day that wait for their sign-in. */
export function waitingSignOuts(activityId: string, openid: string, date: string): Promise<OfflineScanDoc[]> {
  return pageAll((skip) =>
    scans().where({ activityId, openid, date, state: 'waiting' }).orderBy('_id', 'asc').skip(skip).limit(1000).get(),
  );
}
