// What the phone can read of a check-in code without the server: the body of a long payload
// (`kjzy1.<base64url JSON>.<MAC>`) or the kind letter of a 小程序码's scene. Nothing here is checked — only the server
// holds the secret that proves a code — so this only labels a scan kept offline (签到 or 签退, which activity, whose
// personal code), and the server decides when it arrives.

/** An activity code's body, or a volunteer's personal code's (`t: 'v'`, `o`: the volunteer's openid). */
export type CodeBodyRead =
  | { t: 'a'; activityId: string; kind: 'in' | 'out' | 'auto'; rotating: boolean; step?: number }
  | { t: 'v'; activityId: string; openid: string; step?: number };

const SCENE_KIND: Record<string, 'in' | 'out' | 'auto'> = { i: 'in', o: 'out', a: 'auto' };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url to UTF-8 text by hand: the mini program has neither atob nor TextDecoder everywhere. */
function base64UrlDecode(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of text) {
    value = (value << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  try {
    return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return undefined;
  }
}

/** The body of a long payload, unverified; undefined for anything else. */
export function readCodeBody(payload: string): CodeBodyRead | undefined {
  const parts = payload.trim().split('.');
  if (parts.length !== 3 || parts[0] !== 'kjzy1') return undefined;
  const json = base64UrlDecode(parts[1]);
  if (!json) return undefined;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const step = typeof body.s === 'number' ? body.s : undefined;
  if (typeof body.a !== 'string') return undefined;
  if (body.t === 'v' && typeof body.o === 'string') return { t: 'v', activityId: body.a, openid: body.o, step };
  if (body.t === 'a' && (body.k === 'in' || body.k === 'out' || body.k === 'auto')) {
    return { t: 'a', activityId: body.a, kind: body.k, rotating: body.m === 'rotating', step };
  }
  return undefined;
}

/** 签到, 签退 or either, from a long payload's body or a scene's kind letter; undefined when unreadable. */
export function codeKindOf(payload: string): 'in' | 'out' | 'auto' | undefined {
  const body = readCodeBody(payload);
  if (body) return body.t === 'a' ? body.kind : undefined;
  const scene = payload.trim();
  return scene.startsWith('1') && scene.length >= 23 && scene.length <= 32 ? SCENE_KIND[scene[1]] : undefined;
}

/** The training a 培训签到码 names (`t: 't'`, unverified: record.attendTraining decides); undefined for any other code. */
export function trainingIdOfCode(payload: string): string | undefined {
  const parts = payload.trim().split('.');
  if (parts.length !== 3 || parts[0] !== 'kjzy1') return undefined;
  const json = base64UrlDecode(parts[1]);
  try {
    const body = json ? (JSON.parse(json) as Record<string, unknown>) : undefined;
    return body?.t === 't' && typeof body.a === 'string' ? body.a : undefined;
  } catch {
    return undefined;
  }
}
