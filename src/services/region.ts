// The region table (user.regions) for src/utils/region.ts: asked once, then kept in storage, so the package carries
// none of its ≈100 KB and a phone that has it names regions offline. One request at a time, whoever asks.
import Taro from '@tarojs/taro';
import { hasRegionTable, setRegionTable, type RegionTable } from '../utils/region';
import { callFunction } from './cloud';

/** GB/T 2260 changes a few codes a year; a new key makes every phone ask again. */
const STORAGE_KEY = 'kjzy.regions.2023';

function fromStorage(): RegionTable | undefined {
  try {
    const raw: unknown = Taro.getStorageSync(STORAGE_KEY);
    const t = raw as RegionTable | undefined;
    if (t && typeof t === 'object' && t.province && t.city && t.county) return t;
  } catch {
    // unreadable storage: ask the server
  }
  return undefined;
}

/** The table from storage, when it is there (a first render that can name regions at once). */
export function regionsFromStorage(): boolean {
  if (hasRegionTable()) return true;
  const stored = fromStorage();
  if (stored) setRegionTable(stored);
  return stored !== undefined;
}

let pending: Promise<void> | undefined;

/** Resolves once utils/region has the table; a failed request (no network) is tried again by the next caller. */
export function loadRegions(): Promise<void> {
  if (regionsFromStorage()) return Promise.resolve();
  pending ??= callFunction('user', 'regions', {}).then(
    (answer) => {
      setRegionTable(answer);
      try {
        Taro.setStorageSync(STORAGE_KEY, answer);
      } catch {
        // storage full: the table still serves this run
      }
    },
    (e: unknown) => {
      pending = undefined;
      throw e;
    },
  );
  return pending;
}
