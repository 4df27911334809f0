// Checks a submitted SMS code without consuming it; the caller consumes it in the transaction that uses it.
import { SMS_RULES } from '../../../../types/sms';
import { AppError, ErrorCode } from '../../errors';
import { checkCodeState } from '../../domain/sms-code';
import { getCode, smsCodeId, takeAttempt, type SmsCodeDoc } from '../../db/sms.repository';
import { hashEquals, smsCodeHash } from '../../adapters/pii-cipher';

export async function verifySmsCode(purpose: string, phone: string, code: string, at: Date): Promise<SmsCodeDoc> {
  const doc = await getCode(smsCodeId(purpose, phone));
  if (!doc) throw new AppError(ErrorCode.SMS_CODE_INVALID, '请先获取验证码');
  const state = checkCodeState(doc, at);
  if (state === 'used') throw new AppError(ErrorCode.SMS_CODE_INVALID, '验证码已使用，请重新获取');
  if (state === 'exhausted') throw new AppError(ErrorCode.SMS_TOO_MANY_ATTEMPTS);
  if (state === 'expired') throw new AppError(ErrorCode.SMS_CODE_EXPIRED);
  // Every comparison spends one try first, so parallel guesses cannot exceed the limit.
  if (!(await takeAttempt(doc, SMS_RULES.maxAttempts))) throw new AppError(ErrorCode.SMS_TOO_MANY_ATTEMPTS);
  if (!hashEquals(doc.codeHash, smsCodeHash(purpose, phone, code))) {
    const left = SMS_RULES.maxAttempts - doc.attempts - 1;
    if (left <= 0) throw new AppError(ErrorCode.SMS_TOO_MANY_ATTEMPTS);
    throw new AppError(ErrorCode.SMS_CODE_INVALID, `验证码错误，还可尝试${left}次`, { attemptsLeft: left });
  }
  return doc;
}
