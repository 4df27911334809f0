// The deploy executor: reads CloudBase state and carries out a plan through @cloudbase/manager-node (only the methods below).
import type { CreateIndex, DropIndex } from '@cloudbase/manager-node/types/interfaces';
import type { IndexDecl } from '../../cloudfunctions/common/db/collections';
import { resolvedEnv, type FunctionDecl, type TriggerDecl } from './config';
import {
  indexKeys,
  type DeclaredState,
  type ObservedCollection,
  type ObservedFunction,
  type ObservedIndex,
  type ObservedState,
  type Plan,
  type Step,
  describeStep,
} from './plan';

/**
 * The part of a manager-node `CloudBase` instance the deploy calls. `nodeIo().createClient` in main.ts returns a real
 * `new CloudBase(...)` typed as this, so the compiler checks these signatures against the SDK's own declarations.
 */
export interface ManagerClient {
  database: {
    listCollections(options?: {
      MgoLimit?: number;
      MgoOffset?: number;
    }): Promise<{ Collections: Array<{ CollectionName: string }>; Pager?: { Total: number } }>;
    describeCollection(
      name: string,
    ): Promise<{ Indexes?: Array<{ Name: string; Keys?: Array<{ Name?: string; Direction?: string }>; Unique?: boolean }> }>;
    createCollectionIfNotExists(name: string): Promise<{ IsCreated: boolean }>;
    updateCollection(name: string, indexes: { CreateIndexes?: CreateIndex[]; DropIndexes?: DropIndex[] }): Promise<unknown>;
  };
  functions: {
    listFunctions(limit?: number, offset?: number): Promise<Array<Record<string, string>>>;
    getFunctionDetail(name: string): Promise<{
      Runtime: string;
      Handler: string;
      Timeout: number;
      MemorySize: number;
      Environment?: { Variables?: Array<{ Key: string; Value: string }> };
      Triggers?: Array<{ TriggerName?: string; Name?: string; Type: string; TriggerDesc?: string; Config?: string }>;
    }>;
    createFunction(param: { func: SdkFunction; functionRootPath: string; force?: boolean }): Promise<unknown>;
    updateFunctionCode(param: { func: SdkFunction; functionRootPath: string }): Promise<unknown>;
    updateFunctionConfig(func: SdkFunctionConfig): Promise<unknown>;
    waitFunctionActive(name: string): Promise<void>;
    createFunctionTriggers(name: string, triggers: TriggerDecl[]): Promise<unknown>;
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
  };
  commonService(
    service?: string,
    version?: string,
  ): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<{ AclTag?: unknown; Rule?: unknown } | undefined> };
}

/** manager-node's ICloudFunction, as much of it as the deploy sets (no triggers: those are separate steps). */
export interface SdkFunction {
  name: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  envVariables: Record<string, string>;
  /** Globs inside the function folder left out of the zip: the TypeScript entry and the (large) source maps. */
  ignore: string[];
}

export type SdkFunctionConfig = Pick<SdkFunction, 'name' | 'timeout' | 'memorySize' | 'installDependency' | 'envVariables'>;

export const PACKAGE_IGNORE = ['index.ts', '*.map'];

export const toSdkFunction = (fn: FunctionDecl): SdkFunction => ({
  name: fn.name,
  runtime: fn.runtime,
  handler: fn.handler,
  timeout: fn.timeout,
  memorySize: fn.memorySize,
  installDependency: fn.installDependency,
  envVariables: resolvedEnv(fn),
  ignore: PACKAGE_IGNORE,
});

/** CreateIndexes entry of UpdateTable: MgoKeySchema.MgoIndexKeys[].Direction is "1", "-1" or "2dsphere". */
export const createIndexRequest = (index: IndexDecl): CreateIndex => ({
  IndexName: index.name,
  MgoKeySchema: {
    MgoIndexKeys: indexKeys(index).map((k) => ({ Name: k.field, Direction: k.direction })),
    MgoIsUnique: index.unique ?? false,
  },
});

/** tcb 2018-06-08 ModifySafeRule: AclTag CUSTOM with the rule as a JSON string. */
export const safeRuleRequest = (envId: string, collection: string, rule: { read: unknown; write: unknown }) => ({
  Action: 'ModifySafeRule',
  Param: { EnvId: envId, CollectionName: collection, AclTag: 'CUSTOM', Rule: JSON.stringify(rule) },
});

const PAGE = 100;

/** A timer trigger's TriggerDesc may come back as the cron itself or as `{"cron": "..."}`. */
function triggerConfig(desc: string | undefined): string {
  if (!desc) return '';
  try {
    const parsed = JSON.parse(desc) as { cron?: unknown };
    if (parsed && typeof parsed.cron === 'string') return parsed.cron;
  } catch {
    // not JSON: the cron expression itself
  }
  return desc;
}

/** tcb DescribeSafeRule → {AclTag, Rule}. Unreadable counts as unknown: the rule is then set, and that call reports any real error. */
async function describeRule(client: ManagerClient, envId: string, collection: string): Promise<ObservedCollection['rule']> {
  try {
    const res = await client.commonService('tcb').call({ Action: 'DescribeSafeRule', Param: { EnvId: envId, CollectionName: collection } });
    return res?.AclTag ? { aclTag: String(res.AclTag), rule: typeof res.Rule === 'string' ? res.Rule : undefined } : undefined;
  } catch {
    return undefined;
  }
}

/** Reads what exists of the declared collections and functions (read-only calls). */
export async function observe(client: ManagerClient, declared: DeclaredState, envId: string): Promise<ObservedState> {
  const observed: ObservedState = { collections: {}, functions: {} };

  const collectionNames = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const res = await client.database.listCollections({ MgoOffset: offset, MgoLimit: PAGE });
    for (const c of res.Collections ?? []) collectionNames.add(c.CollectionName);
    if ((res.Collections ?? []).length < PAGE || (res.Pager && offset + PAGE >= res.Pager.Total)) break;
  }
  for (const c of declared.collections) {
    if (!collectionNames.has(c.name)) continue;
    const table = await client.database.describeCollection(c.name);
    const indexes: ObservedIndex[] = (table.Indexes ?? []).map((i) => ({
      name: i.Name,
      keys: (i.Keys ?? []).map((k) => ({ field: k.Name ?? '', direction: String(k.Direction ?? '') })),
      unique: i.Unique ?? false,
    }));
    observed.collections[c.name] = { indexes, rule: await describeRule(client, envId, c.name) };
  }

  const functionNames = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await client.functions.listFunctions(PAGE, offset);
    for (const f of page) functionNames.add(f.FunctionName);
    if (page.length < PAGE) break;
  }
  for (const fn of declared.functions) {
    if (!functionNames.has(fn.name)) continue;
    const d = await client.functions.getFunctionDetail(fn.name);
    const f: ObservedFunction = {
      runtime: d.Runtime,
      handler: d.Handler,
      timeout: d.Timeout,
      memorySize: d.MemorySize,
      env: Object.fromEntries((d.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
      triggers: (d.Triggers ?? []).map((t) => ({
        name: t.TriggerName ?? t.Name ?? '',
        type: t.Type,
        config: triggerConfig(t.TriggerDesc ?? t.Config),
      })),
    };
    observed.functions[fn.name] = f;
  }
  return observed;
}

export interface ApplyContext {
  envId: string;
  /** Absolute path of cloudbaserc.json's functionRoot (each function is its folder there, built beforehand). */
  functionRootPath: string;
  log(line: string): void;
}

async function applyStep(client: ManagerClient, step: Step, ctx: ApplyContext): Promise<void> {
  const { database: db, functions: fns } = client;
  switch (step.kind) {
    case 'createCollection':
      await db.createCollectionIfNotExists(step.collection);
      return;
    case 'createIndex':
      await db.updateCollection(step.collection, { CreateIndexes: [createIndexRequest(step.index)] });
      return;
    case 'dropIndex':
      await db.updateCollection(step.collection, { DropIndexes: [{ IndexName: step.index }] });
      return;
    case 'setRule':
      await client.commonService('tcb').call(safeRuleRequest(ctx.envId, step.collection, step.rule));
      return;
    case 'createFunction':
      // createFunction waits until the function is Active before it returns.
      await fns.createFunction({ func: toSdkFunction(step.fn), functionRootPath: ctx.functionRootPath, force: false });
      return;
    case 'updateFunctionCode':
      await fns.updateFunctionCode({ func: toSdkFunction(step.fn), functionRootPath: ctx.functionRootPath });
      // A function accepts no configuration change while its new code is Updating.
      await fns.waitFunctionActive(step.fn.name);
      return;
    case 'updateFunctionConfig': {
      const { name, timeout, memorySize, installDependency, envVariables } = toSdkFunction(step.fn);
      await fns.updateFunctionConfig({ name, timeout, memorySize, installDependency, envVariables });
      await fns.waitFunctionActive(step.fn.name);
      return;
    }
    case 'createTrigger':
      await fns.createFunctionTriggers(step.fn, [step.trigger]);
      return;
    case 'deleteTrigger':
      await fns.deleteFunctionTrigger(step.fn, step.trigger);
      return;
  }
}

/** Carries out the steps in order; the first failure stops the run (rerunning plans only what is still missing). */
export async function applyPlan(client: ManagerClient, plan: Plan, ctx: ApplyContext): Promise<void> {
  for (const [i, step] of plan.steps.entries()) {
    ctx.log(`[${i + 1}/${plan.steps.length}] ${describeStep(step)}`);
    try {
      await applyStep(client, step, ctx);
    } catch (e) {
      const err = e as { message?: string; code?: unknown; requestId?: unknown };
      const detail = [err.code ? `code ${String(err.code)}` : '', err.requestId ? `requestId ${String(err.requestId)}` : '']
        .filter(Boolean)
        .join(', ');
      throw new Error(`step ${i + 1} failed: ${describeStep(step)}\n  ${err.message ?? String(e)}${detail ? ` (${detail})` : ''}`);
    }
  }
}
