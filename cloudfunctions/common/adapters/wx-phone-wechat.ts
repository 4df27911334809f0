// Production adapter of WxPhoneReader: phonenumber.getPhoneNumber (/wxa/business/getuserphonenumber) through
// CloudBase's WeChat open-API proxy (node-sdk callWxOpenApi), no access_token needed inside a CloudBase function.
// It cannot be exercised on this machine (no WeChat, no network); the emulator uses the dev adapter (wx-phone-dev).
// Deploying it needs: WX_PHONE_PROVIDER=wechat, the cloud call permission `phonenumber.getPhoneNumber` for the user
// function (config.json → permissions.openapi), and a mini program account WeChat allows the phone button for
// (a verified, non-personal account); otherwise WeChat refuses and registration keeps the SMS code.
import type { WxPhoneAnswer, WxPhoneReader } from '../ports/wx-phone-reader';
import { cloudApp } from '../cloud';

/** WeChat's answers that mean the code itself is bad: invalid (40029), or already used / expired (40163). */
const BAD_CODE = new Set([40029, 40163]);

interface PhoneResult {
  errcode?: number;
  errmsg?: string;
  phone_info?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string };
}

export const wechatWxPhoneReader: WxPhoneReader = {
  async phoneOf(code: string): Promise<WxPhoneAnswer> {
    const res = (await cloudApp().callWxOpenApi({
      apiName: '/wxa/business/getuserphonenumber',
      requestData: { code },
    })) as { code?: string; message?: string; result?: PhoneResult };
    if (res.code) {
      console.error(`[wx-phone] proxy refused: ${res.code} ${res.message ?? ''}`);
      return { ok: false, reason: 'unavailable' };
    }
    const r = res.result;
    if (r?.errcode) {
      if (BAD_CODE.has(r.errcode)) return { ok: false, reason: 'code' };
      console.error(`[wx-phone] WeChat refused: ${r.errcode} ${r.errmsg ?? ''}`);
      return { ok: false, reason: 'unavailable' };
    }
    const info = r?.phone_info;
    // Only mainland numbers register (PhoneSchema): another country's number keeps the SMS path.
    if (!info?.purePhoneNumber || (info.countryCode && info.countryCode !== '86')) return { ok: false, reason: 'unavailable' };
    return { ok: true, phone: info.purePhoneNumber };
  },
};
