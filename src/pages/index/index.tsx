// 首页: what a 科技志愿者 can do here, and the way in for someone not yet registered.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Skeleton } from '../../components/nutui';
import { useMe } from '../../hooks/use-me';
import { useUnread } from '../../hooks/use-unread';
import { routes, tabs } from '../../routes';
import './index.scss';

const FEATURES = [
  { title: '注册入队', text: '实名注册为科技志愿者，最多加入5支志愿服务队伍' },
  { title: '报名活动', text: '参加科技培训、科普讲解、农技服务等志愿活动' },
  { title: '扫码签到', text: '活动现场扫码签到签退，服务时长自动累计' },
  { title: '服务证明', text: '查看服务记录，申领志愿服务证明' },
];

export default function Index() {
  const { state, reload } = useMe();
  // The tab bar's badge on 我的 is current from the first page on.
  useUnread();
  const goRegister = () => Taro.navigateTo({ url: routes.register() });

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
            <Text className='home__error-text'>{state.message}</Text>
            <Button className='home-retry' size='small' onClick={reload}>
              重试
            </Button>
          </View>
        ) : null}
        {state.status === 'unregistered' ? (
          <View className='home__cta'>
            <Text className='home__cta-text'>您还不是科技志愿者，注册后即可加入队伍、报名活动</Text>
            <Button className='home-register' type='primary' block onClick={goRegister}>
              注册成为科技志愿者
            </Button>
          </View>
        ) : null}
        {state.status === 'ready' ? (
          <View className='home__welcome home-welcome'>
            <Text className='home__welcome-name'>{state.data.volunteer.realName}，欢迎回来</Text>
            <Text className='home__welcome-no'>志愿者编号 {state.data.volunteer.volunteerNo}</Text>
            <Button className='home-mine' size='small' onClick={() => Taro.switchTab({ url: tabs.mine })}>
              查看我的
            </Button>
          </View>
        ) : null}
      </View>

      <View className='card home__scan'>
        <Button
          className='home-scan'
          type='primary'
          size='large'
          block
          onClick={() => Taro.navigateTo({ url: routes.scan({ auto: true }) })}
        >
          扫码签到 / 签退
        </Button>
        <View className='home__scan-links'>
          <Text className='home__scan-link home-my-code' onClick={() => Taro.navigateTo({ url: routes.myCode() })}>
            我的签到码
          </Text>
          <Text className='home__scan-link home-my-hours' onClick={() => Taro.navigateTo({ url: routes.myHours() })}>
            我的时长
          </Text>
        </View>
      </View>

      <View className='card home__features'>
        <Text className='home__section-title'>在这里，您可以</Text>
        {FEATURES.map((f) => (
          <View key={f.title} className='home__feature'>
            <Text className='home__feature-title'>{f.title}</Text>
            <Text className='home__feature-text'>{f.text}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
