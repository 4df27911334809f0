// Port: the image of a 小程序码 that opens `page` with `scene` (WeChat's wxacode.getUnlimited in production, a plain QR
// of the same page on h5 locally), so that 扫一扫 in WeChat itself opens the scan page with the code.
export interface WxacodeRequest {
  /** At most 32 characters of WeChat's scene charset (domain/checkin-code: the short signed code). */
  scene: string;
  /** A page of the mini program without a leading slash, e.g. pages/scan/index. */
  page: string;
}

export interface WxacodeMaker {
  /** The code as a PNG. */
  png(request: WxacodeRequest): Promise<Buffer>;
}
