// Moving the waitlist up: every seat a waiting volunteer gets is taken with takeSeat (so the capacity holds),
// first come first served, and whoever frees a seat or joins the queue checks the other side afterwards,
// so a free seat and a waiting volunteer never stay apart.
import {
  changeWaitlistCount,
  firstWaitlisted,
  releaseSeat,
  takeSeat,
  updateEnrollmentIf,
  type ActivityDoc,
  type EnrollmentDoc,
} from '../../db/activity.repository';
import { notifyWaitlistPromoted } from './notify';

/** Bounds one call's work; a larger capacity raise promotes the rest on the next cancel or edit. */
const MAX_PROMOTIONS = 200;
const CANDIDATES = 5;

/** Moves the head of the queue to enrolled (conditional: a volunteer cancelling or promoted meanwhile is skipped). */
async function promoteHead(activityId: string, now: Date, known?: EnrollmentDoc[]): Promise<EnrollmentDoc | undefined> {
  for (let round = 0; round < 2; round++) {
    const candidates = round === 0 && known ? known : await firstWaitlisted(activityId, CANDIDATES);
    if (candidates.length === 0) return undefined;
    for (const e of candidates) {
      if (await updateEnrollmentIf(e._id, 'waitlisted', { status: 'enrolled', promotedAt: now })) {
        await changeWaitlistCount(activityId, -1);
        return { ...e, status: 'enrolled', promotedAt: now };
      }
    }
  }
  return undefined;
}

/**
 * A seat its holder gave up goes straight to the head of the queue (enrolledCount unchanged, nobody can take it
 * in between). With nobody waiting it is released, and the queue is looked at once more: a volunteer who was
 * waitlisted while this ran gets it.
 */
export async function passSeat(a: ActivityDoc, now: Date): Promise<EnrollmentDoc[]> {
  const promoted = await promoteHead(a._id, now);
  if (promoted) {
    await notifyWaitlistPromoted([promoted.openid], a);
    return [promoted];
  }
  await releaseSeat(a._id);
  return fillFreeSeats(a, now, { queueFirst: true });
}

/**
 * Gives free seats to the queue, in order: take a seat (conditional on the capacity read), promote the head, until
 * either runs out. `queueFirst` looks for someone waiting before taking a seat (after a seat was released);
 * without it (after joining the queue) the seat is tried first, the usual answer being "none free".
 */
export async function fillFreeSeats(a: ActivityDoc, now: Date, opts: { queueFirst: boolean }): Promise<EnrollmentDoc[]> {
  const promoted: EnrollmentDoc[] = [];
  while (promoted.length < MAX_PROMOTIONS) {
    const waiting = opts.queueFirst ? await firstWaitlisted(a._id, CANDIDATES) : undefined;
    if (waiting && waiting.length === 0) break;
    if (!(await takeSeat(a))) break;
    const p = await promoteHead(a._id, now, waiting);
    if (!p) {
      await releaseSeat(a._id);
      break;
    }
    promoted.push(p);
  }
  if (promoted.length > 0)
    await notifyWaitlistPromoted(
      promoted.map((p) => p.openid),
      a,
    );
  return promoted;
}
