// Emulator adapter of WxPhoneReader, playing WeChat: codes minted by POST /_dev/wx-phone {"phone"} (the emulator's
// dev WeChat) map to that phone, once each, like WeChat's one-time codes. The collection is never deployed, so this
// adapter answers nothing in CloudBase.
import type { WxPhoneAnswer, WxPhoneReader } from '../ports/wx-phone-reader';
import { database } from '../cloud';
import { C } from '../db/collections';
import { unwrap } from '../db/db-result';

export const devWxPhoneReader: WxPhoneReader = {
  async phoneOf(code: string): Promise<WxPhoneAnswer> {
    const codes = database().collection(C.devWxPhoneCodes);
    const doc = ((await unwrap(codes.doc(code).get())).data as { phone: string; used: boolean }[])[0];
    if (!doc || doc.used) return { ok: false, reason: 'code' };
    // Single use: of two exchanges of one code, only the one that marks it used gets the phone.
    const res = await unwrap(codes.where({ _id: code, used: false }).update({ used: true }));
    return res.updated === 1 ? { ok: true, phone: doc.phone } : { ok: false, reason: 'code' };
  },
};
