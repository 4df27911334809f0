// The caller's unread 消息中心 count, read again whenever the page shows, and mirrored on the tab bar's 我的.
import { useCallback, useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { unreadMessages } from '../services/user';
import { showUnreadOnTabBar } from '../device/tab-badge';

export function useUnread(): number {
  const [unread, setUnread] = useState(0);
  const refresh = useCallback(() => {
    unreadMessages().then(
      (r) => {
        setUnread(r.unread);
        showUnreadOnTabBar(r.unread);
      },
      // A badge is not worth an error on the page: the count stays as it was.
      () => undefined,
    );
  }, []);
  // On mount too: a component that appears after the page showed (我的 once the profile loaded) missed that show.
  useEffect(refresh, [refresh]);
  useDidShow(refresh);
  return unread;
}
