// Signed check-in codes: what a QR code carries, so that only the server can mint a code a scan accepts.
//
// Format: `kjzy1.<base64url(JSON body)>.<base64url(HMAC-SHA256(secret, "kjzy1.<body part>"))>`, about 150
// characters. The MAC covers the encoded text itself, so no JSON canonicalisation is needed, and the body is
// parsed only after the MAC matches (parsePayload reads the activity id so that the server can load the secret).
// Bodies: an activity code `{t:'a', a, k:'in'|'out'|'auto', m:'static'|'rotating', s?}` shown on a poster or screen,
// a volunteer's personal code `{t:'v', a, o, s?}` that an admin scans, and a training's code `{t:'t', a, s?}` (培训签到:
// `a` is the training's id and the secret is the training's, so it never verifies as an activity's code). With `s` a
// code rotates: s = floor(epochMs/30000).
//
// Scenes: the short form of an activity code that a 小程序码 carries (WeChat's `scene`: at most 32 characters of
// [0-9A-Za-z!#$&'()*+,/:;=?@-._~]), fixed widths, no separators:
//   `1` (format) · kind `i`|`o`|`a` · mode `s`|`r` · [step, 5 base62 digits, rotating only] · codeKey (8 base62) ·
//   MAC (12 base64url characters = the first 72 bits of HMAC-SHA256(secret, "kjzy-scene:" + everything before it))
// e.g. `1is7Hq2xK9a` + 12 MAC characters (23 in all) for a static 签到码, 28 for a rotating one. The codeKey names the
// activity (its ids are too long); the secret is the same per-activity secret, so revocation and foreign codes behave
// exactly as for long payloads.
//
// The per-activity secret is derived on the server (adapters/checkin-code-secret: HMAC of the activity id
// and its code version under a subkey of APP_SECRET_KEY): nothing is stored, and bumping the version revokes codes.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import {
  CODE_KINDS,
  CODE_MODES,
  ONSITE_NUMBER_PATTERN,
  ONSITE_NUMBER_STEP_SEC,
  RETRY_GRACE_SEC,
  ROTATING_STEP_SEC,
  type CodeKind,
} from '@contract/checkin';

export const CODE_PREFIX = 'kjzy1';
/** Longer payloads are refused before any work (the scan input allows 2000 characters). */
export const MAX_PAYLOAD_LENGTH = 2000;
const STEP_MS = ROTATING_STEP_SEC * 1000;
const B64URL = /^[A-Za-z0-9_-]+$/;

const step = z.number().int().nonnegative();
const id = z.string().min(1).max(128);
const ActivityCodeBody = z
  .object({ t: z.literal('a'), a: id, k: z.enum(CODE_KINDS), m: z.enum(CODE_MODES), s: step.optional() })
  .strict()
  .refine((b) => (b.m === 'rotating') === (b.s !== undefined), { message: 'a rotating code has a step, a static one has none' });
const VolunteerCodeBody = z.object({ t: z.literal('v'), a: id, o: id, s: step.optional() }).strict();
const TrainingCodeBody = z.object({ t: z.literal('t'), a: id, s: step.optional() }).strict();
const CodeBody = z.union([ActivityCodeBody, VolunteerCodeBody, TrainingCodeBody]);

export type ActivityCodeBody = z.infer<typeof ActivityCodeBody>;
export type VolunteerCodeBody = z.infer<typeof VolunteerCodeBody>;
export type TrainingCodeBody = z.infer<typeof TrainingCodeBody>;
/** Any body; the absent fields of the other kinds read as undefined, `t` tells them apart. */
export type CodeBody =
  | (ActivityCodeBody & { o?: undefined })
  | (VolunteerCodeBody & { k?: undefined; m?: undefined })
  | (TrainingCodeBody & { k?: undefined; m?: undefined; o?: undefined });
export type Secret = string | Uint8Array;

/** `late`: accepted only because the tap was a retry (see RETRY_GRACE_SEC). */
export type CodeVerdict = { ok: true; body: CodeBody; late?: true } | { ok: false; reason: 'CODE_INVALID' | 'CODE_EXPIRED' };
/** `retry`: the same tap sent again after no answer, allowed RETRY_GRACE_SEC more. */
export type VerifyOptions = { retry?: boolean };

type StepVerdict = 'ok' | 'late' | 'expired' | 'invalid';

/**
 * A step of `stepMs` is current until its end and accepted one step more (the previous step); a retried tap another
 * RETRY_GRACE_SEC (`late`). A step more than one ahead was never minted by a server with a sane clock: invalid.
 */
function stepVerdict(s: number, stepMs: number, now: Date | number, opts: VerifyOptions = {}): StepVerdict {
  const t = typeof now === 'number' ? now : now.getTime();
  const current = Math.floor(t / stepMs);
  if (s > current + 1) return 'invalid';
  if (s >= current - 1) return 'ok';
  return opts.retry && t < (s + 2) * stepMs + RETRY_GRACE_SEC * 1000 ? 'late' : 'expired';
}

/** The 30-second step of an instant. */
export function rotatingStep(now: Date | number): number {
  return Math.floor((typeof now === 'number' ? now : now.getTime()) / STEP_MS);
}

/** When the current step ends, i.e. when a code minted now stops being the current one (it is accepted 30 s more). */
export function rotatingExpiresAt(now: Date | number): Date {
  return new Date((rotatingStep(now) + 1) * STEP_MS);
}

function mac(signed: string, secret: Secret): string {
  if (secret.length === 0) throw new Error('empty check-in code secret');
  return createHmac('sha256', secret).update(signed).digest('base64url');
}

/** The payload of a body; throws on a malformed body (a programming error, not user input). */
export function signPayload(body: CodeBody, secret: Secret): string {
  const valid = CodeBody.parse(body);
  const signed = `${CODE_PREFIX}.${Buffer.from(JSON.stringify(valid), 'utf8').toString('base64url')}`;
  return `${signed}.${mac(signed, secret)}`;
}

function split(payload: unknown): { signed: string; bodyPart: string; macPart: string } | undefined {
  if (typeof payload !== 'string' || payload.length > MAX_PAYLOAD_LENGTH) return undefined;
  const parts = payload.trim().split('.');
  if (parts.length !== 3 || parts[0] !== CODE_PREFIX || !B64URL.test(parts[1]) || !B64URL.test(parts[2])) return undefined;
  return { signed: `${parts[0]}.${parts[1]}`, bodyPart: parts[1], macPart: parts[2] };
}

function decodeBody(bodyPart: string): CodeBody | undefined {
  try {
    const r = CodeBody.safeParse(JSON.parse(Buffer.from(bodyPart, 'base64url').toString('utf8')));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

function macMatches(p: { signed: string; macPart: string }, secret: Secret): boolean {
  const expected = Buffer.from(mac(p.signed, secret), 'utf8');
  const given = Buffer.from(p.macPart, 'utf8');
  // Comparing the base64url text, not decoded bytes: a non-canonical encoding of the right MAC is refused too.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** How many earlier code versions a refused code is still recognised under as revoked (one HMAC each). */
export const REVOKED_LOOKBACK = 5;

/**
 * Whether a payload the current secret refuses was signed with one of the activity's earlier secrets (newest first,
 * at most REVOKED_LOOKBACK): a code that was revoked, not one that was made up. It proves nothing else.
 */
export function signedWithEarlier(payload: string, earlierSecrets: readonly Secret[]): boolean {
  const p = split(payload);
  return !!p && earlierSecrets.slice(0, REVOKED_LOOKBACK).some((secret) => macMatches(p, secret));
}

/**
 * The unverified body, to find the activity whose secret verifies it: nothing in it may be trusted or acted on
 * before `verifyPayload` says ok. Undefined when the payload is not a code of ours at all.
 */
export function parsePayload(payload: string): CodeBody | undefined {
  const p = split(payload);
  return p ? decodeBody(p.bodyPart) : undefined;
}

/**
 * Checks the MAC (constant time) and then the step. CODE_INVALID: malformed, tampered, or signed with another
 * activity's secret. CODE_EXPIRED: a rotating code older than the previous step. Accepted steps are the current,
 * the previous, and the next one (clock skew between function instances); a step further ahead was never minted
 * by a server with a sane clock and is CODE_INVALID.
 */
export function verifyPayload(payload: string, secret: Secret, now: Date | number, opts?: VerifyOptions): CodeVerdict {
  const p = split(payload);
  if (!p || !macMatches(p, secret)) return { ok: false, reason: 'CODE_INVALID' };
  const body = decodeBody(p.bodyPart);
  if (!body) return { ok: false, reason: 'CODE_INVALID' };
  const verdict = body.s === undefined ? 'ok' : stepVerdict(body.s, STEP_MS, now, opts);
  if (verdict === 'expired') return { ok: false, reason: 'CODE_EXPIRED' };
  if (verdict === 'invalid') return { ok: false, reason: 'CODE_INVALID' };
  return { ok: true, body, ...(verdict === 'late' ? { late: true as const } : {}) };
}

// ---- Scenes: the short signed form a 小程序码 carries ----

/** The first character of every scene: bump it to change the format (long payloads start with `kjzy1.`). */
export const SCENE_FORMAT = '1';
/** WeChat's limit on a 小程序码's scene, and the characters it allows. */
export const SCENE_MAX_LENGTH = 32;
export const SCENE_CHARSET = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;
/** An activity's short random key in scenes: 8 base62 characters (about 47.6 bits). */
export const CODE_KEY_LENGTH = 8;
export const CODE_KEY_PATTERN = /^[0-9A-Za-z]{8}$/;
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const STEP_DIGITS = 5;
/** 62^5 steps of 30 s: codes can rotate until the year 2840. */
const MAX_STEP = 62 ** STEP_DIGITS - 1;
/** 12 base64url characters: the first 9 bytes (72 bits) of the HMAC. */
const SCENE_MAC_CHARS = 12;
const SCENE_KIND: Record<CodeKind, string> = { in: 'i', out: 'o', auto: 'a' };
const KIND_OF: Record<string, CodeKind> = { i: 'in', o: 'out', a: 'auto' };
const SCENE = /^1([ioa])(?:s|r([0-9A-Za-z]{5}))([0-9A-Za-z]{8})([A-Za-z0-9_-]{12})$/;

/** A scene's content: which activity (by its codeKey), which kind, and for a rotating code its step. */
export interface SceneBody {
  key: string;
  kind: CodeKind;
  /** Present for a rotating code (mode `r`), absent for a static one. */
  s?: number;
}

export type SceneVerdict = { ok: true; body: SceneBody; late?: true } | { ok: false; reason: 'CODE_INVALID' | 'CODE_EXPIRED' };

function base62(n: number, digits: number): string {
  let out = '';
  for (let v = n; out.length < digits; v = Math.floor(v / 62)) out = BASE62[v % 62] + out;
  return out;
}

const fromBase62 = (text: string): number => [...text].reduce((n, c) => n * 62 + BASE62.indexOf(c), 0);

function sceneMac(unsigned: string, secret: Secret): string {
  if (secret.length === 0) throw new Error('empty check-in code secret');
  return createHmac('sha256', secret).update(`kjzy-scene:${unsigned}`).digest().subarray(0, 9).toString('base64url');
}

/** The scene of a body; throws on a malformed body (a programming error, not user input). */
export function signScene(body: SceneBody, secret: Secret): string {
  if (!CODE_KEY_PATTERN.test(body.key)) throw new Error('a code key is 8 base62 characters');
  if (!CODE_KINDS.includes(body.kind)) throw new Error(`unknown code kind ${String(body.kind)}`);
  if (body.s !== undefined && !(Number.isInteger(body.s) && body.s >= 0 && body.s <= MAX_STEP)) throw new Error('step out of range');
  const unsigned = `${SCENE_FORMAT}${SCENE_KIND[body.kind]}${body.s === undefined ? 's' : `r${base62(body.s, STEP_DIGITS)}`}${body.key}`;
  return `${unsigned}${sceneMac(unsigned, secret)}`;
}

function splitScene(scene: unknown): { unsigned: string; macPart: string; body: SceneBody } | undefined {
  if (typeof scene !== 'string' || scene.length > SCENE_MAX_LENGTH) return undefined;
  const m = SCENE.exec(scene.trim());
  if (!m) return undefined;
  const [whole, kind, stepText, key, macPart] = m;
  return {
    unsigned: whole.slice(0, whole.length - SCENE_MAC_CHARS),
    macPart,
    body: { key, kind: KIND_OF[kind], ...(stepText !== undefined ? { s: fromBase62(stepText) } : {}) },
  };
}

/** Whether a payload has the form of a scene (as opposed to a long `kjzy1.` payload); nothing is verified. */
export const isScene = (payload: string): boolean => splitScene(payload) !== undefined;

/**
 * The unverified body, to find the activity by its codeKey: nothing in it may be trusted before `verifyScene` says
 * ok. Undefined when the text is not a scene of ours.
 */
export const parseScene = (scene: string): SceneBody | undefined => splitScene(scene)?.body;

function sceneMacMatches(p: { unsigned: string; macPart: string }, secret: Secret): boolean {
  const expected = Buffer.from(sceneMac(p.unsigned, secret), 'utf8');
  const given = Buffer.from(p.macPart, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Checks a scene's MAC (constant time), then its step: the same verdicts and step bounds as `verifyPayload`. */
export function verifyScene(scene: string, secret: Secret, now: Date | number, opts?: VerifyOptions): SceneVerdict {
  const p = splitScene(scene);
  if (!p || !sceneMacMatches(p, secret)) return { ok: false, reason: 'CODE_INVALID' };
  const verdict = p.body.s === undefined ? 'ok' : stepVerdict(p.body.s, STEP_MS, now, opts);
  if (verdict === 'expired') return { ok: false, reason: 'CODE_EXPIRED' };
  if (verdict === 'invalid') return { ok: false, reason: 'CODE_INVALID' };
  return { ok: true, body: p.body, ...(verdict === 'late' ? { late: true as const } : {}) };
}

/** `signedWithEarlier` for scenes: one the current secret refuses but an earlier one of the activity signed (revoked). */
export function sceneSignedWithEarlier(scene: string, earlierSecrets: readonly Secret[]): boolean {
  const p = splitScene(scene);
  return !!p && earlierSecrets.slice(0, REVOKED_LOOKBACK).some((secret) => sceneMacMatches(p, secret));
}

// ---- 现场数字码: the typed fallback under a screen code ----
//
// Six digits from the activity's secret, the code kind and a 5-minute step: HMAC-SHA256(secret, "kjzy-number:<kind>:
// <step>"), its first 32 bits mod 10^6. Nothing is stored; revoking the codes (a new secret) changes the numbers too.
// Six digits are guessable in principle, so the number is only checked for an activity the caller is enrolled in,
// within its radius, and each caller may type ONSITE_NUMBER_TRIES of them per window (app/checkin/onsite-number).

const NUMBER_STEP_MS = ONSITE_NUMBER_STEP_SEC * 1000;

/** The 5-minute step of an instant. */
export const numberStep = (now: Date | number): number => Math.floor((typeof now === 'number' ? now : now.getTime()) / NUMBER_STEP_MS);

/** When the number shown now stops being current (it is accepted for one step more). */
export const numberExpiresAt = (now: Date | number): Date => new Date((numberStep(now) + 1) * NUMBER_STEP_MS);

/** The 现场数字码 of a kind at a step. */
export function onSiteNumber(secret: Secret, kind: CodeKind, step: number): string {
  if (secret.length === 0) throw new Error('empty check-in code secret');
  const digest = createHmac('sha256', secret).update(`kjzy-number:${kind}:${step}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** Whether a text has the form of a 现场数字码 (six digits); nothing is verified. */
export const isOnSiteNumber = (text: string): boolean => ONSITE_NUMBER_PATTERN.test(text.trim());

export type NumberVerdict = { ok: true; kind: CodeKind; late?: true } | { ok: false };

/**
 * Which kind's number this is, at the current or the previous step (a retried tap: one step earlier still, within
 * RETRY_GRACE_SEC of that one's end). Compared in constant time; a number matching no kind is refused.
 */
export function verifyOnSiteNumber(number: string, secret: Secret, now: Date | number, opts: VerifyOptions = {}): NumberVerdict {
  const typed = Buffer.from(number.trim(), 'utf8');
  if (!isOnSiteNumber(number)) return { ok: false };
  const current = numberStep(now);
  for (const step of [current, current - 1, current - 2]) {
    const verdict = stepVerdict(step, NUMBER_STEP_MS, now, opts);
    if (verdict !== 'ok' && verdict !== 'late') continue;
    for (const kind of CODE_KINDS) {
      const expected = Buffer.from(onSiteNumber(secret, kind, step), 'utf8');
      if (timingSafeEqual(expected, typed)) return { ok: true, kind, ...(verdict === 'late' ? { late: true as const } : {}) };
    }
  }
  return { ok: false };
}
