// 培训记录 for a team's leader and admins: the team's trainings (岗前培训, 专业技能, 安全 …) with their head counts and
// 新建培训; opened with a trainingId, one training (components/training-detail). Training hours are kept apart from
// service hours everywhere.
// Test classes: trainings-new, training-item (training-item-title, training-item-count), trainings-empty,
// trainings-loading, trainings-error; the form's training-form-*; the detail's training-show-code, training-code-qr,
// training-code-text, training-list-entry, training-list-submit, training-list-result, trainee-item, trainee-remove,
// training-cancel.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import StateView from '../../components/state-view';
import { useResource } from '../../hooks/use-resource';
import { teamTrainings } from '../../services/record';
import { routes } from '../../routes';
import { formatTrainingHours } from '@contract/record';
import TrainingFormCard from './components/training-form';
import TrainingDetail from './components/training-detail';
import './index.scss';

function decode(text: string | undefined): string {
  try {
    return decodeURIComponent(text ?? '');
  } catch {
    return '';
  }
}

export default function Trainings() {
  const params = useRouter().params;
  const trainingId = decode(params.trainingId);
  const orgId = decode(params.orgId);
  return (
    <View className='app-page trainings'>{trainingId ? <TrainingDetail trainingId={trainingId} /> : <TeamTrainings orgId={orgId} />}</View>
  );
}

function TeamTrainings({ orgId }: { orgId: string }) {
  const [creating, setCreating] = useState(false);
  const { state, reload } = useResource(orgId ? () => teamTrainings(orgId) : null, [orgId], {
    isEmpty: (d) => d.items.length === 0,
    when: 'show',
    keepOnShow: true,
  });
  if (!orgId)
    return <StateView kind='empty' className='trainings-error' icon='训' title='未指定队伍' description='请从“我的”中的队伍进入' />;

  return (
    <View>
      <View className='trainings__head'>
        <Button className='trainings-new' type='primary' size='small' onClick={() => setCreating((c) => !c)}>
          {creating ? '收起' : '新建培训'}
        </Button>
      </View>
      {creating ? (
        <TrainingFormCard
          orgId={orgId}
          onCreated={(t) => {
            setCreating(false);
            reload();
            void Taro.navigateTo({ url: routes.training(t.trainingId) });
          }}
        />
      ) : null}
      {state.status === 'loading' ? <StateView kind='loading' className='trainings-loading' rows={3} /> : null}
      {state.status === 'error' ? (
        <StateView kind='error' className='trainings-error' message={state.error.message} onRetry={reload} />
      ) : null}
      {state.status === 'empty' ? (
        <StateView
          kind='empty'
          className='trainings-empty'
          icon='训'
          title='暂无培训记录'
          description='新建培训后，志愿者可扫码签到，也可录入名单'
        />
      ) : null}
      {state.status === 'ready'
        ? state.data.items.map((t) => (
            <View
              key={t.trainingId}
              className='card trainings__item training-item'
              onClick={() => Taro.navigateTo({ url: routes.training(t.trainingId) })}
            >
              <Text className='trainings__title training-item-title'>{t.title}</Text>
              <Text className='trainings__muted'>
                {t.type} · {t.date} · {formatTrainingHours(t.hours)}
                {t.status === 'cancelled' ? ' · 已取消' : ''}
              </Text>
              <Text className='trainings__muted'>
                参训 <Text className='training-item-count'>{t.traineeCount}</Text> 人
              </Text>
            </View>
          ))
        : null}
    </View>
  );
}
