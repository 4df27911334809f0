// Throughput of the emulator database on disk (journal, fsync per group commit) or in memory: 2,000 SDK inserts one at a
// time and 100 in flight, 500 three-document transactions 50 in flight, and the reload time of what was written.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import tcb from '@cloudbase/node-sdk';
import { createDatabase, createDatabaseServer } from '../../emulator/db';
import { LOCAL_ENV_ID, pointSdkAt } from '../../test/helpers/sdk-env';

export async function runPersist(mode: 'disk' | 'memory'): Promise<void> {
  const data = mode === 'memory' ? 'memory' : await fs.mkdtemp(path.join(os.tmpdir(), 'emu-bench-'));
  const engine = await createDatabase({ data, collections: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
  const server = await createDatabaseServer(engine, 0);
  pointSdkAt(server.url);
  const db = tcb.init({ env: LOCAL_ENV_ID }).database();
  const doc = (i: number) => ({
    n: i,
    name: `志愿者${i}`,
    at: new Date(),
    tags: ['x', 'y'],
    nested: { a: i, b: 'hello world '.repeat(5) },
  });
  const N = 2000;
  let t = Date.now();
  for (let i = 0; i < N; i++) await db.collection('a').add(doc(i));
  const seq = Date.now() - t;
  t = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      while (next < N) {
        const i = next++;
        await db.collection('b').add(doc(i));
      }
    }),
  );
  const par = Date.now() - t;
  t = Date.now();
  next = 0;
  const T = 500;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < T) {
        const i = next++;
        await db.runTransaction(async (tx: { collection(name: string): { add(d: object): Promise<unknown> } }) => {
          await tx.collection('c').add({ _id: `t${i}-1`, i });
          await tx.collection('c').add({ _id: `t${i}-2`, i });
          await tx.collection('a').add({ _id: `t${i}-3`, i });
        });
      }
    }),
  );
  const txs = Date.now() - t;
  const line = (label: string, ms: number, n: number) =>
    `${label.padEnd(34)} ${String(ms).padStart(6)} ms  ${Math.round((n * 1000) / ms)}/s`;
  console.log(
    [
      `data: ${data}`,
      line(`${N} inserts, sequential`, seq, N),
      line(`${N} inserts, 100 in flight`, par, N),
      line(`${T} transactions (3 docs), 50 in flight`, txs, T),
    ].join('\n'),
  );
  t = Date.now();
  await server.close();
  await engine.close();
  console.log(`close: ${Date.now() - t} ms`);
  if (data !== 'memory') {
    t = Date.now();
    const again = await createDatabase({ data, collections: [] });
    console.log(
      `reload: ${Date.now() - t} ms, a=${(await again.find('a')).length} b=${(await again.find('b')).length} c=${(await again.find('c')).length}`,
    );
    await again.close();
    await fs.rm(data, { recursive: true, force: true });
  }
}
