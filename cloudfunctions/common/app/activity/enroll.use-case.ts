// activity.enroll: a seat under the capacity (one conditional update, so concurrent enrollments never exceed it),
// else a place in the waitlist or ACTIVITY.FULL; enrolling again answers the enrollment already held. Coming through
// a share (`from`), the sharer is credited once; a token that is unknown or for another activity is ignored.
// Requests for a new enrollment with a free seat: 4 reads (in parallel) + 1 conditional update + 1 insert; a place in
// the waitlist is one atomic update that draws the ticket and counts the queue.
import type { ActivityEnrollInput, EnrollmentOutput } from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { requireVolunteer } from '../../db/volunteer.repository';
import { membershipsOf } from '../../db/org.repository';
import {
  changeWaitlistCount,
  enrollmentId,
  findActivity,
  findEnrollment,
  insertEnrollment,
  joinWaitlist,
  LIVE_ENROLLMENT,
  updateEnrollmentIf,
  type ActivityDoc,
  type EnrollmentDoc,
} from '../../db/activity.repository';
import { signupOpen } from '../../domain/activity-phase';
import { enrollBlockFor } from './enroll-eligibility';
import { toIso } from '../../domain/shanghai-time';
import { enrollmentView, enrollmentWithPlace } from './activity-view';
import { fillFreeSeats } from './waitlist-promotion';
import { giveBack, seat } from './seat';
import { creditedSharer } from '../../domain/share-scene';
import { sharerOf } from '../share/share-token';

const isLive = (e: EnrollmentDoc | undefined): e is EnrollmentDoc => e !== undefined && LIVE_ENROLLMENT.includes(e.status);
const minute = (at: Date) => toIso(at).slice(0, 16).replace('T', ' ');

function signupClosed(a: ActivityDoc, now: Date): AppError {
  const details = { signupStartAt: toIso(a.signupStartAt), signupEndAt: toIso(a.signupEndAt) };
  if (now < a.signupStartAt)
    return new AppError(ErrorCode.ACTIVITY_SIGNUP_CLOSED, `报名尚未开始，将于${minute(a.signupStartAt)}开始`, details);
  return new AppError(ErrorCode.ACTIVITY_SIGNUP_CLOSED, '报名已截止', details);
}

/** The enrollment a concurrent call of the same volunteer wrote. */
async function theirs(a: ActivityDoc, openid: string): Promise<EnrollmentOutput | undefined> {
  const e = await findEnrollment(a._id, openid);
  return isLive(e) ? { enrollment: await enrollmentWithPlace(e) } : undefined;
}

export async function enroll(input: ActivityEnrollInput, ctx: Ctx): Promise<EnrollmentOutput> {
  const openid = requireOpenid(ctx);
  const now = ctx.now;
  const [, found, before, memberships, sharer] = await Promise.all([
    requireVolunteer(openid),
    findActivity(input.activityId),
    findEnrollment(input.activityId, openid),
    membershipsOf(openid),
    sharerOf(input.from, 'activity', input.activityId),
  ]);
  if (!found) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  if (found.status === 'cancelled') throw new AppError(ErrorCode.ACTIVITY_CANCELLED);
  // Only the first share counts: an enrollment cancelled and taken again keeps the credit it had.
  const sharedBy = before?.sharedBy ?? creditedSharer(sharer, openid);
  if (isLive(before)) return { enrollment: await enrollmentWithPlace(before) };
  if (!signupOpen(found, now)) throw signupClosed(found, now);
  const block = await enrollBlockFor(found, openid, memberships);
  if (block)
    throw new AppError(block.code, block.message, {
      ...(block.orgName ? { orgName: block.orgName } : {}),
      ...(block.pendingOrgName ? { pendingOrgName: block.pendingOrgName } : {}),
    });

  const { activity: a, seated } = await seat(found);
  if (!seated && !a.waitlist) {
    const held = await theirs(a, openid);
    if (held) return held;
    throw new AppError(ErrorCode.ACTIVITY_FULL, undefined, { capacity: a.capacity });
  }
  const status = seated ? 'enrolled' : 'waitlisted';
  // The place in the queue is drawn before the record is written: racing joiners never share a place.
  const ticket = seated ? undefined : await joinWaitlist(a._id);
  if (!seated && !ticket) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  const doc: EnrollmentDoc = {
    _id: enrollmentId(a._id, openid),
    activityId: a._id,
    openid,
    status,
    enrolledAt: now,
    queuedAt: now,
    ...(ticket ? { queueNo: ticket.queueNo } : {}),
    ...(sharedBy ? { sharedBy } : {}),
  };
  const giveUp = async () => (seated ? giveBack(a, now) : changeWaitlistCount(a._id, -1));
  // Enrolling again after cancelling reuses the record, only from the cancelled state just read.
  const reuse = () =>
    updateEnrollmentIf(
      doc._id,
      'cancelled',
      { status, enrolledAt: now, queuedAt: now, ...(ticket ? { queueNo: ticket.queueNo } : {}), ...(sharedBy ? { sharedBy } : {}) },
      ticket ? ['promotedAt', 'cancelledAt'] : ['queueNo', 'promotedAt', 'cancelledAt'],
    );
  let written: boolean;
  try {
    written = before ? await reuse() : await insertEnrollment(doc);
  } catch (err) {
    await giveUp();
    throw err;
  }
  if (!written) {
    // A concurrent enroll of the same volunteer got there first: give the seat (or the place) back, answer theirs.
    await giveUp();
    const held = await theirs(a, openid);
    if (held) return held;
    throw new AppError(ErrorCode.VALIDATION, '报名状态已变化，请刷新后重试');
  }
  if (!ticket) return { enrollment: enrollmentView(doc) };

  // A seat freed while this volunteer was queued would otherwise stay empty.
  const promoted = await fillFreeSeats(a, now, { queueFirst: false });
  const self = promoted.find((p) => p._id === doc._id);
  return { enrollment: self ? enrollmentView(self) : enrollmentView(doc, ticket.position) };
}
