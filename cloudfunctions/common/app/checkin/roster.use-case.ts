// checkin.roster: who is in and who is out on a day, with the scans to look at, for the managers of the activity's
// team and of the teams above it; 离线 scans marked, and how many of someone's offline scans wait for an admin.
import type { CheckinRosterInput, CheckinRosterOutput } from '@contract/checkin';
import { maskPhone } from '@contract/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { enrollmentsIn } from '../../db/activity.repository';
import { recordsOfDay } from '../../db/checkin.repository';
import { contactsOf } from '../../db/org.repository';
import { toIso } from '../../domain/shanghai-time';
import { requireReader } from '../access';
import { requireActivity } from '../activity/activity-lookup';
import { offlineScansIn } from '../../db/offline-scan.repository';
import { offlineView, recordView } from './record-view';

const iso = (d: Date | undefined) => (d ? toIso(new Date(d)) : undefined);

export async function roster(input: CheckinRosterInput, ctx: Ctx): Promise<CheckinRosterOutput> {
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireReader(openid, activity.orgId);
  const [enrolled, records, undecided] = await Promise.all([
    enrollmentsIn(activity._id, ['enrolled']),
    recordsOfDay(activity._id, input.date),
    offlineScansIn(activity._id, ['pending', 'flagged'], input.date),
  ]);
  const waitingFor = new Map<string, number>();
  for (const s of undecided) waitingFor.set(s.openid, (waitingFor.get(s.openid) ?? 0) + 1);
  const byOpenid = new Map(records.map((r) => [r.openid, r]));
  // Someone adjusted in after cancelling still appears: the record is the truth of the day.
  const people = [...new Set([...enrolled.map((e) => e.openid), ...records.map((r) => r.openid), ...undecided.map((s) => s.openid)])];
  // The admins named on 离线 marks are read in the same request as the people.
  const admins = records.flatMap((r) => (r.offline ?? []).flatMap((m) => [m.by, m.confirmedBy])).filter((id): id is string => !!id);
  const contacts = await contactsOf([...people, ...admins]);
  const rows = people.map((id) => {
    const r = byOpenid.get(id);
    const c = contacts.get(id);
    return {
      openid: id,
      realName: c?.realName ?? '',
      phoneMasked: c ? maskPhone(c.phone) : '',
      signInAt: iso(r?.signInAt),
      signOutAt: iso(r?.signOutAt),
      minutes: r?.minutes ?? 0,
      status: r ? r.status : ('absent' as const),
      adjustments: r ? recordView(r).adjustments : [],
      flags: r?.flags ?? [],
      offline: offlineView(r?.offline, contacts),
      offlinePending: waitingFor.get(id) ?? 0,
    };
  });
  const order = { open: 0, closed: 1, adjusted: 1, absent: 2 } as const;
  return rows.sort((a, b) => order[a.status] - order[b.status] || a.realName.localeCompare(b.realName, 'zh'));
}
