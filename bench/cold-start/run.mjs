// Cold-start benchmark: how long each built function bundle takes to load in a fresh node process, excluding
// @cloudbase/node-sdk (required first, its time printed apart), and what the first call of a named action adds on top
// (modules an action loads on demand, e.g. pdfkit for certificates).
// Run after `npm run build:functions`: `node bench/cold-start/run.mjs [runs=7] [dir=cloudfunctions]`; `dir` may hold
// another build's bundles (<dir>/<fn>/index.js) to compare. The best of the runs is printed beside the median: on a
// busy machine it is the steadier figure.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.argv[2] ?? 7);
const dir = path.resolve(root, process.argv[3] ?? 'cloudfunctions');
const functions = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')).functions.map((f) => f.name);

// One fresh process per sample: require the SDK, then time the bundle's require; print both in ms.
const probe = `
const { performance } = require('node:perf_hooks');
const t0 = performance.now();
require(${JSON.stringify(path.join(root, 'node_modules/@cloudbase/node-sdk'))});
const t1 = performance.now();
require(process.argv[1]);
const t2 = performance.now();
console.log(JSON.stringify({ sdk: t1 - t0, bundle: t2 - t1 }));
`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const fn of functions) {
  const file = path.join(dir, fn, 'index.js');
  if (!existsSync(file)) {
    console.error(`${file} not found: run \`npm run build:functions\` first`);
    process.exit(1);
  }
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    samples.push(JSON.parse(execFileSync(process.execPath, ['-e', probe, file], { encoding: 'utf8' }).trim()));
  }
  rows.push({
    fn,
    kib: statSync(file).size / 1024,
    bundle: median(samples.map((s) => s.bundle)),
    best: Math.min(...samples.map((s) => s.bundle)),
    worst: Math.max(...samples.map((s) => s.bundle)),
    sdk: median(samples.map((s) => s.sdk)),
  });
}
console.log(`function   bundle KiB   load ms (median of ${runs})   best ms   worst ms   (@cloudbase/node-sdk ms, apart)`);
for (const r of rows) {
  console.log(
    `${r.fn.padEnd(10)} ${r.kib.toFixed(0).padStart(10)}   ${r.bundle.toFixed(1).padStart(22)}   ${r.best.toFixed(1).padStart(7)}   ${r.worst.toFixed(1).padStart(8)}   ${r.sdk.toFixed(1).padStart(10)}`,
  );
}
