// The emulator's gateway and dev endpoints: identity per call, errors as answers, clock, stats, reset, seed, built bundles.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { registerVolunteer, bootstrapRoot, ROOT, TEST_BOOTSTRAP_TOKEN, TEST_SECRET_KEY, useTestEmulator } from '../helpers/emulator';
import { startEmulator } from '../../emulator/server';

const t = useTestEmulator();

describe('functions gateway', () => {
  it('gives each concurrent call its own caller', async () => {
    const root = await bootstrapRoot(t);
    const openids = Array.from({ length: 8 }, (_, i) => `conc-${i}`);
    for (const [i, openid] of openids.entries()) {
      const { idNumberFor } = await import('../helpers/emulator');
      const r = await registerVolunteer(t, openid, `1370000000${i}`, {
        orgIds: [root._id],
        idNumber: idNumberFor('19900101', 100 + i * 2),
        realName: `志愿者${'甲乙丙丁戊己庚辛'[i]}`,
      });
      expect(r.ok).toBe(true);
    }
    const answers = await Promise.all(openids.map((openid) => t.call('user', 'me', {}, openid)));
    answers.forEach((a, i) => expect(a).toMatchObject({ ok: true, data: { volunteer: { openid: openids[i] } } }));
  });

  it('every answer, ok or not, carries the server’s clock: the app takes today from it, never from the phone', async () => {
    await t.setClock('2028-02-29T15:59:30Z');
    for (const event of [{ action: 'me' }, { action: 'fly' }]) {
      const res = await fetch(`${t.url}/functions/user`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': 'nobody' },
        body: JSON.stringify(event),
      });
      const body = (await res.json()) as { ok: boolean; serverTime?: string };
      expect(body.ok).toBe(false);
      expect(Math.abs(Date.parse(body.serverTime ?? '') - Date.parse('2028-02-29T15:59:30Z'))).toBeLessThan(5000);
    }
  });

  it('answers UNKNOWN_ACTION for an action the function does not have', async () => {
    // Actions the contract does not have: sent untyped.
    expect(await t.callRaw('user', 'fly', {}, 'x')).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    expect(await t.callRaw('activity', 'fly', {}, 'x')).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  });

  it('refuses a body that is not JSON and an openid that could forge the context', async () => {
    const res = await fetch(`${t.url}/functions/user`, { method: 'POST', body: '{nope' });
    expect(res.status).toBe(400);
    const forged = await fetch(`${t.url}/functions/user`, {
      method: 'POST',
      headers: { 'x-wx-openid': 'a;WX_OPENID=b' },
      body: '{"action":"me"}',
    });
    expect(forged.status).toBe(400);
    expect((await fetch(`${t.url}/functions/nosuch`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('dev endpoints', () => {
  it('health, clock set and cleared', async () => {
    expect(await t.dev('GET', '/_dev/health')).toMatchObject({ ok: true });
    const set = await t.dev<{ now: string }>('POST', '/_dev/clock', { now: '2030-01-01T00:00:00Z' });
    expect(Math.abs(Date.parse(set.now) - Date.parse('2030-01-01T00:00:00Z'))).toBeLessThan(1000);
    const cleared = await t.dev<{ now: string }>('DELETE', '/_dev/clock');
    expect(Math.abs(Date.parse(cleared.now) - Date.now())).toBeLessThan(1000);
    const bad = await fetch(`${t.url}/_dev/clock`, { method: 'POST', body: '{"now":"soon"}' });
    expect(bad.status).toBe(400);
  });

  it('stats count database requests per action and calls per function', async () => {
    await t.dev('DELETE', '/_dev/stats');
    await t.call('user', 'me', {}, 'nobody');
    const stats = await t.dev<{ database: Record<string, number>; functions: Record<string, number> }>('GET', '/_dev/stats');
    expect(stats.functions).toEqual({ user: 1 });
    expect(stats.database['database.getDocument']).toBe(1);
  });

  it('seed creates the demo tree and identities once', async () => {
    const first = await t.dev<{ seeded: boolean; identities: { openid: string }[] }>('POST', '/_dev/seed');
    expect(first.seeded).toBe(true);
    expect(first.identities.map((i) => i.openid)).toContain('demo-admin');
    expect((await t.dev<{ seeded: boolean }>('POST', '/_dev/seed')).seeded).toBe(false);
    const orgs = await t.call('org', 'search', {});
    expect(orgs.ok && orgs.data.total).toBe(3);
    const me = await t.call('user', 'me', {}, 'demo-admin');
    expect(me).toMatchObject({
      ok: true,
      data: { memberships: [{ orgName: '兰州市科技志愿服务支队', role: 'admin', status: 'approved' }] },
    });
    // Every demo person's ID number records the sex shown (17th digit odd for men), 李敏's a woman's.
    expect(me).toMatchObject({ ok: true, data: { volunteer: { realName: '李敏', gender: 'female', birthDate: '1988-05-21' } } });
    const volunteers = await t.emu.db.find('volunteers', {});
    expect(volunteers.map((v) => [v.realName, Number(v.idNumberMasked[16]) % 2 === 1 ? 'male' : 'female'])).toEqual(
      volunteers.map((v) => [v.realName, v.gender]),
    );
    expect((await t.dev<unknown[]>('GET', '/_dev/identities')).length).toBe(6);

    // 供需对接: a need in every state; the demo leader sees each box filled.
    const boxes = ['toDispatch', 'toAccept', 'handling', 'done'] as const;
    const progress: Record<string, string[]> = {};
    for (const box of boxes) {
      const r = await t.call('need', 'inbox', { box }, 'demo-leader');
      if (!r.ok) throw new Error(`need.inbox: ${r.code}`);
      expect(r.data.counts).toEqual({ toDispatch: 1, toAccept: 1 });
      progress[box] = r.data.items.map((n) => n.progress).sort();
    }
    expect(progress).toEqual({
      toDispatch: ['待响应'],
      toAccept: ['已派单'],
      handling: ['已接单', '已派单', '待评价', '服务中'],
      done: ['已关闭', '已完成'],
    });
    const square = await t.call('need', 'square', {}, 'demo-admin');
    expect(square.ok && square.data.items.map((n) => n.title)).toEqual(['老年人防范电信诈骗科普讲座']);
    const home = await t.call('user', 'home', {}, 'demo-leader');
    expect(home.ok && home.data.todo?.needs).toBe(2);

    // 培训: a past one with three attendees, one today; 投诉: one about 兰州支队 waiting for the 总队.
    const lanzhou = (await t.emu.db.find('orgs', { name: '兰州市科技志愿服务支队' }))[0] as { _id: string } | undefined;
    const trainings = await t.call('record', 'trainings', { orgId: lanzhou?._id ?? '' }, 'demo-admin');
    expect(trainings.ok && trainings.data.items.map((x) => [x.title, x.traineeCount])).toEqual([
      ['冬季户外活动安全培训', 0],
      ['新志愿者岗前培训', 3],
    ]);
    const mine = await t.call('record', 'myTrainings', {}, 'demo-vol1');
    expect(mine.ok && mine.data.totalHours).toBe(2);
    const complaints = await t.call('org', 'complaintInbox', {}, 'demo-leader');
    expect(complaints.ok && complaints.data.items.map((c) => c.targetOrgName)).toEqual(['兰州市科技志愿服务支队']);
  });
});

describe('built bundles', () => {
  it('the esbuild bundle of each function runs in the gateway like the source', async () => {
    execFileSync('node', [path.join(ROOT, 'scripts/build-functions.mjs'), 'user', 'org', 'sms'], { stdio: 'pipe' });
    const emu = await startEmulator({
      port: 0,
      data: 'memory',
      root: ROOT,
      functionEnv: { APP_SECRET_KEY: TEST_SECRET_KEY, BOOTSTRAP_TOKEN: TEST_BOOTSTRAP_TOKEN },
    });
    try {
      expect(await emu.call('user', { action: 'me' }, 'someone')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
      expect(await emu.call('sms', { action: 'send', phone: '13600000000', purpose: 'register' }, 'someone')).toMatchObject({ ok: true });
    } finally {
      await emu.close();
      // The shared test emulator's SDK endpoint was re-pointed by the second emulator: restore it.
      process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${t.url}/tcb` });
    }
  });
});
