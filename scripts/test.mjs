// `npm test`: browser check, typecheck, lint, builds, then every jest layer; ends with "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { step, emulatorClientEnv, mpTestClientEnv } from './run-step.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

step('browser', 'bash', ['scripts/ensure-browser.sh']);
step('typecheck', bin('tsc'), ['--noEmit', '-p', '.']);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('build functions', 'node', ['scripts/build-functions.mjs']);
step('build weapp', bin('taro'), ['build', '--type', 'weapp'], mpTestClientEnv);
step('build h5', bin('taro'), ['build', '--type', 'h5'], emulatorClientEnv);

const report = path.join(root, '.tmp', 'jest-report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
console.log('\n▶ jest (unit, functions, mp, e2e)');
const r = spawnSync(bin('jest'), ['--ci', '--json', `--outputFile=${report}`, ...process.argv.slice(2)], { stdio: 'inherit' });
let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const j = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = j.numPassedTests;
  failed = j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0);
  skipped = j.numPendingTests + (j.numTodoTests ?? 0);
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(r.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
