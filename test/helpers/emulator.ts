// Starts an in-memory emulator whose gateway runs the functions' TypeScript sources, and calls them over HTTP.
import path from 'node:path';
import { startEmulator, type Emulator } from '../../emulator/server';
import type { ActionName, FunctionName, InputOf, OutputOf } from '@contract/functions';
import { idCheckDigit } from '@contract/id-number';
import { CONSENT_VERSION } from '@contract/enums';
import { sealPhone } from '../../cloudfunctions/common/adapters/pii-cipher';
import { LANZHOU, LANZHOU_POINT, SAMPLE_ACTIVITY } from './sample-data';

export { LANZHOU, LANZHOU_POINT };

export const ROOT = path.resolve(__dirname, '../..');
export const TEST_BOOTSTRAP_TOKEN = 'test-bootstrap-token-0123456789';
export const TEST_SECRET_KEY = '0f'.repeat(32);

export type Answer<T = unknown> = { ok: true; data: T } | { ok: false; code: string; message: string; details?: unknown };

export interface TestEmulator {
  emu: Emulator;
  url: string;
  /** Calls `fn.action` as the contract (types/functions.ts) types it: its input, and its output in the answer. */
  call<F extends FunctionName, A extends ActionName<F>>(
    fn: F,
    action: A,
    input?: InputOf<F, A>,
    openid?: string,
  ): Promise<Answer<OutputOf<F, A>>>;
  /**
   * Sends what the contract refuses (invalid or hostile input, unknown actions, wrong types) and reads the answer
   * untyped. Only for tests that mean to; everything else goes through call().
   */
  callRaw(fn: string, action: string, input?: unknown, openid?: string): Promise<Answer<unknown>>;
  dev<T = unknown>(method: 'GET' | 'POST' | 'DELETE', route: string, body?: unknown): Promise<T>;
  setClock(iso: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The emulator clock every test starts from unless it sets its own: no test reads the machine's date (2026-11-22
 * 10:00 in Shanghai, a Sunday). Time flows on from it, as in production.
 */
export const DEFAULT_TEST_CLOCK = '2026-11-22T02:00:00Z';

/** `bundles`: run the built cloudfunctions/<fn>/index.js (scripts/build-functions.mjs) as deployed, not the sources. */
export async function startTestEmulator(
  opts: { staticDir?: string; functionEnv?: Record<string, string>; bundles?: boolean } = {},
): Promise<TestEmulator> {
  const emu = await startEmulator({
    port: 0,
    staticDir: opts.staticDir,
    data: 'memory',
    root: ROOT,
    loadFunction: opts.bundles ? undefined : (name) => require(path.join(ROOT, 'cloudfunctions', name, 'index.ts')).main,
    functionEnv: { APP_SECRET_KEY: TEST_SECRET_KEY, BOOTSTRAP_TOKEN: TEST_BOOTSTRAP_TOKEN, ...opts.functionEnv },
  });
  const dev = async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${emu.url}${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.json();
  };
  await dev('POST', '/_dev/clock', { now: DEFAULT_TEST_CLOCK });
  const callRaw = async (fn: string, action: string, input: unknown = {}, openid?: string): Promise<Answer<unknown>> => {
    const res = await fetch(`${emu.url}/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
      body: JSON.stringify({ action, ...(input as object) }),
    });
    if (res.status !== 200) throw new Error(`gateway answered ${res.status}: ${await res.text()}`);
    // Every answer carries the server's clock (test/functions/gateway.test.ts checks it); tests compare the rest.
    const { serverTime: _serverTime, ...answer } = (await res.json()) as Answer & { serverTime?: string };
    return answer;
  };
  return {
    emu,
    url: emu.url,
    // The contract types the answer; the functions validate their output against it before answering.
    call: <F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input?: InputOf<F, A>, openid?: string) =>
      callRaw(fn, action, input, openid) as Promise<Answer<OutputOf<F, A>>>,
    callRaw,
    dev,
    async setClock(iso: string) {
      await dev('POST', '/_dev/clock', { now: iso });
    },
    async close() {
      await dev('DELETE', '/_dev/clock');
      await emu.close();
    },
  };
}

/** A valid 居民身份证 number for a birth date YYYYMMDD. */
export function idNumberFor(birth: string, seq = 1, area = '620102'): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

export async function latestSmsCode(t: TestEmulator, phone: string): Promise<string> {
  const rows = await t.dev<{ code: string }[]>('GET', `/_dev/sms?phone=${phone}`);
  if (!rows.length) throw new Error(`no SMS to ${phone}`);
  return rows[0].code;
}

export async function bootstrapRoot(t: TestEmulator, openid = 'root-leader', name = '甘肃省科技志愿服务总队') {
  const r = await t.call('org', 'bootstrapRoot', { name, region: LANZHOU, bootstrapToken: TEST_BOOTSTRAP_TOKEN }, openid);
  if (!r.ok) throw new Error(`bootstrapRoot: ${r.code}`);
  return r.data.org;
}

type RegisterInput = InputOf<'user', 'register'>;

/** A valid user.register input but for the phone and its code (registerVolunteer sends those). */
export function registrationInput(over: Partial<RegisterInput> = {}): Omit<RegisterInput, 'phone' | 'smsCode'> {
  const valid: Omit<RegisterInput, 'phone' | 'smsCode'> = {
    realName: '张伟',
    // No 性别: it comes from the ID number (a test that states one checks that it agrees).
    idNumber: idNumberFor('19900101'),
    education: '本科',
    employer: '兰州大学',
    region: LANZHOU,
    serviceCategories: ['科普报告'],
    orgIds: [],
    consentVersion: CONSENT_VERSION,
  };
  return { ...valid, ...over };
}

/** Sends a code to `phone` (asked for by `openid`) and registers `openid` with it; returns the answer. */
export async function registerVolunteer(t: TestEmulator, openid: string, phone: string, over: Partial<RegisterInput> = {}) {
  const sent = await t.call('sms', 'send', { phone, purpose: 'register' }, openid);
  if (!sent.ok) throw new Error(`sms.send: ${sent.code}`);
  const smsCode = await latestSmsCode(t, phone);
  return t.call('user', 'register', { ...registrationInput(over), phone, smsCode }, openid);
}

/**
 * A phone as the functions store it (encrypted, and its blind index for lookups), sealed by the functions' own cipher
 * with TEST_SECRET_KEY, which the running test emulator put in this process's environment.
 */
export function storedPhone(phone: string): { phoneEnc: string; phoneHash: string } {
  if (process.env.APP_SECRET_KEY !== TEST_SECRET_KEY)
    throw new Error('storedPhone: start the test emulator first (it sets APP_SECRET_KEY)');
  return sealPhone(phone);
}

/** The blind index of a phone, as stored documents (volunteers, invitations, sms_codes) are found by it. */
export const phoneHashOf = (phone: string): string => storedPhone(phone).phoneHash;

/**
 * A volunteer written straight into the database (fast fixtures; no counters, as registration leaves them); user.me
 * reads it like a registered one. `over`: fields that differ (a real 志愿者编号, a status, a gender …).
 */
export async function seedVolunteer(t: TestEmulator, openid: string, phone: string, realName = '张伟', over: Record<string, unknown> = {}) {
  await t.emu.db.insert('volunteers', [
    {
      _id: openid,
      openid,
      realName,
      ...storedPhone(phone),
      gender: 'male',
      volunteerNo: `V-${openid}`,
      idNumberMasked: '620102********0011',
      idNumberHash: `hash-${openid}`,
      birthDate: '1990-01-01',
      education: '本科',
      region: LANZHOU,
      serviceCategories: ['科普报告'],
      registeredAt: new Date('2026-01-01T00:00:00Z'),
      ...over,
    },
  ]);
}

/** An approved team under `parent` (ids chosen by the test), without going through register/review. */
export async function seedOrg(
  t: TestEmulator,
  _id: string,
  name: string,
  parent: { _id: string; path?: string[] } | null,
  over: Record<string, unknown> = {},
) {
  const doc = {
    _id,
    name,
    level: parent ? '支队' : '总队',
    parentId: parent ? parent._id : null,
    path: parent ? [...(parent.path ?? []), parent._id] : [],
    region: LANZHOU,
    intro: `${name}简介`,
    status: 'approved',
    contactName: '王建国',
    contactPhone: '13800000001',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    ...over,
  };
  await t.emu.db.insert('orgs', [doc]);
  return doc;
}

export async function seedMembership(
  t: TestEmulator,
  orgId: string,
  openid: string,
  role: 'leader' | 'admin' | 'member' = 'member',
  status = 'approved',
  appliedAt = new Date('2026-01-02T00:00:00Z'),
) {
  const doc = { _id: `${orgId}_${openid}`, orgId, openid, role, status, appliedAt };
  await t.emu.db.insert('memberships', [doc]);
  return doc;
}

export type MemberRole = 'leader' | 'admin' | 'member';
/** Someone a test casts: [openid, phone] and, for an approved member, [orgId, role (member unless told)]. */
export type StaffRow = readonly [openid: string, phone: string, orgId?: string, role?: MemberRole];

/** Volunteers written straight in (seedVolunteer, in order), then the approved memberships of those given an org. */
export async function seedStaff(t: TestEmulator, people: readonly StaffRow[]) {
  for (const [openid, phone] of people) await seedVolunteer(t, openid, phone);
  for (const [openid, , orgId, role = 'member'] of people) if (orgId) await seedMembership(t, orgId, openid, role);
}

/** 兰州's leader, admin and member and 天水's admin (phones 13900000001–04), as the org and activity tests cast them. */
export const LZ_TS_STAFF: readonly StaffRow[] = [
  ['lz-leader', '13900000001', 'lz', 'leader'],
  ['lz-admin', '13900000002', 'lz', 'admin'],
  ['lz-member', '13900000003', 'lz', 'member'],
  ['ts-admin', '13900000004', 'ts', 'admin'],
];

/**
 * The root 总队 (led by root-leader) and, under it, 兰州 `lz` (兰州市科技志愿服务支队) and, when `tianshui` is given,
 * 天水 `ts` (天水市科技志愿服务支队, with those fields). Returns the root and lz for the teams a test adds below.
 */
export async function seedLanzhou(t: TestEmulator, opts: { tianshui?: Record<string, unknown> } = {}) {
  const root = await bootstrapRoot(t, 'root-leader');
  const lz = await seedOrg(t, 'lz', '兰州市科技志愿服务支队', root);
  if (opts.tianshui) await seedOrg(t, 'ts', '天水市科技志愿服务支队', root, opts.tianshui);
  return { root, lz };
}

/**
 * The scene the activity tests start from: seedLanzhou, lz-admin administering 兰州 (phone `adminPhone`) and `members`
 * approved in it (seedMembers). Returns the root and lz.
 */
export async function seedTeam(
  t: TestEmulator,
  opts: { adminPhone?: string; members?: string[]; tianshui?: Record<string, unknown> } = {},
) {
  const scene = await seedLanzhou(t, { tianshui: opts.tianshui });
  await seedStaff(t, [['lz-admin', opts.adminPhone ?? '13900000001', 'lz', 'admin']]);
  if (opts.members?.length) await seedMembers(t, 'lz', opts.members);
  return scene;
}

/** A valid org.register input under `parentId`. */
export function orgRegisterInput(parentId: string, over: Partial<InputOf<'org', 'register'>> = {}): InputOf<'org', 'register'> {
  return {
    name: '兰州大学科技志愿服务分队',
    parentId,
    level: '分队',
    region: LANZHOU,
    intro: '兰州大学师生组成的科普志愿服务队伍',
    contactName: '张伟',
    contactPhone: '13912345678',
    serviceCategories: ['科普报告', '青少年科技教育'],
    registeredWithCivilAffairs: false,
    ...over,
  };
}

export async function devMessages(t: TestEmulator, openid: string) {
  return t.dev<{ openid: string; kind: string; title: string; body: string; page: string | null; data: Record<string, string> }[]>(
    'GET',
    `/_dev/messages?openid=${openid}`,
  );
}

/**
 * The jest lifecycle every functions test file shares: one emulator for the file, emptied (and its clock set)
 * before each test. Returns a stand-in that forwards to the running emulator.
 */
export function useTestEmulator(opts: { clock?: string; functionEnv?: Record<string, string>; bundles?: boolean } = {}): TestEmulator {
  let current: TestEmulator | undefined;
  beforeAll(async () => {
    current = await startTestEmulator({ functionEnv: opts.functionEnv, bundles: opts.bundles });
  });
  afterAll(() => current?.close());
  beforeEach(async () => {
    await current!.dev('POST', '/_dev/reset');
    await current!.setClock(opts.clock ?? DEFAULT_TEST_CLOCK);
  });
  return new Proxy({} as TestEmulator, {
    get(_target, key) {
      if (!current) throw new Error('the test emulator starts in beforeAll');
      const value = (current as unknown as Record<string | symbol, unknown>)[key];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}

/**
 * A function environment with the WeChat message adapter and only the review templates: complete, but there is no WeChat
 * here, so every message fails to send and is logged (console.error).
 */
export const FAILING_WECHAT_ENV = {
  MESSAGE_PROVIDER: 'wechat',
  MESSAGE_TEMPLATE_MEMBER_REVIEWED: 'tpl-member',
  MESSAGE_TEMPLATE_ORG_REVIEWED: 'tpl-org',
  MESSAGE_TEMPLATE_MEMBER_REMOVED: 'tpl-removed',
  MESSAGE_TEMPLATE_ROLE_CHANGED: 'tpl-role',
};

/** Silences console.error in each test of the file and answers whether a line containing `text` was logged in it. */
export function useLoggedErrors(): (text: string) => boolean {
  let errors: jest.SpyInstance<void, unknown[]> | undefined;
  beforeEach(() => {
    errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errors?.mockRestore());
  return (text) => (errors?.mock.calls ?? []).some(([line]) => String(line).includes(text));
}

/**
 * The fields of an activity.publish input. InputOf<'activity', 'publish'> is `any` (types/activity.ts's withSchedule
 * loses its schema's type), so they are named here from activity.update's input, which has them all (optional).
 */
export type ActivityFields = Omit<InputOf<'activity', 'update'>, 'activityId'>;

/**
 * A valid activity.publish input for `orgId`: 2026-12-01 and 12-02, 09:00–17:00 Asia/Shanghai
 * (startAt 2026-12-01T01:00Z, endAt 2026-12-02T09:00Z); signup from 2026-11-20 00:00 to 2026-11-30 18:00 (+08:00).
 */
export function activityInput(orgId: string, over: ActivityFields = {}): InputOf<'activity', 'publish'> {
  const valid: InputOf<'activity', 'publish'> = {
    orgId,
    ...SAMPLE_ACTIVITY,
    serviceTargets: [...SAMPLE_ACTIVITY.serviceTargets],
    location: LANZHOU_POINT,
    signupStartAt: '2026-11-20T00:00:00+08:00',
    signupEndAt: '2026-11-30T18:00:00+08:00',
  };
  return { ...valid, ...over };
}

/** Publishes through activity.publish as `openid` (a leader/admin of `orgId`); returns the activity. */
export async function publishActivity(t: TestEmulator, openid: string, orgId: string, over: ActivityFields = {}) {
  const r = await t.call('activity', 'publish', activityInput(orgId, over), openid);
  if (!r.ok) throw new Error(`activity.publish: ${r.code} ${r.message}`);
  return r.data.activity;
}

/** Volunteers with an approved membership of `orgId`, written in one batch each (phones firstPhone + i). */
export async function seedMembers(t: TestEmulator, orgId: string, openids: string[], firstPhone = 13700000000) {
  const at = new Date('2026-01-02T00:00:00Z');
  await t.emu.db.insert(
    'volunteers',
    openids.map((openid, i) => ({
      _id: openid,
      openid,
      realName: `志愿者${i + 1}`,
      ...storedPhone(String(firstPhone + i)),
      gender: 'male',
      volunteerNo: `V-${openid}`,
      idNumberMasked: '620102********0011',
      idNumberHash: `hash-${openid}`,
      region: LANZHOU,
      serviceCategories: ['科普报告'],
      registeredAt: new Date('2026-01-01T00:00:00Z'),
    })),
  );
  await t.emu.db.insert(
    'memberships',
    openids.map((openid) => ({ _id: `${orgId}_${openid}`, orgId, openid, role: 'member', status: 'approved', appliedAt: at })),
  );
}

/** Database requests the emulator served since the last DELETE /_dev/stats. */
export async function databaseRequests(t: TestEmulator): Promise<{ total: number; byAction: Record<string, number> }> {
  const stats = await t.dev<{ database: Record<string, number> }>('GET', '/_dev/stats');
  return { total: Object.values(stats.database).reduce((a, b) => a + b, 0), byAction: stats.database };
}

/** The data of a successful answer; anything else fails the test with its code. */
export function dataOf<T>(r: Answer<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

/** The refusal of a failed answer (code, message, details); a successful one fails the test. */
export function refusalOf(r: Answer<unknown>): { code: string; message: string; details?: unknown } {
  if (r.ok) throw new Error(`expected a refusal, got ok: ${JSON.stringify(r.data)}`);
  return r;
}

/** The details of a refusal, which the contract leaves open (each code carries its own): read as a plain object. */
export function detailsOf(r: Answer<unknown>): Record<string, unknown> {
  const { code, details } = refusalOf(r);
  if (typeof details !== 'object' || details === null) throw new Error(`expected details with ${code}, got ${JSON.stringify(details)}`);
  return details as Record<string, unknown>;
}
