// 长辈模式 on this phone: the volunteer's choice kept in Taro storage, else WeChat's own font size (a larger-than-standard
// setting turns it on until they choose), and the one place that puts the class `elder` where the styles look for it.
import Taro from '@tarojs/taro';
import { document as runtimeDocument } from '@tarojs/runtime';

export const ELDER_STORAGE_KEY = 'elder-mode';
const ELDER_CLASS = 'elder';
/** WeChat's 标准 font size: 17px on iOS, 16px on Android (小程序适老化设计指南); fontSizeScaleFactor is 1 there. */
const STANDARD_FONT_SIZE = { ios: 17, other: 16 };

function stored(): boolean | undefined {
  try {
    const value: unknown = Taro.getStorageSync(ELDER_STORAGE_KEY);
    return typeof value === 'boolean' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Whether WeChat's font size is set larger than standard (h5 reports no setting: false). */
function systemAsksLarger(): boolean {
  try {
    const info = Taro.getSystemInfoSync() as { fontSizeSetting?: number; fontSizeScaleFactor?: number; platform?: string };
    if (Number.isFinite(info.fontSizeScaleFactor)) return (info.fontSizeScaleFactor as number) > 1;
    if (Number.isFinite(info.fontSizeSetting)) {
      return (info.fontSizeSetting as number) > (info.platform === 'ios' ? STANDARD_FONT_SIZE.ios : STANDARD_FONT_SIZE.other);
    }
  } catch {
    // not available here
  }
  return false;
}

let current: boolean | undefined;
const listeners = new Set<() => void>();

export function elderMode(): boolean {
  if (current === undefined) current = stored() ?? systemAsksLarger();
  return current;
}

/** The volunteer's choice: kept on the phone, applied at once. */
export function setElderMode(on: boolean): void {
  current = on;
  try {
    Taro.setStorageSync(ELDER_STORAGE_KEY, on);
  } catch {
    // storage full or unavailable: the choice lasts this session
  }
  applyElderMode();
  for (const listener of listeners) listener();
}

export function subscribeElderMode(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * h5: the class on the document root, so every page (and every popup) follows at once. weapp has no such root (the
 * `page` node takes no class): the class goes on the root view of every page in the stack, found in Taro's runtime DOM;
 * App calls this after each render, which is also after each page mounts.
 */
export function applyElderMode(): void {
  const on = elderMode();
  if (process.env.TARO_ENV === 'h5') {
    window.document.documentElement.classList.toggle(ELDER_CLASS, on);
    return;
  }
  for (const page of Taro.getCurrentPages()) {
    const path = (page as { $taroPath?: string }).$taroPath;
    const root = path ? runtimeDocument.getElementById(path) : null;
    for (const view of root?.childNodes ?? []) {
      const el = view as unknown as { classList?: { contains(c: string): boolean; add(c: string): void; remove(c: string): void } };
      if (!el.classList?.contains('app-page')) continue;
      if (on) el.classList.add(ELDER_CLASS);
      else el.classList.remove(ELDER_CLASS);
    }
  }
}
