// A warm function instance keeps the activities it has read: at the start of an activity hundreds of volunteers scan
// the same code within a minute. Every scan still reads the activity's stamp (status, code version, updatedAt) fresh,
// so a cancellation, a revoked code or an edit takes effect on the very next scan; the whole activity is read again
// only when its stamp changed or the entry is old. A sign-in reads the stamp joined to the caller's enrollment, in the
// request that checks the enrollment anyway.
import { findActivity, findEnrollment, type ActivityDoc } from '../../db/activity.repository';
import { activityStamp, enrollmentWithStamp, type ActivityStamp, type EnrollmentStatusDoc } from '../../db/checkin.repository';

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

/** The cached activity if its stamp (read by `readStamp`) still matches, else one full read; undefined if it is gone. */
async function current(activityId: string, readStamp: () => Promise<ActivityStamp | undefined>): Promise<ActivityDoc | undefined> {
  const hit = cache.get(activityId);
  if (!hit || hit.until <= Date.now()) return load(activityId);
  const [doc, stamp] = await Promise.all([hit.doc, readStamp()]);
  if (doc && stamp && sameStamp(doc, stamp)) return doc;
  cache.delete(activityId);
  return stamp ? load(activityId) : undefined;
}

/**
 * The activity as it is now. A cache miss is one full read (fresh by itself); a hit is one projected read of the
 * stamp, and one full read more when the stamp shows the activity changed.
 */
export const currentActivity = (activityId: string): Promise<ActivityDoc | undefined> =>
  current(activityId, () => activityStamp(activityId));

/**
 * The activity as it is now (as currentActivity) and a reader of the caller's enrollment in it: on a cache hit the
 * stamp comes joined to the enrollment, one request for both, and the reader answers without another; after a miss
 * (or without an enrollment, whose stamp is read on its own) the reader reads the enrollment when asked.
 */
export async function currentActivityAndEnrollment(
  activityId: string,
  openid: string,
): Promise<{ activity: ActivityDoc | undefined; enrollment: () => Promise<EnrollmentStatusDoc | undefined> }> {
  let known: { enrollment: EnrollmentStatusDoc | undefined } | undefined;
  const activity = await current(activityId, async () => {
    const both = await enrollmentWithStamp(activityId, openid);
    known = { enrollment: both?.enrollment };
    return both ? both.stamp : activityStamp(activityId);
  });
  return { activity, enrollment: async () => (known ? known.enrollment : findEnrollment(activityId, openid)) };
}
