// What `npm run deploy` deploys, read from cloudbaserc.json and .env: functions with their resolved variables, and the checks that refuse a bad set.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { env as functionEnv, resetEnvCache } from '../../cloudfunctions/common/env';

/** One function entry of cloudbaserc.json (the fields this project uses). */
export interface RcFunction {
  name: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  installDependency?: boolean;
  envVariables?: Record<string, string>;
  triggers?: TriggerDecl[];
}

export interface Rc {
  envId: string;
  functionRoot: string;
  functions: RcFunction[];
}

/** A timer trigger as cloudbaserc.json declares it (`config` is the 7-field cron). */
export interface TriggerDecl {
  name: string;
  type: string;
  config: string;
}

/** One environment variable of a function: where its value comes from, and the value if it resolved. */
export interface EnvVarDecl {
  name: string;
  /** `literal` values are written in cloudbaserc.json; `template` ones are `{{env.X}}` filled from .env / the shell. */
  source: 'literal' | 'template';
  /** The variables a template refers to (`{{env.X}}` → X). */
  refs: string[];
  /** Undefined when a referenced variable is unset or empty: the variable is then left out of the function. */
  value?: string;
}

export interface FunctionDecl {
  name: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  env: EnvVarDecl[];
  triggers: TriggerDecl[];
}

/** The variables a function is deployed with: the resolved ones only (an empty value is never deployed). */
export const resolvedEnv = (fn: FunctionDecl): Record<string, string> =>
  Object.fromEntries(fn.env.filter((v) => v.value !== undefined).map((v) => [v.name, v.value as string]));

const TEMPLATE = /\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Fills `{{env.X}}`; undefined when any X is unset or empty. */
export function fillTemplate(text: string, vars: Record<string, string | undefined>): { refs: string[]; value?: string } {
  const refs = [...text.matchAll(TEMPLATE)].map((m) => m[1]);
  if (refs.some((r) => !vars[r])) return { refs };
  return { refs, value: text.replace(TEMPLATE, (_, name: string) => vars[name] as string) };
}

export function functionsFromRc(rc: Rc, vars: Record<string, string | undefined>): FunctionDecl[] {
  return rc.functions.map((f) => ({
    name: f.name,
    runtime: f.runtime,
    handler: f.handler,
    timeout: f.timeout,
    memorySize: f.memorySize,
    installDependency: f.installDependency ?? true,
    env: Object.entries(f.envVariables ?? {}).map(([name, text]) => {
      const { refs, value } = fillTemplate(text, vars);
      return { name, source: refs.length > 0 ? ('template' as const) : ('literal' as const), refs, value };
    }),
    triggers: f.triggers ?? [],
  }));
}

/** A minimal .env reader (KEY=VALUE lines, `export` prefix, # comments, single or double quotes). */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
    if (value.startsWith('"') && value.lastIndexOf('"') > 0) {
      value = value.slice(1, value.lastIndexOf('"')).replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else if (value.startsWith("'") && value.lastIndexOf("'") > 0) {
      value = value.slice(1, value.lastIndexOf("'"));
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    out[m[1]] = value;
  }
  return out;
}

/** cloudbaserc.json and the variables: `.env` beside it, overridden by the shell's environment. */
export function loadConfig(
  dir: string,
  processEnv: Record<string, string | undefined>,
): { rc: Rc; vars: Record<string, string | undefined>; dotEnvFound: boolean } {
  const rc = JSON.parse(readFileSync(path.join(dir, 'cloudbaserc.json'), 'utf8')) as Rc;
  const dotEnvPath = path.join(dir, '.env');
  const dotEnvFound = existsSync(dotEnvPath);
  const fromFile = dotEnvFound ? parseDotEnv(readFileSync(dotEnvPath, 'utf8')) : {};
  const vars: Record<string, string | undefined> = { ...fromFile };
  for (const [k, v] of Object.entries(processEnv)) if (v !== undefined && v !== '') vars[k] = v;
  return { rc, vars, dotEnvFound };
}

/** A variable that stops a real deploy, with the functions that need it. */
export interface VariableProblem {
  variable: string;
  problem: string;
  functions: string[];
}

const REVIEW_TEMPLATES = [
  'MESSAGE_TEMPLATE_MEMBER_REVIEWED',
  'MESSAGE_TEMPLATE_ORG_REVIEWED',
  'MESSAGE_TEMPLATE_MEMBER_REMOVED',
  'MESSAGE_TEMPLATE_ROLE_CHANGED',
];
const SMS_SETTINGS = ['SMS_SDK_APP_ID', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_ID'];

/** The variables a function cannot start without, given its resolved ones (mirrors the checks of cloudfunctions/common/env.ts). */
function requiredFor(vars: Record<string, string>): Array<{ name: string; valid?: (v: string) => boolean; hint: string }> {
  const req: Array<{ name: string; valid?: (v: string) => boolean; hint: string }> = [
    { name: 'APP_SECRET_KEY', valid: (v) => /^[0-9a-fA-F]{64}$/.test(v), hint: 'must be 64 hex characters: openssl rand -hex 32' },
  ];
  if (vars.SMS_PROVIDER === 'tencentcloud')
    for (const name of SMS_SETTINGS) req.push({ name, hint: 'needed by SMS_PROVIDER=tencentcloud' });
  if (vars.MESSAGE_PROVIDER === 'wechat')
    for (const name of REVIEW_TEMPLATES) req.push({ name, hint: 'needed by MESSAGE_PROVIDER=wechat' });
  return req;
}

/**
 * Every variable problem of every function, grouped by variable. After the named checks, each function's resolved
 * variables go through the functions' own cold-start validation (common/env.ts), so a deploy never ships a function
 * that would refuse to start (e.g. a BOOTSTRAP_TOKEN shorter than 16 characters).
 */
export function checkVariables(functions: FunctionDecl[]): VariableProblem[] {
  const byKey = new Map<string, VariableProblem>();
  const add = (variable: string, problem: string, fn: string) => {
    const key = `${variable}\n${problem}`;
    const p = byKey.get(key) ?? { variable, problem, functions: [] };
    p.functions.push(fn);
    byKey.set(key, p);
  };
  for (const fn of functions) {
    const vars = resolvedEnv(fn);
    let named = 0;
    for (const r of requiredFor(vars)) {
      const v = vars[r.name];
      const problem = v === undefined ? `not set (${r.hint})` : r.valid && !r.valid(v) ? r.hint : undefined;
      if (problem) {
        add(r.name, problem, fn.name);
        named++;
      }
    }
    if (named > 0) continue;
    const message = startupError(vars);
    if (message) add('(function environment)', message, fn.name);
  }
  return [...byKey.values()];
}

/** Runs the functions' own environment check against `vars`, restoring process.env afterwards. */
function startupError(vars: Record<string, string>): string | undefined {
  const saved = process.env;
  process.env = { ...vars } as NodeJS.ProcessEnv;
  resetEnvCache();
  try {
    functionEnv();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  } finally {
    process.env = saved;
    resetEnvCache();
  }
}

/** Credentials and environment id a real deploy needs: the names @cloudbase/manager-node itself reads. */
export const CREDENTIAL_VARS = ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;

export function missingDeployVars(rc: Rc, vars: Record<string, string | undefined>): string[] {
  const missing: string[] = [];
  const envRef = fillTemplate(rc.envId, vars);
  if (envRef.value === undefined) missing.push(...(envRef.refs.length > 0 ? envRef.refs : ['envId']));
  for (const name of CREDENTIAL_VARS) if (!vars[name]) missing.push(name);
  return missing;
}
