// Emulator-only stand-in for the WeChat openid: kept in storage so a new visitor is a new user.
import Taro from '@tarojs/taro';

const STORAGE_KEY = 'dev-openid';

/** `dev-` + 16 hex digits. Not a secret: it only names a test user on the local emulator. */
export function newDevOpenid(): string {
  let hex = '';
  for (let i = 0; i < 16; i++) hex += Math.floor(Math.random() * 16).toString(16);
  return `dev-${hex}`;
}

export function getDevOpenid(): string {
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
  if (typeof stored === 'string' && stored) return stored;
  const openid = newDevOpenid();
  Taro.setStorageSync(STORAGE_KEY, openid);
  return openid;
}

export function setDevOpenid(openid: string): void {
  Taro.setStorageSync(STORAGE_KEY, openid);
}
