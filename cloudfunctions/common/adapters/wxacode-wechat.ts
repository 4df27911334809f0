// Production adapter of WxacodeMaker: wxacode.getUnlimited (/wxa/getwxacodeunlimit) through CloudBase's WeChat
// open-API proxy (node-sdk callWxOpenApi), no access_token needed inside a CloudBase function; the answer is the PNG.
// It cannot be exercised on this machine (no WeChat, no network); the emulator uses the local adapter (wxacode-local).
// Deploying it needs: WXACODE_PROVIDER=wechat, the cloud call permission `wxacode.getUnlimited` for the checkin
// function (config.json → permissions.openapi), and a published mini program (an unpublished page is refused unless
// check_path is false, which we send so that trial versions work too).
import type { WxacodeMaker, WxacodeRequest } from '../ports/wxacode-maker';
import { cloudApp } from '../cloud';

/** The PNG in whatever shape the proxy hands back: bytes, a serialised Buffer, or base64 text. */
function pngOf(result: unknown): Buffer | undefined {
  if (Buffer.isBuffer(result)) return result;
  if (result instanceof Uint8Array) return Buffer.from(result);
  if (result && typeof result === 'object' && (result as { type?: unknown }).type === 'Buffer') {
    return Buffer.from((result as { data: number[] }).data);
  }
  if (typeof result === 'string' && result.length > 0) return Buffer.from(result, 'base64');
  return undefined;
}

export const wechatWxacodeMaker: WxacodeMaker = {
  async png({ scene, page }: WxacodeRequest) {
    const res = (await cloudApp().callWxOpenApi({
      apiName: '/wxa/getwxacodeunlimit',
      requestData: { scene, page, check_path: false, width: 430 },
    })) as { code?: string; message?: string; result?: unknown };
    if (res.code) throw new Error(`wxacode not made: ${res.code} ${res.message ?? ''}`);
    const refusal = res.result as { errcode?: number; errmsg?: string } | undefined;
    if (refusal && typeof refusal === 'object' && refusal.errcode)
      throw new Error(`wxacode not made: ${refusal.errcode} ${refusal.errmsg ?? ''}`);
    const png = pngOf(res.result);
    if (!png) throw new Error('wxacode not made: empty answer');
    return png;
  },
};
