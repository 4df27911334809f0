// 导航 to a place: WeChat's map page (openLocation, GCJ-02 as stored), where the person picks their own navigation
// app; a browser opens 高德's marker page instead (Taro's h5 openLocation needs the WeChat JS-SDK).
import Taro from '@tarojs/taro';
import type { GeoPoint } from '@contract/activity';
import { errMsgOf } from './errors';

export type Place = { point: GeoPoint; name: string; address: string };

/** The zoom WeChat's map page opens at: streets readable around the point. */
export const PLACE_SCALE = 16;

/** Opens the place in a map with its name and address. Rejects only when WeChat refuses (closing it is no failure). */
export async function openPlace(place: Place): Promise<void> {
  const { point, name, address } = place;
  if (process.env.TARO_ENV === 'weapp') {
    try {
      await Taro.openLocation({ latitude: point.lat, longitude: point.lng, name, address, scale: PLACE_SCALE });
    } catch (e) {
      if (!/cancel/i.test(errMsgOf(e))) throw e;
    }
    return;
  }
  // 高德's marker page takes GCJ-02 as stored (coordinate=gaode).
  const url = `https://uri.amap.com/marker?position=${point.lng},${point.lat}&name=${encodeURIComponent(name)}&src=kjzy&coordinate=gaode&callnative=1`;
  if (typeof window !== 'undefined') window.open(url, '_blank');
}
