// Port: the phone number WeChat verified for a user, from the one-time `code` of the mini program's getPhoneNumber
// button (WeChat's phonenumber.getPhoneNumber in production, the emulator's dev WeChat locally).
export type WxPhoneAnswer =
  | { ok: true; phone: string }
  /** `code`: the code is unknown, used or expired; `unavailable`: the account or the service cannot answer now. */
  | { ok: false; reason: 'code' | 'unavailable' };

export interface WxPhoneReader {
  phoneOf(code: string): Promise<WxPhoneAnswer>;
}
