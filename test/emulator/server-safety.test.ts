// The emulator is safe to leave running on a laptop: other web origins and DNS-rebound hosts are refused (no CORS
// grant), the h5 app served same-origin keeps working, and the dev key never sits in the data folder it protects.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { refusal } from '../../emulator/origin-guard';
import { devSecrets, secretsFileFor } from '../../emulator/dev-secrets';
import { useTestEmulator } from '../helpers/emulator';

const t = useTestEmulator();

/** A raw request with the Host and Origin a browser (or a rebinding attacker's page) would send. */
function request(
  method: string,
  route: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: route, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('cross-origin requests', () => {
  it('a page on another origin cannot call a function, read SMS codes or move the clock; nothing runs and no CORS grant is given', async () => {
    const host = new URL(t.url).host;
    await t.dev('DELETE', '/_dev/stats');
    const evil = { host, origin: 'https://evil.example' };
    const call = await request('POST', '/functions/user', { ...evil, 'x-wx-openid': 'victim' }, '{"action":"me"}');
    expect(call.status).toBe(403);
    expect(call.headers['access-control-allow-origin']).toBeUndefined();
    expect(JSON.parse(call.body)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('cross-origin') });
    const preflight = await request('OPTIONS', '/tcb', { ...evil, 'access-control-request-method': 'POST' });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect((await request('GET', '/_dev/sms?phone=13900000001', evil)).status).toBe(403);
    expect((await request('POST', '/_dev/clock', evil, '{"now":"2030-01-01T00:00:00Z"}')).status).toBe(403);
    expect((await request('POST', '/tcb', evil, '{"action":"database.getDocument","collectionName":"volunteers"}')).status).toBe(403);
    const stats = await t.dev<{ functions: Record<string, number>; database: Record<string, number> }>('GET', '/_dev/stats');
    expect(stats.functions).toEqual({});
    expect(stats.database).toEqual({});
  });

  it('DNS rebinding: a request whose Host names another site is refused even without an Origin (a same-origin GET)', async () => {
    const { port } = new URL(t.url);
    expect((await request('GET', '/_dev/sms?phone=13900000001', { host: `rebind.evil.example:${port}` })).status).toBe(403);
    expect((await request('GET', '/_dev/health', { host: `127.0.0.1:${Number(port) + 1}` })).status).toBe(403);
  });

  it('the h5 app served by the emulator (same origin) and clients without an Origin (node-sdk, DevTools) work', async () => {
    const host = new URL(t.url).host;
    const same = await request('POST', '/functions/user', { host, origin: `http://${host}`, 'x-wx-openid': 'nobody' }, '{"action":"me"}');
    expect(same.status).toBe(200);
    expect(JSON.parse(same.body)).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
    expect((await request('GET', '/_dev/health', { host })).status).toBe(200);
    expect(
      (
        await request('GET', '/_dev/health', {
          host: host.replace('127.0.0.1', 'localhost'),
          origin: `http://${host.replace('127.0.0.1', 'localhost')}`,
        })
      ).status,
    ).toBe(200);
  });

  it('the rule itself: loopback names on this port, an explicit extra host, nothing else', () => {
    expect(refusal({ host: 'localhost:8787' }, 8787)).toBeNull();
    expect(refusal({ host: '[::1]:8787', origin: 'http://[::1]:8787' }, 8787)).toBeNull();
    expect(refusal({ host: '127.0.0.1:8787', origin: 'http://localhost:8787' }, 8787)).toMatch(/cross-origin/);
    expect(refusal({ host: '127.0.0.1:8787', origin: 'null' }, 8787)).toMatch(/not allowed|cross-origin/);
    expect(refusal({ host: '192.168.1.5:8787' }, 8787)).toMatch(/not this machine/);
    expect(
      refusal({ host: '192.168.1.5:8787' }, 8787, { EMULATOR_ALLOWED_HOSTS: '192.168.1.5' } as unknown as NodeJS.ProcessEnv),
    ).toBeNull();
    expect(refusal({}, 8787)).toMatch(/not this machine/);
  });
});

describe('dev secrets', () => {
  it('live outside the data folder (mode 0600), survive restarts, and move out of a data folder an earlier version wrote them into', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kjzy-secrets-'));
    const env = { EMULATOR_SECRETS_DIR: path.join(tmp, 'config') } as unknown as NodeJS.ProcessEnv;
    const data = path.join(tmp, 'data');
    fs.mkdirSync(data);
    const first = devSecrets(data, env);
    expect(first.APP_SECRET_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readdirSync(data)).toEqual([]);
    const file = secretsFileFor(data, env);
    expect(file.startsWith(data)).toBe(false);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(devSecrets(data, env)).toEqual(first);

    const old = path.join(tmp, 'old-data');
    fs.mkdirSync(old);
    const legacy = { APP_SECRET_KEY: 'ab'.repeat(32), BOOTSTRAP_TOKEN: 'dev-legacy' };
    fs.writeFileSync(path.join(old, 'dev-secrets.json'), JSON.stringify(legacy));
    expect(devSecrets(old, env)).toEqual(legacy);
    expect(fs.existsSync(path.join(old, 'dev-secrets.json'))).toBe(false);
    expect(devSecrets(old, env)).toEqual(legacy);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
