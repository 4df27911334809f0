// SMS one-time codes for registration and phone changes.
import { callFunction } from './cloud';
import type { SmsPurpose } from '@contract/enums';
import type { SmsSendOutput } from '@contract/sms';

export function sendSmsCode(phone: string, purpose: SmsPurpose): Promise<SmsSendOutput> {
  return callFunction('sms', 'send', { phone, purpose });
}
