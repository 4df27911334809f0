// Where the phone is, in GCJ-02 (the system of WeChat maps and of activity points; see ARCHITECTURE.md § Coordinates).
import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from '../../types/gcj02';
import type { GeoPoint } from '../../types/activity';

export const LOCATION_DENIED_MESSAGE = '无法获取您的位置，请在设置中允许使用位置信息后重试';

/** The current position (coarse is enough for sorting by distance); rejects when the user refuses or the phone cannot tell. */
export async function currentGcj02(): Promise<GeoPoint> {
  if (process.env.TARO_ENV === 'weapp') {
    const r = await Taro.getLocation({ type: 'gcj02' });
    return { lat: r.latitude, lng: r.longitude };
  }
  // Browsers only speak WGS-84.
  const r = await Taro.getLocation({ type: 'wgs84' });
  return wgs84ToGcj02({ lat: r.latitude, lng: r.longitude });
}
