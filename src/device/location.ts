// Where the phone is, in GCJ-02 (the system of WeChat maps and of activity points; see ARCHITECTURE.md § Coordinates):
// the one place that asks the platform for a position, for scans and for sorting activities by distance.
import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from '@contract/gcj02';
import { errMsgOf } from './errors';

export type Fix = { lat: number; lng: number; accuracy?: number };

export const LOCATION_DENIED_MESSAGE = '无法获取您的位置，请在设置中允许使用位置信息后重试';

/** Why the phone gave no position: the user (or the system) refused, or it could not find one. */
export type LocateFailure = 'denied' | 'unavailable';
export class LocateError extends Error {
  readonly reason: LocateFailure;
  constructor(reason: LocateFailure, detail: string) {
    super(detail);
    Object.setPrototypeOf(this, LocateError.prototype);
    this.name = 'LocateError';
    this.reason = reason;
  }
}
export const isLocateError = (e: unknown): e is LocateError =>
  e instanceof LocateError || (e as { name?: unknown } | null)?.name === 'LocateError';

/**
 * The phone's position in GCJ-02: weapp asks for it directly, h5 gets WGS-84 from the browser and converts. `precise`
 * (a scan) waits for a high-accuracy fix and says how accurate it is; otherwise (sorting by distance) coarse will do.
 */
export async function locate(opts: { precise?: boolean } = {}): Promise<Fix> {
  const weapp = process.env.TARO_ENV === 'weapp';
  const high = opts.precise ? { isHighAccuracy: true, highAccuracyExpireTime: weapp ? 5000 : 10000 } : {};
  try {
    const r = await Taro.getLocation({ type: weapp ? 'gcj02' : 'wgs84', ...high });
    const fix = { lat: r.latitude, lng: r.longitude, ...(opts.precise && r.accuracy >= 0 ? { accuracy: r.accuracy } : {}) };
    // Browsers only speak WGS-84.
    return weapp ? fix : wgs84ToGcj02(fix);
  } catch (e) {
    const msg = errMsgOf(e);
    throw new LocateError(/auth|deny|denied|permission|authoriz/i.test(msg) ? 'denied' : 'unavailable', msg);
  }
}

/** A point picked on WeChat's map (GCJ-02) and its address as the map names it. */
export type PickedPlace = { lat: number; lng: number; address: string };

/** 兰州市城关区东方红广场 from chooseLocation's address + place name, without saying the name twice. */
function addressOf(r: { name?: string; address?: string }): string {
  const address = (r.address ?? '').trim();
  const name = (r.name ?? '').trim();
  if (!name || address.includes(name)) return address || name;
  return `${address}${name}`.slice(0, 100);
}

/**
 * Opens WeChat's map to pick a point (weapp only; h5 has no map picker), starting at `near` when given. Null when the
 * user cancels; a LocateError when the map cannot open (location refused).
 */
export async function choosePlace(near?: { lat: number; lng: number }): Promise<PickedPlace | null> {
  try {
    const r = await Taro.chooseLocation(near ? { latitude: near.lat, longitude: near.lng } : {});
    return { lat: r.latitude, lng: r.longitude, address: addressOf(r) };
  } catch (e) {
    const msg = errMsgOf(e);
    if (/cancel/i.test(msg)) return null;
    throw new LocateError(/auth|deny|denied|permission|authoriz/i.test(msg) ? 'denied' : 'unavailable', msg);
  }
}
