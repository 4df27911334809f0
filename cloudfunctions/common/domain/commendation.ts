// 表彰奖励's rules: which team records a commendation (the caller's deepest managed team at or above the subject's),
// which team reviews it (one level up; the root reviews its own), and who may decide it — never the recorder, never
// the volunteer commended, never a manager of the team commended. Pure: no database, no clock of its own.
import { canManage, type Grant, type OrgNode } from './org-access';

/** A team the subject belongs to: the volunteer's team (one of them), the team itself, the activity's team. */
export type SubjectTeam = OrgNode;

export interface Routing {
  /** The subject's team through which the caller records it. */
  subjectTeam: SubjectTeam;
  /** The team that records it: the caller's, the subject's team or one above it. */
  recordingOrgId: string;
  /** The team that reviews it: one level up from the recording team; the root for itself. */
  reviewOrgId: string;
}

/**
 * Where a commendation goes when `grants` record it for a subject in these teams: through the subject team under the
 * caller's deepest managed team (the closest to the subject), recorded there and reviewed one level up. Undefined when
 * the caller manages none of the teams nor any team above them.
 */
export function commendationRouting(grants: readonly Grant[], subjectTeams: readonly SubjectTeam[]): Routing | undefined {
  let best: (Routing & { depth: number }) | undefined;
  for (const team of subjectTeams) {
    const chain = [...team.path, team._id];
    for (let depth = chain.length - 1; depth >= 0; depth--) {
      if (!canManage(grants, { _id: chain[depth] })) continue;
      if (!best || depth > best.depth)
        best = { subjectTeam: team, recordingOrgId: chain[depth], reviewOrgId: depth > 0 ? chain[depth - 1] : chain[0], depth };
      break;
    }
  }
  if (!best) return undefined;
  const { depth: _depth, ...routing } = best;
  return routing;
}

/** What deciding a commendation needs to know of it. */
export interface CommendationCase {
  reviewOrgId: string;
  recordedBy: string;
  subjectKind: 'volunteer' | 'team' | 'activity';
  subjectOpenid?: string;
  subjectOrgId: string;
}

/** allowed; self: the actor would approve their own work, themself or their own team; forbidden: not theirs to review. */
export type CommendationVerdict = 'allowed' | 'self' | 'forbidden';

export function mayReviewCommendation(grants: readonly Grant[], actor: string, c: CommendationCase): CommendationVerdict {
  if (!canManage(grants, { _id: c.reviewOrgId })) return 'forbidden';
  if (actor === c.recordedBy) return 'self';
  if (c.subjectKind === 'volunteer') return c.subjectOpenid === actor ? 'self' : 'allowed';
  return canManage(grants, { _id: c.subjectOrgId }) ? 'self' : 'allowed';
}

/** A commendation is recorded once conferred: dated today at the latest (Asia/Shanghai days, YYYY-MM-DD). */
export const commendationDateAllowed = (date: string, today: string): boolean => date <= today;

/** Whether a ranked team's subtree holds the subject of a commendation (its `subjectTeams`: the subject's team and every team above). */
export const commendedWithin = (teamId: string, subjectTeams: readonly string[]): boolean => subjectTeams.includes(teamId);
