// sms.send: only for a WeChat user, rate-limited per phone, per caller and per day; stores only the code's HMAC, hands the code to the SMS port.
import type { SmsSendInput, SmsSendOutput } from '@contract/sms';
import { SMS_RULES } from '@contract/sms';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { env } from '../../env';
import { decideSend, generateSmsCode, smsText } from '../../domain/sms-code';
import { callerLimitMessage, decideCallerSend, smsDay } from '../../domain/sms-send-quota';
import {
  dailySendCount,
  getCallerQuota,
  getQuota,
  putCode,
  saveCallerQuota,
  saveQuota,
  smsCodeId,
  takeDailySend,
} from '../../db/sms.repository';
import { phoneLookupHash, smsCodeHash } from '../../adapters/pii-cipher';
import { smsSender } from '../../adapters';

/** Rounds of read-decide-write a caller's quota gets when its own concurrent sends keep changing it. */
const CALLER_QUOTA_ROUNDS = 3;

const busy = () => new AppError(ErrorCode.SMS_RATE_LIMITED, undefined, { retryAfterSec: SMS_RULES.resendAfterSec });

/** Records a phone (its hash: no clear phone at rest) among those this caller reached this hour, or refuses one beyond the limit. */
async function takeCallerSlot(openid: string, phoneKey: string, nowMs: number): Promise<void> {
  for (let round = 0; round < CALLER_QUOTA_ROUNDS; round++) {
    const quota = await getCallerQuota(openid);
    const decision = decideCallerSend(quota?.sends ?? [], phoneKey, nowMs);
    if (!decision.ok)
      throw new AppError(ErrorCode.SMS_RATE_LIMITED, callerLimitMessage(decision.retryAfterSec), { retryAfterSec: decision.retryAfterSec });
    // Optimistic write: of concurrent sends by one caller, one wins each round and the others decide again.
    if (await saveCallerQuota(openid, decision.keep, quota?.version)) return;
  }
  throw busy();
}

export async function sendSms(input: SmsSendInput, ctx: Ctx): Promise<SmsSendOutput> {
  const openid = requireOpenid(ctx);
  const at = ctx.now;
  const limit = env().SMS_DAILY_LIMIT;
  const today = smsDay(at.getTime());
  const dailyFull = () => new AppError(ErrorCode.SMS_DAILY_LIMIT_REACHED, undefined, { retryAfterSec: today.secondsLeft });

  // Reads first, so that a plainly refused send writes nothing.
  const [quota, sentToday] = await Promise.all([getQuota(input.phone), dailySendCount(today.day)]);
  if (sentToday >= limit) throw dailyFull();
  const decision = decideSend(quota?.history ?? [], at.getTime());
  if (!decision.ok)
    throw new AppError(ErrorCode.SMS_RATE_LIMITED, `验证码发送过于频繁，请${decision.retryAfterSec}秒后再试`, {
      retryAfterSec: decision.retryAfterSec,
    });

  // The caller first: a pumper's refused sends spend none of the phones' own quota.
  await takeCallerSlot(openid, phoneLookupHash(input.phone), at.getTime());
  // Optimistic write: a concurrent send for the same phone makes this one lose, never both pass.
  if (!(await saveQuota(input.phone, decision.keep, quota?.version))) throw busy();
  // Conditional increment, last: only sends that passed every other rule count against the day.
  if (!(await takeDailySend(today.day, limit))) throw dailyFull();

  const code = generateSmsCode();
  await putCode({
    _id: smsCodeId(input.purpose, input.phone),
    purpose: input.purpose,
    phoneHash: phoneLookupHash(input.phone),
    codeHash: smsCodeHash(input.purpose, input.phone, code),
    expiresAt: new Date(at.getTime() + SMS_RULES.ttlSec * 1000),
    attempts: 0,
    used: false,
    sentAt: at,
  });
  await smsSender().send({ phone: input.phone, purpose: input.purpose, code, text: smsText(code) });
  return { resendAfterSec: SMS_RULES.resendAfterSec, expiresInSec: SMS_RULES.ttlSec };
}
