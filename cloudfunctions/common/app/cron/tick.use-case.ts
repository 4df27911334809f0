// cron.tick: one tick of the timer runs each registered job once; a failing job is logged and does not stop the others.
import type { CronTickOutput } from '@contract/functions';
import type { Ctx } from '../../handler';
import { remindActivities } from '../activity/remind.job';
import { remindStart } from '../activity/start-remind.job';
import { remindSignOut } from '../checkin/sign-out-remind.job';
import { escalateNeeds } from '../need/escalate.job';
import { escalateComplaints } from '../complaint/escalate.job';
import { refreshStats } from '../report/rebuild-stats.use-case';

type JobResult = CronTickOutput['jobs'][number];
type Job = (at: Date) => Promise<JobResult>;
const jobs: [string, Job][] = [
  ['activityReminder', remindActivities],
  ['signOutReminder', remindSignOut],
  ['activityStarting', remindStart],
  ['needEscalation', escalateNeeds],
  ['complaintEscalation', escalateComplaints],
  ['statsRollup', refreshStats],
];

export async function tick(_input: unknown, ctx: Ctx): Promise<CronTickOutput> {
  const results: JobResult[] = [];
  for (const [name, job] of jobs) {
    try {
      results.push(await job(ctx.now));
    } catch (err) {
      console.error(`[cron] job ${name} failed`, err);
      results.push({ name, done: 0, error: (err as Error).message });
    }
  }
  return { ranAt: ctx.now.toISOString(), jobs: results };
}
