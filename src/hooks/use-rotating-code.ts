// A code that may rotate (checkin.code in screen mode, checkin.myCode; a poster code's 现场数字码): loads it, counts
// down to `expiresAt` and fetches the next one then; paused while the page is hidden. A failed refresh keeps the shown code (the
// previous step stays valid for another 30 s) and tries again shortly.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { toCloudError, type CloudError } from '../services/cloud-error';
import { serverNow } from '../services/server-clock';
import { ROTATING_STEP_SEC } from '@contract/checkin';
import { useLatest } from './use-resource';

export type RotatingCode<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: CloudError }
  /** `left`: seconds until the next code, null for a code that does not rotate; `refreshError` after a failed refresh. */
  | { status: 'ready'; data: T; left: number | null; refreshError: string };

const RETRY_MS = 5000;

/**
 * When to fetch again, by the phone's clock. The server's clock may differ from the phone's (or, in tests, be set
 * to another day): a deadline that is not within one step from now is replaced by one step from now, which is
 * still in time because the previous step stays accepted.
 */
export function refreshDelayMs(expiresAt: string, now = serverNow(), stepSec = ROTATING_STEP_SEC): number {
  const left = Date.parse(expiresAt) - now;
  const step = stepSec * 1000;
  return left > 0 && left <= step + 2000 ? left : step;
}

/** `stepSec`: how often the code changes (30 s for rotating codes; a static code's 现场数字码 every 5 minutes). */
export function useRotatingCode<T extends { expiresAt?: string }>(
  load: (() => Promise<T>) | null,
  stepSec = ROTATING_STEP_SEC,
): { code: RotatingCode<T>; reload: () => void } {
  const [code, setCode] = useState<RotatingCode<T>>(load ? { status: 'loading' } : { status: 'idle' });
  const loadRef = useLatest(load);
  const ticket = useRef(0);
  const refreshAt = useRef(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const retry = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stop = useCallback(() => {
    if (timer.current !== null) clearInterval(timer.current);
    if (retry.current !== null) clearTimeout(retry.current);
    timer.current = null;
    retry.current = null;
  }, []);

  const fetchCode = useCallback(
    (keepShown: boolean) => {
      stop();
      const fn = loadRef.current;
      const mine = ++ticket.current;
      if (!fn) return setCode({ status: 'idle' });
      if (!keepShown) setCode({ status: 'loading' });
      fn().then(
        (data) => {
          if (mine !== ticket.current) return;
          if (!data.expiresAt) return setCode({ status: 'ready', data, left: null, refreshError: '' });
          refreshAt.current = Date.now() + refreshDelayMs(data.expiresAt, serverNow(), stepSec);
          const tick = () => {
            const left = Math.max(0, Math.ceil((refreshAt.current - Date.now()) / 1000));
            setCode((prev) => (prev.status === 'ready' ? { ...prev, left } : prev));
            if (left === 0) fetchCode(true);
          };
          setCode({ status: 'ready', data, left: Math.ceil((refreshAt.current - Date.now()) / 1000), refreshError: '' });
          timer.current = setInterval(tick, 1000);
        },
        (e: unknown) => {
          if (mine !== ticket.current) return;
          const error = toCloudError(e);
          setCode((prev) => {
            if (keepShown && prev.status === 'ready') return { ...prev, left: null, refreshError: error.message };
            return { status: 'error', error };
          });
          if (keepShown) retry.current = setTimeout(() => fetchCode(true), RETRY_MS);
        },
      );
    },
    [stop, loadRef, stepSec],
  );

  const reload = useCallback(() => fetchCode(false), [fetchCode]);

  useEffect(() => {
    reload();
    // The ticket is a counter, not a node: the cleanup moves it on so answers still in flight are dropped.
    const tickets = ticket;
    return () => {
      tickets.current++;
      stop();
    };
  }, [load, reload, stop]);

  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
    ticket.current++;
    stop();
  });
  useDidShow(() => {
    // The first show comes with the mount, which already loads.
    if (!hidden.current) return;
    hidden.current = false;
    fetchCode(true);
  });

  return { code, reload };
}
