// 首页 on a day of an enrolled activity: the activity, where the volunteer stands (未签到 / 已签到 / 已签退) and the
// day's main action, 扫码签到, the largest button of the page.
// Test classes: home-today, home-today-title, home-today-state, home-scan, home-today-code, home-today-detail.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { routes } from '../../../routes';
import { HOME_DAY_STATE_LABEL, type HomeToday } from '@contract/home';
import { clockOf } from '@contract/time';
import { formatDuration } from '@contract/format';

const STATE_CLASS = { notSignedIn: 'is-not-signed-in', signedIn: 'is-signed-in', signedOut: 'is-signed-out' } as const;

function stateText(a: HomeToday): string {
  if (a.state === 'signedOut')
    return `${HOME_DAY_STATE_LABEL.signedOut}（${clockOf(a.signInAt)}–${clockOf(a.signOutAt)}，${formatDuration(a.minutes)}）`;
  if (a.state === 'signedIn') return `${HOME_DAY_STATE_LABEL.signedIn}（${clockOf(a.signInAt)} 签到）`;
  return HOME_DAY_STATE_LABEL.notSignedIn;
}

export default function TodayCard({ activity: a }: { activity: HomeToday }) {
  const action = a.state === 'notSignedIn' ? '扫码签到' : a.state === 'signedIn' ? '扫码签退' : '扫码签到 / 签退';
  return (
    <View className='card home__today home-today'>
      <Text className='home__section-title'>今日活动</Text>
      <View className='home__today-main home-today-detail' onClick={() => Taro.navigateTo({ url: routes.activityDetail(a.activityId) })}>
        <Text className='home__today-title home-today-title'>{a.title}</Text>
        <Text className='home__caption'>
          今天 {a.dailyStart}–{a.dailyEnd} · {a.address}
        </Text>
        <Text className={`home__today-state home-today-state ${STATE_CLASS[a.state]}`}>{stateText(a)}</Text>
      </View>
      <View className='home__scan'>
        <Button
          className='home-scan'
          type='primary'
          size='large'
          block
          onClick={() => Taro.navigateTo({ url: routes.scan({ activityId: a.activityId, auto: true }) })}
        >
          {action}
        </Button>
      </View>
      <View className='home__links'>
        <Text className='home__link home-today-code' onClick={() => Taro.navigateTo({ url: routes.myCode(a.activityId) })}>
          我的签到码
        </Text>
        <Text className='home__link home-my-hours' onClick={() => Taro.navigateTo({ url: routes.myHours() })}>
          我的时长
        </Text>
      </View>
    </View>
  );
}
