// `npm run deploy [-- --dry-run] [--drop-extra-indexes]`: checks variables, builds the functions, reads CloudBase, plans and applies.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deployedCollections } from '../../cloudfunctions/common/db/collections';
import { applyPlan, observe, type ManagerClient } from './apply';
import { checkVariables, fillTemplate, functionsFromRc, loadConfig, missingDeployVars, type VariableProblem } from './config';
import { EMPTY_ENVIRONMENT, formatPlan, planDeploy, type DeclaredState } from './plan';

export interface ClientConfig {
  envId: string;
  secretId: string;
  secretKey: string;
  token?: string;
  region?: string;
}

/** Everything main touches outside itself, so tests run it with fakes. */
export interface DeployIo {
  /** The folder of cloudbaserc.json and .env. */
  cwd: string;
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
  /** Bundles the named functions into <functionRoot>/<fn>/index.js; throws on failure. */
  buildFunctions(names: string[]): void;
  createClient(config: ClientConfig): ManagerClient;
}

const USAGE = `usage: npm run deploy [-- --dry-run] [-- --drop-extra-indexes]
  --dry-run             print the plan against an empty environment; no credentials, no network, no build
  --drop-extra-indexes  also drop indexes CloudBase has but collections.ts does not declare (and recreate changed ones)
Reads cloudbaserc.json and .env beside it (the shell's environment wins over .env). A real run needs ENV_ID,
TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (TENCENTCLOUD_SESSIONTOKEN for temporary keys; TCB_REGION, default ap-shanghai).`;

/** Files a function's bundle requires beside itself (its heavy/ libraries, see scripts/build-functions.mjs) that are not there. */
export function missingBeside(functionDir: string): string[] {
  const bundle = readFileSync(path.join(functionDir, 'index.js'), 'utf8');
  const wanted = [...bundle.matchAll(/require\("(\.\/heavy\/[\w.-]+\.js)"\)/g)].map((m) => m[1]);
  return [...new Set(wanted)].filter((file) => !existsSync(path.join(functionDir, file)));
}

function formatProblems(problems: VariableProblem[]): string[] {
  return problems.map((p) => `  ${p.variable}: ${p.problem} [${p.functions.join(', ')}]`);
}

export async function main(argv: string[], io: DeployIo): Promise<number> {
  const flags = new Set(argv);
  const known = new Set(['--dry-run', '--drop-extra-indexes', '--help', '-h']);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length > 0 || flags.has('--help') || flags.has('-h')) {
    (unknown.length ? io.err : io.out)(unknown.length ? `unknown option ${unknown.join(' ')}\n${USAGE}` : USAGE);
    return unknown.length ? 2 : 0;
  }
  const dryRun = flags.has('--dry-run');
  const options = { dropExtraIndexes: flags.has('--drop-extra-indexes') };

  const { rc, vars, dotEnvFound } = loadConfig(io.cwd, io.env);
  const declared: DeclaredState = { collections: deployedCollections(), functions: functionsFromRc(rc, vars) };
  const problems = checkVariables(declared.functions);
  const missing = missingDeployVars(rc, vars);
  const envId = fillTemplate(rc.envId, vars).value;

  if (dryRun) {
    const plan = planDeploy(declared, EMPTY_ENVIRONMENT, options);
    io.out(
      `Deploy plan (dry run) for environment ${envId ?? '(ENV_ID unset)'}: against an empty environment; CloudBase was not contacted.`,
    );
    io.out(
      `A real run first reads the environment and plans only what is missing or different. ${dotEnvFound ? '.env read.' : 'No .env found.'}`,
    );
    for (const line of formatPlan(declared, plan)) io.out(line);
    io.out(`${plan.steps.length} steps.`);
    if (problems.length > 0 || missing.length > 0) {
      io.out('A real deploy would refuse until these are set:');
      for (const line of formatProblems(problems)) io.out(line);
      for (const name of missing) io.out(`  ${name}: not set (credentials / environment id)`);
    }
    return 0;
  }

  if (problems.length > 0 || missing.length > 0) {
    io.err(`deploy refused: missing or invalid variables (set them in ${path.join(io.cwd, '.env')} or the shell):`);
    for (const name of missing) io.err(`  ${name}: not set (credentials / environment id)`);
    for (const line of formatProblems(problems)) io.err(line);
    io.err('Nothing was built or deployed. `npm run deploy -- --dry-run` shows the plan without credentials.');
    return 1;
  }

  const functionRootPath = path.resolve(io.cwd, rc.functionRoot);
  const names = declared.functions.map((f) => f.name);
  let applying = false;
  try {
    io.out(`Building ${names.join(', ')}…`);
    io.buildFunctions(names);
    const unbuilt = names.filter((n) => !existsSync(path.join(functionRootPath, n, 'index.js')));
    if (unbuilt.length > 0) throw new Error(`no index.js after the build for: ${unbuilt.join(', ')}`);
    const incomplete = names.flatMap((n) => missingBeside(path.join(functionRootPath, n)).map((file) => path.posix.join(n, file)));
    if (incomplete.length > 0) throw new Error(`files the bundles require are missing: ${incomplete.join(', ')}`);

    const client = io.createClient({
      envId: envId as string,
      secretId: vars.TENCENTCLOUD_SECRETID as string,
      secretKey: vars.TENCENTCLOUD_SECRETKEY as string,
      token: vars.TENCENTCLOUD_SESSIONTOKEN,
      region: vars.TCB_REGION,
    });
    io.out(`Reading environment ${envId}…`);
    const observed = await observe(client, declared, envId as string);
    const plan = planDeploy(declared, observed, options);
    for (const line of formatPlan(declared, plan)) io.out(line);
    applying = true;
    await applyPlan(client, plan, { envId: envId as string, functionRootPath, log: io.out });
    io.out(
      `Deployed to ${envId}: ${plan.steps.length} steps.${plan.notes.length ? ` ${plan.notes.length} notes above were left as they are.` : ''}`,
    );
    return 0;
  } catch (e) {
    io.err(`deploy failed: ${(e as Error).message}`);
    io.err(
      applying
        ? 'Steps before the failure stay applied; a rerun plans only what is still missing or different.'
        : 'Nothing was changed in CloudBase.',
    );
    return 1;
  }
}

/** The real world: this process's environment, the repo's build script, the management SDK. */
export function nodeIo(root: string): DeployIo {
  return {
    cwd: root,
    env: process.env,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    buildFunctions(names) {
      const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-functions.mjs'), ...names], { stdio: 'inherit', cwd: root });
      if (r.status !== 0) throw new Error(`scripts/build-functions.mjs exited with ${r.status ?? r.signal}`);
    },
    createClient(config): ManagerClient {
      // Loaded here, not at the top: a dry run never loads the SDK.
      const CloudBase = require('@cloudbase/manager-node') as typeof import('@cloudbase/manager-node');
      return new CloudBase(config);
    },
  };
}
