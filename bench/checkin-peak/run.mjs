// Check-in peak: N enrolled volunteers scan the sign-in code through the gateway as fast as the machine allows,
// against the built function bundles (as CloudBase runs them) and an in-memory emulator.
// Usage: node bench/checkin-peak/run.mjs [scans=10000] [concurrency=64]
// Prints scans/s, p50/p95/p99 latency, database requests per scan, and the same for a no-op function call.
import { build } from 'esbuild';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
execFileSync(process.execPath, [path.join(root, 'scripts/build-functions.mjs'), 'checkin'], { stdio: 'inherit' });
const outfile = path.join(root, '.build', 'bench-checkin-peak.cjs');
await build({
  entryPoints: [path.join(root, 'bench/checkin-peak/peak.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const { runPeak } = await import(pathToFileURL(outfile).href);
await runPeak({ root, scans: Number(process.argv[2] ?? 10000), concurrency: Number(process.argv[3] ?? 64) });
