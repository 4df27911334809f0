// Cloud function cron: the timer trigger of cloudbaserc.json (hourly). It runs each registered job once per tick;
// a failing job is logged and does not stop the others. The emulator runs it with POST /_dev/cron.
import { now } from '../common/clock';
import { env } from '../common/env';
import { remindActivities } from '../common/app/activity/remind.job';

type JobResult = { name: string; done: number; error?: string };
type Job = (at: Date) => Promise<JobResult>;
const jobs: [string, Job][] = [['activityReminder', remindActivities]];

export async function main(): Promise<{ ok: true; data: { ranAt: string; jobs: JobResult[] } }> {
  env();
  const at = now();
  const results: JobResult[] = [];
  for (const [name, job] of jobs) {
    try {
      results.push(await job(at));
    } catch (err) {
      console.error(`[cron] job ${name} failed`, err);
      results.push({ name, done: 0, error: (err as Error).message });
    }
  }
  return { ok: true, data: { ranAt: at.toISOString(), jobs: results } };
}
