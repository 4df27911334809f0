// One way for a bench to drive the emulator: in memory, its gateway on the built function bundles, posted to over HTTP.
import { startEmulator } from '../emulator/server';
import { builtFunctionLoader } from '../emulator/gateway';

/** The functions' APP_SECRET_KEY in the benches. */
export const BENCH_SECRET = '5a'.repeat(32);

export type BenchAnswer = { ok: boolean; code?: string; data?: unknown };

/** Starts the emulator for the functions built under `root`; `post` sends JSON as `openid`, `databaseRequests` counts since `resetStats` (in all, and by action). */
export async function startBenchEmulator(root: string) {
  const emu = await startEmulator({
    port: 0,
    data: 'memory',
    root,
    loadFunction: builtFunctionLoader(root),
    functionEnv: { APP_SECRET_KEY: BENCH_SECRET, BOOTSTRAP_TOKEN: 'bench-bootstrap-token-0000' },
  });
  const post = async <T = BenchAnswer>(route: string, body: unknown, openid?: string): Promise<T> => {
    const res = await fetch(`${emu.url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
      body: JSON.stringify(body),
    });
    return res.json() as Promise<T>;
  };
  const resetStats = async () => {
    await fetch(`${emu.url}/_dev/stats`, { method: 'DELETE' });
  };
  const databaseRequests = async () => {
    const stats = (await (await fetch(`${emu.url}/_dev/stats`)).json()) as { database: Record<string, number> };
    return { total: Object.values(stats.database).reduce((a, b) => a + b, 0), byAction: stats.database };
  };
  return { emu, post, resetStats, databaseRequests };
}
