// The functions gateway: runs main(event, context) in-process with the caller's openid in context.environ.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { FUNCTION_NAMES, type FunctionName } from '@contract/functions';

export type { FunctionName };

type Main = (event: unknown, context: unknown) => Promise<unknown>;
export type FunctionLoader = (name: FunctionName) => Main;

/** Loads the esbuild bundles (cloudfunctions/<fn>/index.js), as CloudBase would run them. */
export function builtFunctionLoader(root: string): FunctionLoader {
  return (name) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(root, 'cloudfunctions', name, 'index.js')) as { main?: Main };
    if (typeof mod.main !== 'function') throw new Error(`cloudfunctions/${name}/index.js exports no main()`);
    return mod.main;
  };
}

export const WX_APPID = 'wx-local-emulator';

export function createGateway(load: FunctionLoader) {
  const loaded = new Map<FunctionName, Main>();
  const calls: Record<string, number> = {};
  return {
    isFunction(name: string): name is FunctionName {
      return (FUNCTION_NAMES as readonly string[]).includes(name);
    },
    async invoke(name: FunctionName, event: unknown, openid?: string): Promise<unknown> {
      let main = loaded.get(name);
      if (!main) {
        main = load(name);
        loaded.set(name, main);
      }
      calls[name] = (calls[name] ?? 0) + 1;
      // A fresh context per call: concurrent calls never share an identity.
      const environ = [`WX_OPENID=${openid ?? ''}`, `WX_APPID=${WX_APPID}`, 'WX_UNIONID=', `TCB_ENV=${process.env.TCB_ENV ?? ''}`].join(
        ';',
      );
      const context = {
        request_id: randomUUID(),
        function_name: name,
        function_version: '$LATEST',
        namespace: process.env.SCF_NAMESPACE ?? 'local-dev',
        memory_limit_in_mb: 256,
        time_limit_in_ms: 20000,
        environ,
      };
      return main(event, context);
    },
    stats: () => ({ ...calls }),
    resetStats: () => {
      for (const k of Object.keys(calls)) delete calls[k];
    },
  };
}
export type Gateway = ReturnType<typeof createGateway>;
