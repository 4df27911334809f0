// checkin.myHours: the caller's credited minutes, day by day, with the audit trail and any correction request. A day
// of a cancelled activity is shown (the record is the truth of what happened) but counts toward no total; only days
// that credit time count as 服务日.
import type { CheckinMyHoursInput, CheckinMyHoursOutput } from '@contract/checkin';
import { requireOpenid, type Ctx } from '../../handler';
import { recordsOf, titlesAndStatusOf } from '../../db/checkin.repository';
import { correctionsOf, type CorrectionDoc } from '../../db/correction.repository';
import { findOrgsByIds } from '../../db/org.repository';
import { requestedRange } from '../../domain/shanghai-time';
import { serviceDayCount } from '../../domain/checkin-day';
import { correctionView, recordView } from './record-view';

export async function myHours(input: CheckinMyHoursInput, ctx: Ctx): Promise<CheckinMyHoursOutput> {
  const openid = requireOpenid(ctx);
  const range = requestedRange(input, ctx.now);
  const [records, corrections] = await Promise.all([recordsOf(openid, { ...range, orgId: input.orgId }), correctionsOf(openid)]);
  const [activities, orgs] = await Promise.all([
    titlesAndStatusOf(records.map((r) => r.activityId)),
    findOrgsByIds([...new Set(records.map((r) => r.orgId))]),
  ]);
  const cancelled = (activityId: string) => activities.get(activityId)?.status === 'cancelled';
  const orgNames = new Map(orgs.map((o) => [o._id, o.name]));
  const latest = new Map<string, CorrectionDoc>();
  for (const c of corrections) latest.set(c.recordId, c); // oldest first, so the last one wins
  const days = records.map((r) => {
    const c = latest.get(r._id);
    return {
      ...recordView(r),
      title: activities.get(r.activityId)?.title ?? '',
      orgName: orgNames.get(r.orgId) ?? '',
      ...(c ? { correction: correctionView(c) } : {}),
      ...(cancelled(r.activityId) ? { activityCancelled: true } : {}),
    };
  });
  const totalMinutes = records.reduce((sum, r) => sum + (cancelled(r.activityId) ? 0 : (r.minutes ?? 0)), 0);
  return { totalMinutes, serviceDays: serviceDayCount(records, (r) => cancelled(r.activityId)), days, ...range };
}
