// The CloudBase SDK, initialised once per instance; the caller's identity comes from the WeChat context only.
import tcb from '@cloudbase/node-sdk';

type App = ReturnType<typeof tcb.init>;
let app: App | undefined;

export function cloudApp(): App {
  if (!app) app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return app;
}

export function database() {
  return cloudApp().database();
}
export type Database = ReturnType<typeof database>;
/** What a transaction callback receives: collections whose document operations run inside the transaction. */
export interface Tx {
  collection(name: string): ReturnType<Database['collection']>;
}

/** The openid WeChat attached to this invocation, or undefined (e.g. a timer trigger). */
export function callerOpenid(context: unknown): string | undefined {
  if (!context || typeof context !== 'object') return undefined;
  try {
    const ctx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) as { WX_OPENID?: string };
    return typeof ctx.WX_OPENID === 'string' && ctx.WX_OPENID.length > 0 ? ctx.WX_OPENID : undefined;
  } catch {
    return undefined;
  }
}
