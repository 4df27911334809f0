// 我发布的活动 (?orgId=): a team's activities by phase with their enrollment figures, and the way to publish a new one.
// Test classes: pub-act-tab-<phase>, pub-act-item, pub-act-waitlist, pub-act-publish, pub-act-loading/-error/-empty, pub-act-list-more/-end.
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import ActivityCard from '../../components/activity-card';
import ListFooter from '../../components/list-footer';
import { PAGE_SIZE, usePagedList } from '../../hooks/use-paged-list';
import { publishedActivities } from '../../services/activity';
import { ALL_PHASES, phaseOf, phaseTabs, type PhaseTab } from '../../utils/activity-format';
import { routes } from '../../routes';
import './index.scss';

const TABS = phaseTabs(ALL_PHASES);

export default function PublishedActivities() {
  const orgId = decodeURIComponent(useRouter().params.orgId ?? '');
  const [tab, setTab] = useState<PhaseTab>('all');
  const fetchPage = useCallback(
    (page: number) => publishedActivities({ orgId, phase: phaseOf(tab), page, pageSize: PAGE_SIZE }),
    [orgId, tab],
  );
  const { list, reload, loadMore, hasMore } = usePagedList(fetchPage, (a) => a._id);
  useEffect(() => {
    if (orgId) reload();
  }, [fetchPage, reload, orgId]);
  useReachBottom(loadMore);
  // Back from publishing, editing or cancelling one.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && orgId) reload();
    shown.current = true;
  });
  useEffect(() => {
    if (list.status === 'ready' && list.items[0])
      Taro.setNavigationBarTitle({ title: `我发布的活动 · ${list.items[0].orgName}` }).catch(() => undefined);
  }, [list]);

  const publish = () => Taro.navigateTo({ url: routes.publishActivity(orgId) });

  if (!orgId) {
    return (
      <View className='app-page pub-acts'>
        <StateView kind='empty' className='pub-act-no-org' icon='队' title='未指定队伍' description='请从“我的”→队伍管理进入' />
      </View>
    );
  }

  return (
    <View className='app-page pub-acts'>
      <SegTabs name='pub-act-tab' tabs={TABS} value={tab} onChange={setTab} />
      {list.status === 'loading' ? <StateView kind='loading' className='pub-act-loading' rows={4} /> : null}
      {list.status === 'error' ? (
        <StateView
          kind='error'
          className='pub-act-error'
          message={list.error.code === 'AUTH.FORBIDDEN' ? '只有队伍负责人和管理员可以查看' : list.error.message}
          onRetry={reload}
        />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView
          kind='empty'
          className='pub-act-empty'
          icon='活'
          title={tab === 'all' ? '还没有发布活动' : '没有该状态的活动'}
          description='发布活动后，志愿者可以在活动广场报名'
        />
      ) : null}
      {list.status === 'ready' ? (
        <View className='pub-acts__list'>
          {list.items.map((a) => (
            <ActivityCard
              key={a._id}
              activity={a}
              className='pub-act-item'
              onClick={() => Taro.navigateTo({ url: routes.activityDetail(a._id) })}
              extra={
                <>
                  <Text className='pub-acts__waitlist pub-act-waitlist'>{a.waitlist ? `候补 ${a.waitlistCount} 人` : '不设候补'}</Text>
                  <Text
                    className='pub-acts__roster pub-act-roster'
                    onClick={(e) => {
                      e.stopPropagation();
                      void Taro.navigateTo({ url: routes.enrollments(a._id) });
                    }}
                  >
                    报名名单 ›
                  </Text>
                </>
              }
            />
          ))}
          <ListFooter name='pub-act-list' list={list} hasMore={hasMore} onMore={loadMore} />
        </View>
      ) : null}
      <View className='pub-acts__bar'>
        <Button className='pub-act-publish' type='primary' block onClick={publish}>
          发布活动
        </Button>
      </View>
    </View>
  );
}
