// The five phases of an activity, derived from the clock on every read (never stored, so never stale).
import type { ActivityPhase, ActivityStatus, EnrollmentStatus } from '@contract/enums';
import { shanghaiInstant, type MyActivityState } from '@contract/activity';

export interface Schedule {
  status: ActivityStatus;
  startDate: string;
  endDate: string;
  dailyStart: string;
  dailyEnd: string;
  signupStartAt: Date;
  signupEndAt: Date;
}

/** The first day's start and the last day's end, Asia/Shanghai. */
export function activitySpan(s: Pick<Schedule, 'startDate' | 'endDate' | 'dailyStart' | 'dailyEnd'>): { startAt: Date; endAt: Date } {
  return { startAt: shanghaiInstant(s.startDate, s.dailyStart), endAt: shanghaiInstant(s.endDate, s.dailyEnd) };
}

/**
 * recruiting until signup ends (also before it opens: the list shows it with its opening time),
 * closed from then until the first day starts, ongoing until the last day ends, then ended.
 * Boundaries belong to the later phase: at signupEndAt it is closed, at startAt ongoing, at endAt ended.
 */
export function phaseAt(s: Schedule, now: Date): ActivityPhase {
  if (s.status === 'cancelled') return 'cancelled';
  const { startAt, endAt } = activitySpan(s);
  const t = now.getTime();
  if (t >= endAt.getTime()) return 'ended';
  if (t >= startAt.getTime()) return 'ongoing';
  if (t >= s.signupEndAt.getTime()) return 'closed';
  return 'recruiting';
}

/** Whether enrolling is open: inside [signupStartAt, signupEndAt), not cancelled, not ended. */
export function signupOpen(s: Schedule, now: Date): boolean {
  const t = now.getTime();
  return s.status === 'published' && t >= s.signupStartAt.getTime() && t < s.signupEndAt.getTime() && t < activitySpan(s).endAt.getTime();
}

/** The database conditions that select one phase (`startAt`, `endAt`, `signupEndAt` are stored Dates). */
export function phaseQuery(
  phase: ActivityPhase,
  now: Date,
  cmd: { lt(v: unknown): unknown; lte(v: unknown): unknown; gt(v: unknown): unknown },
): Record<string, unknown> {
  switch (phase) {
    case 'cancelled':
      return { status: 'cancelled' };
    case 'ended':
      return { status: 'published', endAt: cmd.lte(now) };
    case 'ongoing':
      return { status: 'published', startAt: cmd.lte(now), endAt: cmd.gt(now) };
    case 'closed':
      return { status: 'published', signupEndAt: cmd.lte(now), startAt: cmd.gt(now) };
    case 'recruiting':
      return { status: 'published', signupEndAt: cmd.gt(now), startAt: cmd.gt(now) };
  }
}

/**
 * Where an activity stands for one volunteer: called off (the team cancelled it, I cancelled my enrollment, or I
 * was still waitlisted when it started) or else by the activity's phase: to attend, under way, done.
 */
export function myActivityState(phase: ActivityPhase, enrollment: EnrollmentStatus): MyActivityState {
  if (phase === 'cancelled' || enrollment === 'cancelled') return 'cancelled';
  if (enrollment === 'waitlisted') return phase === 'ongoing' || phase === 'ended' ? 'cancelled' : 'upcoming';
  if (phase === 'ongoing') return 'ongoing';
  if (phase === 'ended') return 'done';
  return 'upcoming';
}
