// Why: one way for the emulator conformance tests to start an in-memory engine + HTTP server and drive it through the real node-sdk.
import tcb from '@cloudbase/node-sdk';
import { createDatabase, createDatabaseServer, type CollectionSpec, type DatabaseEngine } from '../../emulator/db';
import { LOCAL_ENV_ID, pointSdkAt } from '../helpers/sdk-env';

export type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

export interface EmulatorHarness {
  engine: DatabaseEngine;
  db: Db;
  _: Db['command'];
  $: Db['command']['aggregate'];
  url: string;
  /** One raw request to the server (bypassing the SDK), answered as parsed JSON. */
  raw(body: object): Promise<Record<string, unknown>>;
  /** Seeds a collection through the SDK (add), returning the ids. */
  seed(collection: string, docs: object[]): Promise<unknown[]>;
  close(): Promise<void>;
}

export async function startHarness(opts: { now?: () => Date; collections?: CollectionSpec[] } = {}): Promise<EmulatorHarness> {
  const engine = await createDatabase({ data: 'memory', now: opts.now, collections: opts.collections });
  const server = await createDatabaseServer(engine, 0);
  pointSdkAt(server.url);
  const db = tcb.init({ env: LOCAL_ENV_ID }).database();
  const raw = async (body: object) => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return res.json();
  };
  return {
    engine,
    db,
    _: db.command,
    $: db.command.aggregate,
    url: server.url,
    raw,
    async seed(collection, docs) {
      const res = await db.collection(collection).add(docs);
      return (res as { ids: unknown[] }).ids;
    },
    async close() {
      await server.close();
      await engine.close();
    },
  };
}

/** Every own key of Object.prototype (and a few other shared prototypes), to check nothing was added to them. */
export function prototypeKeys(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Date.prototype].map((p) =>
    Object.getOwnPropertyNames(p).sort().join(','),
  );
}
