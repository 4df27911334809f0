// 投诉处理: the complaints addressed to the teams I lead or administer (the teams below them were complained about),
// 待答复 first with the overdue ones marked, then 已答复; and those the team above chose to share with my team (read
// only, without the complainant's phone). An answer reaches the complainant at once; unanswered past its due time, a
// complaint moves to the next team up.
// Test classes: complaint-inbox-tab-<open|answered>(-count), complaint-inbox-loading, complaint-inbox-error,
// complaint-inbox-empty, complaint-inbox-forbidden, complaint-inbox-list-more/-end, and ComplaintCard's and AnswerForm's.
import { useCallback, useEffect, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import ListFooter from '../../components/list-footer';
import ComplaintCard from '../../components/complaint-card';
import { PAGE_SIZE, usePagedList } from '../../hooks/use-paged-list';
import { complaintInbox } from '../../services/complaint';
import type { ComplaintInboxOutput, ComplaintStatus, ComplaintView } from '@contract/complaint';
import AnswerForm from './answer-form';
import './index.scss';

const EMPTY_TEXT: Record<ComplaintStatus, [string, string]> = {
  open: ['暂无待答复的投诉', '对下级队伍及其活动的投诉会出现在这里'],
  answered: ['暂无已答复的投诉', '答复过的投诉，以及上级告知本队的投诉会出现在这里'],
};

export default function ComplaintInbox() {
  const [tab, setTab] = useState<ComplaintStatus>('open');
  const [counts, setCounts] = useState<ComplaintInboxOutput['counts'] | null>(null);
  /** Complaints changed here (answered, shared), shown as answered until the list is read again. */
  const [changed, setChanged] = useState<Record<string, ComplaintView>>({});

  const fetchPage = useCallback(
    async (page: number) => {
      const res = await complaintInbox(tab, page, PAGE_SIZE);
      setCounts(res.counts);
      return res;
    },
    [tab],
  );
  const { list, reload, loadMore, hasMore } = usePagedList(fetchPage, (c) => c.complaintId);
  useEffect(() => {
    setChanged({});
    reload();
  }, [fetchPage, reload]);
  useReachBottom(loadMore);

  if (list.status === 'error' && (list.error.code === 'AUTH.FORBIDDEN' || list.error.code === 'USER.NOT_REGISTERED'))
    return (
      <View className='app-page complaint-inbox'>
        <StateView
          kind='empty'
          className='complaint-inbox-forbidden'
          icon='诉'
          title='暂无处理权限'
          description='只有队伍负责人和管理员可以处理投诉'
        />
      </View>
    );

  const [emptyTitle, emptyText] = EMPTY_TEXT[tab];
  return (
    <View className='app-page complaint-inbox'>
      <SegTabs
        name='complaint-inbox-tab'
        tabs={[
          { key: 'open', title: counts?.overdue ? `待答复（${counts.overdue}超时）` : '待答复', count: counts?.open },
          { key: 'answered', title: '已答复' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {list.status === 'loading' ? <StateView kind='loading' className='complaint-inbox-loading' rows={3} /> : null}
      {list.status === 'error' ? (
        <StateView kind='error' className='complaint-inbox-error' message={list.error.message} onRetry={reload} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView kind='empty' className='complaint-inbox-empty' icon='诉' title={emptyTitle} description={emptyText} />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='complaint-inbox__list'>
          {list.items.map((item) => {
            const c = changed[item.complaintId] ?? item;
            return (
              <ComplaintCard key={c.complaintId} c={c}>
                <AnswerForm c={c} onChanged={(next) => setChanged((m) => ({ ...m, [next.complaintId]: next }))} />
              </ComplaintCard>
            );
          })}
          <ListFooter name='complaint-inbox-list' list={list} hasMore={hasMore} onMore={loadMore} />
        </View>
      ) : null}
    </View>
  );
}
