// Checks a submitted SMS code without consuming it; the caller consumes it in the transaction that uses it.
// Every use case checks the code before anything about the phone or ID number: without the code, no answer tells them apart.
import { SMS_RULES } from '@contract/sms';
import { AppError, ErrorCode } from '../../errors';
import { checkCodeState } from '../../domain/sms-code';
import { getCode, smsCodeId, takeAttempt, type SmsCodeDoc } from '../../db/sms.repository';
import { smsCodeHash } from '../../adapters/pii-cipher';
import { hashEquals } from '../../adapters/secrets';

/**
 * The one answer for a code that cannot be used: never sent, expired, or already used. A used code is what a
 * registered phone leaves behind, a missing one what a free phone has: told apart, they would say which is which.
 */
export const noUsableCode = () => new AppError(ErrorCode.SMS_CODE_EXPIRED);

export async function verifySmsCode(purpose: string, phone: string, code: string, at: Date): Promise<SmsCodeDoc> {
  const doc = await getCode(smsCodeId(purpose, phone));
  if (!doc) throw noUsableCode();
  const state = checkCodeState(doc, at);
  if (state === 'used' || state === 'expired') throw noUsableCode();
  if (state === 'exhausted') throw new AppError(ErrorCode.SMS_TOO_MANY_ATTEMPTS);
  // Every comparison spends one try first, so parallel guesses cannot exceed the limit.
  if (!(await takeAttempt(doc, SMS_RULES.maxAttempts))) throw new AppError(ErrorCode.SMS_TOO_MANY_ATTEMPTS);
  if (!hashEquals(doc.codeHash, smsCodeHash(purpose, phone, code))) {
    const left = SMS_RULES.maxAttempts - doc.attempts - 1;
    if (left <= 0) throw new AppError(ErrorCode.SMS_TOO_MANY_ATTEMPTS);
    throw new AppError(ErrorCode.SMS_CODE_INVALID, `验证码错误，还可尝试${left}次`, { attemptsLeft: left });
  }
  return doc;
}
