// 离线准备 on an admin's phone: the kit of one activity (checkin.offlineKit: its schedule and enrolled volunteers,
// phones masked) kept in storage under `kjzy.offline.kit.<activityId>` with when it was prepared, and the last roster
// of a day the server gave, so that the roster page can sign volunteers in and out by their personal codes and tell
// who is in while there is no network.
import Taro from '@tarojs/taro';
import type { CheckinOfflineKitOutput, RosterEntry } from '@contract/checkin';
import { callFunction } from './cloud';

/** What the 离线名单 needs of a roster row. */
export type KitRosterRow = Pick<RosterEntry, 'openid' | 'signInAt' | 'signOutAt'>;

export type StoredKit = {
  kit: CheckinOfflineKitOutput;
  /** The server's time when the kit was made. */
  preparedAt: string;
  /** The last roster the server gave for a day, if read since. */
  roster?: { date: string; rows: KitRosterRow[] };
};

const KIT_PREFIX = 'kjzy.offline.kit.';
const keyOf = (activityId: string) => KIT_PREFIX + activityId;

function write(activityId: string, stored: StoredKit): void {
  try {
    Taro.setStorageSync(keyOf(activityId), stored);
  } catch {
    // storage full: the kit still serves this visit of the page
  }
}

/** The kit kept for the activity, if 离线准备 was done on this phone. */
export function readOfflineKit(activityId: string): StoredKit | undefined {
  try {
    const raw: unknown = Taro.getStorageSync(keyOf(activityId));
    if (raw && typeof raw === 'object' && (raw as StoredKit).kit && Array.isArray((raw as StoredKit).kit.volunteers))
      return raw as StoredKit;
  } catch {
    // unreadable storage: no kit
  }
  return undefined;
}

/** 离线准备: reads the kit from the server and keeps it (replacing an older one). */
export async function prepareOfflineKit(activityId: string): Promise<StoredKit> {
  const kit = await callFunction('checkin', 'offlineKit', { activityId });
  const stored: StoredKit = { kit, preparedAt: kit.serverTime, roster: readOfflineKit(activityId)?.roster };
  write(activityId, stored);
  return stored;
}

/** Keeps the day's roster as the server just gave it, beside the kit (nothing without a kit). */
export function keepKitRoster(activityId: string, date: string, rows: RosterEntry[]): void {
  const stored = readOfflineKit(activityId);
  if (!stored) return;
  write(activityId, {
    ...stored,
    roster: { date, rows: rows.map(({ openid, signInAt, signOutAt }) => ({ openid, signInAt, signOutAt })) },
  });
}
