// Port: how a one-time code leaves the system (Tencent Cloud SMS in production, an outbox in the emulator).
export interface SmsMessage {
  phone: string;
  purpose: string;
  code: string;
  text: string;
}
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}
