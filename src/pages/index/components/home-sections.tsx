// 首页's personal sections: the next activity with its countdown, teams applied for, a manager's to-dos, 通知公告 and
// recruiting activities in the volunteer's city. Every row leads somewhere.
// Test classes: home-next, home-countdown, home-no-activity, home-find-activity, home-pending, home-membership,
// home-join, home-todo, home-todo-<members|orgs|corrections|needs>, home-notices, home-notice, home-notices-more,
// home-notices-empty, home-recruiting, home-recruiting-item, home-recruiting-more.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { routes, tabs } from '../../../routes';
import { MEMBERSHIP_STATUS_LABEL, ROLE_LABEL } from '@contract/enums';
import type { HomeActivity, UserHomeOutput } from '@contract/home';
import { monthDay } from '@contract/time';
import { countdownOf } from '../helpers';

const go = (url: string) => () => void Taro.navigateTo({ url });
const tab = (url: string) => () => void Taro.switchTab({ url });

export function NextActivity({ next, today }: { next: HomeActivity | null; today: string }) {
  if (!next) {
    return (
      <View className='card home__next home-no-activity'>
        <Text className='home__section-title'>我的活动</Text>
        <Text className='home__caption'>还没有报名即将开始的活动</Text>
        <Text className='home__link home-find-activity' onClick={tab(tabs.activities)}>
          去看看正在招募的活动 ›
        </Text>
      </View>
    );
  }
  return (
    <View className='card home__next home-next' onClick={go(routes.activityDetail(next.activityId))}>
      <View className='home__row-head'>
        <Text className='home__section-title'>下一场活动</Text>
        <Text className='home__countdown home-countdown'>{countdownOf(today, next.startDate)}</Text>
      </View>
      <Text className='home__item-title'>{next.title}</Text>
      <Text className='home__caption'>
        {monthDay(next.startDate)} {next.dailyStart} 开始 · {next.address}
        {next.enrollmentStatus === 'waitlisted' ? ' · 候补中' : ''}
      </Text>
    </View>
  );
}

export function Memberships({ home }: { home: UserHomeOutput }) {
  const pending = home.memberships.filter((m) => m.status === 'pending');
  if (home.memberships.length === 0) {
    return (
      <View className='card home__teams home-join' onClick={go(routes.orgs())}>
        <Text className='home__section-title'>加入志愿服务队伍</Text>
        <Text className='home__caption'>加入队伍并通过审核后，即可报名活动</Text>
        <Text className='home__link'>选择队伍 ›</Text>
      </View>
    );
  }
  if (pending.length === 0) return null;
  return (
    <View className='card home__teams home-pending'>
      <Text className='home__section-title'>入队申请</Text>
      {pending.map((m) => (
        <View key={m.orgId} className='home__row home-membership' onClick={go(routes.orgDetail(m.orgId))}>
          <Text className='home__row-title'>{m.orgName}</Text>
          <Text className='home__pill'>
            {MEMBERSHIP_STATUS_LABEL[m.status]}
            {m.role !== 'member' ? ` · ${ROLE_LABEL[m.role]}` : ''}
          </Text>
          <Text className='home__arrow'>›</Text>
        </View>
      ))}
    </View>
  );
}

const TODO_ROWS = [
  ['members', '入队申请待审核', routes.inbox],
  ['orgs', '队伍注册待审核', routes.inbox],
  ['corrections', '时长更正待审核', routes.inbox],
  ['needs', '群众需求待派单/接单', routes.needInbox],
] as const;

export function Todos({ todo }: { todo: NonNullable<UserHomeOutput['todo']> }) {
  return (
    <View className='card home__todo home-todo'>
      <Text className='home__section-title'>待办</Text>
      {todo.total === 0 ? (
        <View className='home__row home-todo-none' onClick={go(routes.inbox())}>
          <Text className='home__row-title'>暂无待办事项</Text>
          <Text className='home__arrow'>›</Text>
        </View>
      ) : (
        TODO_ROWS.filter(([key]) => todo[key] > 0).map(([key, label, route]) => (
          <View key={key} className={`home__row home-todo-${key}`} onClick={go(route())}>
            <Text className='home__row-title'>{label}</Text>
            <Text className='home__count'>{todo[key]}</Text>
            <Text className='home__arrow'>›</Text>
          </View>
        ))
      )}
    </View>
  );
}

export function Notices({ home }: { home: UserHomeOutput }) {
  return (
    <View className='card home__notices home-notices'>
      <View className='home__row-head'>
        <Text className='home__section-title'>
          通知公告{home.unreadNotices ? <Text className='home__unread'>（{home.unreadNotices}条未读）</Text> : null}
        </Text>
        <Text className='home__more home-notices-more' onClick={go(routes.notices())}>
          更多 ›
        </Text>
      </View>
      {home.notices.length === 0 ? <Text className='home__caption home-notices-empty'>暂无通知公告</Text> : null}
      {home.notices.map((n) => (
        <View key={n.noticeId} className={`home__row home-notice ${n.read ? '' : 'is-unread'}`} onClick={go(routes.notice(n.noticeId))}>
          {n.read ? null : <View className='home__dot' />}
          <View className='home__row-main'>
            <Text className='home__row-title'>
              {n.pinned ? <Text className='home__pinned'>置顶 </Text> : null}
              {n.title}
            </Text>
            <Text className='home__caption'>
              {n.orgName} · {monthDay(n.publishedAt.slice(0, 10))}
            </Text>
          </View>
          <Text className='home__arrow'>›</Text>
        </View>
      ))}
    </View>
  );
}

export function Recruiting({ home }: { home: UserHomeOutput }) {
  if (home.recruiting.length === 0) return null;
  return (
    <View className='card home__recruiting home-recruiting'>
      <View className='home__row-head'>
        <Text className='home__section-title'>身边正在招募</Text>
        <Text className='home__more home-recruiting-more' onClick={tab(tabs.activities)}>
          全部{home.recruitingTotal}个 ›
        </Text>
      </View>
      {home.recruiting.map((a) => (
        <View key={a.activityId} className='home__row home-recruiting-item' onClick={go(routes.activityDetail(a.activityId))}>
          <View className='home__row-main'>
            <Text className='home__row-title'>{a.title}</Text>
            <Text className='home__caption'>
              {monthDay(a.startDate)} · {a.orgName}
            </Text>
          </View>
          <Text className='home__arrow'>›</Text>
        </View>
      ))}
    </View>
  );
}
