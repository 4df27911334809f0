// 通知公告: the notices of the volunteer's teams and of the teams above them, pinned first, then newest; unread marked.
// Test classes: notices-loading, notices-error, notices-empty, notices-item (is-unread), notices-unread.
import { useEffect } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import StateView from '../../components/state-view';
import ListFooter from '../../components/list-footer';
import { usePagedList } from '../../hooks/use-paged-list';
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
  // Back from a notice: its read mark shows.
  useDidShow(reload);
  useReachBottom(loadMore);
  usePullDownRefresh(() => {
    reload();
    Taro.stopPullDownRefresh();
  });

  if (list.status === 'loading') return <StateView kind='loading' className='notices-loading' />;
  if (list.status === 'error') return <StateView kind='error' className='notices-error' message={list.error.message} onRetry={reload} />;
  return (
    <View className='app-page notices'>
      {list.items.length === 0 ? (
        <StateView
          kind='empty'
          className='notices-empty'
          icon='告'
          title='暂无通知公告'
          description='所在队伍及上级队伍发布的通知会显示在这里'
        />
      ) : null}
      {list.items.map((n) => (
        <View
          key={n.noticeId}
          className={`card notices__item notices-item ${n.read ? '' : 'is-unread'}`}
          onClick={() => void Taro.navigateTo({ url: routes.notice(n.noticeId) })}
        >
          <View className='notices__title-row'>
            {n.read ? null : <View className='notices__dot' />}
            <Text className='notices__title'>
              {n.pinned ? <Text className='notices__pinned'>置顶 </Text> : null}
              {n.title}
            </Text>
          </View>
          <Text className='notices__meta'>
            {n.orgName} · {dateTimeOf(n.publishedAt)}
            {n.readCount !== undefined ? ` · 已读${n.readCount}人` : ''}
          </Text>
        </View>
      ))}
      <ListFooter name='notices' list={list} hasMore={hasMore} onMore={loadMore} />
    </View>
  );
}
