// Check-in: codes, scans with the phone's position (GCJ-02 on both platforms), day records, admin tools and
// corrections; plus the two device steps a scan needs (reading a QR code, locating the phone).
import Taro from '@tarojs/taro';
import { callFunction } from './cloud';
import { CloudError } from './cloud-error';
import { wgs84ToGcj02 } from '../../types/gcj02';
import type { InputOf } from '../../types/functions';
import type {
  CheckinAdjustInput,
  CheckinBatchSignOutInput,
  CheckinBatchSignOutOutput,
  CheckinCodeInput,
  CheckinCodeOutput,
  CheckinCorrectionsInput,
  CheckinCorrectionsOutput,
  CheckinKind,
  CheckinMyCodeOutput,
  CheckinMyHoursInput,
  CheckinMyHoursOutput,
  CheckinRequestCorrectionInput,
  CheckinRevokeCodesOutput,
  CheckinRosterOutput,
  CheckinScanOutput,
  CheckinScanVolunteerOutput,
  CorrectionOutput,
  RecordOutput,
} from '../../types/checkin';

export type Fix = { lat: number; lng: number; accuracy?: number };

/** An activity's code: static for posters, rotating (every 30 s) for a screen. */
export function activityCode(input: CheckinCodeInput): Promise<CheckinCodeOutput> {
  return callFunction('checkin', 'code', input);
}

/** Revokes every code of the activity shown or printed so far (a photographed poster, a forwarded screenshot). */
export function revokeCodes(activityId: string): Promise<CheckinRevokeCodesOutput> {
  return callFunction('checkin', 'revokeCodes', { activityId });
}

/**
 * Signs in or out with a scanned activity code. Pass the same `nonce` when retrying one tap (after a network
 * failure): the server then answers the first result again and records nothing twice.
 */
export function scanActivityCode(payload: string, location: Fix, nonce: string): Promise<CheckinScanOutput> {
  return callFunction('checkin', 'scan', { payload, location, nonce });
}

/** The volunteer's own rotating code, for an admin to scan when the phone cannot locate. */
export function myCode(activityId: string): Promise<CheckinMyCodeOutput> {
  return callFunction('checkin', 'myCode', { activityId });
}

export function scanVolunteerCode(payload: string, kind: CheckinKind): Promise<CheckinScanVolunteerOutput> {
  return callFunction('checkin', 'scanVolunteer', { payload, kind });
}

export function roster(activityId: string, date: string): Promise<CheckinRosterOutput> {
  return callFunction('checkin', 'roster', { activityId, date });
}

/** Closes the day's open records; the caller's own open day is left for another manager (`skippedOwn`). */
export function batchSignOut(input: CheckinBatchSignOutInput): Promise<CheckinBatchSignOutOutput> {
  return callFunction('checkin', 'batchSignOut', input);
}

/** 补录/调整 a volunteer's day with a reason; the change joins the record's audit trail. */
export function adjustRecord(input: CheckinAdjustInput): Promise<RecordOutput> {
  return callFunction('checkin', 'adjust', input);
}

export function myHours(input: CheckinMyHoursInput = {}): Promise<CheckinMyHoursOutput> {
  return callFunction('checkin', 'myHours', input);
}

export function requestCorrection(input: CheckinRequestCorrectionInput): Promise<CorrectionOutput> {
  return callFunction('checkin', 'requestCorrection', input);
}

export function listCorrections(input: CheckinCorrectionsInput): Promise<CheckinCorrectionsOutput> {
  return callFunction('checkin', 'corrections', input);
}

export function reviewCorrection(input: InputOf<'checkin', 'reviewCorrection'>): Promise<CorrectionOutput> {
  return callFunction('checkin', 'reviewCorrection', input);
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A fresh random nonce ([A-Za-z0-9_-]{24}) for one tap. */
export function newNonce(): string {
  const bytes = new Uint8Array(24);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => NONCE_ALPHABET[b & 63]).join('');
}

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
export const isLocateError = (e: unknown): e is LocateError => e instanceof LocateError || (e as { name?: unknown } | null)?.name === 'LocateError';

const errMsgOf = (e: unknown) => String((e as { errMsg?: unknown; message?: unknown } | null)?.errMsg ?? (e as { message?: unknown } | null)?.message ?? e);

/** The phone's position in GCJ-02: weapp asks for it directly, h5 gets WGS-84 from the browser and converts. */
export async function locate(): Promise<Fix> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 5000 });
      return { lat: r.latitude, lng: r.longitude, ...(r.accuracy >= 0 ? { accuracy: r.accuracy } : {}) };
    }
    const r = await Taro.getLocation({ type: 'wgs84', isHighAccuracy: true, highAccuracyExpireTime: 10000 });
    return wgs84ToGcj02({ lat: r.latitude, lng: r.longitude, ...(r.accuracy >= 0 ? { accuracy: r.accuracy } : {}) });
  } catch (e) {
    const msg = errMsgOf(e);
    throw new LocateError(/auth|deny|denied|permission|authoriz/i.test(msg) ? 'denied' : 'unavailable', msg);
  }
}

type WxJsSdk = { scanQRCode?: (opts: { needResult: 0 | 1; scanType?: string[]; success?: (res: { resultStr?: string }) => void; fail?: (err: unknown) => void; cancel?: () => void }) => void };
const h5Wx = (): WxJsSdk | undefined => (typeof window === 'undefined' ? undefined : (window as unknown as { wx?: WxJsSdk }).wx);

/**
 * How this phone reads a QR code: the camera on weapp; on h5 only inside WeChat (the JS-SDK's scanQRCode),
 * elsewhere the page offers typing the code in.
 */
export function canScanQr(): boolean {
  if (process.env.TARO_ENV === 'weapp') return true;
  return typeof h5Wx()?.scanQRCode === 'function';
}

/** Opens the scanner; the code's text, or null when the user closed it. */
export async function readQrCode(): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      return r.result || null;
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

/** Best effort, where the platform has them: a short buzz on success, the screen kept on while a code shows. */
export function buzz(): void {
  try {
    Taro.vibrateShort({ type: 'medium' }).catch(() => undefined);
  } catch {
    // not available here
  }
}

export function keepScreenOn(): void {
  try {
    Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
  } catch {
    // not available here
  }
}
