// 我的培训: the trainings the volunteer attended (scanned in, or entered by the team's admins), newest first, and their
// training hours, labelled 培训学时（不计入服务时长）: they are never added to 我的时长, certificates or rankings.
// Test classes: my-trainings-total, my-trainings-label, my-trainings-item (my-trainings-item-title, -hours, -via),
// my-trainings-loading, my-trainings-error, my-trainings-empty.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import StateView from '../../components/state-view';
import { useResource } from '../../hooks/use-resource';
import { myTrainings } from '../../services/record';
import { routes } from '../../routes';
import { TRAINING_HOURS_LABEL, TRAINING_VIA_LABEL, formatTrainingHours } from '@contract/record';
import './index.scss';

export default function MyTrainings() {
  const { state, reload } = useResource(myTrainings, [], { isEmpty: (d) => d.items.length === 0, when: 'show', keepOnShow: true });

  return (
    <View className='app-page my-trainings'>
      {state.status === 'loading' ? <StateView kind='loading' className='my-trainings-loading' rows={3} /> : null}
      {state.status === 'error' ? (
        <StateView kind='error' className='my-trainings-error' message={state.error.message} onRetry={reload} />
      ) : null}
      {state.status === 'ready' || state.status === 'empty' ? (
        <View className='card my-trainings__summary'>
          <Text className='my-trainings__total my-trainings-total'>{formatTrainingHours(state.data.totalHours)}</Text>
          <Text className='my-trainings__label my-trainings-label'>{TRAINING_HOURS_LABEL}</Text>
        </View>
      ) : null}
      {state.status === 'empty' ? (
        <StateView
          kind='empty'
          className='my-trainings-empty'
          icon='训'
          title='暂无培训记录'
          description='参加队伍组织的培训并扫码签到后，培训记录会显示在这里'
          action={{ text: '去扫码签到', className: 'my-trainings-go-scan', onClick: () => Taro.navigateTo({ url: routes.scan() }) }}
        />
      ) : null}
      {state.status === 'ready'
        ? state.data.items.map((t) => (
            <View key={t.trainingId} className='card my-trainings__item my-trainings-item'>
              <View className='my-trainings__row'>
                <Text className='my-trainings__title my-trainings-item-title'>{t.title}</Text>
                <Text className='my-trainings__hours my-trainings-item-hours'>{formatTrainingHours(t.hours)}</Text>
              </View>
              <Text className='my-trainings__muted'>
                {t.type} · {t.date}
                {t.startTime ? ` ${t.startTime}` : ''} · {t.orgName}
              </Text>
              <Text className='my-trainings__muted'>
                授课人 {t.trainer} · <Text className='my-trainings-item-via'>{TRAINING_VIA_LABEL[t.via]}</Text>
              </Text>
            </View>
          ))
        : null}
    </View>
  );
}
