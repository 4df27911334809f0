// The unread badge on the tab bar's 我的 (index 2): a count, or nothing. Failures (a page without the tab bar) are ignored.
import Taro from '@tarojs/taro';

const MINE_TAB = 2;

export function showUnreadOnTabBar(unread: number): void {
  const done = () => undefined;
  if (unread > 0) Taro.setTabBarBadge({ index: MINE_TAB, text: unread > 99 ? '99+' : String(unread) }).then(done, done);
  else Taro.removeTabBarBadge({ index: MINE_TAB }).then(done, done);
}
