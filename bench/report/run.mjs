// Reports over a province: report.orgStats, report.ranking and the 附件3 export for a whole year of a root with
// 60 teams below it, through the gateway against the built `report` bundle and an in-memory emulator.
// Usage: node bench/report/run.mjs [records=40000] [runs=5]
// Prints the median and worst time per call, database requests per call, and the rows read.
import { build } from 'esbuild';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
execFileSync(process.execPath, [path.join(root, 'scripts/build-functions.mjs'), 'report'], { stdio: 'inherit' });
const outfile = path.join(root, '.build', 'bench-report.cjs');
await build({
  entryPoints: [path.join(root, 'bench/report/report.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const { runReport } = await import(pathToFileURL(outfile).href);
await runReport({ root, records: Number(process.argv[2] ?? 40000), runs: Number(process.argv[3] ?? 5) });
