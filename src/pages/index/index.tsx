// 首页, made personal: on the day of an activity that activity, its check-in state and 扫码签到; otherwise the next
// one with its countdown; teams applied for; a manager's to-dos; 通知公告; recruiting activities nearby. Someone not
// registered is invited to register; 我要点单 is there for everyone, registered or not. One call (user.home); the
// server's clock decides what "today" is.
// Test classes: home-loading, home-error, home-retry, home-register, home-welcome, home-greeting, home-no, home-frozen, home-mine,
// home-scan-link, home-my-code, home-my-hours, home-need / home-post-need (我要点单, for everyone); the sections' in
// components/.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import { Skeleton } from '../../components/nutui/skeleton';
import { useResource } from '../../hooks/use-resource';
import { useUnread } from '../../hooks/use-unread';
import { home as loadHome } from '../../services/user';
import { serverToday } from '../../services/server-clock';
import { routes, tabs } from '../../routes';
import TodayCard from './components/today-card';
import { Memberships, NextActivity, Notices, Recruiting, Todos } from './components/home-sections';
import { greetingOf } from './helpers';
import './index.scss';

export default function Index() {
  const { state, reload } = useResource(loadHome, [], { when: 'show', keepOnShow: true });
  // The tab bar's badge on 我的 is current from the first page on.
  useUnread();
  const data = state.status === 'ready' || state.status === 'empty' ? state.data : null;
  const go = (url: string) => () => void Taro.navigateTo({ url });

  return (
    <View className='app-page home'>
      <View className='home__hero'>
        <Text className='home__title'>科技志愿服务</Text>
        <Text className='home__subtitle'>汇聚科技工作者力量，服务基层，服务群众</Text>
      </View>

      <View className='card home__status'>
        {state.status === 'loading' ? <Skeleton className='home-loading' rows={2} animated /> : null}
        {state.status === 'error' ? (
          <View className='home__error home-error'>
            <Text className='home__error-text'>{state.error.message}</Text>
            <Button className='home-retry' size='small' onClick={() => reload()}>
              重试
            </Button>
          </View>
        ) : null}
        {data && !data.volunteer ? (
          <View className='home__cta'>
            <Text className='home__cta-text'>您还不是科技志愿者，注册后即可加入队伍、报名活动</Text>
            <Button className='home-register' type='primary' block onClick={go(routes.register())}>
              注册成为科技志愿者
            </Button>
            <Text className='home__link home-activate' onClick={go(routes.activate())}>
              队伍已为我导入信息，去激活 ›
            </Text>
          </View>
        ) : null}
        {data?.volunteer ? (
          <View className='home__welcome home-welcome'>
            <Text className='home__welcome-name home-greeting'>{greetingOf(data)}</Text>
            <Text className='home__welcome-no home-no'>志愿者编号 {data.volunteer.volunteerNo}</Text>
            {data.volunteer.status === 'frozen' ? (
              <Text className='home__error-text home-frozen'>账号因身份冲突核实已被冻结，服务记录仍保留，暂不能报名和签到</Text>
            ) : null}
            <View className='home__links'>
              {data.today.length === 0 ? (
                <Text className='home__link home-scan-link' onClick={go(routes.scan({ auto: true }))}>
                  扫码签到
                </Text>
              ) : null}
              <Text className='home__link home-my-code' onClick={go(routes.myCode())}>
                我的签到码
              </Text>
              <Text className='home__link home-mine' onClick={() => void Taro.switchTab({ url: tabs.mine })}>
                我的
              </Text>
            </View>
          </View>
        ) : null}
      </View>

      <View className='card home__need home-need' onClick={go(routes.needPost())}>
        <View className='home__need-main'>
          <Text className='home__need-title'>我要点单</Text>
          <Text className='home__need-text'>社区、学校、单位需要科技志愿服务？提出需求，当地队伍来响应</Text>
        </View>
        <Text className='home__need-go home-post-need'>去点单 ›</Text>
      </View>

      {data?.volunteer ? (
        <>
          {data.today.map((a) => (
            <TodayCard key={a.activityId} activity={a} />
          ))}
          {data.todo ? <Todos todo={data.todo} /> : null}
          <Memberships home={data} />
          {data.today.length === 0 ? <NextActivity next={data.next} today={serverToday()} /> : null}
          {data.memberships.some((m) => m.status === 'approved') ? <Notices home={data} /> : null}
        </>
      ) : null}
      {data ? <Recruiting home={data} /> : null}
    </View>
  );
}
