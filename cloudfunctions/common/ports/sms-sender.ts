// Port: how a one-time code leaves the system (Tencent Cloud SMS in production, an outbox in the emulator).
export interface SmsMessage {
  phone: string;
  /** A code's purpose (sms.send), or `walkInInvite` (现场报名 invitation: no code, `params` fill its template). */
  purpose: string;
  code: string;
  text: string;
  params?: string[];
}
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}
