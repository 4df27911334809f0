// activity.enrollments: who enrolled (then who waits, in queue order), with real name and masked phone, for the
// managers of the activity's team and of the teams above it.
import type { ActivityEnrollmentsInput, ActivityEnrollmentsOutput } from '@contract/activity';
import { maskPhone } from '@contract/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { countEnrollments, LIVE_ENROLLMENT, pageEnrollments } from '../../db/activity.repository';
import { contactsOf } from '../../db/org.repository';
import { requireReader } from '../access';
import { requireActivity } from './activity-lookup';
import { enrollmentView } from './activity-view';

export async function enrollments(input: ActivityEnrollmentsInput, ctx: Ctx): Promise<ActivityEnrollmentsOutput> {
  const openid = requireOpenid(ctx);
  const a = await requireActivity(input.activityId);
  await requireReader(openid, a.orgId, '只有本队及上级队伍的负责人、管理员可以查看');
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const statuses = input.status ? [input.status] : LIVE_ENROLLMENT;
  const skip = (page - 1) * pageSize;
  const [{ items, total }, enrolledAhead] = await Promise.all([
    pageEnrollments(a._id, statuses, page, pageSize),
    // Waitlist places follow the enrolled rows when both are listed.
    statuses.includes('enrolled') && statuses.includes('waitlisted') ? countEnrollments(a._id, 'enrolled') : Promise.resolve(0),
  ]);
  const contacts = await contactsOf(items.map((e) => e.openid));
  return {
    items: items.map((e, i) => {
      const person = contacts.get(e.openid);
      return {
        ...enrollmentView(e, skip + i - enrolledAhead + 1),
        realName: person?.realName ?? '（已注销）',
        phoneMasked: person ? maskPhone(person.phone) : '',
      };
    }),
    total,
    page,
  };
}
