// Cron job: an hour before each day of an activity starts, each enrolled volunteer (not waitlisted, not cancelled) is
// reminded, exactly once per volunteer and date: each enrollment is claimed with a conditional update before its
// message is sent, so overlapping ticks cannot repeat it, and someone enrolling within the hour is reminded next tick.
import { claimStartReminder, dueForStartReminder, enrolledNotStartReminded, enrollmentId } from '../../db/activity.repository';
import { startReminderDateAt, startReminderWindows } from '../../domain/start-reminder';
import { notifyActivityStarting } from './notify';

/** Claims at a time: an activity of 1000 volunteers must not open 1000 requests at once. */
const PARALLEL = 10;

export async function remindStart(at: Date): Promise<{ name: string; done: number }> {
  const name = 'activityStarting';
  let done = 0;
  for (const w of startReminderWindows(at)) {
    for (const a of await dueForStartReminder(w)) {
      const date = startReminderDateAt(a, at);
      if (date !== w.date) continue;
      const claimed: string[] = [];
      const people = await enrolledNotStartReminded(a._id, date);
      for (let i = 0; i < people.length; i += PARALLEL) {
        const chunk = people.slice(i, i + PARALLEL);
        const won = await Promise.all(chunk.map((e) => claimStartReminder(enrollmentId(a._id, e.openid), date)));
        claimed.push(...chunk.filter((_, k) => won[k]).map((e) => e.openid));
      }
      done += await notifyActivityStarting(claimed, a, date);
    }
  }
  return { name, done };
}
