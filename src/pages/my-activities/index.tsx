// 我参加的活动: the activities I enrolled in by my own state (待参加/进行中/已完成/已取消), each with my enrollment
// (已报名 / 候补中 / 已取消报名) and, once under way, my credited hours.
// Test classes: my-act-tab-<all|upcoming|ongoing|done|cancelled>, my-act-item, my-act-status, my-act-hours, my-act-loading,
// my-act-error, my-act-empty, my-act-list-more/-end.
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Tag } from '../../components/nutui/tag';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import ActivityCard from '../../components/activity-card';
import ListFooter from '../../components/list-footer';
import { PAGE_SIZE, usePagedList } from '../../hooks/use-paged-list';
import { myActivities } from '../../services/activity';
import { ENROLLMENT_TAG } from '../../utils/status-tag';
import { ENROLLMENT_STATUS_LABEL } from '@contract/enums';
import { MY_ACTIVITY_STATES, MY_ACTIVITY_STATE_LABEL, type Enrollment, type MyActivityState } from '@contract/activity';
import { formatDuration } from '@contract/format';
import { monthDayTimeOf } from '@contract/time';
import { routes, tabs } from '../../routes';
import './index.scss';

type Tab = 'all' | MyActivityState;
const TABS: { key: Tab; title: string }[] = [
  { key: 'all', title: '全部' },
  ...MY_ACTIVITY_STATES.map((s) => ({ key: s, title: MY_ACTIVITY_STATE_LABEL[s] })),
];

function statusText(e: Enrollment, state: MyActivityState): string {
  if (e.status === 'waitlisted' && state === 'cancelled') return '候补未递补';
  if (e.status === 'waitlisted' && e.waitlistPosition) return `候补第${e.waitlistPosition}位`;
  return ENROLLMENT_STATUS_LABEL[e.status];
}

export default function MyActivities() {
  const [tab, setTab] = useState<Tab>('all');
  const fetchPage = useCallback(
    (page: number) => myActivities({ ...(tab === 'all' ? {} : { state: tab }), page, pageSize: PAGE_SIZE }),
    [tab],
  );
  const { list, reload, loadMore, hasMore } = usePagedList(fetchPage, (a) => a._id);
  useEffect(reload, [fetchPage, reload]);
  useReachBottom(loadMore);
  // Back from a detail page where I enrolled or cancelled.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });

  return (
    <View className='app-page my-acts'>
      <SegTabs name='my-act-tab' tabs={TABS} value={tab} onChange={setTab} />
      {list.status === 'loading' ? <StateView kind='loading' className='my-act-loading' rows={4} /> : null}
      {list.status === 'error' ? <StateView kind='error' className='my-act-error' message={list.error.message} onRetry={reload} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView
          kind='empty'
          className='my-act-empty'
          icon='活'
          title={tab === 'all' ? '还没有报名活动' : `没有${MY_ACTIVITY_STATE_LABEL[tab]}的活动`}
          description='在活动广场找到感兴趣的志愿活动，报名参加吧'
          action={{ text: '去看看活动', className: 'my-act-go-square', onClick: () => Taro.switchTab({ url: tabs.activities }) }}
        />
      ) : null}
      {list.status === 'ready' ? (
        <View className='my-acts__list'>
          {list.items.map((a) => (
            <ActivityCard
              key={a._id}
              activity={a}
              className='my-act-item'
              onClick={() => Taro.navigateTo({ url: routes.activityDetail(a._id) })}
              extra={
                <>
                  <Tag type={ENROLLMENT_TAG[a.enrollment.status]} className='my-act-status'>
                    {statusText(a.enrollment, a.myState)}
                  </Tag>
                  {a.myState === 'done' || a.myState === 'ongoing' ? (
                    <Text className='my-acts__hours my-act-hours'>
                      {a.myMinutes > 0 ? `我的时长 ${formatDuration(a.myMinutes)}` : a.myState === 'done' ? '未记录时长' : '尚未签退'}
                    </Text>
                  ) : (
                    <Text className='my-acts__time'>报名于 {monthDayTimeOf(a.enrollment.enrolledAt)}</Text>
                  )}
                </>
              }
            />
          ))}
          <ListFooter name='my-act-list' list={list} hasMore={hasMore} onMore={loadMore} />
        </View>
      ) : null}
    </View>
  );
}
