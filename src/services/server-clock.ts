// The server's clock as the app sees it: every answer carries `serverTime`, and "now" and "today" on every screen come
// from it (a phone's clock may be minutes or years off; before the first answer the phone's clock is all there is).
import { DAY_MS, shanghaiDateOf } from '@contract/time';
import { monotonicNow } from '../device/monotonic';

let offsetMs = 0;
/** The server's time last heard and the monotonic clock at that moment (offline scans measure from it). */
let lastSync: { serverMs: number; mono: number } | null = null;
const listeners = new Set<() => void>();

/** Records the server's time from an answer that was asked at `sentAt` and arrived at `receivedAt` (phone ms). */
export function noteServerTime(serverTime: unknown, sentAt: number, receivedAt: number): void {
  if (typeof serverTime !== 'string') return;
  const server = Date.parse(serverTime);
  if (Number.isNaN(server)) return;
  // The server read its clock somewhere between sending and receiving: the middle is the best guess.
  offsetMs = server - (sentAt + receivedAt) / 2;
  lastSync = { serverMs: server, mono: monotonicNow() - (receivedAt - sentAt) / 2 };
  for (const listener of listeners) listener();
}

/** Called after every answer that carried the server's time: the network is there. Returns the unsubscribe. */
export function onServerHeard(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * How an offline scan taken now is timed: the phone's own clock, the server time last heard (absent if the app has
 * not heard it since it started) and the monotonic milliseconds since then. The server compares the two.
 */
export function offlineTiming(): { claimedAt: string; syncedServerTime?: string; elapsedMs?: number } {
  const claimedAt = new Date().toISOString();
  if (!lastSync) return { claimedAt };
  const elapsedMs = Math.max(0, Math.round(monotonicNow() - lastSync.mono));
  return { claimedAt, syncedServerTime: new Date(lastSync.serverMs).toISOString(), elapsedMs };
}

/** Milliseconds since the epoch by the server's clock. */
export const serverNow = (): number => Date.now() + offsetMs;

/** Today (or `days` later) as an Asia/Shanghai date by the server's clock: what "today" means on every screen. */
export const serverToday = (days = 0): string => shanghaiDateOf(serverNow() + days * DAY_MS);
