// checkin.roster: who is in and who is out on a day, with the scans to look at, for the managers of the activity's
// team and of the teams above it.
import type { CheckinRosterInput, CheckinRosterOutput } from '@contract/checkin';
import { maskPhone } from '@contract/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { enrollmentsIn } from '../../db/activity.repository';
import { recordsOfDay } from '../../db/checkin.repository';
import { contactsOf } from '../../db/org.repository';
import { toIso } from '../../domain/shanghai-time';
import { requireReader } from '../access';
import { requireActivity } from '../activity/activity-lookup';
import { recordView } from './record-view';

const iso = (d: Date | undefined) => (d ? toIso(new Date(d)) : undefined);

export async function roster(input: CheckinRosterInput, ctx: Ctx): Promise<CheckinRosterOutput> {
  const openid = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await requireReader(openid, activity.orgId);
  const [enrolled, records] = await Promise.all([enrollmentsIn(activity._id, ['enrolled']), recordsOfDay(activity._id, input.date)]);
  const byOpenid = new Map(records.map((r) => [r.openid, r]));
  // Someone adjusted in after cancelling still appears: the record is the truth of the day.
  const people = [...new Set([...enrolled.map((e) => e.openid), ...records.map((r) => r.openid)])];
  const contacts = await contactsOf(people);
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
    };
  });
  const order = { open: 0, closed: 1, adjusted: 1, absent: 2 } as const;
  return rows.sort((a, b) => order[a.status] - order[b.status] || a.realName.localeCompare(b.realName, 'zh'));
}
