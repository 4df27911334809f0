// Chooses the adapters for this environment.
import { env } from '../env';
import type { SmsSender } from '../ports/sms-sender';
import type { MessageSender } from '../ports/message-sender';
import { outboxSmsSender } from './sms-outbox';
import { tencentSmsSender } from './sms-tencent';
import { outboxMessageSender } from './message-outbox';
import { wechatMessageSender } from './message-wechat';

export function smsSender(): SmsSender {
  return env().SMS_PROVIDER === 'tencentcloud' ? tencentSmsSender : outboxSmsSender;
}

export function messageSender(): MessageSender {
  return env().MESSAGE_PROVIDER === 'wechat' ? wechatMessageSender : outboxMessageSender;
}
