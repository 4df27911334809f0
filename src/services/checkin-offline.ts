// The two queues of offline check-in (see offline-queue): a volunteer's own scans of activity codes, and an admin's
// scans of volunteers' personal codes, one queue per activity.
import type { OfflineScanItem, OfflineVolunteerScanItem } from '@contract/checkin';
import { callFunction } from './cloud';
import { offlineQueue, registerQueueKind, type OfflineQueue } from './offline-queue';

/** A volunteer's queued scan; `activityId` and `kind` are what the phone could read of the code (for the pages only). */
export type QueuedScan = OfflineScanItem & { activityId?: string; kind?: 'in' | 'out' | 'auto' };
/**
 * An admin's queued scan of a personal code (or one person of a 批量签退: `openid` + `batchAt`, no code), with the
 * volunteer as the kit kept for offline use named them (`openid`, `realName`: for the pages; not sent with a code).
 */
export type QueuedVolunteerScan = OfflineVolunteerScanItem & { openid?: string; realName?: string };

const SCANS_KEY = 'kjzy.offline.scans';
const ADMIN_PREFIX = 'kjzy.offline.admin.';

/** The volunteer's own queue (checkin.uploadOffline). */
export function myOfflineScans(): OfflineQueue<QueuedScan> {
  return offlineQueue<QueuedScan>(SCANS_KEY, async (scans) => (await callFunction('checkin', 'uploadOffline', { scans })).results);
}

/**
 * What the server is sent of an admin's queued item: a scanned code without the names kept for the pages, or one person
 * of a 批量签退 (`openid` + `batchAt`, no code).
 */
export function wireVolunteerScan(item: QueuedVolunteerScan): OfflineVolunteerScanItem {
  const { realName: _name, openid, ...rest } = item;
  return rest.batchAt !== undefined ? { ...rest, openid } : rest;
}

/** An admin's queue of personal-code scans (and offline 批量签退) for one activity (checkin.uploadOfflineVolunteerScans). */
export function adminOfflineScans(activityId: string): OfflineQueue<QueuedVolunteerScan> {
  return offlineQueue<QueuedVolunteerScan>(
    ADMIN_PREFIX + activityId,
    async (scans) =>
      (await callFunction('checkin', 'uploadOfflineVolunteerScans', { activityId, scans: scans.map(wireVolunteerScan) })).results,
  );
}

registerQueueKind(SCANS_KEY, () => myOfflineScans());
registerQueueKind(ADMIN_PREFIX, (key) => adminOfflineScans(key.slice(ADMIN_PREFIX.length)));
