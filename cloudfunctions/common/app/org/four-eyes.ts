// The four-eyes glue of the use cases: the actor's grants (and, where the parent would step in, the team's managers)
// against domain/four-eyes, answered with AUTH.FORBIDDEN or AUTH.SELF_DEALING naming who decides instead.
import { AppError, ErrorCode } from '../../errors';
import { managerGrants } from '../../db/org.repository';
import { teamManagerOpenids } from '../../db/team-managers.repository';
import { decidesFromParent, mayDecide, teamHasOtherDecider, type DecidingTeam } from '../../domain/four-eyes';
import type { Grant } from '../../domain/org-access';

export interface FourEyesCheck {
  actor: string;
  /** Whose record, correction or application it is. */
  concerned: string;
  team: DecidingTeam;
  /** The actor's grants when the caller has them already. */
  grants?: Grant[];
  /** The message of AUTH.FORBIDDEN. */
  forbidden: string;
}

export async function requireSomeoneElse(c: FourEyesCheck): Promise<void> {
  const grants = c.grants ?? (await managerGrants(c.actor));
  const teamManagers = decidesFromParent(grants, c.team) ? await teamManagerOpenids(c.team._id) : [];
  const verdict = mayDecide(grants, { actor: c.actor, concerned: c.concerned, team: c.team, teamManagers });
  if (verdict === 'allowed') return;
  if (verdict === 'forbidden') throw new AppError(ErrorCode.AUTH_FORBIDDEN, c.forbidden);
  // Refused: say whom to ask.
  const inTeam = teamHasOtherDecider(await teamManagerOpenids(c.team._id), c.concerned);
  throw new AppError(
    ErrorCode.AUTH_SELF_DEALING,
    inTeam ? '此事涉及您本人，须由本队其他负责人或管理员处理' : '此事涉及您本人，本队没有其他负责人或管理员，须由上级队伍的负责人或管理员处理',
    { decidedBy: inTeam ? 'team' : 'parent' },
  );
}
