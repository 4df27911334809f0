// 我的签到码: when the phone cannot locate, the volunteer shows this rotating personal code and an admin of the
// activity scans it from the roster. Without an activity in the route, the volunteer picks one of today's.
// Test classes: ck-mycode-activity (one per ongoing activity to pick), ck-mycode-title, ck-mycode-qr,
// ck-mycode-countdown, ck-mycode-name (whose code it is, for the admin to check against the person), ck-mycode-avatar,
// ck-mycode-refresh-error, ck-mycode-loading, ck-mycode-error, ck-mycode-none. The code's raw text is never shown.
import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import StateView from '../../components/state-view';
import QrCode from '../../components/qr-code';
import { useRotatingCode } from '../../hooks/use-rotating-code';
import { myCode } from '../../services/checkin';
import { keepScreenOn } from '../../device/screen';
import { getActivity, myActivities } from '../../services/activity';
import { me } from '../../services/user';
import { useResource } from '../../hooks/use-resource';
import './index.scss';

type Chosen = { activityId: string; title: string };

export default function MyCode() {
  const routed = decodeURIComponent(useRouter().params.activityId ?? '');
  const [chosen, setChosen] = useState<Chosen | null>(routed ? { activityId: routed, title: '' } : null);

  useEffect(() => {
    keepScreenOn();
    if (!routed) return;
    getActivity(routed).then(
      (r) => setChosen((c) => (c && c.activityId === routed ? { ...c, title: r.activity.title } : c)),
      () => undefined,
    );
  }, [routed]);

  if (!chosen) return <ActivityChoice onPick={setChosen} />;
  return <Code chosen={chosen} onBack={routed ? undefined : () => setChosen(null)} />;
}

function ActivityChoice({ onPick }: { onPick: (c: Chosen) => void }) {
  const { state: choices, reload: load } = useResource(
    () => myActivities({ phase: 'ongoing', pageSize: 50 }).then(({ items }) => items.filter((a) => a.enrollment.status === 'enrolled')),
    [],
    {
      isEmpty: (mine) => mine.length === 0,
      // One activity: straight to its code.
      onData: (mine) => mine.length === 1 && onPick({ activityId: mine[0]._id, title: mine[0].title }),
    },
  );

  return (
    <View className='app-page my-code'>
      {choices.status === 'loading' ? <StateView kind='loading' className='ck-mycode-loading' /> : null}
      {choices.status === 'error' ? (
        <StateView kind='error' className='ck-mycode-error' message={choices.error.message} onRetry={load} />
      ) : null}
      {choices.status === 'empty' ? (
        <StateView
          kind='empty'
          className='ck-mycode-none'
          icon='码'
          title='今天没有进行中的活动'
          description='个人签到码只在您已报名的活动进行期间可用'
        />
      ) : null}
      {choices.status === 'ready' && choices.data.length > 1 ? (
        <View className='card'>
          <Text className='my-code__pick-title'>请选择要签到的活动</Text>
          {choices.data.map((a) => (
            <View key={a._id} className='my-code__choice ck-mycode-activity' onClick={() => onPick({ activityId: a._id, title: a.title })}>
              <Text className='my-code__choice-title'>{a.title}</Text>
              <Text className='my-code__choice-meta'>
                {a.orgName} · 每天 {a.dailyStart}-{a.dailyEnd}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

function Code({ chosen, onBack }: { chosen: Chosen; onBack?: () => void }) {
  const load = useCallback(() => myCode(chosen.activityId), [chosen.activityId]);
  const { code, reload } = useRotatingCode(load);
  // Whose code it is: the admin compares the name with the person in front of them.
  const mine = useResource(me);
  const name = mine.state.status === 'ready' ? mine.state.data.volunteer.realName : '';

  return (
    <View className='app-page my-code'>
      {code.status === 'loading' || code.status === 'idle' ? <StateView kind='loading' className='ck-mycode-loading' rows={6} /> : null}
      {code.status === 'error' ? (
        code.error.code === 'CHECKIN.NOT_ENROLLED' || code.error.code === 'ACTIVITY.NOT_FOUND' ? (
          <StateView kind='empty' className='ck-mycode-error' icon='码' title='无法生成签到码' description={code.error.message} />
        ) : (
          <StateView kind='error' className='ck-mycode-error' message={code.error.message} onRetry={reload} />
        )
      ) : null}
      {code.status === 'ready' ? (
        <View className='card my-code__card'>
          <Text className='my-code__title ck-mycode-title'>{chosen.title || '我的签到码'}</Text>
          {name ? (
            <View className='my-code__who'>
              <View className='my-code__avatar ck-mycode-avatar'>{name.slice(0, 1)}</View>
              <Text className='my-code__name ck-mycode-name'>{name}</Text>
            </View>
          ) : null}
          <Text className='my-code__lead'>请向活动管理员出示此码，由管理员核对姓名后扫码为您签到或签退</Text>
          <View className='my-code__qr'>
            <QrCode className='ck-mycode-qr' payload={code.data.payload} svg={code.data.qrSvg} size={240} />
          </View>
          {code.data.expiresAt ? (
            <Text className='my-code__countdown ck-mycode-countdown'>{code.left === null ? '正在刷新…' : `${code.left}秒后自动刷新`}</Text>
          ) : null}
          {code.refreshError ? (
            <Text className='my-code__refresh-error ck-mycode-refresh-error'>刷新失败：{code.refreshError}，正在重试</Text>
          ) : null}
          <Text className='my-code__note'>签到码每30秒更新一次，截图无效。</Text>
          {onBack ? (
            <Text className='my-code__switch' onClick={onBack}>
              换一个活动
            </Text>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
