// Activity code keys: the short name of an activity in 小程序码 scenes. A key is claimed by inserting its document
// (`_id` = the key, so two activities can never hold the same one) before the activity names it in `codeKey`.
import { database } from '../cloud';
import { C } from './collections';
import { unwrap, writtenUnlessDuplicate } from './db-result';

export interface CodeKeyDoc {
  /** The code key itself (8 base62 characters). */
  _id: string;
  activityId: string;
  createdAt: Date;
}

const keys = () => database().collection(C.codeKeys);

/** Claims `key` for the activity; false when another activity (or an earlier claim) holds it. */
export const claimCodeKey = (key: string, activityId: string, at: Date): Promise<boolean> =>
  writtenUnlessDuplicate(keys().add({ _id: key, activityId, createdAt: at } satisfies CodeKeyDoc));

/** Gives a claimed key back (the activity took another admin's key first). */
export async function releaseCodeKey(key: string, activityId: string): Promise<void> {
  await unwrap(keys().where({ _id: key, activityId }).remove());
}

/** The activity a key names, or undefined for a key nobody claimed. */
export async function activityIdOfCodeKey(key: string): Promise<string | undefined> {
  const res = await unwrap(keys().doc(key).get());
  return (res.data as CodeKeyDoc[])[0]?.activityId;
}

/**
 * Names the activity's code key unless it has one (conditional write: of two admins racing, one key wins); answers
 * the key the activity holds afterwards, or undefined if the activity is gone.
 */
export async function setCodeKeyIfNone(activityId: string, key: string): Promise<string | undefined> {
  const _ = database().command;
  const activities = database().collection(C.activities);
  const res = await unwrap(activities.where({ _id: activityId, codeKey: _.exists(false) }).update({ codeKey: key }));
  if (res.updated === 1) return key;
  const now = await unwrap(activities.doc(activityId).field({ codeKey: true }).get());
  return (now.data as { codeKey?: string }[])[0]?.codeKey;
}
