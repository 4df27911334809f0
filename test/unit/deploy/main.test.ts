// `npm run deploy` end to end with fakes: the dry-run plan, the refusal without variables, a real run and its rerun, no secret printed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deployedCollections } from '../../../cloudfunctions/common/db/collections';
import { main, type ClientConfig, type DeployIo } from '../../../scripts/deploy/main';
import { FakeCloudBase } from './fake-cloudbase';

const root = path.resolve(__dirname, '../../..');
const KEY = '0123456789abcdef'.repeat(4);
const FULL_ENV = [
  'ENV_ID=kjzy-prod-4f5e6d',
  'TENCENTCLOUD_SECRETID=AKIDfake000000000000000000000000',
  'TENCENTCLOUD_SECRETKEY=fake-secret-key-value-0000000000',
  `APP_SECRET_KEY=${KEY}`,
  'BOOTSTRAP_TOKEN=bootstrap-secret-42-xyz',
  'SMS_SDK_APP_ID=1400123456',
  'SMS_SIGN_NAME="科技志愿"',
  'SMS_TEMPLATE_ID=2000001',
  'MESSAGE_TEMPLATE_MEMBER_REVIEWED=tmpl-member-reviewed-secret',
  'MESSAGE_TEMPLATE_ORG_REVIEWED=tmpl-org',
  'MESSAGE_TEMPLATE_MEMBER_REMOVED=tmpl-removed',
  'MESSAGE_TEMPLATE_ROLE_CHANGED=tmpl-role',
].join('\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deploy-'));
  copyFileSync(path.join(root, 'cloudbaserc.json'), path.join(dir, 'cloudbaserc.json'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeIo(env: Record<string, string> = {}, cloud = new FakeCloudBase()) {
  const out: string[] = [];
  const err: string[] = [];
  const built: string[][] = [];
  const clients: ClientConfig[] = [];
  const io: DeployIo = {
    cwd: dir,
    env,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    buildFunctions(names) {
      built.push(names);
      for (const n of names) {
        mkdirSync(path.join(dir, 'cloudfunctions', n), { recursive: true });
        writeFileSync(path.join(dir, 'cloudfunctions', n, 'index.js'), 'exports.main = async () => ({})\n');
      }
    },
    createClient(config) {
      clients.push(config);
      return cloud;
    },
  };
  return { io, out, err, built, clients, cloud };
}

describe('--dry-run', () => {
  it('prints collections, indexes, rules, functions, variable names and the timer, with no .env, no build, no client', async () => {
    const { io, out, built, clients } = fakeIo();
    expect(await main(['--dry-run'], io)).toBe(0);
    const text = out.join('\n');
    for (const c of deployedCollections()) {
      expect(text).toContain(`+ collection ${c.name}`);
      expect(text).toContain(`~ rule ${c.name} {"read":false,"write":false}`);
      for (const i of c.indexes) expect(text).toContain(`+ index ${c.name}.${i.name} `);
    }
    expect(text).toContain('+ index activities.point_2dsphere {point: 2dsphere}');
    expect(text).toContain('+ index volunteers.phoneHash_unique {phoneHash: 1} unique');
    expect(text).not.toContain('_dev_sms');
    for (const fn of ['sms', 'user', 'org', 'activity', 'checkin', 'report', 'cron', 'need', 'record'])
      expect(text).toContain(`+ function ${fn} Nodejs18.15 index.main`);
    expect(text).toContain('+ trigger cron.tick timer "0 */10 * * * * *"');
    expect(text).toContain(
      'sms: APP_SECRET_KEY (unset: left out), BOOTSTRAP_TOKEN (unset: left out), SMS_PROVIDER=tencentcloud, SMS_SDK_APP_ID (unset: left out)',
    );
    expect(text).toContain('No .env found.');
    expect(text).toMatch(/A real deploy would refuse until these are set:\n {2}APP_SECRET_KEY: not set/);
    expect(built).toEqual([]);
    expect(clients).toEqual([]);
  });

  it('prints variable names, never the values filled from .env', async () => {
    writeFileSync(path.join(dir, '.env'), FULL_ENV);
    const { io, out } = fakeIo();
    expect(await main(['--dry-run'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Deploy plan (dry run) for environment kjzy-prod-4f5e6d');
    expect(text).toContain('APP_SECRET_KEY, BOOTSTRAP_TOKEN, SMS_PROVIDER=tencentcloud, SMS_SDK_APP_ID');
    for (const secret of [KEY, 'bootstrap-secret-42-xyz', 'fake-secret-key-value', 'tmpl-member-reviewed-secret', '1400123456'])
      expect(text).not.toContain(secret);
    expect(text).not.toContain('would refuse');
  });
});

describe('a real run', () => {
  it('refuses without credentials and variables, listing each missing name, before building anything', async () => {
    const { io, err, built, clients } = fakeIo();
    expect(await main([], io)).toBe(1);
    const text = err.join('\n');
    expect(text).toContain('deploy refused: missing or invalid variables');
    for (const name of [
      'ENV_ID',
      'TENCENTCLOUD_SECRETID',
      'TENCENTCLOUD_SECRETKEY',
      'APP_SECRET_KEY',
      'SMS_SDK_APP_ID',
      'SMS_SIGN_NAME',
      'SMS_TEMPLATE_ID',
      'MESSAGE_TEMPLATE_MEMBER_REVIEWED',
      'MESSAGE_TEMPLATE_ROLE_CHANGED',
    ]) {
      expect(text).toContain(`  ${name}: not set`);
    }
    expect(built).toEqual([]);
    expect(clients).toEqual([]);
  });

  it('refuses an APP_SECRET_KEY that is not 64 hex characters, and a BOOTSTRAP_TOKEN the functions would refuse', async () => {
    writeFileSync(path.join(dir, '.env'), FULL_ENV);
    const { io, err } = fakeIo({ APP_SECRET_KEY: 'too-short', BOOTSTRAP_TOKEN: 'short' });
    expect(await main([], io)).toBe(1);
    const text = err.join('\n');
    expect(text).toContain(
      'APP_SECRET_KEY: must be 64 hex characters: openssl rand -hex 32 [sms, user, org, activity, checkin, report, cron, need, record]',
    );
    expect(text).not.toContain('too-short');

    const second = fakeIo({ BOOTSTRAP_TOKEN: 'short' });
    expect(await main([], second.io)).toBe(1);
    expect(second.err.join('\n')).toMatch(
      /\(function environment\): invalid function environment: BOOTSTRAP_TOKEN: .*\[sms, user, org, activity, checkin, report, cron, need, record\]/,
    );
  });

  it('builds, reads, applies; the second run creates nothing', async () => {
    writeFileSync(path.join(dir, '.env'), FULL_ENV);
    const cloud = new FakeCloudBase();
    const first = fakeIo({}, cloud);
    expect(await main([], first.io)).toBe(0);
    expect(first.built).toEqual([['sms', 'user', 'org', 'activity', 'checkin', 'report', 'cron', 'need', 'record']]);
    expect(first.clients).toEqual([
      {
        envId: 'kjzy-prod-4f5e6d',
        secretId: 'AKIDfake000000000000000000000000',
        secretKey: 'fake-secret-key-value-0000000000',
        token: undefined,
        region: undefined,
      },
    ]);
    expect(cloud.collections.size).toBe(deployedCollections().length);
    expect(cloud.fns.get('sms')?.Variables).toContainEqual({ Key: 'BOOTSTRAP_TOKEN', Value: 'bootstrap-secret-42-xyz' });
    expect(first.out.at(-1)).toBe('Deployed to kjzy-prod-4f5e6d: 144 steps.');
    for (const secret of [KEY, 'bootstrap-secret-42-xyz', 'fake-secret-key-value']) expect(first.out.join('\n')).not.toContain(secret);

    cloud.calls = [];
    const second = fakeIo({}, cloud);
    expect(await main([], second.io)).toBe(0);
    expect(new Set(cloud.writes().map((c) => c.method))).toEqual(new Set(['functions.updateFunctionCode']));
    expect(second.out.join('\n')).not.toMatch(/^ {2}\+ /m);
    expect(second.out.at(-1)).toBe('Deployed to kjzy-prod-4f5e6d: 9 steps.');
  });

  it('the shell environment wins over .env', async () => {
    writeFileSync(path.join(dir, '.env'), FULL_ENV);
    const { io, clients } = fakeIo({ ENV_ID: 'kjzy-staging-000' });
    expect(await main([], io)).toBe(0);
    expect(clients[0].envId).toBe('kjzy-staging-000');
  });

  it('refuses a bundle whose heavy/ library did not reach its folder, before contacting CloudBase', async () => {
    writeFileSync(path.join(dir, '.env'), FULL_ENV);
    const { io, err, clients } = fakeIo();
    const build = io.buildFunctions;
    io.buildFunctions = (names) => {
      build(names);
      const report = path.join(dir, 'cloudfunctions', 'report');
      writeFileSync(path.join(report, 'index.js'), 'const load = () => require("./heavy/pdfkit.js");\nexports.main = async () => ({})\n');
      mkdirSync(path.join(report, 'heavy'));
      writeFileSync(path.join(report, 'heavy', 'exceljs.js'), '');
    };
    expect(await main([], io)).toBe(1);
    expect(err[0]).toBe('deploy failed: files the bundles require are missing: report/heavy/pdfkit.js');
    expect(clients).toEqual([]);
  });

  it('reports a failing call with exit 1', async () => {
    writeFileSync(path.join(dir, '.env'), FULL_ENV);
    const cloud = new FakeCloudBase();
    cloud.functions.createFunction = async () => {
      throw Object.assign(new Error('[sms] 部署失败'), { code: 'InvalidParameterValue' });
    };
    const { io, err } = fakeIo({}, cloud);
    expect(await main([], io)).toBe(1);
    expect(err[0]).toMatch(/^deploy failed: step \d+ failed: \+ function sms .*\n {2}\[sms\] 部署失败 \(code InvalidParameterValue\)$/);
    expect(err[1]).toBe('Steps before the failure stay applied; a rerun plans only what is still missing or different.');
  });
});

it('rejects an unknown option', async () => {
  const { io, err } = fakeIo();
  expect(await main(['--dryrun'], io)).toBe(2);
  expect(err[0]).toMatch(/^unknown option --dryrun\nusage: npm run deploy/);
});

it('`node scripts/deploy.mjs --dry-run` (what `npm run deploy -- --dry-run` runs) bundles the command and prints the plan', () => {
  // Without the caller's variables: the plan needs no credentials.
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'deploy.mjs'), '--dry-run'], {
    cwd: root,
    encoding: 'utf8',
    env: env as NodeJS.ProcessEnv,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('+ collection volunteers');
  expect(r.stdout).toContain('+ trigger cron.tick timer "0 */10 * * * * *"');
});
