// Cron job: a need nobody dispatched within NEED_ESCALATE_DAYS (default 3) moves up to the covering team's parent,
// whose managers are told, and the 需求方 hears that it moved. One conditional update per need: overlapping ticks move
// it one level, not two.
import { findOrg } from '../../db/org.repository';
import { needsDueToEscalate, stepNeed } from '../../db/need.repository';
import { NEED_STEP_FROM } from '../../domain/need';
import { escalateAtFor } from './post.use-case';
import { tellRequester, tellTeam } from './notify';

/** Needs moved per tick: the rest wait for the next one (every 10 minutes). */
const BATCH = 50;

export async function escalateNeeds(at: Date): Promise<{ name: string; done: number }> {
  const name = 'needEscalation';
  let done = 0;
  for (const n of await needsDueToEscalate(at, BATCH)) {
    const covering = await findOrg(n.coveringOrgId);
    const parent = covering?.parentId ? await findOrg(covering.parentId) : undefined;
    if (!parent) continue;
    const escalateAt = escalateAtFor(parent, at);
    const moved = await stepNeed(
      n._id,
      NEED_STEP_FROM.escalate,
      { coveringOrgId: parent._id, coveringOrgName: parent.name, coveringPath: [...parent.path, parent._id], escalateAt },
      { step: 'escalated', at, orgName: parent.name },
      { coveringOrgId: n.coveringOrgId },
    );
    if (!moved) continue;
    done++;
    await tellRequester(n, '已转上级', `${n.coveringOrgName}未及时响应，已转${parent.name}处理`, at);
    await tellTeam(parent._id, parent.name, n, `下级${n.coveringOrgName}逾期未派单，请派单`, at);
  }
  return { name, done };
}
