// Calling a number: the phone's dialer through WeChat (makePhoneCall); on h5 a tel: link, which phones hand to theirs.
import Taro from '@tarojs/taro';

/** Opens the dialer with `phone` filled in; the person still taps to call. Rejects only when WeChat refuses. */
export async function callPhone(phone: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = `tel:${phone}`;
    a.className = 'app-tel-link';
    document.body.appendChild(a);
    a.click();
    a.remove();
    return;
  }
  try {
    await Taro.makePhoneCall({ phoneNumber: phone });
  } catch (e) {
    // Closing the dialer without calling is no failure.
    const msg = (e as { errMsg?: string } | undefined)?.errMsg ?? '';
    if (!/cancel/i.test(msg)) throw e;
  }
}
