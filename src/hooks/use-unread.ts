// The caller's unread 消息中心 count, read on mount and again whenever the page shows again (once per show), and
// mirrored on the tab bar's 我的.
import { useCallback, useEffect, useState } from 'react';
import { unreadMessages } from '../services/user';
import { showUnreadOnTabBar } from '../device/tab-badge';
import { useDidReshow } from './use-did-reshow';

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
  // On mount (also a component that appears after the page showed, 我的 once the profile loaded), then on each later
  // show: the first show comes with the mount and is not fetched twice.
  useEffect(refresh, [refresh]);
  useDidReshow(refresh);
  return unread;
}
