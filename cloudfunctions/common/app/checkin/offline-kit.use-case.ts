// checkin.offlineKit (离线准备): what an admin's phone keeps before going where there is no signal, to sign volunteers
// in and out by their personal codes offline — the activity's schedule, its enrolled volunteers with masked phones and
// 志愿者编号 (never an ID number), the caller (whose own code is refused) and the server's time. For the admins who
// decide the activity's days, as the upload of those scans (checkin.uploadOfflineVolunteerScans).
import type { CheckinOfflineKitInput, CheckinOfflineKitOutput } from '@contract/checkin';
import { maskPhone } from '@contract/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { enrollmentsIn } from '../../db/activity.repository';
import { contactsOf } from '../../db/org.repository';
import { toIso } from '../../domain/shanghai-time';
import { dayDecider } from '../access';
import { refuseDayChangesIfCancelled, requireActivity } from '../activity/activity-lookup';

export async function offlineKit(input: CheckinOfflineKitInput, ctx: Ctx): Promise<CheckinOfflineKitOutput> {
  const admin = requireOpenid(ctx);
  const activity = await requireActivity(input.activityId);
  await dayDecider(admin, activity.orgId);
  refuseDayChangesIfCancelled(activity);
  const enrolled = await enrollmentsIn(activity._id, ['enrolled']);
  const contacts = await contactsOf(enrolled.map((e) => e.openid));
  const volunteers = enrolled
    .map((e) => {
      const c = contacts.get(e.openid);
      return {
        openid: e.openid,
        realName: c?.realName ?? '',
        phoneMasked: c?.phone ? maskPhone(c.phone) : '',
        ...(c?.volunteerNo ? { volunteerNo: c.volunteerNo } : {}),
      };
    })
    .sort((a, b) => a.realName.localeCompare(b.realName, 'zh'));
  return {
    activityId: activity._id,
    title: activity.title,
    startDate: activity.startDate,
    endDate: activity.endDate,
    dailyStart: activity.dailyStart,
    dailyEnd: activity.dailyEnd,
    me: admin,
    volunteers,
    serverTime: toIso(ctx.now),
  };
}
