// The server's clock as the app sees it: every answer carries `serverTime`, and "now" and "today" on every screen come
// from it (a phone's clock may be minutes or years off; before the first answer the phone's clock is all there is).
import { DAY_MS, shanghaiDateOf } from '@contract/time';

let offsetMs = 0;

/** Records the server's time from an answer that was asked at `sentAt` and arrived at `receivedAt` (phone ms). */
export function noteServerTime(serverTime: unknown, sentAt: number, receivedAt: number): void {
  if (typeof serverTime !== 'string') return;
  const server = Date.parse(serverTime);
  if (Number.isNaN(server)) return;
  // The server read its clock somewhere between sending and receiving: the middle is the best guess.
  offsetMs = server - (sentAt + receivedAt) / 2;
}

/** Milliseconds since the epoch by the server's clock. */
export const serverNow = (): number => Date.now() + offsetMs;

/** Today (or `days` later) as an Asia/Shanghai date by the server's clock: what "today" means on every screen. */
export const serverToday = (days = 0): string => shanghaiDateOf(serverNow() + days * DAY_MS);
