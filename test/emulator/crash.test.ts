// Why: proves the emulator's data folder is crash-safe with a real kill -9 of the emulator process in the middle of a burst of writes: every acknowledged commit is found after a restart and none is half-written.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import tcb from '@cloudbase/node-sdk';
import { LANZHOU, idNumberFor, registrationInput } from '../helpers/emulator';
import { LOCAL_ENV_ID, pointSdkAt } from '../helpers/sdk-env';
import { phoneLookupHashUnder } from '../../cloudfunctions/common/adapters/pii-cipher';
import {
  BOOTSTRAP_TOKEN,
  SECRET_KEY,
  buildEmulator,
  callFunction,
  figuresTable,
  getJson,
  killHard,
  startChild,
  stop,
  type Child,
  type RoundFigures,
} from './crash-helpers';

const ROUNDS = 3;
const WORKERS = 12;
const report: string[] = [];
let build: string;
let base: string;
const live = new Set<Child>();
let lastKill = 0;

beforeAll(async () => {
  // The node-sdk warns about every request the kill cut off ("longer than 3s"): expected here, not news.
  const warn = console.warn.bind(console);
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).startsWith('[TCB][WARN]')) warn(...args);
  });
  build = await buildEmulator();
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'emu-crash-'));
});

afterAll(async () => {
  for (const c of live) await killHard(c);
  // The node-sdk never clears the 3 s "slow request" timer of a request that failed: let those of the last kill fire.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastKill + 3_500 - Date.now())));
  if (report.length) console.log(report.join('\n\n'));
  await fs.rm(build, { recursive: true, force: true });
  await fs.rm(base, { recursive: true, force: true });
});

async function start(data: string, env?: Record<string, string>): Promise<Child> {
  const child = await startChild(build, data, env);
  live.add(child);
  void child.exited.then(() => live.delete(child));
  return child;
}

/** Every document of a collection, by _id, read through the restarted emulator with the real node-sdk. */
async function readAll(child: Child, collection: string): Promise<Map<string, Record<string, unknown>>> {
  pointSdkAt(`${child.url}/tcb`);
  const db = tcb.init({ env: LOCAL_ENV_ID }).database();
  const out = new Map<string, Record<string, unknown>>();
  for (let skip = 0; ; skip += 1000) {
    const page = (await db.collection(collection).skip(skip).limit(1000).get()).data as Record<string, unknown>[];
    for (const d of page) out.set(String(d._id), d);
    if (page.length < 1000) return out;
  }
}

const listJournals = async (dir: string) => (await fs.readdir(dir)).filter((f) => f.endsWith('.wal'));

/** Runs `work(i)` on WORKERS concurrent loops and kill -9s the child once `killAfter` of them were acknowledged this round. */
async function burstThenKill(child: Child, next: () => number, work: (i: number) => Promise<void>, killAfter: number): Promise<void> {
  let acknowledged = 0;
  let killed = false;
  const loop = async () => {
    while (!killed) {
      const i = next();
      try {
        await work(i);
        acknowledged += 1;
        if (acknowledged >= killAfter && !killed) {
          killed = true;
          child.proc.kill('SIGKILL');
        }
      } catch (e) {
        if (!killed) {
          killed = true;
          child.proc.kill('SIGKILL');
          throw e;
        }
      }
    }
  };
  // A safety net: a burst that stalls still ends with the kill.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      killed = true;
      child.proc.kill('SIGKILL');
      reject(new Error('the burst stalled'));
    }, 60_000);
  });
  try {
    await Promise.race([Promise.all(Array.from({ length: WORKERS }, loop)), deadline]);
  } finally {
    clearTimeout(timer);
  }
  await child.exited;
  lastKill = Date.now();
}

/** What the kill left in the data folder: journals, and temp files of a checkpoint that was under way. */
async function leftAtKill(dir: string): Promise<string> {
  const files = await fs.readdir(dir);
  const journals = files.filter((f) => f.endsWith('.wal')).length;
  const temps = files.filter((f) => f.endsWith('.tmp')).length;
  return `${journals} journal${journals === 1 ? '' : 's'}${temps ? ` + ${temps} checkpoint temp file${temps === 1 ? '' : 's'}` : ''}`;
}

const TORN = 'dropped an incomplete last record';

interface Found {
  /** Writes found whole. */
  complete: number;
  /** Writes found in part, each as its label and parts. */
  half: string[];
  /** Acknowledged writes not found whole. */
  lost: number[];
}

/** Sorts the attempted writes by what a restart found of their parts: all of them, some, and acknowledged but not all. */
function sortFound(writes: { i: number; label: string; parts: boolean[] }[], acknowledged: Set<number>): Found {
  const found: Found = { complete: 0, half: [], lost: [] };
  for (const { i, label, parts } of writes) {
    if (parts.every(Boolean)) found.complete += 1;
    else if (parts.some(Boolean)) found.half.push(`${label} ${JSON.stringify(parts)}`);
    if (acknowledged.has(i) && !parts.every(Boolean)) found.lost.push(i);
  }
  return found;
}

/** A round's line of the report (cumulative counts). */
function roundFigures(round: number, attempted: number, acknowledged: number, found: Found, left: string, child: Child): RoundFigures {
  return {
    round,
    attempted,
    acknowledged,
    foundAfterRestart: found.complete,
    halfWritten: found.half.length,
    lostAcknowledged: found.lost.length,
    left,
    torn: child.output().includes(TORN),
  };
}

interface Person {
  i: number;
  openid: string;
  phone: string;
}

describe('kill -9 of the emulator process', () => {
  it('user.register (volunteer + membership + SMS code used, one transaction): acknowledged = found, none half-written', async () => {
    const data = path.join(base, 'registrations');
    // Small checkpoints: the kill also lands while journals are folded into the data files.
    const env = { EMULATOR_CHECKPOINT_BYTES: String(48 * 1024) };
    let child = await start(data, env);
    const root = await callFunction(
      child.url,
      'org',
      'bootstrapRoot',
      { name: '甘肃省科技志愿服务总队', region: LANZHOU, bootstrapToken: BOOTSTRAP_TOKEN },
      'root-leader',
    );
    if (!root.ok) throw new Error(`bootstrapRoot: ${root.code} ${root.message}`);
    const orgId = root.data.org._id;

    const attempted = new Map<number, Person>();
    const acknowledged = new Set<number>();
    const smsAcknowledged = new Set<number>();
    let counter = 0;
    const figures: RoundFigures[] = [];

    const register = async (i: number) => {
      const p: Person = { i, openid: `crash-u${i}`, phone: String(13900000000 + i) };
      const url = child.url;
      const sent = await callFunction(url, 'sms', 'send', { phone: p.phone, purpose: 'register' }, p.openid);
      if (!sent.ok) throw new Error(`sms.send: ${sent.code} ${sent.message}`);
      smsAcknowledged.add(i);
      const [sms] = await getJson<{ code: string }[]>(`${url}/_dev/sms?phone=${p.phone}`);
      attempted.set(i, p);
      const idNumber = idNumberFor(`19${70 + Math.floor(i / 999)}0101`, (i % 999) + 1);
      const r = await callFunction(
        url,
        'user',
        'register',
        { ...registrationInput({ idNumber, orgIds: [orgId] }), phone: p.phone, smsCode: sms.code },
        p.openid,
      );
      if (!r.ok) throw new Error(`user.register: ${r.code} ${r.message}`);
      acknowledged.add(i);
    };

    for (let round = 1; round <= ROUNDS; round++) {
      const ackBefore = acknowledged.size;
      await burstThenKill(child, () => counter++, register, 40 + Math.floor(Math.random() * 80));
      const left = await leftAtKill(data);
      child = await start(data, env);

      const [volunteers, memberships, codes] = await Promise.all([
        readAll(child, 'volunteers'),
        readAll(child, 'memberships'),
        readAll(child, 'sms_codes'),
      ]);
      const { complete, half, lost } = sortFound(
        [...attempted.values()].map((p) => ({
          i: p.i,
          label: p.openid,
          parts: [
            volunteers.has(p.openid),
            memberships.has(`${orgId}_${p.openid}`),
            codes.get(`register:${phoneLookupHashUnder(SECRET_KEY, p.phone)}`)?.used === true,
          ],
        })),
        acknowledged,
      );
      const smsLost = [...smsAcknowledged].filter(
        (i) => !codes.has(`register:${phoneLookupHashUnder(SECRET_KEY, String(13900000000 + i))}`),
      );
      figures.push(roundFigures(round, attempted.size, acknowledged.size, { complete, half, lost: [...lost, ...smsLost] }, left, child));
      expect(acknowledged.size).toBeGreaterThan(ackBefore);
      expect(half).toEqual([]);
      expect(lost).toEqual([]);
      expect(smsLost).toEqual([]);
      expect(volunteers.size).toBe(complete); // no volunteer from outside the burst, none without its transaction
    }

    // A clean stop folds the journal into the data files; a restart from those alone gives the same state.
    const volunteersBefore = [...(await readAll(child, 'volunteers')).keys()];
    await stop(child);
    expect(await listJournals(data)).toEqual([]);
    child = await start(data, env);
    expect([...(await readAll(child, 'volunteers')).keys()]).toEqual(volunteersBefore);
    await stop(child);
    report.push(
      figuresTable(
        `user.register burst, ${WORKERS} concurrent, kill -9 after a random number of acknowledgements (per round, cumulative):`,
        figures,
      ),
    );
  }, 240_000);

  it('3-document transactions and 3-document batch inserts through the node-sdk: all or nothing of each, every acknowledged one found', async () => {
    const data = path.join(base, 'transactions');
    let child = await start(data);
    pointSdkAt(`${child.url}/tcb`);
    const db = tcb.init({ env: LOCAL_ENV_ID }).database();
    for (const c of ['crash_a', 'crash_b', 'crash_c', 'crash_d']) await db.createCollection(c);

    const attempted = new Set<number>();
    const acknowledged = new Set<number>();
    let counter = 0;
    const figures: RoundFigures[] = [];
    const pad = 'x'.repeat(2000); // records of several KB: more room for a torn append

    const write = async (i: number) => {
      attempted.add(i);
      if (i % 2 === 0) {
        await db.runTransaction(async (tx: { collection(name: string): { add(doc: object): Promise<unknown> } }) => {
          await tx.collection('crash_a').add({ _id: `t${i}`, i, pad });
          await tx.collection('crash_b').add({ _id: `t${i}`, i, pad });
          await tx.collection('crash_c').add({ _id: `t${i}`, i, at: new Date() });
        });
      } else {
        await db.collection('crash_d').add([1, 2, 3].map((k) => ({ _id: `b${i}-${k}`, i, pad })));
      }
      acknowledged.add(i);
    };

    for (let round = 1; round <= ROUNDS; round++) {
      const ackBefore = acknowledged.size;
      await burstThenKill(child, () => counter++, write, 100 + Math.floor(Math.random() * 200));
      const left = await leftAtKill(data);
      child = await start(data);
      const [a, b, c, d] = await Promise.all(['crash_a', 'crash_b', 'crash_c', 'crash_d'].map((name) => readAll(child, name)));
      const writes = [...attempted].map((i) => ({
        i,
        label: String(i),
        parts: i % 2 === 0 ? [a.has(`t${i}`), b.has(`t${i}`), c.has(`t${i}`)] : [1, 2, 3].map((k) => d.has(`b${i}-${k}`)),
      }));
      const { complete, half, lost } = sortFound(writes, acknowledged);
      const transactions = writes.filter((w) => w.i % 2 === 0 && w.parts.every(Boolean)).length;
      figures.push(roundFigures(round, attempted.size, acknowledged.size, { complete, half, lost }, left, child));
      expect(acknowledged.size).toBeGreaterThan(ackBefore);
      expect(half).toEqual([]);
      expect(lost).toEqual([]);
      // Nothing but whole commits of this burst.
      for (const coll of [a, b, c]) expect(coll.size).toBe(transactions);
      expect(d.size).toBe(3 * (complete - transactions));
    }
    await stop(child);
    expect(await listJournals(data)).toEqual([]);
    report.push(
      figuresTable(
        `node-sdk burst (transactions and batch inserts of 3 documents), ${WORKERS} concurrent, kill -9 mid-burst (cumulative):`,
        figures,
      ),
    );
  }, 240_000);
});
