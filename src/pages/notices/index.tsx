// 通知公告: the notices of the volunteer's teams and of the teams above them, pinned first, then newest; unread marked.
// Test classes: notices-loading, notices-error, notices-empty, notices-item (is-unread), notices-unread.
import { useEffect } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import UnreadList, { UnreadCard } from '../../components/unread-list';
import { usePagedList } from '../../hooks/use-paged-list';
import { useDidReshow } from '../../hooks/use-did-reshow';
import { myNotices } from '../../services/notice';
import { routes } from '../../routes';
import { dateTimeOf } from '@contract/time';
import type { NoticeSummary } from '@contract/notice';
import './index.scss';

export default function Notices() {
  const { list, reload, loadMore, hasMore } = usePagedList(
    (page) => myNotices(page),
    (n: NoticeSummary) => n.noticeId,
  );
  useEffect(reload, [reload]);
  // Back from a notice: its read mark shows (the first show comes with the mount, which loads anyway).
  useDidReshow(reload);
  useReachBottom(loadMore);
  usePullDownRefresh(() => {
    reload();
    Taro.stopPullDownRefresh();
  });

  return (
    <UnreadList
      name='notices'
      list={list}
      hasMore={hasMore}
      onMore={loadMore}
      onRetry={reload}
      empty={{ icon: '告', title: '暂无通知公告', description: '所在队伍及上级队伍发布的通知会显示在这里' }}
    >
      {(items) =>
        items.map((n) => (
          <UnreadCard
            key={n.noticeId}
            className='notices-item'
            unread={!n.read}
            title={
              <>
                {n.pinned ? <Text className='notices__pinned'>置顶 </Text> : null}
                {n.title}
              </>
            }
            onClick={() => void Taro.navigateTo({ url: routes.notice(n.noticeId) })}
          >
            <Text className='notices__meta'>
              {n.orgName} · {dateTimeOf(n.publishedAt)}
              {n.readCount !== undefined ? ` · 已读${n.readCount}人` : ''}
            </Text>
          </UnreadCard>
        ))
      }
    </UnreadList>
  );
}
