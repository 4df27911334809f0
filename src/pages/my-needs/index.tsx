// 我的需求: the needs the caller posted, newest first, each with its category, the day posted and where it stands
// (待响应 → 已派单 → 已接单 → 服务中 → 待评价 → 已完成, or 已关闭); a tap opens the need. No registration needed:
// 消息中心 (the progress kept for them, with the unread badge) is reached from here too.
// Test classes: my-needs-loading, my-needs-error, my-needs-empty, my-needs-post, my-needs-item, my-needs-progress,
// my-needs-list-more/-end, my-needs-new, my-needs-messages(-badge).
import { useEffect } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import { Tag } from '../../components/nutui/tag';
import StateView from '../../components/state-view';
import ListFooter from '../../components/list-footer';
import { PAGE_SIZE, usePagedList } from '../../hooks/use-paged-list';
import { useDidReshow } from '../../hooks/use-did-reshow';
import { useUnread } from '../../hooks/use-unread';
import { myNeeds } from '../../services/need';
import { NEED_PROGRESS_TAG } from '../../utils/status-tag';
import { dateTimeOf } from '@contract/time';
import { routes } from '../../routes';
import './index.scss';

const postNeed = () => void Taro.navigateTo({ url: routes.needPost() });

export default function MyNeeds() {
  const { list, reload, loadMore, hasMore } = usePagedList(
    (page) => myNeeds(page, PAGE_SIZE),
    (n) => n.needId,
  );
  useEffect(reload, [reload]);
  // Back from a need that moved on (rated, closed).
  useDidReshow(reload);
  useReachBottom(loadMore);
  usePullDownRefresh(() => {
    reload();
    Taro.stopPullDownRefresh();
  });

  return (
    <View className='app-page my-needs'>
      {list.status === 'loading' ? <StateView kind='loading' className='my-needs-loading' rows={4} /> : null}
      {list.status === 'error' ? <StateView kind='error' className='my-needs-error' message={list.error.message} onRetry={reload} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView
          kind='empty'
          className='my-needs-empty'
          icon='需'
          title='还没有提出需求'
          description='社区、学校、单位或个人需要科技志愿服务，都可以点单'
          action={{ text: '我要点单', className: 'my-needs-post', onClick: postNeed }}
        />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='my-needs__list'>
          <MessagesRow />
          {list.items.map((n) => (
            <View
              key={n.needId}
              className='card my-needs__item my-needs-item'
              onClick={() => Taro.navigateTo({ url: routes.need(n.needId) })}
            >
              <View className='my-needs__head'>
                <Text className='my-needs__title'>{n.title}</Text>
                <Tag type={NEED_PROGRESS_TAG[n.progress]} className='my-needs-progress'>
                  {n.progress}
                </Tag>
              </View>
              <Text className='my-needs__meta'>
                {n.category} · {dateTimeOf(n.postedAt)} 提交
              </Text>
              <Text className='my-needs__meta'>{n.assignedOrgName ?? n.coveringOrgName}</Text>
            </View>
          ))}
          <ListFooter name='my-needs-list' list={list} hasMore={hasMore} onMore={loadMore} />
          <View className='my-needs__footer'>
            <Button className='my-needs-new' type='primary' fill='outline' block onClick={postNeed}>
              我要点单
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}

/** 消息中心: where each step of the needs is kept, whether or not the WeChat message got through. */
function MessagesRow() {
  const unread = useUnread();
  return (
    <View className='card my-needs__messages my-needs-messages' onClick={() => Taro.navigateTo({ url: routes.messages() })}>
      <Text className='my-needs__messages-title'>消息</Text>
      <View className='my-needs__messages-side'>
        {unread > 0 ? (
          <Text className='my-needs__badge my-needs-messages-badge'>{unread > 99 ? '99+' : unread}</Text>
        ) : (
          <Text className='my-needs__meta'>需求进度通知</Text>
        )}
        <Text className='my-needs__arrow'>›</Text>
      </View>
    </View>
  );
}
