// A warm function instance keeps the activities it has just read for a few seconds: at the start of an activity
// hundreds of volunteers scan the same code within a minute, and each scan then costs its own record only.
// An edit (time, place, cancellation) reaches scanning within CACHE_MS; every other action reads fresh.
import { findActivity, type ActivityDoc } from '../../db/activity.repository';

const CACHE_MS = 15_000;
const MAX_ENTRIES = 500;
// The read in flight is shared too: the first burst of scans after a cold start costs one read, not one each.
const cache = new Map<string, { doc: Promise<ActivityDoc | undefined>; until: number }>();

export function cachedActivity(activityId: string): Promise<ActivityDoc | undefined> {
  const t = Date.now();
  const hit = cache.get(activityId);
  if (hit && hit.until > t) return hit.doc;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const doc = findActivity(activityId);
  cache.set(activityId, { doc, until: t + CACHE_MS });
  // Unknown ids and failed reads are not kept: a forged payload must not fill the cache.
  doc.then(
    (found) => {
      if (!found) cache.delete(activityId);
    },
    () => cache.delete(activityId),
  );
  return doc;
}

/** Forget everything (tests, and after this instance itself changed an activity). */
export function forgetActivities(): void {
  cache.clear();
}
