// sms.send: rate-limit per phone, store only the code's HMAC, hand the code to the SMS port.
import type { SmsSendInput, SmsSendOutput } from '../../../../types/sms';
import { SMS_RULES } from '../../../../types/sms';
import type { Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { decideSend, generateSmsCode, smsText } from '../../domain/sms-code';
import { getQuota, putCode, saveQuota, smsCodeId } from '../../db/sms.repository';
import { smsCodeHash } from '../../adapters/pii-cipher';
import { smsSender } from '../../adapters';

export async function sendSms(input: SmsSendInput, ctx: Ctx): Promise<SmsSendOutput> {
  const at = ctx.now;
  const quota = await getQuota(input.phone);
  const decision = decideSend(quota?.history ?? [], at.getTime());
  if (!decision.ok) throw new AppError(ErrorCode.SMS_RATE_LIMITED, `验证码发送过于频繁，请${decision.retryAfterSec}秒后再试`, { retryAfterSec: decision.retryAfterSec });
  // Optimistic write: a concurrent send for the same phone makes this one lose, never both pass.
  if (!(await saveQuota(input.phone, decision.keep, quota?.version))) {
    throw new AppError(ErrorCode.SMS_RATE_LIMITED, undefined, { retryAfterSec: SMS_RULES.resendAfterSec });
  }
  const code = generateSmsCode();
  await putCode({
    _id: smsCodeId(input.purpose, input.phone),
    purpose: input.purpose,
    phone: input.phone,
    codeHash: smsCodeHash(input.purpose, input.phone, code),
    expiresAt: new Date(at.getTime() + SMS_RULES.ttlSec * 1000),
    attempts: 0,
    used: false,
    sentAt: at,
  });
  await smsSender().send({ phone: input.phone, purpose: input.purpose, code, text: smsText(code) });
  return { resendAfterSec: SMS_RULES.resendAfterSec, expiresInSec: SMS_RULES.ttlSec };
}
