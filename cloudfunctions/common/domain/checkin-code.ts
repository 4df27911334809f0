// Signed check-in codes: what a QR code carries, so that only the server can mint a code a scan accepts.
//
// Format: `kjzy1.<base64url(JSON body)>.<base64url(HMAC-SHA256(secret, "kjzy1.<body part>"))>`, about 150
// characters. The MAC covers the encoded text itself, so no JSON canonicalisation is needed, and the body is
// parsed only after the MAC matches (parsePayload reads the activity id so that the server can load the secret).
// Bodies: an activity code `{t:'a', a, k:'in'|'out', m:'static'|'rotating', s?}` shown on a poster or screen, and a
// volunteer's personal code `{t:'v', a, o, s?}` that an admin scans. With `s` a code rotates: s = floor(epochMs/30000).
//
// The per-activity secret is derived on the server (adapters/checkin-code-secret: HMAC of the activity id
// and its code version under a subkey of APP_SECRET_KEY): nothing is stored, and bumping the version revokes codes.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CHECKIN_KINDS, CODE_MODES, ROTATING_STEP_SEC } from '@contract/checkin';

export const CODE_PREFIX = 'kjzy1';
/** Longer payloads are refused before any work (the scan input allows 2000 characters). */
export const MAX_PAYLOAD_LENGTH = 2000;
const STEP_MS = ROTATING_STEP_SEC * 1000;
const B64URL = /^[A-Za-z0-9_-]+$/;

const step = z.number().int().nonnegative();
const id = z.string().min(1).max(128);
const ActivityCodeBody = z
  .object({ t: z.literal('a'), a: id, k: z.enum(CHECKIN_KINDS), m: z.enum(CODE_MODES), s: step.optional() })
  .strict()
  .refine((b) => (b.m === 'rotating') === (b.s !== undefined), { message: 'a rotating code has a step, a static one has none' });
const VolunteerCodeBody = z.object({ t: z.literal('v'), a: id, o: id, s: step.optional() }).strict();
const CodeBody = z.union([ActivityCodeBody, VolunteerCodeBody]);

export type ActivityCodeBody = z.infer<typeof ActivityCodeBody>;
export type VolunteerCodeBody = z.infer<typeof VolunteerCodeBody>;
/** Either body; the absent fields of the other kind read as undefined, `t` tells them apart. */
export type CodeBody = (ActivityCodeBody & { o?: undefined }) | (VolunteerCodeBody & { k?: undefined; m?: undefined });
export type Secret = string | Uint8Array;

export type CodeVerdict = { ok: true; body: CodeBody } | { ok: false; reason: 'CODE_INVALID' | 'CODE_EXPIRED' };

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
export function verifyPayload(payload: string, secret: Secret, now: Date | number): CodeVerdict {
  const p = split(payload);
  if (!p || !macMatches(p, secret)) return { ok: false, reason: 'CODE_INVALID' };
  const body = decodeBody(p.bodyPart);
  if (!body) return { ok: false, reason: 'CODE_INVALID' };
  if (body.s !== undefined) {
    const current = rotatingStep(now);
    if (body.s < current - 1) return { ok: false, reason: 'CODE_EXPIRED' };
    if (body.s > current + 1) return { ok: false, reason: 'CODE_INVALID' };
  }
  return { ok: true, body };
}
