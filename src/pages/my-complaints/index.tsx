// 我的投诉: the complaints the caller made, newest first, each with where it stands (待答复 at which team and until
// when, 已超时, 已答复) and the answer. Opened from 我的 (when there are any) and from a complaint's messages.
// Test classes: my-complaints-loading, my-complaints-error, my-complaints-empty, my-complaints-list-more/-end, and
// ComplaintCard's complaint-item, complaint-status, complaint-answer.
import { useEffect } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import StateView from '../../components/state-view';
import ListFooter from '../../components/list-footer';
import ComplaintCard from '../../components/complaint-card';
import { PAGE_SIZE, usePagedList } from '../../hooks/use-paged-list';
import { useDidReshow } from '../../hooks/use-did-reshow';
import { myComplaints } from '../../services/complaint';
import './index.scss';

export default function MyComplaints() {
  const { list, reload, loadMore, hasMore } = usePagedList(
    (page) => myComplaints(page, PAGE_SIZE),
    (c) => c.complaintId,
  );
  useEffect(reload, [reload]);
  useDidReshow(reload);
  useReachBottom(loadMore);
  usePullDownRefresh(() => {
    reload();
    Taro.stopPullDownRefresh();
  });

  return (
    <View className='app-page my-complaints'>
      {list.status === 'loading' ? <StateView kind='loading' className='my-complaints-loading' rows={3} /> : null}
      {list.status === 'error' ? (
        <StateView kind='error' className='my-complaints-error' message={list.error.message} onRetry={reload} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView
          kind='empty'
          className='my-complaints-empty'
          icon='诉'
          title='还没有投诉'
          description='在队伍或活动页面底部可以投诉，由上级队伍受理答复'
        />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='my-complaints__list'>
          {list.items.map((c) => (
            <ComplaintCard key={c.complaintId} c={c} />
          ))}
          <ListFooter name='my-complaints-list' list={list} hasMore={hasMore} onMore={loadMore} />
        </View>
      ) : null}
    </View>
  );
}
