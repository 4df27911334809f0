// Emulator adapter of SmsSender: the message lands in a collection that GET /_dev/sms reads.
import type { SmsMessage, SmsSender } from '../ports/sms-sender';
import { database } from '../cloud';
import { C } from '../db/collections';
import { unwrap } from '../db/db-result';
import { now } from '../clock';

export const outboxSmsSender: SmsSender = {
  async send(message: SmsMessage) {
    await unwrap(
      database()
        .collection(C.devSms)
        .add({ ...message, sentAt: now() }),
    );
  },
};
