// Port: how a review result reaches a volunteer (a WeChat subscribe message in production, an outbox in the emulator).
import type { MessageKind } from '@contract/enums';

export interface OutgoingMessage {
  openid: string;
  kind: MessageKind;
  /** Short Chinese title and sentence, as the outbox and logs show them. */
  title: string;
  body: string;
  /** Mini program page the card opens, e.g. pages/mine/index. */
  page?: string;
  /** Named values of the template (orgName, result, reason, time …); the adapter maps them to the template's keywords. */
  data: Record<string, string>;
}

export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
}
