// An in-memory stand-in for the manager-node methods the deploy calls: records each request, and changes its state as CloudBase would.
import type { ManagerClient, SdkFunction, SdkFunctionConfig } from '../../../scripts/deploy/apply';
import type { TriggerDecl } from '../../../scripts/deploy/config';

export interface Call {
  method: string;
  args: unknown[];
}

interface FakeIndex {
  Name: string;
  Keys: Array<{ Name: string; Direction: string }>;
  Unique: boolean;
}

interface FakeFunction {
  Runtime: string;
  Handler: string;
  Timeout: number;
  MemorySize: number;
  Variables: Array<{ Key: string; Value: string }>;
  Triggers: Array<{ TriggerName: string; Type: string; TriggerDesc: string }>;
}

/** Read-only calls: the ones an up-to-date environment still receives. */
export const READS = new Set([
  'database.listCollections',
  'database.describeCollection',
  'functions.listFunctions',
  'functions.getFunctionDetail',
  'tcb.DescribeSafeRule',
  'functions.waitFunctionActive',
]);

export class FakeCloudBase implements ManagerClient {
  calls: Call[] = [];
  collections = new Map<string, { indexes: FakeIndex[]; rule: { AclTag: string; Rule?: string } }>();
  fns = new Map<string, FakeFunction>();

  private record(method: string, ...args: unknown[]): void {
    // Deep copies: the assertions see the request as it was sent.
    this.calls.push({ method, args: JSON.parse(JSON.stringify(args)) as unknown[] });
  }

  /** The calls that change something. */
  writes(): Call[] {
    return this.calls.filter((c) => !READS.has(c.method));
  }

  private table(name: string) {
    const t = this.collections.get(name);
    if (!t) throw Object.assign(new Error(`collection ${name} does not exist`), { code: 'ResourceNotFound' });
    return t;
  }

  database: ManagerClient['database'] = {
    listCollections: async (options) => {
      this.record('database.listCollections', options);
      const all = [...this.collections.keys()].map((CollectionName) => ({ CollectionName }));
      const offset = options?.MgoOffset ?? 0;
      const limit = options?.MgoLimit ?? 100;
      return { Collections: all.slice(offset, offset + limit), Pager: { Total: all.length } };
    },
    describeCollection: async (name) => {
      this.record('database.describeCollection', name);
      const t = this.table(name);
      return { Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }, ...t.indexes] };
    },
    createCollectionIfNotExists: async (name) => {
      this.record('database.createCollectionIfNotExists', name);
      if (this.collections.has(name)) return { IsCreated: false };
      // A new collection's default permission: only its creator reads and writes (PRIVATE).
      this.collections.set(name, { indexes: [], rule: { AclTag: 'PRIVATE' } });
      return { IsCreated: true };
    },
    updateCollection: async (name, info) => {
      this.record('database.updateCollection', name, info);
      const t = this.table(name);
      for (const drop of info.DropIndexes ?? []) t.indexes = t.indexes.filter((i) => i.Name !== drop.IndexName);
      for (const create of info.CreateIndexes ?? []) {
        if (t.indexes.some((i) => i.Name === create.IndexName))
          throw Object.assign(new Error(`index ${create.IndexName} exists`), { code: 'ResourceInUse' });
        t.indexes.push({
          Name: create.IndexName,
          Keys: create.MgoKeySchema.MgoIndexKeys.map((k) => ({ ...k })),
          Unique: create.MgoKeySchema.MgoIsUnique,
        });
      }
      return { RequestId: 'r' };
    },
  };

  functions: ManagerClient['functions'] = {
    listFunctions: async (limit = 20, offset = 0) => {
      this.record('functions.listFunctions', limit, offset);
      return [...this.fns.keys()].slice(offset, offset + limit).map((FunctionName) => ({ FunctionName, Status: 'Active' }));
    },
    getFunctionDetail: async (name) => {
      this.record('functions.getFunctionDetail', name);
      const f = this.fns.get(name);
      if (!f) throw Object.assign(new Error(`function ${name} not found`), { code: 'ResourceNotFound.Function' });
      return {
        Runtime: f.Runtime,
        Handler: f.Handler,
        Timeout: f.Timeout,
        MemorySize: f.MemorySize,
        Environment: { Variables: f.Variables },
        Triggers: f.Triggers,
      };
    },
    createFunction: async (param) => {
      this.record('functions.createFunction', param);
      const func: SdkFunction = param.func;
      if (this.fns.has(func.name)) throw Object.assign(new Error('exists'), { code: 'ResourceInUse.Function' });
      this.fns.set(func.name, {
        Runtime: func.runtime,
        Handler: func.handler,
        Timeout: func.timeout,
        MemorySize: func.memorySize,
        Variables: Object.entries(func.envVariables).map(([Key, Value]) => ({ Key, Value })),
        Triggers: [],
      });
    },
    updateFunctionCode: async (param) => {
      this.record('functions.updateFunctionCode', param);
      const f = this.fns.get(param.func.name);
      if (!f) throw new Error('no such function');
      f.Handler = param.func.handler;
    },
    updateFunctionConfig: async (func: SdkFunctionConfig) => {
      this.record('functions.updateFunctionConfig', func);
      const f = this.fns.get(func.name);
      if (!f) throw new Error('no such function');
      f.Timeout = func.timeout;
      f.MemorySize = func.memorySize;
      // Environment is replaced as a whole (manager-node: 覆盖式修改).
      f.Variables = Object.entries(func.envVariables).map(([Key, Value]) => ({ Key, Value }));
    },
    waitFunctionActive: async (name) => {
      this.record('functions.waitFunctionActive', name);
    },
    createFunctionTriggers: async (name, triggers: TriggerDecl[]) => {
      this.record('functions.createFunctionTriggers', name, triggers);
      const f = this.fns.get(name);
      if (!f) throw new Error('no such function');
      for (const t of triggers) {
        if (f.Triggers.some((x) => x.TriggerName === t.name))
          throw Object.assign(new Error('trigger exists'), { code: 'ResourceInUse.Trigger' });
        f.Triggers.push({ TriggerName: t.name, Type: t.type, TriggerDesc: JSON.stringify({ cron: t.config }) });
      }
    },
    deleteFunctionTrigger: async (name, triggerName) => {
      this.record('functions.deleteFunctionTrigger', name, triggerName);
      const f = this.fns.get(name);
      if (f) f.Triggers = f.Triggers.filter((t) => t.TriggerName !== triggerName);
    },
  };

  commonService(service = 'tcb') {
    return {
      call: async ({ Action, Param }: { Action: string; Param: Record<string, unknown> }) => {
        this.record(`${service}.${Action}`, Param);
        const t = this.table(String(Param.CollectionName));
        if (Action === 'DescribeSafeRule') return { AclTag: t.rule.AclTag, Rule: t.rule.Rule ?? null, RequestId: 'r' };
        if (Action === 'ModifySafeRule') {
          t.rule = { AclTag: String(Param.AclTag), Rule: Param.Rule as string | undefined };
          return { RequestId: 'r' };
        }
        throw new Error(`unexpected action ${Action}`);
      },
    };
  }
}
