// SMS code rules of API.md: 6 CSPRNG digits, 5 min, single use, 5 tries, resend after 60 s, 5/hour, 10/day.
import { randomInt } from 'node:crypto';
import { SMS_RULES } from '@contract/sms';

export function generateSmsCode(): string {
  return String(randomInt(0, 10 ** SMS_RULES.codeLength)).padStart(SMS_RULES.codeLength, '0');
}

export type SendDecision = { ok: true; keep: number[] } | { ok: false; retryAfterSec: number };

/**
 * May another code be sent now, given the send times (ms) of the last 24 hours?
 * `keep` is the history to store after this send (older than a day is dropped).
 */
export function decideSend(history: number[], nowMs: number): SendDecision {
  const HOUR = 3600_000;
  const DAY = 24 * HOUR;
  const recent = history.filter((t) => t > nowMs - DAY).sort((a, b) => a - b);
  const waits: number[] = [];
  const last = recent[recent.length - 1];
  if (last !== undefined && nowMs - last < SMS_RULES.resendAfterSec * 1000) waits.push(last + SMS_RULES.resendAfterSec * 1000 - nowMs);
  const lastHour = recent.filter((t) => t > nowMs - HOUR);
  if (lastHour.length >= SMS_RULES.perHour) waits.push(lastHour[lastHour.length - SMS_RULES.perHour] + HOUR - nowMs);
  if (recent.length >= SMS_RULES.perDay) waits.push(recent[recent.length - SMS_RULES.perDay] + DAY - nowMs);
  if (waits.length > 0) return { ok: false, retryAfterSec: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
  return { ok: true, keep: [...recent, nowMs] };
}

export type CodeState = { expiresAt: Date; attempts: number; used: boolean };
export type CodeCheck = 'ok' | 'expired' | 'used' | 'exhausted';

/** Whether a stored code may still be tried, before comparing it. */
export function checkCodeState(state: CodeState, at: Date): CodeCheck {
  if (state.used) return 'used';
  if (state.attempts >= SMS_RULES.maxAttempts) return 'exhausted';
  if (at.getTime() > state.expiresAt.getTime()) return 'expired';
  return 'ok';
}

export function smsText(code: string): string {
  return `【科技志愿服务】您的验证码为${code}，${SMS_RULES.ttlSec / 60}分钟内有效。如非本人操作，请忽略本短信。`;
}
