// Against SMS pumping, beyond the per-phone rules of sms-code.ts: a few phones per WeChat user an hour, and a daily ceiling for the whole service.

/** Distinct phones one WeChat user may have codes sent to within an hour (a person needs one, two for a changed number). */
export const SMS_PHONES_PER_CALLER_PER_HOUR = 3;
/** Codes the whole service sends per Asia/Shanghai day unless the deploy sets SMS_DAILY_LIMIT. */
export const SMS_DAILY_LIMIT_DEFAULT = 2000;

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR;

/** The latest send time (ms) to each phone a caller reached. */
export type CallerSend = { phone: string; at: number };
export type CallerDecision = { ok: true; keep: CallerSend[] } | { ok: false; retryAfterSec: number };

/**
 * May this caller have a code sent to `phone` now, given its sends of the last hour? A phone already reached within
 * the hour is always allowed here (its own limits apply); a new one only while fewer than the limit were reached.
 * `keep` is the history to store after this send: one entry per phone, the last hour only.
 */
export function decideCallerSend(history: CallerSend[], phone: string, nowMs: number): CallerDecision {
  const latest = new Map<string, number>();
  for (const s of history) if (s.at > nowMs - HOUR && s.at >= (latest.get(s.phone) ?? -Infinity)) latest.set(s.phone, s.at);
  if (!latest.has(phone) && latest.size >= SMS_PHONES_PER_CALLER_PER_HOUR) {
    // A slot frees when enough phones have had no send for an hour: the earliest ones leave first.
    const leaving = [...latest.values()].sort((a, b) => a - b)[latest.size - SMS_PHONES_PER_CALLER_PER_HOUR];
    return { ok: false, retryAfterSec: Math.max(1, Math.ceil((leaving + HOUR - nowMs) / 1000)) };
  }
  latest.set(phone, nowMs);
  return { ok: true, keep: [...latest].map(([p, at]) => ({ phone: p, at })) };
}

/** The Asia/Shanghai day a send counts against (YYYY-MM-DD), and the seconds until the next one begins. */
export function smsDay(nowMs: number): { day: string; secondsLeft: number } {
  const local = nowMs + SHANGHAI_OFFSET;
  const nextMidnight = Math.floor(local / DAY + 1) * DAY - SHANGHAI_OFFSET;
  return { day: new Date(local).toISOString().slice(0, 10), secondsLeft: Math.max(1, Math.ceil((nextMidnight - nowMs) / 1000)) };
}

/** The refusal a caller over the limit reads: the wait in whole minutes (at least one; details carry the seconds). */
export function callerLimitMessage(retryAfterSec: number): string {
  return `您在1小时内已向${SMS_PHONES_PER_CALLER_PER_HOUR}个手机号发送验证码，请${Math.max(1, Math.round(retryAfterSec / 60))}分钟后再试`;
}
