// Why: the kill -9 test's plumbing — builds the real emulator entry and the functions it serves from the current sources, runs it as a child process on a data folder, and talks to it over HTTP.
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import type { ActionName, FunctionName, InputOf, OutputOf } from '@contract/functions';

export const ROOT = path.resolve(__dirname, '../..');
export const BOOTSTRAP_TOKEN = 'crash-test-bootstrap-token-0123456789';
export const SECRET_KEY = 'ab'.repeat(32);
const FUNCTIONS = ['sms', 'user', 'org'];

/**
 * Bundles emulator/index.ts (what `npm run emulator` runs, as .build/emulator.js) and the sms/user/org functions
 * into a temporary folder laid out like the repository (build/, cloudfunctions/<fn>/index.js), from the sources as
 * they are now: no dependency on a previous `npm run build:functions`, and the shared build outputs stay untouched.
 * esbuild runs in a separate node process (its JS API and jest's module realm do not mix).
 */
export async function buildEmulator(): Promise<string> {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'emu-crash-build-'));
  const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning' };
  const builds = [
    {
      ...common,
      entryPoints: [path.join(ROOT, 'emulator', 'index.ts')],
      outfile: path.join(out, 'build', 'emulator.js'),
      packages: 'external',
    },
    ...FUNCTIONS.map((fn) => ({
      ...common,
      entryPoints: [path.join(ROOT, 'cloudfunctions', fn, 'index.ts')],
      outfile: path.join(out, 'cloudfunctions', fn, 'index.js'),
      external: ['@cloudbase/node-sdk', 'tencentcloud-sdk-nodejs-sms'],
    })),
  ];
  const script = `Promise.all(${JSON.stringify(builds)}.map((o) => require('esbuild').build(o))).catch((e) => { console.error(e); process.exit(1); });`;
  execFileSync(process.execPath, ['-e', script], { cwd: ROOT, stdio: 'inherit' });
  return out;
}

export interface Child {
  url: string;
  proc: ChildProcess;
  /** stdout + stderr so far. */
  output(): string;
  exited: Promise<number | string | null>;
}

/** Starts the built emulator on `data` (an ephemeral port) and resolves once it listens. */
export function startChild(build: string, data: string, env: Record<string, string> = {}): Promise<Child> {
  const proc = spawn(process.execPath, [path.join(build, 'build', 'emulator.js')], {
    cwd: build,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // The bundles keep their npm packages external: resolve them from this checkout's node_modules.
      NODE_PATH: path.join(ROOT, 'node_modules'),
      EMULATOR_PORT: '0',
      EMULATOR_DATA: data,
      EMULATOR_SEED: '0',
      APP_SECRET_KEY: SECRET_KEY,
      BOOTSTRAP_TOKEN,
      EMULATOR_SECRETS_DIR: path.join(data, '..', 'secrets'),
      ...env,
    },
  });
  let output = '';
  proc.stdout.on('data', (c: Buffer) => (output += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | string | null>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal)));
  return new Promise<Child>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the emulator did not start within 30 s')), 30_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(new Error(`${e.message}\n${output}`));
    };
    void exited.then((code) => fail(new Error(`the emulator exited (${code}) before listening`)));
    const onData = () => {
      const m = /emulator on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!m) return;
      clearTimeout(timer);
      proc.stdout.off('data', onData);
      resolve({ url: m[1], proc, output: () => output, exited });
    };
    proc.stdout.on('data', onData);
  });
}

export async function killHard(child: Child): Promise<void> {
  child.proc.kill('SIGKILL');
  await child.exited;
}

/** A clean stop (SIGTERM: the emulator closes the database, folding the journal into the data files). */
export async function stop(child: Child): Promise<void> {
  child.proc.kill('SIGTERM');
  const code = await child.exited;
  if (code !== 0) throw new Error(`the emulator stopped with ${code}\n${child.output()}`);
}

export type Answer<T = unknown> = { ok: true; data: T } | { ok: false; code: string; message: string };

/** Calls `fn.action` of the emulator at `url`, typed by the contract (types/functions.ts) as the tests' t.call is. */
export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  url: string,
  fn: F,
  action: A,
  input: InputOf<F, A>,
  openid?: string,
): Promise<Answer<OutputOf<F, A>>> {
  const res = await fetch(`${url}/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: JSON.stringify({ action, ...input }),
  });
  if (res.status !== 200) throw new Error(`gateway answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Answer<OutputOf<F, A>>;
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Counts as one line of the final report. */
export interface RoundFigures {
  round: number;
  attempted: number;
  acknowledged: number;
  foundAfterRestart: number;
  halfWritten: number;
  lostAcknowledged: number;
  /** Files the kill left behind (journals, checkpoint temp files). */
  left: string;
  /** The restart dropped a torn last journal record. */
  torn: boolean;
}

export function figuresTable(title: string, rows: RoundFigures[]): string {
  const head =
    'round  attempted  acknowledged  found after restart  half-written  acknowledged but lost  torn record dropped  left by the kill';
  const lines = rows.map((r) =>
    [
      String(r.round).padStart(5),
      String(r.attempted).padStart(10),
      String(r.acknowledged).padStart(13),
      String(r.foundAfterRestart).padStart(20),
      String(r.halfWritten).padStart(13),
      String(r.lostAcknowledged).padStart(22),
      (r.torn ? 'yes' : 'no').padStart(20),
      ` ${r.left}`,
    ].join(' '),
  );
  return [title, head, ...lines].join('\n');
}
