// Reading a QR code with the phone: the camera on weapp, the WeChat JS-SDK on h5 inside WeChat.
import Taro from '@tarojs/taro';
import { CloudError } from '../services/cloud-error';
import { errMsgOf } from './errors';

type WxJsSdk = {
  scanQRCode?: (opts: {
    needResult: 0 | 1;
    scanType?: string[];
    success?: (res: { resultStr?: string }) => void;
    fail?: (err: unknown) => void;
    cancel?: () => void;
  }) => void;
};
const h5Wx = (): WxJsSdk | undefined => (typeof window === 'undefined' ? undefined : (window as unknown as { wx?: WxJsSdk }).wx);

/**
 * How this phone reads a QR code: the camera on weapp; on h5 only inside WeChat (the JS-SDK's scanQRCode),
 * elsewhere the page offers typing the code in.
 */
export function canScanQr(): boolean {
  if (process.env.TARO_ENV === 'weapp') return true;
  return typeof h5Wx()?.scanQRCode === 'function';
}

/** The `scene` a 小程序码's page path carries (`pages/scan/index?scene=…`), decoded. */
export function sceneOfPath(path: string | undefined): string | undefined {
  const m = /[?&]scene=([^&]*)/.exec(path ?? '');
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]) || undefined;
  } catch {
    return undefined;
  }
}

/** Opens the scanner; the code's text (a 小程序码: the page path it opens), or null when the user closed it. */
export async function readQrCode(): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      // No scanType: the default reads QR codes and this mini program's own 小程序码, whose answer has no text but
      // the `path` of the page it opens, with the signed `scene` in its query (the scan page reads it: sceneOfPath).
      const r = await Taro.scanCode({ onlyFromCamera: true });
      return r.result || r.path || null;
    } catch (e) {
      if (/cancel/i.test(errMsgOf(e))) return null;
      throw new CloudError('INTERNAL', '无法打开扫码，请稍后重试', errMsgOf(e));
    }
  }
  const wx = h5Wx();
  if (!wx?.scanQRCode) throw new CloudError('INTERNAL', '当前浏览器不能扫码，请输入签到码');
  const scan = wx.scanQRCode;
  return new Promise((resolve, reject) =>
    scan({
      needResult: 1,
      scanType: ['qrCode'],
      success: (res) => resolve(res.resultStr?.trim() || null),
      cancel: () => resolve(null),
      fail: (err) => reject(new CloudError('INTERNAL', '扫码失败，请重试或输入签到码', errMsgOf(err))),
    }),
  );
}
