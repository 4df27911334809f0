// 签到 on 活动详情: enrolled volunteers get 扫码签到 and 我的签到码 while the activity is on; the team's managers get
// 现场签到码 (one code, in then out; posters can be printed beforehand), the separate 签到码/签退码 and 签到名单.
// Test classes: ck-act-checkin, ck-act-scan, ck-act-my-code, ck-act-code-auto, ck-act-code-in, ck-act-code-out,
// ck-act-checkin-roster.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../nutui/button';
import type { ActivityGetOutput } from '@contract/activity';
import { routes } from '../../routes';
import './index.scss';

export default function CheckinEntry({ data }: { data: ActivityGetOutput }) {
  const { activity, phase, myEnrollment, canManage } = data;
  const id = encodeURIComponent(activity._id);
  const volunteer = myEnrollment?.status === 'enrolled' && phase === 'ongoing';
  const manager = canManage && phase !== 'cancelled';
  if (!volunteer && !manager) return null;
  const go = (url: string) => () => Taro.navigateTo({ url });
  return (
    <View className='card checkin-entry ck-act-checkin'>
      <Text className='checkin-entry__title'>签到签退</Text>
      {volunteer ? (
        <View className='checkin-entry__row'>
          <Button className='ck-act-scan' type='primary' onClick={go(routes.scan({ activityId: id, auto: true }))}>
            扫码签到
          </Button>
          <Button className='ck-act-my-code' fill='outline' type='primary' onClick={go(routes.myCode(id))}>
            我的签到码
          </Button>
        </View>
      ) : null}
      {manager ? (
        <View className='checkin-entry__row'>
          {phase !== 'ended' ? (
            <>
              <Button className='ck-act-code-auto' size='small' type='primary' onClick={go(routes.checkinCode(id))}>
                现场签到码
              </Button>
              <Button className='ck-act-code-in' size='small' fill='outline' type='primary' onClick={go(routes.checkinCode(id, 'in'))}>
                签到码
              </Button>
              <Button className='ck-act-code-out' size='small' fill='outline' type='primary' onClick={go(routes.checkinCode(id, 'out'))}>
                签退码
              </Button>
            </>
          ) : null}
          <Button className='ck-act-checkin-roster' size='small' fill='outline' type='primary' onClick={go(routes.roster(id))}>
            签到名单
          </Button>
        </View>
      ) : null}
    </View>
  );
}
