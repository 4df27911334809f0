// 报名名单 (?id=): who enrolled in an activity — name, masked phone, status and when — by status, page by page.
// Test classes: roster-tab-<all|enrolled|waitlisted|cancelled>, roster-item, roster-name, roster-phone, roster-status,
// roster-title, roster-loading/-error/-empty, roster-list-more/-end.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Tag } from '../../components/nutui/tag';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import ListFooter from '../../components/list-footer';
import { PAGE_SIZE, usePagedList } from '../../hooks/use-paged-list';
import { getActivity, listEnrollments } from '../../services/activity';
import { useResource } from '../../hooks/use-resource';
import { ENROLLMENT_TAG } from '../../utils/status-tag';
import { formatSchedule } from '../../utils/activity-format';
import { ENROLLMENT_STATUS_LABEL, type EnrollmentStatus } from '@contract/enums';
import type { EnrolledVolunteer } from '@contract/activity';
import { monthDayTimeOf } from '@contract/time';
import './index.scss';

type Tab = 'all' | EnrollmentStatus;

const TABS: { key: Tab; title: string }[] = [
  { key: 'all', title: '全部' },
  { key: 'enrolled', title: '已报名' },
  { key: 'waitlisted', title: '候补中' },
  { key: 'cancelled', title: '已取消' },
];

function when(e: EnrolledVolunteer): string {
  if (e.status === 'cancelled' && e.cancelledAt) return `取消于 ${monthDayTimeOf(e.cancelledAt)}`;
  if (e.promotedAt) return `报名于 ${monthDayTimeOf(e.enrolledAt)}，${monthDayTimeOf(e.promotedAt)} 递补`;
  return `报名于 ${monthDayTimeOf(e.enrolledAt)}`;
}

export default function Enrollments() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const [tab, setTab] = useState<Tab>('all');
  const { state: head, reload: loadHead } = useResource(id ? () => getActivity(id) : null, [id]);
  const fetchPage = useCallback(
    (page: number) => listEnrollments({ activityId: id, status: tab === 'all' ? undefined : tab, page, pageSize: PAGE_SIZE }),
    [id, tab],
  );
  const { list, reload, loadMore, hasMore } = usePagedList(fetchPage, (e) => e.enrollmentId);

  useEffect(() => {
    if (id) reload();
  }, [id, fetchPage, reload]);
  useReachBottom(loadMore);

  if (!id)
    return (
      <Shell>
        <StateView
          kind='empty'
          className='roster-no-activity'
          icon='活'
          title='未指定活动'
          description='请从活动详情或“我发布的活动”进入'
        />
      </Shell>
    );
  if (head.status === 'loading')
    return (
      <Shell>
        <StateView kind='loading' className='roster-loading' rows={5} />
      </Shell>
    );
  if (head.status === 'error') {
    return (
      <Shell>
        {head.error.code === 'ACTIVITY.NOT_FOUND' ? (
          <StateView kind='empty' className='roster-not-found' icon='活' title='活动不存在' description='该活动不存在或已被删除' />
        ) : (
          <StateView kind='error' className='roster-error' message={head.error.message} onRetry={loadHead} />
        )}
      </Shell>
    );
  }
  if (!head.data.canManage) {
    return (
      <Shell>
        <StateView
          kind='empty'
          className='roster-forbidden'
          icon='活'
          title='暂无查看权限'
          description='只有发布队伍的负责人和管理员可以查看报名名单'
        />
      </Shell>
    );
  }

  const a = head.data.activity;
  return (
    <Shell>
      <View className='roster__head'>
        <Text className='roster__title roster-title'>{a.title}</Text>
        <Text className='roster__meta'>
          {formatSchedule(a)} · 已报名 {head.data.enrolledCount}/{a.capacity}
          {a.waitlist ? ` · 候补 ${a.waitlistCount}` : ''}
        </Text>
      </View>
      <SegTabs name='roster-tab' tabs={TABS} value={tab} onChange={setTab} />
      {list.status === 'loading' ? <StateView kind='loading' className='roster-list-loading' rows={4} /> : null}
      {list.status === 'error' ? (
        <StateView kind='error' className='roster-list-error' message={list.error.message} onRetry={reload} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView
          kind='empty'
          className='roster-empty'
          icon='员'
          title={tab === 'all' ? '还没有志愿者报名' : `暂无${TABS.find((t) => t.key === tab)?.title}的志愿者`}
        />
      ) : null}
      {list.status === 'ready' ? (
        <View className='roster__list'>
          {list.items.map((e) => (
            <View key={e.enrollmentId} className='card roster__row roster-item'>
              <View className='roster__row-head'>
                <Text className='roster__name roster-name'>{e.realName}</Text>
                <Text className='roster__phone roster-phone'>{e.phoneMasked}</Text>
                <Tag type={ENROLLMENT_TAG[e.status]} className='roster-status'>
                  {e.status === 'waitlisted' && e.waitlistPosition ? `候补第${e.waitlistPosition}位` : ENROLLMENT_STATUS_LABEL[e.status]}
                </Tag>
              </View>
              <Text className='roster__time'>{when(e)}</Text>
            </View>
          ))}
          <ListFooter name='roster-list' list={list} hasMore={hasMore} onMore={loadMore} endText={`共 ${list.total} 人`} />
        </View>
      ) : null}
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return <View className='app-page roster'>{children}</View>;
}
