// Cloud storage as the unchanged node-sdk 3.18.3 uses it (node-sdk/src/storage/index.ts): uploadFile asks for upload
// metadata (`storage.getUploadMetadata`) and PUTs the bytes to the answered address; getTempFileURL is
// `storage.batchGetDownloadUrl` (downloadFile asks for one and GETs it); deleteFile is `storage.batchDeleteFile`. Files are named like CloudBase's,
// `cloud://<env>.<bucket>/<cloudPath>`, held in memory or, when the emulator persists, under `<data>/files/`. A
// temporary address is signed and expires (emulator clock), like COS's; every other storage action is refused by name.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** CloudBase's own batch limit for getTempFileURL and deleteFile (50 file ids per call). */
export const MAX_BATCH = 50;
/** A temporary address lives this long unless the caller asks for less or more (CloudBase's default: one day). */
const DEFAULT_MAX_AGE_S = 86_400;
/** An upload address is good for this long once handed out. */
const UPLOAD_TTL_MS = 10 * 60_000;
/** The address space the GET and PUT routes answer under. */
export const FILES_PREFIX = '/_files/';

const IMPLEMENTED = ['storage.getUploadMetadata', 'storage.batchGetDownloadUrl', 'storage.batchDeleteFile'];

const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

export interface FileStore {
  /** Whether a tcb request body names a storage action (they come here, not to the database). */
  owns(body: unknown): boolean;
  /** One storage request of the SDK → the JSON object to answer (HTTP 200; errors carry `code`). */
  handle(body: Record<string, unknown>): Promise<object>;
  /** PUT /_files/<bucket>/<cloudPath>: the upload the metadata allowed. Answers the status and COS's XML on failure. */
  put(urlPath: string, headers: Record<string, string | string[] | undefined>, bytes: Buffer): Promise<{ status: number; body: string }>;
  /** GET /_files/<bucket>/<cloudPath>?sign=&t=: the stored bytes for a valid, unexpired temporary address. */
  get(urlPath: string, query: URLSearchParams): Promise<{ status: number; file?: StoredFile; message?: string }>;
  /** Direct read for tests and dev endpoints. */
  read(fileId: string): Promise<StoredFile | undefined>;
  /** Every stored file's key (<bucket>/<cloudPath>), for tests. */
  list(): Promise<string[]>;
  /** Requests per storage action (and `PUT`/`GET` of files), e.g. { 'storage.batchGetDownloadUrl': 1 }. */
  stats(): Record<string, number>;
  resetStats(): void;
  reset(): Promise<void>;
}

export interface FileStoreOptions {
  /** 'memory' or the emulator's data directory (files go to `<data>/files/`). */
  data: string;
  /** The emulator's address, e.g. http://127.0.0.1:8787 (read on every call: the port is known after listen). */
  baseUrl: () => string;
  now: () => Date;
}

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

/** CloudBase's bucket naming: hex of the env's first two characters, the env, an app id. */
export const bucketOf = (env: string) => `${hex(env.slice(0, 2))}-${env}-1250000000`;

/** A cloud path CloudBase would take: relative, no empty, `.` or `..` segment, no backslash or control character. */
function cloudPathProblem(p: unknown): string | undefined {
  if (typeof p !== 'string' || p.length === 0) return 'path must be a non-empty string';
  if (p.length > 850) return 'path is too long';
  if (p.startsWith('/')) return 'path must not start with /';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(p)) return 'path holds a control character or a backslash';
  if (p.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) return 'path has an empty, . or .. segment';
  return undefined;
}

const error = (code: string, message: string) => ({ code, message });

const cosError = (status: number, code: string, message: string, resource: string) => ({
  status,
  body:
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${message}</Message>\n` +
    `<Resource>${resource.replace(/[<>&]/g, '')}</Resource>\n<RequestId>emu-${randomBytes(6).toString('hex')}</RequestId>\n` +
    `<TraceId>emu</TraceId>\n</Error>`,
});

export function createFileStore(opts: FileStoreOptions): FileStore {
  const memory = new Map<string, StoredFile>();
  const dir = opts.data === 'memory' ? undefined : path.join(opts.data, 'files');
  const signingKey = randomBytes(32);
  /** Upload tokens handed out by getUploadMetadata: token → the key it may write, until when. */
  const uploads = new Map<string, { key: string; until: number }>();
  const counts = new Map<string, number>();
  const count = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);

  const keyOf = (bucket: string, cloudPath: string) => `${bucket}/${cloudPath}`;
  const fileIdOf = (env: string, cloudPath: string) => `cloud://${env}.${bucketOf(env)}/${cloudPath}`;

  /** cloud://<env>.<bucket>/<path> of this emulator → the storage key, or undefined. */
  function keyOfFileId(fileId: unknown): string | undefined {
    if (typeof fileId !== 'string') return undefined;
    const m = /^cloud:\/\/([\w-]+)\.([\w-]+)\/(.+)$/.exec(fileId);
    if (!m || m[2] !== bucketOf(m[1]) || cloudPathProblem(m[3])) return undefined;
    return keyOf(m[2], m[3]);
  }

  const diskPath = (key: string) => path.join(dir!, ...key.split('/'));

  async function load(key: string): Promise<StoredFile | undefined> {
    if (!dir) return memory.get(key);
    try {
      const bytes = await fs.readFile(diskPath(key));
      return { bytes, contentType: contentTypeOf(key) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async function store(key: string, file: StoredFile): Promise<void> {
    if (!dir) {
      memory.set(key, file);
      return;
    }
    const target = diskPath(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(tmp, file.bytes);
    await fs.rename(tmp, target);
  }

  async function remove(key: string): Promise<boolean> {
    if (!dir) return memory.delete(key);
    try {
      await fs.unlink(diskPath(key));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  const sign = (key: string, until: number) => createHmac('sha256', signingKey).update(`${key}\n${until}`).digest('hex').slice(0, 32);

  const envOf = (body: Record<string, unknown>) =>
    typeof body.envName === 'string' && /^[\w-]+$/.test(body.envName) ? body.envName : process.env.TCB_ENV || 'local-dev';

  const handlers: Record<string, (body: Record<string, unknown>) => Promise<object>> = {
    async 'storage.getUploadMetadata'(body) {
      const problem = cloudPathProblem(body.path);
      if (problem) return error('INVALID_PARAM', `storage.getUploadMetadata: ${problem}`);
      const env = envOf(body);
      const cloudPath = body.path as string;
      const bucket = bucketOf(env);
      const token = randomBytes(16).toString('hex');
      uploads.set(token, { key: keyOf(bucket, cloudPath), until: Date.now() + UPLOAD_TTL_MS });
      const url = `${opts.baseUrl()}${FILES_PREFIX}${bucket}/${cloudPath.split('/').map(encodeURIComponent).join('/')}`;
      return {
        data: {
          url,
          token,
          authorization: token,
          fileId: fileIdOf(env, cloudPath),
          cosFileId: `emu-${randomBytes(8).toString('hex')}`,
          download_url: url,
        },
      };
    },

    async 'storage.batchGetDownloadUrl'(body) {
      const list = body.file_list;
      if (!Array.isArray(list) || list.length === 0) return error('INVALID_PARAM', 'file_list must be a non-empty array');
      if (list.length > MAX_BATCH) return error('INVALID_PARAM', `file_list holds at most ${MAX_BATCH} files`);
      const now = opts.now().getTime();
      const download_list = await Promise.all(
        list.map(async (item: unknown) => {
          const fileID = (item as { fileid?: unknown })?.fileid;
          const rawAge = (item as { max_age?: unknown })?.max_age;
          const key = keyOfFileId(fileID);
          if (!key) return { fileID, tempFileURL: '', code: 'INVALID_PARAM', message: 'not a file id of this environment' };
          if (!(await load(key))) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' };
          const maxAge = typeof rawAge === 'number' && rawAge > 0 ? rawAge : DEFAULT_MAX_AGE_S;
          const until = Math.floor(now / 1000) + Math.floor(maxAge);
          const encoded = key.split('/').map(encodeURIComponent).join('/');
          return { fileID, tempFileURL: `${opts.baseUrl()}${FILES_PREFIX}${encoded}?sign=${sign(key, until)}&t=${until}`, code: 'SUCCESS' };
        }),
      );
      return { data: { download_list } };
    },

    async 'storage.batchDeleteFile'(body) {
      const list = body.fileid_list;
      if (!Array.isArray(list) || list.length === 0) return error('INVALID_PARAM', 'fileid_list must be a non-empty array');
      if (list.length > MAX_BATCH) return error('INVALID_PARAM', `fileid_list holds at most ${MAX_BATCH} files`);
      const delete_list = [];
      for (const fileID of list) {
        const key = keyOfFileId(fileID);
        if (!key) delete_list.push({ fileID, code: 'INVALID_PARAM', message: 'not a file id of this environment' });
        else if (await remove(key)) delete_list.push({ fileID, code: 'SUCCESS' });
        else delete_list.push({ fileID, code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' });
      }
      return { data: { delete_list } };
    },
  };

  /** /_files/<bucket>/<cloudPath> → the storage key, or undefined. */
  function keyOfUrl(urlPath: string): string | undefined {
    if (!urlPath.startsWith(FILES_PREFIX)) return undefined;
    let rest: string;
    try {
      rest = urlPath
        .slice(FILES_PREFIX.length)
        .split('/')
        .map((s) => decodeURIComponent(s))
        .join('/');
    } catch {
      return undefined;
    }
    const slash = rest.indexOf('/');
    if (slash <= 0 || !/^[\w-]+$/.test(rest.slice(0, slash)) || cloudPathProblem(rest.slice(slash + 1))) return undefined;
    return rest;
  }

  return {
    owns(body) {
      return (
        typeof body === 'object' &&
        body !== null &&
        typeof (body as { action?: unknown }).action === 'string' &&
        (body as { action: string }).action.startsWith('storage.')
      );
    },

    async handle(body) {
      const requestId = `emu-${randomBytes(6).toString('hex')}`;
      const action = String(body.action);
      count(action);
      const handler = Object.prototype.hasOwnProperty.call(handlers, action) ? handlers[action] : undefined;
      if (!handler)
        return {
          requestId,
          ...error(
            'NOT_IMPLEMENTED',
            `emulator does not implement cloud storage action ${action} (only uploadFile, getTempFileURL and deleteFile: ${IMPLEMENTED.join(', ')})`,
          ),
        };
      return { requestId, ...(await handler(body)) };
    },

    async put(urlPath, headers, bytes) {
      count('PUT');
      const key = keyOfUrl(urlPath);
      if (!key) return cosError(400, 'InvalidURI', 'Could not parse the specified URI.', urlPath);
      const token = headers.authorization;
      const grant = typeof token === 'string' ? uploads.get(token) : undefined;
      if (!grant || grant.key !== key || grant.until < Date.now())
        return cosError(403, 'SignatureDoesNotMatch', 'The Signature you specified does not match.', urlPath);
      uploads.delete(token as string);
      await store(key, { bytes, contentType: contentTypeOf(key) });
      return { status: 200, body: '' };
    },

    async get(urlPath, query) {
      count('GET');
      const key = keyOfUrl(urlPath);
      if (!key) return { status: 404, message: 'no such file' };
      const until = Number(query.get('t'));
      const given = Buffer.from(query.get('sign') ?? '');
      const expected = Buffer.from(sign(key, until));
      if (!Number.isInteger(until) || given.length !== expected.length || !timingSafeEqual(given, expected))
        return { status: 403, message: 'bad signature' };
      if (until * 1000 < opts.now().getTime()) return { status: 403, message: 'the temporary address has expired' };
      const file = await load(key);
      return file ? { status: 200, file } : { status: 404, message: 'no such file' };
    },

    async read(fileId) {
      const key = keyOfFileId(fileId);
      return key ? load(key) : undefined;
    },

    async list() {
      if (!dir) return [...memory.keys()].sort();
      const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries
        .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
        .map((e) =>
          path
            .relative(dir, path.join(e.parentPath ?? e.path, e.name))
            .split(path.sep)
            .join('/'),
        )
        .sort();
    },

    stats() {
      return Object.fromEntries(counts);
    },

    resetStats() {
      counts.clear();
    },

    async reset() {
      memory.clear();
      uploads.clear();
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** The type a file is served with, by its name's extension (the SDK's PUT sends none). */
function contentTypeOf(key: string): string {
  return TYPES[path.extname(key).toLowerCase()] ?? 'application/octet-stream';
}
