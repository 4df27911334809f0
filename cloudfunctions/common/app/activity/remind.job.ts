// Cron job: the day before an activity, each enrolled volunteer gets a reminder, exactly once per activity and date
// (the activity is claimed with a conditional update before anything is sent, so overlapping ticks cannot repeat it).
import { claimReminder, dueForReminder, enrollmentsIn } from '../../db/activity.repository';
import { reminderDateAt } from '../../domain/activity-reminder';
import { notifyActivityReminder } from './notify';

export async function remindActivities(at: Date): Promise<{ name: string; done: number }> {
  const name = 'activityReminder';
  const startDate = reminderDateAt(at);
  if (!startDate) return { name, done: 0 };
  let done = 0;
  for (const a of await dueForReminder(startDate)) {
    if (!(await claimReminder(a._id, startDate))) continue;
    const people = await enrollmentsIn(a._id, ['enrolled']);
    done += await notifyActivityReminder(
      people.map((e) => e.openid),
      a,
    );
  }
  return { name, done };
}
