// Scans kept on the phone while the server cannot be reached, uploaded when it can (checkin.uploadOffline for a
// volunteer's own scans, checkin.uploadOfflineVolunteerScans for an admin's scans of personal codes).
//
// A queue lives in the phone's storage under its own key, so it survives the app being closed. It uploads by itself
// when the app hears the server again (any answer), when the network comes back, when the app is shown, and on a
// backoff timer after a failed try; a tap can send it at once. Every item carries its nonce: the server records an
// item once however often it arrives, so an upload whose answer got lost is simply sent again. Every answer the
// server gives an item is final (recorded, waiting, duplicate, pending, flagged, expired, refused): the item leaves
// the queue and its result is kept (the latest few) for the pages to show.
import Taro from '@tarojs/taro';
import { OFFLINE_UPLOAD_BATCH, type OfflineItemResult } from '@contract/checkin';
import { isCloudError, toCloudError, type CloudError } from './cloud-error';
import { onServerHeard, serverNow } from './server-clock';

/** What every queued item has: the nonce the server knows it by and the phone time it was queued at. */
export type Queued = { nonce: string; claimedAt: string };

export type QueueState<T extends Queued> = {
  items: T[];
  /** The latest results the server gave (newest first), with the item each was for. */
  done: Array<{ item: T; result: OfflineItemResult; at: string }>;
  /** The server's time of the last upload it answered. */
  lastSyncAt?: string;
  /** The last failed try: a network failure is retried by itself, anything else waits for a tap. */
  lastError?: { code: string; message: string; at: string };
};

export type OfflineQueue<T extends Queued> = {
  readonly key: string;
  state(): QueueState<T>;
  count(): number;
  /** Keeps one more scan; the first upload try starts at once. */
  add(item: T): void;
  /** Uploads everything waiting (one call per OFFLINE_UPLOAD_BATCH). One try at a time: a second call joins the first. */
  flush(): Promise<QueueState<T>>;
  /** Called on every change of the state; returns the unsubscribe. */
  subscribe(listener: (state: QueueState<T>) => void): () => void;
};

const DONE_KEPT = 50;
/** Seconds between automatic tries after network failures, the last one repeating. */
const BACKOFF_SEC = [5, 15, 30, 60, 120, 300];

const queues = new Map<string, OfflineQueue<Queued>>();

function read<T extends Queued>(key: string): QueueState<T> {
  try {
    const raw: unknown = Taro.getStorageSync(key);
    if (raw && typeof raw === 'object' && Array.isArray((raw as QueueState<T>).items)) {
      const s = raw as QueueState<T>;
      return { items: s.items, done: Array.isArray(s.done) ? s.done : [], lastSyncAt: s.lastSyncAt, lastError: s.lastError };
    }
  } catch {
    // unreadable storage: start empty
  }
  return { items: [], done: [] };
}

/**
 * The queue stored under `key`, uploading through `upload` (one call per batch, answering one result per item by
 * nonce). The same key always gives the same queue.
 */
export function offlineQueue<T extends Queued>(key: string, upload: (items: T[]) => Promise<OfflineItemResult[]>): OfflineQueue<T> {
  const known = queues.get(key);
  if (known) return known as unknown as OfflineQueue<T>;

  let state = read<T>(key);
  let running: Promise<QueueState<T>> | null = null;
  let addedWhileRunning = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(s: QueueState<T>) => void>();

  const save = (next: QueueState<T>) => {
    state = next;
    try {
      Taro.setStorageSync(key, state);
    } catch {
      // storage full: the queue is still held in memory until the app closes
    }
    for (const listener of listeners) listener(state);
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    const sec = BACKOFF_SEC[Math.min(failures, BACKOFF_SEC.length) - 1] ?? BACKOFF_SEC[0];
    timer = setTimeout(() => {
      timer = undefined;
      void queue.flush();
    }, sec * 1000);
  };

  const once = async (): Promise<QueueState<T>> => {
    while (state.items.length > 0) {
      const batch = state.items.slice(0, OFFLINE_UPLOAD_BATCH);
      let results: OfflineItemResult[];
      try {
        results = await upload(batch);
      } catch (e) {
        const err: CloudError = isCloudError(e) ? e : toCloudError(e);
        const at = new Date(serverNow()).toISOString();
        save({ ...state, lastError: { code: err.code, message: err.message, at } });
        if (err.code === 'NETWORK') {
          failures += 1;
          schedule();
        }
        return state;
      }
      failures = 0;
      const at = new Date(serverNow()).toISOString();
      const byNonce = new Map(results.map((r) => [r.nonce, r]));
      const answered = batch.filter((item) => byNonce.has(item.nonce));
      const answeredNonces = new Set(answered.map((item) => item.nonce));
      const done = [...answered.map((item) => ({ item, result: byNonce.get(item.nonce)!, at })).reverse(), ...state.done].slice(
        0,
        DONE_KEPT,
      );
      save({ items: state.items.filter((item) => !answeredNonces.has(item.nonce)), done, lastSyncAt: at, lastError: undefined });
      // A batch the server answered without some of its items would loop: those wait for the next trigger.
      if (answered.length < batch.length) break;
    }
    return state;
  };

  const queue: OfflineQueue<T> = {
    key,
    state: () => state,
    count: () => state.items.length,
    add(item) {
      if (running) addedWhileRunning = true;
      save({ ...state, items: [...state.items, item] });
      void queue.flush();
    },
    flush() {
      if (running) return running;
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
      running = (async () => {
        // Items added while an upload runs go in another one right after it (unless that upload failed).
        do {
          addedWhileRunning = false;
          await once();
        } while (addedWhileRunning && !state.lastError);
        return state;
      })().finally(() => {
        running = null;
      });
      return running;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  queues.set(key, queue as unknown as OfflineQueue<Queued>);
  return queue;
}

const kinds: Array<{ prefix: string; open: (key: string) => unknown }> = [];

/**
 * Names a family of queues by the start of their storage keys, so that `startOfflineSync` finds the ones a previous
 * run of the app left behind (`open` makes the queue for one key).
 */
export function registerQueueKind(prefix: string, open: (key: string) => unknown): void {
  kinds.push({ prefix, open });
}

function openStoredQueues(): void {
  let keys: string[] = [];
  try {
    keys = Taro.getStorageInfoSync().keys;
  } catch {
    return;
  }
  for (const key of keys) {
    const kind = kinds.find((k) => key.startsWith(k.prefix));
    if (kind && !queues.has(key)) kind.open(key);
  }
}

/** Sends every queue that has something waiting and did not just fail for a reason other than the network. */
function flushWaiting(): void {
  for (const queue of queues.values()) {
    const s = queue.state();
    if (s.items.length > 0 && (!s.lastError || s.lastError.code === 'NETWORK')) void queue.flush();
  }
}

let started = false;

/**
 * Starts the automatic uploads (once, from the app's root): on any answer from the server, when the network comes
 * back and when the app is shown again. Queues made later take part as soon as they exist.
 */
export function startOfflineSync(): void {
  if (started) return;
  started = true;
  openStoredQueues();
  flushWaiting();
  onServerHeard(flushWaiting);
  try {
    Taro.onNetworkStatusChange((res) => {
      if (res.isConnected) flushWaiting();
    });
  } catch {
    // not available here
  }
  try {
    Taro.onAppShow(() => flushWaiting());
  } catch {
    // not available here
  }
  // h5: the browser's own online event (Taro's status change listens to navigator.connection only).
  const win = (globalThis as { addEventListener?: (type: string, cb: () => void) => void }).addEventListener;
  if (process.env.TARO_ENV === 'h5' && typeof win === 'function') win.call(globalThis, 'online', flushWaiting);
}
