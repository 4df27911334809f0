// Runs one command with inherited output; exits the parent on failure with the step's name.
import { spawnSync } from 'node:child_process';

export function step(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${name} failed after ${secs}s (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${name} (${secs}s)`);
}

/** The client build for the emulator: h5 is served by the emulator itself, weapp calls it on localhost. */
export const emulatorClientEnv = { TARO_APP_BACKEND: 'emulator', NODE_ENV: 'production' };

/**
 * The weapp build the mini program tests run on: template ids for the need messages, so that the consent requested at
 * 派单, 接单 and 我要点单 is built in and recorded (test/mp/shim.ts MP_TEMPLATES holds the same ids).
 */
export const mpTestClientEnv = {
  ...emulatorClientEnv,
  MESSAGE_TEMPLATE_NEED_PROGRESS: 'tpl-need-progress',
  MESSAGE_TEMPLATE_NEED_TASK: 'tpl-need-task',
};
