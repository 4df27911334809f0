// `npm start`: builds the functions, the emulator and the h5 app, then runs the emulator on :8787 with demo data in .data/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { step, emulatorClientEnv } from './run-step.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const port = process.env.EMULATOR_PORT || '8787';

step('build functions', 'node', ['scripts/build-functions.mjs']);
if (process.env.SKIP_H5_BUILD !== '1')
  step('build h5', path.join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], emulatorClientEnv);

const child = spawn('node', ['.build/emulator.js'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    EMULATOR_PORT: port,
    EMULATOR_DATA: process.env.EMULATOR_DATA || '.data',
    EMULATOR_SEED: '1',
    // The QR code on a demo certificate opens the demo's own 证明查验 page.
    CERT_VERIFY_BASE_URL: process.env.CERT_VERIFY_BASE_URL || `http://127.0.0.1:${port}/#/pages/verify/index`,
  },
});
const forward = (sig) => child.kill(sig);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code) => process.exit(code ?? 0));
