// 消息中心: every notice the product sent the volunteer (review results with reasons, activity changes and
// cancellations, waitlist moves, reminders …), newest first; unread ones marked until opened. Opening one marks it
// read and goes to what it is about; 全部已读 clears the badge on 我的 and the tab bar.
// Test classes: messages-loading, messages-error, messages-empty, message (one per item, is-unread), message-title,
// message-body, message-time, messages-read-all, messages-unread.
import { useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import UnreadList, { UnreadCard } from '../../components/unread-list';
import { usePagedList } from '../../hooks/use-paged-list';
import { myMessages, readMessages } from '../../services/user';
import { showUnreadOnTabBar } from '../../device/tab-badge';
import { tabs } from '../../routes';
import { dateTimeOf } from '@contract/time';
import type { MessageItem } from '@contract/message';
import './index.scss';

const TAB_PAGES = new Set<string>(Object.values(tabs));

/** Opens the page a message is about: tab pages by switchTab (they take no query), others by navigateTo. */
function openPage(page: string) {
  const url = page.startsWith('/') ? page : `/${page}`;
  const path = url.split('?')[0];
  const done = () => undefined;
  if (TAB_PAGES.has(path)) Taro.switchTab({ url: path }).then(done, done);
  else Taro.navigateTo({ url }).then(done, done);
}

export default function Messages() {
  const [unread, setUnread] = useState<number | null>(null);
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const [allRead, setAllRead] = useState(false);
  const { list, reload, loadMore, hasMore } = usePagedList(
    (page) =>
      myMessages(page).then((r) => {
        setUnread(r.unread);
        showUnreadOnTabBar(r.unread);
        return r;
      }),
    (m: MessageItem) => m.messageId,
  );
  useEffect(reload, [reload]);
  useReachBottom(loadMore);
  usePullDownRefresh(() => {
    setReadIds(new Set());
    setAllRead(false);
    reload();
    Taro.stopPullDownRefresh();
  });

  const isRead = (m: MessageItem) => m.read || allRead || readIds.has(m.messageId);

  const open = (m: MessageItem) => {
    if (!isRead(m)) {
      setReadIds((ids) => new Set(ids).add(m.messageId));
      setUnread((n) => (n === null ? n : Math.max(0, n - 1)));
      readMessages([m.messageId]).then(
        (r) => {
          setUnread(r.unread);
          showUnreadOnTabBar(r.unread);
        },
        () => undefined,
      );
    }
    if (m.page) openPage(m.page);
  };

  const readAll = () => {
    setAllRead(true);
    setUnread(0);
    readMessages('all').then(
      (r) => showUnreadOnTabBar(r.unread),
      (e: unknown) => {
        setAllRead(false);
        void Taro.showToast({ title: (e as Error)?.message || '操作失败，请重试', icon: 'none' });
        reload();
      },
    );
  };

  return (
    <UnreadList
      name='messages'
      list={list}
      hasMore={hasMore}
      onMore={loadMore}
      onRetry={reload}
      empty={{ icon: '信', title: '暂无消息', description: '审核结果、活动变更和提醒都会在这里保留' }}
      head={
        <View className='messages__head'>
          <Text className='messages__count messages-unread'>{unread ? `${unread} 条未读` : '全部已读'}</Text>
          {unread ? (
            <Text className='messages__read-all messages-read-all' onClick={readAll}>
              全部标为已读
            </Text>
          ) : null}
        </View>
      }
    >
      {(items) =>
        items.map((m) => (
          <UnreadCard
            key={m.messageId}
            className='message'
            unread={!isRead(m)}
            title={m.title}
            titleClassName='message-title'
            onClick={() => open(m)}
          >
            <Text className='messages__body message-body'>{m.body}</Text>
            <View className='messages__foot'>
              <Text className='messages__time message-time'>{dateTimeOf(m.createdAt)}</Text>
              {m.page ? <Text className='messages__go'>查看 ›</Text> : null}
            </View>
          </UnreadCard>
        ))
      }
    </UnreadList>
  );
}
