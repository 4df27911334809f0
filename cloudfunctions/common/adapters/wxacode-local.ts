// Local adapter of WxacodeMaker: no WeChat here, so a plain QR of the h5 build's address of the same page and scene
// (the h5 router is in hash mode, config/index.ts: `<base>/#/pages/scan/index?scene=…`); a phone camera opens it.
import { loadQrcode } from './heavy-modules';
import type { WxacodeMaker, WxacodeRequest } from '../ports/wxacode-maker';
import { env } from '../env';

/** The h5 address that opens `page` with `scene`, as the 小程序码 would open the mini program page. */
export const h5ScanUrl = (base: string, { scene, page }: WxacodeRequest): string =>
  `${base.replace(/\/+$/, '')}/#/${page}?scene=${encodeURIComponent(scene)}`;

export const localWxacodeMaker: WxacodeMaker = {
  async png(request: WxacodeRequest) {
    return (await loadQrcode()).toBuffer(h5ScanUrl(env().WXACODE_H5_BASE_URL, request), {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 430,
    });
  },
};
