// A seat under the capacity, shared by 报名 and 现场报名: one conditional update (activity.repository takeSeat), so
// concurrent enrollments never exceed the capacity; a seat taken for nothing is given back to the queue.
import { AppError, ErrorCode } from '../../errors';
import { findActivity, releaseSeat, takeSeat, type ActivityDoc } from '../../db/activity.repository';
import { fillFreeSeats } from './waitlist-promotion';

/** A seat on the capacity just read; if refused, one re-read in case the capacity was edited or a seat freed. */
export async function seat(a: ActivityDoc): Promise<{ activity: ActivityDoc; seated: boolean }> {
  if (await takeSeat(a)) return { activity: a, seated: true };
  const fresh = await findActivity(a._id);
  if (!fresh) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  if (fresh.status === 'cancelled') throw new AppError(ErrorCode.ACTIVITY_CANCELLED);
  if (fresh.capacity === a.capacity && fresh.enrolledCount >= fresh.capacity) return { activity: fresh, seated: false };
  return { activity: fresh, seated: await takeSeat(fresh) };
}

/** Returns a seat taken for nothing; someone queued meanwhile (because of it) gets it. */
export async function giveBack(a: ActivityDoc, now: Date): Promise<void> {
  await releaseSeat(a._id);
  await fillFreeSeats(a, now, { queueFirst: true });
}
