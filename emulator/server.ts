// The local CloudBase emulator: database endpoint for the real node-sdk, functions gateway, dev endpoints, h5 files.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createDatabase, type DatabaseEngine } from './db';
import { collections, C } from '../cloudfunctions/common/db/collections';
import { resetEnvCache } from '../cloudfunctions/common/env';
import { clock } from './clock';
import { createGateway, builtFunctionLoader, type FunctionLoader, type Gateway } from './gateway';
import { HttpError, readBytes, readJson, sendJson, serveStatic } from './http-util';
import { createFileStore, FILES_PREFIX, type FileStore } from './files';
import { seedDemo } from './seed';
import { refusal } from './origin-guard';

export interface EmulatorOptions {
  port: number;
  /** 'memory' or a directory for the data files and the journal (emulator/db/storage.ts). */
  data: string;
  root?: string;
  loadFunction?: FunctionLoader;
  /** Directory of the h5 build to serve at /, if any. */
  staticDir?: string;
  /** Environment for the functions (APP_SECRET_KEY, BOOTSTRAP_TOKEN …); merged into process.env. */
  functionEnv?: Record<string, string>;
}

export interface Emulator {
  url: string;
  port: number;
  db: DatabaseEngine;
  /** Cloud storage (uploadFile, getTempFileURL, deleteFile of the SDK). */
  files: FileStore;
  gateway: Gateway;
  /** Calls a function in-process as the given WeChat user, like POST /functions/<name>. */
  call<T = unknown>(fn: string, event: Record<string, unknown>, openid?: string): Promise<T>;
  close(): Promise<void>;
}

const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
/** A file PUT to cloud storage (COS takes up to 5 GB in one PUT; the emulator far less). */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Points the unchanged SDK at this process: no code change in the functions. */
function configureSdkEnv(port: number, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    TENCENTCLOUD: 'true',
    TENCENTCLOUD_SECRETID: process.env.TENCENTCLOUD_SECRETID || 'local',
    TENCENTCLOUD_SECRETKEY: process.env.TENCENTCLOUD_SECRETKEY || 'local',
    TCB_ENV: 'local-dev',
    SCF_NAMESPACE: 'local-dev',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/tcb` }),
    SMS_PROVIDER: 'outbox',
    ...extra,
  });
  resetEnvCache();
}

export async function startEmulator(opts: EmulatorOptions): Promise<Emulator> {
  const root = opts.root ?? path.resolve(__dirname, '..');
  const db = await createDatabase({ data: opts.data, now: () => clock.now(), collections });
  const gateway = createGateway(opts.loadFunction ?? builtFunctionLoader(root));
  let port = opts.port;
  const files = createFileStore({ data: opts.data, baseUrl: () => `http://127.0.0.1:${port}`, now: () => clock.now() });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) console.error('[emulator]', err);
      if (!res.headersSent)
        sendJson(res, status, {
          code: status === 500 ? 'EMULATOR_ERROR' : status === 403 ? 'FORBIDDEN' : 'BAD_REQUEST',
          message: (err as Error).message,
        });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // No CORS grant for anyone: other origins (and DNS-rebound hosts) are refused before anything runs.
    const refused = refusal({ host: req.headers.host, origin: req.headers.origin }, port);
    if (refused) throw new HttpError(403, refused);

    if (url.pathname === '/tcb' && req.method === 'POST') {
      const body = await readJson(req);
      return sendJson(res, 200, files.owns(body) ? await files.handle(body as Record<string, unknown>) : await db.handle(body));
    }

    if (url.pathname.startsWith(FILES_PREFIX)) return fileRoute(req, res, url);

    const fnMatch = /^\/functions\/([a-z]+)$/.exec(url.pathname);
    if (fnMatch && req.method === 'POST') {
      if (!gateway.isFunction(fnMatch[1])) throw new HttpError(404, `no function ${fnMatch[1]}`);
      const header = req.headers['x-wx-openid'];
      const openid = typeof header === 'string' && header !== '' ? header : undefined;
      if (openid !== undefined && !OPENID.test(openid)) throw new HttpError(400, 'x-wx-openid must be 1-64 letters, digits, _ or -');
      return sendJson(res, 200, await gateway.invoke(fnMatch[1], await readJson(req), openid));
    }

    if (url.pathname.startsWith('/_dev/')) return devRoute(req, res, url);
    if (req.method === 'GET' && opts.staticDir && serveStatic(opts.staticDir, url.pathname, res)) return;
    throw new HttpError(404, `nothing at ${req.method} ${url.pathname}`);
  }

  /** The upload address getUploadMetadata hands out (PUT, like COS) and the temporary download address (GET). */
  async function fileRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (req.method === 'PUT') {
      const { status, body } = await files.put(url.pathname, req.headers, await readBytes(req, MAX_UPLOAD_BYTES));
      res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, `${req.method} is not served at ${url.pathname}`);
    const answer = await files.get(url.pathname, url.searchParams);
    if (!answer.file) throw new HttpError(answer.status, answer.message ?? 'no such file');
    res.writeHead(200, {
      'content-type': answer.file.contentType,
      'content-length': answer.file.bytes.length,
      'cache-control': 'private, max-age=600',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : answer.file.bytes);
  }

  async function devRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /_dev/health':
        return sendJson(res, 200, { ok: true, now: clock.now().toISOString(), data: opts.data });
      case 'GET /_dev/sms': {
        const phone = url.searchParams.get('phone');
        const rows = await db.find(C.devSms, phone ? { phone } : {});
        return sendJson(res, 200, newestFirst(rows, 'sentAt'));
      }
      case 'GET /_dev/messages': {
        const openid = url.searchParams.get('openid');
        const rows = await db.find(C.devMessages, openid ? { openid } : {});
        return sendJson(res, 200, newestFirst(rows, 'sentAt'));
      }
      case 'POST /_dev/wx-phone': {
        // The dev WeChat of 微信手机号快捷填写: a one-time getPhoneNumber code for this phone (adapters/wx-phone-dev).
        const body = (await readJson(req)) as { phone?: unknown };
        if (typeof body.phone !== 'string' || !/^1[3-9]\d{9}$/.test(body.phone))
          throw new HttpError(400, 'body must be {"phone": 11 digits}');
        const code = `devwx_${randomBytes(12).toString('hex')}`;
        await db.insert(C.devWxPhoneCodes, [{ _id: code, phone: body.phone, used: false, createdAt: clock.now() }]);
        return sendJson(res, 200, { code });
      }
      case 'GET /_dev/identities':
        return sendJson(
          res,
          200,
          (await db.find('_dev_identities')).sort((a, b) => a.order - b.order).map(({ openid, label, role }) => ({ openid, label, role })),
        );
      case 'GET /_dev/stats':
        return sendJson(res, 200, { database: db.stats(), storage: files.stats(), functions: gateway.stats() });
      case 'DELETE /_dev/stats':
        db.resetStats();
        files.resetStats();
        gateway.resetStats();
        return sendJson(res, 200, { ok: true });
      case 'POST /_dev/clock': {
        const body = (await readJson(req)) as { now?: unknown };
        if (typeof body.now !== 'string') throw new HttpError(400, 'body must be {"now": ISO-8601}');
        try {
          return sendJson(res, 200, { now: clock.set(body.now).toISOString() });
        } catch (err) {
          throw new HttpError(400, (err as Error).message);
        }
      }
      case 'DELETE /_dev/clock':
        clock.reset();
        return sendJson(res, 200, { now: clock.now().toISOString() });
      case 'POST /_dev/reset':
        await db.reset();
        await files.reset();
        return sendJson(res, 200, { ok: true });
      case 'POST /_dev/cron':
        // One tick of the timer trigger, now (on the emulator clock): e.g. the day-before activity reminders.
        return sendJson(res, 200, await gateway.invoke('cron', { Type: 'Timer', TriggerName: 'tick', Time: clock.now().toISOString() }));
      case 'POST /_dev/seed':
        return sendJson(res, 200, await seedDemo(emulator));
      default:
        throw new HttpError(404, `no dev endpoint ${route}`);
    }
  }

  // The SDK keeps connections alive between requests. Node closes an idle one after 5 s by default, and a client that
  // sends on it just as it closes (the event loop was busy, e.g. drawing a 小程序码) gets ECONNRESET: CloudBase's
  // gateway does not do that to its callers, so idle connections are kept far longer than any test waits.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  configureSdkEnv(port, opts.functionEnv);

  const emulator: Emulator = {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    files,
    gateway,
    async call<T>(fn: string, event: Record<string, unknown>, openid?: string) {
      if (!gateway.isFunction(fn)) throw new Error(`no function ${fn}`);
      return (await gateway.invoke(fn, event, openid)) as T;
    },
    async close() {
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
  return emulator;
}

function newestFirst<T extends Record<string, unknown>>(rows: T[], field: string): T[] {
  return rows.sort((a, b) => new Date(b[field] as string).getTime() - new Date(a[field] as string).getTime());
}
