// Chooses the adapters for this environment.
import { env } from '../env';
import type { SmsSender } from '../ports/sms-sender';
import { outboxSmsSender } from './sms-outbox';
import { tencentSmsSender } from './sms-tencent';

export function smsSender(): SmsSender {
  return env().SMS_PROVIDER === 'tencentcloud' ? tencentSmsSender : outboxSmsSender;
}
