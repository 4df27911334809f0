// 评价: when an activity may be evaluated (once it has ended by the server's clock), one evaluation per activity and
// person (a deterministic id, so re-evaluating or two saves at once keep one), who reviews a 申诉 of it (another
// manager than both the volunteer and the evaluator), and which evaluation a form shows as a person's latest.
import type { EvaluationGrade } from '@contract/evaluation';
import { activitySpan, type Schedule } from './activity-phase';
import { canManage, type Grant } from './org-access';
import { decidesFromParent, type DecidingTeam, type FourEyesVerdict } from './four-eyes';

export const evaluationId = (activityId: string, openid: string) => `${activityId}_${openid}`;

/** Evaluated only once the last day has ended (the boundary instant belongs to the end), never a cancelled activity. */
export function evaluationOpen(s: Pick<Schedule, 'status' | 'startDate' | 'endDate' | 'dailyStart' | 'dailyEnd'>, now: Date): boolean {
  return s.status !== 'cancelled' && now.getTime() >= activitySpan(s).endAt.getTime();
}

export interface Evaluated {
  grade: EvaluationGrade;
  comment?: string;
}

/** Whether saving `next` over `current` changes anything (an unchanged save writes nothing). */
export function evaluationChanged(current: Evaluated | undefined, next: Evaluated): boolean {
  return !current || current.grade !== next.grade || (current.comment ?? '') !== (next.comment ?? '');
}

export interface ContestMatter {
  actor: string;
  /** The volunteer who contests. */
  volunteer: string;
  /** Who gave the grade contested. */
  evaluator: string;
  team: DecidingTeam;
  /** The team's approved leader/admins; read only when `decidesFromParent` says they matter. */
  teamManagers: readonly string[];
}

/**
 * Who reviews a 申诉: a manager of the activity's team other than the volunteer and the evaluator; a manager of the
 * parent team only when the team has no manager but those two (four-eyes, as for a day's correction).
 */
export function mayReviewContest(grants: readonly Grant[], m: ContestMatter): FourEyesVerdict {
  const own = canManage(grants, m.team);
  const fromParent = decidesFromParent(grants, m.team);
  if (!own && !fromParent) return 'forbidden';
  if (m.actor === m.volunteer || m.actor === m.evaluator) return 'self';
  if (own) return 'allowed';
  return m.teamManagers.some((p) => p !== m.volunteer && p !== m.evaluator) ? 'forbidden' : 'allowed';
}

/** A person's latest evaluation up to a day: the one of the activity that ended last, then the one saved last. */
export function latestEvaluation<T extends { endDate: string; evaluatedAt: Date }>(items: readonly T[], upTo: string): T | undefined {
  let best: T | undefined;
  for (const e of items) {
    if (e.endDate > upTo) continue;
    if (!best || e.endDate > best.endDate || (e.endDate === best.endDate && e.evaluatedAt.getTime() > best.evaluatedAt.getTime())) best = e;
  }
  return best;
}
