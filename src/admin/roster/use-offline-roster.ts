// The roster page's offline side: the 离线准备 kit, the activity's queue of scans kept for upload, whether the page
// knows the server cannot be reached, and what the popups queue (a personal code, a 批量签退) when it cannot. When the
// queue uploads, `onSynced` reads the roster again.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CheckinKind, RosterEntry } from '@contract/checkin';
import { adminOfflineScans } from '../../services/checkin-offline';
import { newNonce } from '../../services/checkin';
import { keepKitRoster, prepareOfflineKit, readOfflineKit, type StoredKit } from '../../services/offline-kit';
import { offlineTiming, onServerHeard } from '../../services/server-clock';
import { toCloudError } from '../../services/cloud-error';
import type { Resource } from '../../hooks/use-resource';
import { judgeOfflineCode, offlineBatchItems, offlineBatchTargets, offlineList, offlineRecordedLine } from './offline';

export type OfflineAnswer = { ok: true; line: string } | { ok: false; message: string };

export function useOfflineRoster(activityId: string, date: string, rows: Resource<RosterEntry[]>, onSynced: () => void) {
  const [stored, setStored] = useState<StoredKit | undefined>(() => (activityId ? readOfflineKit(activityId) : undefined));
  const [preparing, setPreparing] = useState(false);
  const queue = useMemo(() => adminOfflineScans(activityId), [activityId]);
  const [queueState, setQueueState] = useState(() => queue.state());
  const [offline, setOffline] = useState(false);
  const synced = useRef(onSynced);
  synced.current = onSynced;

  useEffect(() => {
    setQueueState(queue.state());
    let lastSync = queue.state().lastSyncAt;
    const off = queue.subscribe((s) => {
      setQueueState(s);
      // An upload the server answered: the roster now holds what was queued.
      if (s.lastSyncAt !== lastSync) {
        lastSync = s.lastSyncAt;
        synced.current();
      }
    });
    return () => {
      off();
    };
  }, [queue]);

  useEffect(() => {
    const off = onServerHeard(() => setOffline(false));
    return () => {
      off();
    };
  }, []);

  useEffect(() => {
    if (rows.status === 'error' && rows.error.code === 'NETWORK') setOffline(true);
    if (rows.status === 'ready' && date) {
      keepKitRoster(activityId, date, rows.data);
      setStored(readOfflineKit(activityId));
    }
  }, [rows, activityId, date]);

  const prepare = useCallback(async () => {
    setPreparing(true);
    try {
      const kit = await prepareOfflineKit(activityId);
      if (rows.status === 'ready' && date) keepKitRoster(activityId, date, rows.data);
      setStored(readOfflineKit(activityId) ?? kit);
      return null;
    } catch (e) {
      const err = toCloudError(e);
      if (err.code === 'NETWORK') setOffline(true);
      return err.message;
    } finally {
      setPreparing(false);
    }
  }, [activityId, date, rows]);

  const list = useMemo(() => (stored && date ? offlineList(stored, date, queueState.items) : []), [stored, date, queueState.items]);

  /** A personal code read while the server cannot be reached: kept for upload, or refused at once. */
  const queueScan = useCallback(
    (payload: string, kind: CheckinKind): OfflineAnswer => {
      setOffline(true);
      const verdict = judgeOfflineCode(payload, activityId, stored);
      if (!verdict.ok) return verdict;
      const { openid, realName } = verdict.volunteer;
      queue.add({ nonce: newNonce(), payload: payload.trim(), kind, openid, realName, ...offlineTiming() });
      return { ok: true, line: offlineRecordedLine(realName, kind) };
    },
    [activityId, stored, queue],
  );

  /** A 批量签退 at `at` (ISO) while the server cannot be reached: one queued item per person in by the 离线名单. */
  const queueBatch = useCallback(
    (at: string): OfflineAnswer => {
      setOffline(true);
      if (!stored) return { ok: false, message: '网络异常，且未做离线准备' };
      const timing = offlineTiming();
      if (Date.parse(at) > Date.parse(timing.claimedAt)) return { ok: false, message: '不能填写未来的时间' };
      const targets = offlineBatchTargets(list, at, stored.kit.me);
      if (targets.length === 0) return { ok: false, message: '离线名单中没有在所选时间前签到、尚未签退的志愿者' };
      for (const item of offlineBatchItems(targets, at, timing, newNonce)) queue.add(item);
      return { ok: true, line: `已离线记录：${targets.length}人批量签退（待上传）` };
    },
    [stored, list, queue],
  );

  return {
    stored,
    preparing,
    prepare,
    queueState,
    offline,
    list,
    queueScan,
    queueBatch,
    flush: () => queue.flush(),
    /** The 离线名单 shows while the page knows it is offline, or while scans wait for upload. */
    showList: !!stored && (offline || queueState.items.length > 0),
  };
}
