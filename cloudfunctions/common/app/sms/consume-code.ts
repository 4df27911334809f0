// Marks a verified SMS code used inside the caller's transaction: single use even when two requests race.
import type { SmsCodeDoc } from '../../db/sms.repository';
import type { UnitOfWork } from '../../db/unit-of-work';
import { noUsableCode } from './verify-code';

export async function consumeCode(uow: UnitOfWork, code: SmsCodeDoc): Promise<void> {
  const current = await uow.smsCode(code._id);
  // A concurrent use of the same code sees used=true here, or conflicts and retries into it.
  if (!current || current.used || new Date(current.sentAt).getTime() !== new Date(code.sentAt).getTime()) {
    throw noUsableCode();
  }
  await uow.markSmsCodeUsed(code._id);
}
