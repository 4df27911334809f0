// A warm function instance keeps the activities it has read: at the start of an activity hundreds of volunteers scan
// the same code within a minute. Every scan still reads the activity's stamp (status, code version, updatedAt) fresh,
// so a cancellation, a revoked code or an edit takes effect on the very next scan; the whole activity is read again
// only when its stamp changed or the entry is old. A scan reads the stamp joined to what it reads anyway (a sign-in the
// caller's enrollment, a sign-out the day's record): one request for both.
import { findActivity, type ActivityDoc } from '../../db/activity.repository';
import { activityStamp, type ActivityStamp } from '../../db/checkin.repository';

const CACHE_MS = 5 * 60_000;
const MAX_ENTRIES = 500;
// The read in flight is shared too: the first burst of scans after a cold start costs one full read, not one each.
const cache = new Map<string, { doc: Promise<ActivityDoc | undefined>; until: number }>();

function load(activityId: string): Promise<ActivityDoc | undefined> {
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const doc = findActivity(activityId);
  cache.set(activityId, { doc, until: Date.now() + CACHE_MS });
  // Unknown ids and failed reads are not kept: a forged payload must not fill the cache.
  doc.then(
    (found) => {
      if (!found) cache.delete(activityId);
    },
    () => cache.delete(activityId),
  );
  return doc;
}

const sameStamp = (doc: ActivityDoc, stamp: ActivityStamp) =>
  doc.status === stamp.status &&
  (doc.codeVersion ?? 0) === (stamp.codeVersion ?? 0) &&
  new Date(doc.updatedAt).getTime() === new Date(stamp.updatedAt).getTime();

/** A read that brings the activity's stamp along with something else (`value`), given the cached activity. */
export type StampedRead<T> = (cached: ActivityDoc) => Promise<{ value: T; stamp: ActivityStamp | undefined }>;

/**
 * The activity as it is now (as currentActivity), its stamp read by `read` together with something else on a cache
 * hit: one request for both. `joined` holds that value only when it was read with the activity as it is now; after a
 * miss or a changed stamp it is absent and the caller reads for itself.
 */
export async function currentActivityWith<T>(
  activityId: string,
  read: StampedRead<T>,
): Promise<{ activity: ActivityDoc | undefined; joined?: T }> {
  const hit = cache.get(activityId);
  const cached = hit && hit.until > Date.now() ? await hit.doc : undefined;
  if (!cached) return { activity: await load(activityId) };
  const { value, stamp } = await read(cached);
  if (stamp && sameStamp(cached, stamp)) return { activity: cached, joined: value };
  cache.delete(activityId);
  return { activity: stamp ? await load(activityId) : undefined };
}

/**
 * The activity as it is now. A cache miss is one full read (fresh by itself); a hit is one projected read of the
 * stamp, and one full read more when the stamp shows the activity changed.
 */
export const currentActivity = async (activityId: string): Promise<ActivityDoc | undefined> =>
  (await currentActivityWith(activityId, async () => ({ value: undefined, stamp: await activityStamp(activityId) }))).activity;
