// A counter that never passes its limit, however many callers arrive at once: a conditional increment, or the first
// caller creates it (a unique `_id`, so two first callers become one creation and one increment). A count is given back
// when what it counted was not stored after all.
import { database } from '../cloud';
import { isDuplicateWrite, unwrap } from './db-result';

/** Counts one more under `_id` in `collection`; false once `limit` were counted. `fields` go on the counter when it is created. */
export async function takeCounted(collection: string, _id: string, limit: number, fields: Record<string, unknown>): Promise<boolean> {
  const coll = database().collection(collection);
  const _ = database().command;
  for (let round = 0; round < 2; round++) {
    const res = await unwrap(coll.where({ _id, count: _.lt(limit) }).update({ count: _.inc(1) }));
    if (res.updated === 1) return true;
    try {
      await unwrap(coll.add({ ...fields, _id, count: 1 }));
      return true;
    } catch (err) {
      // Someone created it first (count again) or the counter is full (the next round says so).
      if (!isDuplicateWrite(err)) throw err;
    }
  }
  return false;
}

/** Gives one count back under `_id` (what was taken for something not stored after all); never below zero. */
export async function releaseCounted(collection: string, _id: string): Promise<void> {
  const _ = database().command;
  await unwrap(
    database()
      .collection(collection)
      .where({ _id, count: _.gt(0) })
      .update({ count: _.inc(-1) }),
  );
}
