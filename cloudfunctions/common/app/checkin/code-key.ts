// Activity code keys (the activity's name in a 小程序码 scene): a new one at publish, one assigned on the first
// checkin.code for activities published before keys existed, and the warm instance's key → activity id cache.
import { randomInt } from 'node:crypto';
import { activityIdOfCodeKey, claimCodeKey, releaseCodeKey, setCodeKeyIfNone } from '../../db/code-key.repository';
import { BASE62, CODE_KEY_LENGTH } from '../../domain/checkin-code';

const newCodeKey = (): string => Array.from({ length: CODE_KEY_LENGTH }, () => BASE62[randomInt(62)]).join('');

/** Claims a fresh key for the activity (62^8 keys: a clash is retried, never expected). */
export async function claimNewCodeKey(activityId: string, at: Date): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const key = newCodeKey();
    if (await claimCodeKey(key, activityId, at)) return key;
  }
  throw new Error('no free code key after 5 attempts');
}

/**
 * The activity's key, assigning one if it has none: the key is claimed first, then named on the activity by a
 * conditional write, so of two admins racing one key wins and the other gives its claim back.
 */
export async function ensureCodeKey(activity: { _id: string; codeKey?: string }, at: Date): Promise<string | undefined> {
  if (activity.codeKey) return activity.codeKey;
  const key = await claimNewCodeKey(activity._id, at);
  const held = await setCodeKeyIfNone(activity._id, key);
  if (held !== key) await releaseCodeKey(key, activity._id);
  return held;
}

const MAX_ENTRIES = 2000;
// A key names one activity for good, so entries never go stale; unknown keys are not kept (forged scenes).
const cache = new Map<string, Promise<string | undefined>>();

/** The activity a scene's key names: one read the first time per warm instance, none after. */
export function activityIdForKey(key: string): Promise<string | undefined> {
  const hit = cache.get(key);
  if (hit) return hit;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const id = activityIdOfCodeKey(key);
  cache.set(key, id);
  id.then(
    (found) => {
      if (!found) cache.delete(key);
    },
    () => cache.delete(key),
  );
  return id;
}
