// Cloud function cron: the timer trigger of cloudbaserc.json (hourly). It runs each registered job once per tick;
// a failing job is logged and does not stop the others. The emulator runs it with POST /_dev/cron.
import { now } from '../common/clock';
import { env } from '../common/env';
import { callerOpenid } from '../common/cloud';
import { ErrorCode, ErrorMessage } from '../../types/errors';
import type { Fail } from '../../types/common';
import { remindActivities } from '../common/app/activity/remind.job';

type JobResult = { name: string; done: number; error?: string };
type Job = (at: Date) => Promise<JobResult>;
const jobs: [string, Job][] = [['activityReminder', remindActivities]];

export async function main(_event: unknown, context?: unknown): Promise<{ ok: true; data: { ranAt: string; jobs: JobResult[] } } | Fail> {
  // Timer triggers carry no WeChat user: a call from the mini program is not a tick.
  if (callerOpenid(context)) return { ok: false, code: ErrorCode.AUTH_FORBIDDEN, message: ErrorMessage[ErrorCode.AUTH_FORBIDDEN] };
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
