// checkin.myHours: the caller's credited minutes, day by day, with the audit trail and any correction request.
import type { CheckinMyHoursInput, CheckinMyHoursOutput } from '../../../../types/checkin';
import { requireOpenid, type Ctx } from '../../handler';
import { titlesOf } from '../../db/activity.repository';
import { correctionsOf, recordsOf, type CorrectionDoc } from '../../db/checkin.repository';
import { findOrgsByIds } from '../../db/org.repository';
import { requestedRange } from '../../domain/shanghai-time';
import { correctionView, recordView } from './record-view';

export async function myHours(input: CheckinMyHoursInput, ctx: Ctx): Promise<CheckinMyHoursOutput> {
  const openid = requireOpenid(ctx);
  const range = requestedRange(input, ctx.now);
  const [records, corrections] = await Promise.all([recordsOf(openid, { ...range, orgId: input.orgId }), correctionsOf(openid)]);
  const [titles, orgs] = await Promise.all([titlesOf(records.map((r) => r.activityId)), findOrgsByIds([...new Set(records.map((r) => r.orgId))])]);
  const orgNames = new Map(orgs.map((o) => [o._id, o.name]));
  const latest = new Map<string, CorrectionDoc>();
  for (const c of corrections) latest.set(c.recordId, c); // oldest first, so the last one wins
  const days = records.map((r) => {
    const c = latest.get(r._id);
    return {
      ...recordView(r),
      title: titles.get(r.activityId) ?? '',
      orgName: orgNames.get(r.orgId) ?? '',
      ...(c ? { correction: correctionView(c) } : {}),
    };
  });
  return { totalMinutes: records.reduce((sum, r) => sum + (r.minutes ?? 0), 0), days, ...range };
}
