// Passing a page on: in WeChat the share menu and <Button openType="share"> send a card; a browser has neither, so
// there the page's address is copied and shown. Also the address of a page (with its query) on h5.
import Taro from '@tarojs/taro';

/** The h5 address of an app route (the router is in hash mode, config/index.ts). */
export const h5Address = (route: string): string => `${window.location.origin}${window.location.pathname}#${route}`;

/** h5: copies the page's address and shows it; answers the address. */
export async function copyPageLink(route: string, title: string): Promise<string> {
  const url = h5Address(route);
  await Taro.setClipboardData({ data: url }).catch(() => undefined);
  await Taro.showModal({ title, content: url, showCancel: false, confirmText: '知道了' });
  return url;
}
