// The deploy planner, pure: declared state (collections.ts, cloudbaserc.json) + observed CloudBase state → ordered steps and notes.
import type { CollectionDecl, IndexDecl, SecurityRule } from '../../cloudfunctions/common/db/collections';
import { resolvedEnv, type FunctionDecl, type TriggerDecl } from './config';

export interface DeclaredState {
  collections: CollectionDecl[];
  functions: FunctionDecl[];
}

/** An index as CloudBase describes it (DescribeTable → Indexes[].Keys[].{Name, Direction}). */
export interface ObservedIndex {
  name: string;
  keys: Array<{ field: string; direction: string }>;
  unique: boolean;
}

export interface ObservedCollection {
  indexes: ObservedIndex[];
  /** DescribeSafeRule's answer; undefined when it could not be read. */
  rule?: { aclTag: string; rule?: string };
}

export interface ObservedFunction {
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  env: Record<string, string>;
  triggers: TriggerDecl[];
}

/** What exists in the environment; a collection or function missing from these records does not exist. */
export interface ObservedState {
  collections: Record<string, ObservedCollection>;
  functions: Record<string, ObservedFunction>;
}

export const EMPTY_ENVIRONMENT: ObservedState = { collections: {}, functions: {} };

export type Step =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndex'; collection: string; index: IndexDecl }
  | { kind: 'dropIndex'; collection: string; index: string; why: string }
  | { kind: 'setRule'; collection: string; rule: SecurityRule; why: string }
  | { kind: 'createFunction'; fn: FunctionDecl }
  | { kind: 'updateFunctionCode'; fn: FunctionDecl }
  | { kind: 'updateFunctionConfig'; fn: FunctionDecl; changed: string[] }
  | { kind: 'createTrigger'; fn: string; trigger: TriggerDecl }
  | { kind: 'deleteTrigger'; fn: string; trigger: string; why: string };

export interface Plan {
  steps: Step[];
  /** Drift the deploy leaves alone (extra indexes without --drop-extra-indexes, a runtime change, extra triggers). */
  notes: string[];
}

export interface PlanOptions {
  /** Drop indexes CloudBase has but collections.ts does not declare (and recreate changed ones). Off by default. */
  dropExtraIndexes?: boolean;
}

/** The index every collection has; never compared, never dropped. */
const ID_INDEX = '_id_';

export const indexKeys = (index: IndexDecl): Array<{ field: string; direction: string }> =>
  Object.entries(index.keys).map(([field, direction]) => ({ field, direction: String(direction) }));

const sameIndex = (d: IndexDecl, o: ObservedIndex): boolean =>
  (d.unique ?? false) === o.unique && JSON.stringify(indexKeys(d)) === JSON.stringify(o.keys);

/** `{read:false, write:false}` is what the console's simple permission ADMINONLY (仅管理员可读写) means for clients. */
const SIMPLE_EQUIVALENT: Record<string, SecurityRule> = { ADMINONLY: { read: false, write: false } };

function ruleInSync(declared: SecurityRule, observed: ObservedCollection['rule']): boolean {
  if (!observed) return false;
  const want = JSON.stringify({ read: declared.read, write: declared.write });
  if (observed.aclTag === 'CUSTOM' && observed.rule) {
    try {
      const got = JSON.parse(observed.rule) as Record<string, unknown>;
      return Object.keys(got).length === 2 && JSON.stringify({ read: got.read, write: got.write }) === want;
    } catch {
      return false;
    }
  }
  const simple = SIMPLE_EQUIVALENT[observed.aclTag];
  return simple !== undefined && JSON.stringify(simple) === want;
}

const describeIndex = (keys: Array<{ field: string; direction: string }>, unique: boolean) =>
  `{${keys.map((k) => `${k.field}: ${k.direction}`).join(', ')}}${unique ? ' unique' : ''}`;

function planCollection(c: CollectionDecl, observed: ObservedCollection | undefined, options: PlanOptions, plan: Plan): void {
  const { steps, notes } = plan;
  if (!observed) steps.push({ kind: 'createCollection', collection: c.name });
  const existing = new Map((observed?.indexes ?? []).filter((i) => i.name !== ID_INDEX).map((i) => [i.name, i]));
  for (const index of c.indexes) {
    const found = existing.get(index.name);
    existing.delete(index.name);
    if (!found) {
      steps.push({ kind: 'createIndex', collection: c.name, index });
    } else if (!sameIndex(index, found)) {
      const drift = `${c.name}.${index.name} is ${describeIndex(found.keys, found.unique)} in CloudBase, declared ${describeIndex(indexKeys(index), index.unique ?? false)}`;
      if (options.dropExtraIndexes) {
        steps.push({ kind: 'dropIndex', collection: c.name, index: index.name, why: `changed: ${drift}` });
        steps.push({ kind: 'createIndex', collection: c.name, index });
      } else {
        notes.push(`index ${drift}: left as it is (rerun with --drop-extra-indexes to drop and recreate it)`);
      }
    }
  }
  for (const extra of existing.values()) {
    const what = `${c.name}.${extra.name} ${describeIndex(extra.keys, extra.unique)} is not declared in collections.ts`;
    if (options.dropExtraIndexes) steps.push({ kind: 'dropIndex', collection: c.name, index: extra.name, why: `extra: ${what}` });
    else notes.push(`index ${what}: kept (rerun with --drop-extra-indexes to drop it)`);
  }
  if (!ruleInSync(c.rule, observed?.rule)) {
    const why = !observed
      ? 'new collection'
      : observed.rule
        ? `is ${observed.rule.aclTag}${observed.rule.rule ? ` ${observed.rule.rule.replace(/\s+/g, ' ')}` : ''}`
        : 'could not be read';
    steps.push({ kind: 'setRule', collection: c.name, rule: c.rule, why });
  }
}

function configChanges(fn: FunctionDecl, o: ObservedFunction): string[] {
  const changed: string[] = [];
  if (o.timeout !== fn.timeout) changed.push(`timeout ${o.timeout}→${fn.timeout}`);
  if (o.memorySize !== fn.memorySize) changed.push(`memorySize ${o.memorySize}→${fn.memorySize}`);
  const want = resolvedEnv(fn);
  const names = new Set([...Object.keys(want), ...Object.keys(o.env)]);
  const envChanged = [...names].filter((n) => want[n] !== o.env[n]).sort();
  // Names only: values may be secrets.
  if (envChanged.length > 0) changed.push(`env ${envChanged.join(', ')}`);
  return changed;
}

function planFunction(fn: FunctionDecl, observed: ObservedFunction | undefined, plan: Plan): void {
  const { steps, notes } = plan;
  if (!observed) {
    steps.push({ kind: 'createFunction', fn });
    for (const trigger of fn.triggers) steps.push({ kind: 'createTrigger', fn: fn.name, trigger });
    return;
  }
  if (observed.runtime !== fn.runtime) {
    notes.push(
      `function ${fn.name} runs ${observed.runtime} in CloudBase, declared ${fn.runtime}: a runtime is fixed at creation (delete the function in the console and rerun to change it)`,
    );
  }
  // The code is uploaded on every deploy: that is what a deploy is for (the zip is not byte-comparable with what runs).
  steps.push({ kind: 'updateFunctionCode', fn });
  const changed = configChanges(fn, observed);
  if (changed.length > 0) steps.push({ kind: 'updateFunctionConfig', fn, changed });
  const existing = new Map(observed.triggers.map((t) => [t.name, t]));
  for (const trigger of fn.triggers) {
    const found = existing.get(trigger.name);
    existing.delete(trigger.name);
    if (found && found.type === trigger.type && found.config.trim() === trigger.config.trim()) continue;
    if (found)
      steps.push({
        kind: 'deleteTrigger',
        fn: fn.name,
        trigger: trigger.name,
        why: `is ${found.type} "${found.config}", declared ${trigger.type} "${trigger.config}"`,
      });
    steps.push({ kind: 'createTrigger', fn: fn.name, trigger });
  }
  for (const extra of existing.values())
    notes.push(`trigger ${fn.name}.${extra.name} (${extra.type} "${extra.config}") is not in cloudbaserc.json: kept`);
}

/** Steps in order: per collection (create, drops, creates, rule), then per function (create or code, config, triggers). */
export function planDeploy(declared: DeclaredState, observed: ObservedState, options: PlanOptions = {}): Plan {
  const plan: Plan = { steps: [], notes: [] };
  for (const c of declared.collections) planCollection(c, observed.collections[c.name], options, plan);
  for (const fn of declared.functions) planFunction(fn, observed.functions[fn.name], plan);
  return plan;
}

/** One line per step, for the console; variable values never appear (names only). */
export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'createCollection':
      return `+ collection ${step.collection}`;
    case 'createIndex':
      return `+ index ${step.collection}.${step.index.name} ${describeIndex(indexKeys(step.index), step.index.unique ?? false)}`;
    case 'dropIndex':
      return `- index ${step.collection}.${step.index} (${step.why})`;
    case 'setRule':
      return `~ rule ${step.collection} ${JSON.stringify(step.rule)} (${step.why})`;
    case 'createFunction':
      return `+ function ${describeFunction(step.fn)}`;
    case 'updateFunctionCode':
      return `~ function ${step.fn.name}: upload code (${step.fn.handler}, installDependency ${step.fn.installDependency})`;
    case 'updateFunctionConfig':
      return `~ function ${step.fn.name}: config ${step.changed.join('; ')}`;
    case 'createTrigger':
      return `+ trigger ${step.fn}.${step.trigger.name} ${step.trigger.type} "${step.trigger.config}"`;
    case 'deleteTrigger':
      return `- trigger ${step.fn}.${step.trigger} (${step.why})`;
  }
}

function describeFunction(fn: FunctionDecl): string {
  return `${fn.name} ${fn.runtime} ${fn.handler} timeout ${fn.timeout}s memory ${fn.memorySize}MB installDependency ${fn.installDependency}`;
}

/** A function's variables by name: literal values from cloudbaserc.json are shown, filled ones never (they may be secrets). */
export function describeEnv(fn: FunctionDecl): string {
  return fn.env
    .map((v) => (v.source === 'literal' ? `${v.name}=${v.value}` : v.value === undefined ? `${v.name} (unset: left out)` : v.name))
    .join(', ');
}

/** The whole plan as console lines, grouped: database, functions, then notes. */
export function formatPlan(declared: DeclaredState, plan: Plan): string[] {
  const lines: string[] = [];
  const dbKinds: ReadonlySet<Step['kind']> = new Set(['createCollection', 'createIndex', 'dropIndex', 'setRule']);
  const dbSteps = plan.steps.filter((s) => dbKinds.has(s.kind));
  const fnSteps = plan.steps.filter((s) => !dbKinds.has(s.kind));
  lines.push(
    `Database: ${declared.collections.length} collections declared in cloudfunctions/common/db/collections.ts (emulator-only ones are not deployed)`,
  );
  lines.push(...(dbSteps.length ? dbSteps.map((s) => `  ${describeStep(s)}`) : ['  (nothing to do)']));
  lines.push(`Functions: ${declared.functions.length} from cloudbaserc.json`);
  lines.push(...(fnSteps.length ? fnSteps.map((s) => `  ${describeStep(s)}`) : ['  (nothing to do)']));
  lines.push('Function variables (names only; values filled from .env are never printed):');
  for (const fn of declared.functions) lines.push(`  ${fn.name}: ${describeEnv(fn)}`);
  if (plan.notes.length) {
    lines.push('Left as they are:');
    lines.push(...plan.notes.map((n) => `  ! ${n}`));
  }
  return lines;
}
