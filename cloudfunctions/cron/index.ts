// Cloud function cron: the timer trigger of cloudbaserc.json. It runs each registered job once per tick;
// no job is registered yet (activity reminders arrive with issue #4).
import { now } from '../common/clock';

type Job = (at: Date) => Promise<{ name: string; done: number }>;
const jobs: Job[] = [];

export async function main(): Promise<{ ok: true; data: { ranAt: string; jobs: { name: string; done: number }[] } }> {
  const at = now();
  const results = [];
  for (const job of jobs) results.push(await job(at));
  return { ok: true, data: { ranAt: at.toISOString(), jobs: results } };
}
