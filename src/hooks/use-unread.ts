// The caller's unread 消息中心 count, read again whenever the page shows, and mirrored on the tab bar's 我的.
import { useCallback, useState } from 'react';
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
  useDidShow(refresh);
  return unread;
}
