// Cron job: a complaint the handling team did not answer within COMPLAINT_ANSWER_DAYS (default 7) moves up to that
// team's parent, whose managers are told, and the complainant hears that it moved. One conditional update per
// complaint: overlapping ticks move it one level, not two. At the root it stays (shown overdue): nobody is above.
import { findOrg } from '../../db/org.repository';
import { complaintsDueToMoveUp, moveUpIf } from '../../db/complaint.repository';
import { answerDueAt, escalateAtOf } from '../../domain/complaint';
import { answerDays } from './complain.use-case';
import { tellComplainant, tellHandler } from './notify';

/** Complaints moved per tick: the rest wait for the next one (every 10 minutes). */
const BATCH = 50;

export async function escalateComplaints(at: Date): Promise<{ name: string; done: number }> {
  const name = 'complaintEscalation';
  let done = 0;
  for (const c of await complaintsDueToMoveUp(at, BATCH)) {
    const handler = await findOrg(c.handlerOrgId);
    const next = handler?.parentId ? await findOrg(handler.parentId) : undefined;
    if (!next) continue;
    const due = answerDueAt(at, answerDays());
    const moved = await moveUpIf(
      c._id,
      c.handlerOrgId,
      { handlerOrgId: next._id, handlerOrgName: next.name, answerDueAt: due, escalateAt: escalateAtOf(next, due) },
      { step: 'escalated', at, orgName: next.name },
    );
    if (!moved) continue;
    done++;
    await tellComplainant(c, '已转上级', `${c.handlerOrgName}未在期限内答复，已转${next.name}处理`, at);
    await tellHandler(next._id, next.name, c, `下级${c.handlerOrgName}逾期未答复，请答复`, at);
  }
  return { name, done };
}
