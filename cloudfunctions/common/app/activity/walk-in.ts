// 现场报名: a manager enrolls a volunteer on the spot, after the signup deadline and whatever the audience, but never
// beyond the capacity (the seat is the same conditional update as 报名's) and never into a cancelled or ended
// activity. Someone already enrolled is answered as such; someone waitlisted moves up into the seat.
import { AppError, ErrorCode } from '../../errors';
import {
  changeWaitlistCount,
  enrollmentId,
  findActivity,
  findEnrollment,
  insertEnrollment,
  updateEnrollmentIf,
  type ActivityDoc,
} from '../../db/activity.repository';
import {
  claimEnrollmentInvitation,
  noteInvitationResult,
  openEnrollmentInvitationsFor,
  type EnrollmentInvitationDoc,
} from '../../db/enrollment-invitation.repository';
import { phaseAt } from '../../domain/activity-phase';
import { giveBack, seat } from './seat';

export type WalkInOutcome = { outcome: 'enrolled' | 'alreadyEnrolled'; activity: ActivityDoc };

/** A cancelled or ended activity takes nobody on the spot. */
export function refuseClosedForWalkIn(a: ActivityDoc, now: Date): void {
  if (a.status === 'cancelled') throw new AppError(ErrorCode.ACTIVITY_CANCELLED);
  if (phaseAt(a, now) === 'ended') throw new AppError(ErrorCode.ACTIVITY_ENDED, '活动已结束，不能再现场报名');
}

/** Enrolls `openid` in `found` on behalf of manager `by`; ACTIVITY.FULL when no seat is left (the waitlist is not offered). */
export async function admitWalkIn(found: ActivityDoc, openid: string, by: string, now: Date): Promise<WalkInOutcome> {
  refuseClosedForWalkIn(found, now);
  const before = await findEnrollment(found._id, openid);
  if (before?.status === 'enrolled') return { outcome: 'alreadyEnrolled', activity: found };

  const { activity: a, seated } = await seat(found);
  if (!seated) throw new AppError(ErrorCode.ACTIVITY_FULL, `报名人数已满（${a.capacity}人），不能再现场报名`, { capacity: a.capacity });

  const id = enrollmentId(a._id, openid);
  let written: boolean;
  try {
    if (!before) {
      written = await insertEnrollment({
        _id: id,
        activityId: a._id,
        openid,
        status: 'enrolled',
        enrolledAt: now,
        queuedAt: now,
        addedBy: by,
      });
    } else if (before.status === 'waitlisted') {
      written = await updateEnrollmentIf(id, 'waitlisted', { status: 'enrolled', promotedAt: now, addedBy: by });
      if (written) await changeWaitlistCount(a._id, -1);
    } else {
      written = await updateEnrollmentIf(id, before.status, { status: 'enrolled', enrolledAt: now, queuedAt: now, addedBy: by }, [
        'queueNo',
        'promotedAt',
        'cancelledAt',
      ]);
    }
  } catch (err) {
    await giveBack(a, now);
    throw err;
  }
  if (!written) {
    // The enrollment changed meanwhile (the volunteer enrolled, or a second walk-in of them won): the seat goes back.
    await giveBack(a, now);
    const now2 = await findEnrollment(a._id, openid);
    if (now2?.status === 'enrolled') return { outcome: 'alreadyEnrolled', activity: (await findActivity(a._id)) ?? a };
    throw new AppError(ErrorCode.VALIDATION, '报名状态已变化，请刷新后重试');
  }
  return { outcome: 'enrolled', activity: (await findActivity(a._id)) ?? a };
}

/** What one invitation became: the enrollment, or why there was none (the activity filled, ended or was cancelled). */
async function claimOne(inv: EnrollmentInvitationDoc, openid: string, now: Date): Promise<NonNullable<EnrollmentInvitationDoc['result']>> {
  const a = await findActivity(inv.activityId);
  if (!a || a.status === 'cancelled') return 'cancelled';
  try {
    return (await admitWalkIn(a, openid, inv.invitedBy, now)).outcome;
  } catch (err) {
    if (err instanceof AppError && err.code === ErrorCode.ACTIVITY_FULL) return 'full';
    if (err instanceof AppError && err.code === ErrorCode.ACTIVITY_ENDED) return 'ended';
    if (err instanceof AppError && err.code === ErrorCode.ACTIVITY_CANCELLED) return 'cancelled';
    throw err;
  }
}

/**
 * After someone registered with `phone` (user.register, user.activate): each open 现场报名 invitation of the phone
 * is claimed once (conditional) and enrolls them. A failure is logged and never undoes the registration.
 */
export async function claimWalkInInvitations(phone: string, openid: string, now: Date): Promise<void> {
  try {
    for (const inv of await openEnrollmentInvitationsFor(phone)) {
      if (!(await claimEnrollmentInvitation(inv._id, openid, now))) continue;
      let result: NonNullable<EnrollmentInvitationDoc['result']>;
      try {
        result = await claimOne(inv, openid, now);
      } catch (err) {
        console.error('[walk-in] invitation not claimed', inv._id, err);
        result = 'failed';
      }
      await noteInvitationResult(inv._id, result);
    }
  } catch (err) {
    console.error('[walk-in] invitations not read', err);
  }
}
