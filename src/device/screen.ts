// What the screen and the body of the phone do for a scan: a buzz on success, the screen kept on while a code shows.
import Taro from '@tarojs/taro';

/** Best effort, where the platform has them. */
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
