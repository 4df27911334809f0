// Emulator adapter of MessageSender: the message lands in a collection that GET /_dev/messages reads.
import type { MessageSender, OutgoingMessage } from '../ports/message-sender';
import { database } from '../cloud';
import { C } from '../db/collections';
import { unwrap } from '../db/db-result';
import { now } from '../clock';

export const outboxMessageSender: MessageSender = {
  async send(message: OutgoingMessage) {
    await unwrap(
      database()
        .collection(C.devMessages)
        .add({ ...message, page: message.page ?? null, sentAt: now() }),
    );
  },
};
