// Cron job: 30 minutes before each day of an activity ends, everyone still signed in that day (signed in, not out) is
// reminded to scan the sign-out code when they leave, exactly once per activity and date (the day is claimed on the
// activity with a conditional update before anything is sent, so overlapping ticks cannot repeat it).
import { claimSignOutReminder, dueForSignOutReminder } from '../../db/activity.repository';
import { recordsOfDay } from '../../db/checkin.repository';
import { signOutReminderDateAt, signOutReminderWindow } from '../../domain/sign-out-reminder';
import { notifySignOutReminder } from '../activity/notify';

export async function remindSignOut(at: Date): Promise<{ name: string; done: number }> {
  const name = 'signOutReminder';
  let done = 0;
  for (const a of await dueForSignOutReminder(signOutReminderWindow(at))) {
    const date = signOutReminderDateAt(a, at);
    if (!date || !(await claimSignOutReminder(a._id, date))) continue;
    const open = (await recordsOfDay(a._id, date)).filter((r) => r.signInAt && !r.signOutAt);
    done += await notifySignOutReminder(
      open.map((r) => r.openid),
      a,
      date,
    );
  }
  return { name, done };
}
