// 我的评价: how the teams rated the volunteer after each activity (优秀/良好/合格/不合格 with the comment), newest first,
// with every change made since and the 申诉 of it; 申诉 opens the request with that evaluation chosen (also when the
// page is opened with `activityId`).
// Test classes: my-ev-item (my-ev-title, my-ev-grade, my-ev-comment, my-ev-changes, my-ev-contest-status,
// my-ev-contest), my-ev-loading, my-ev-error, my-ev-empty; the popup's (components/contest-popup.tsx).
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import StateView from '../../components/state-view';
import { useResource } from '../../hooks/use-resource';
import { myEvaluations } from '../../services/evaluation';
import { CORRECTION_STATUS_LABEL } from '@contract/checkin';
import { EVALUATION_GRADE_LABEL, type MyEvaluation } from '@contract/evaluation';
import ContestPopup from './components/contest-popup';
import './index.scss';

const day = (iso: string) => iso.slice(0, 10);

export default function MyEvaluations() {
  const preselect = decodeURIComponent(useRouter().params.activityId ?? '');
  const [contesting, setContesting] = useState<MyEvaluation | null>(null);
  const [opened, setOpened] = useState(false);
  const { state, reload } = useResource(myEvaluations, [], {
    isEmpty: (d) => d.items.length === 0,
    when: 'show',
    keepOnShow: true,
    onData: (d) => {
      if (opened || !preselect) return;
      setOpened(true);
      const found = d.items.find((i) => i.activityId === preselect && i.contest?.status !== 'pending');
      if (found) setContesting(found);
    },
  });

  const done = () => {
    setContesting(null);
    void Taro.showToast({ title: '申诉已提交', icon: 'success' });
    void reload({ quiet: true });
  };

  return (
    <View className='app-page my-evaluations'>
      {state.status === 'loading' ? <StateView kind='loading' className='my-ev-loading' rows={3} /> : null}
      {state.status === 'error' ? <StateView kind='error' className='my-ev-error' message={state.error.message} onRetry={reload} /> : null}
      {state.status === 'empty' ? (
        <StateView kind='empty' className='my-ev-empty' icon='评' title='暂无评价' description='活动结束后，队伍对您的评价会显示在这里' />
      ) : null}
      {state.status === 'ready'
        ? state.data.items.map((e) => (
            <View key={e.evaluationId} className='card my-evaluations__item my-ev-item'>
              <View className='my-evaluations__row'>
                <Text className='my-evaluations__title my-ev-title'>{e.title}</Text>
                <Text className={`my-evaluations__grade my-ev-grade is-${e.grade}`}>{EVALUATION_GRADE_LABEL[e.grade]}</Text>
              </View>
              <Text className='my-evaluations__muted'>
                {e.startDate === e.endDate ? e.endDate : `${e.startDate} 至 ${e.endDate}`} · {e.orgName}
              </Text>
              {e.comment ? <Text className='my-evaluations__comment my-ev-comment'>{e.comment}</Text> : null}
              <Text className='my-evaluations__muted'>
                评价人 {e.evaluatorName} · {day(e.evaluatedAt)}
              </Text>
              {e.changes.length > 0 ? (
                <View className='my-evaluations__changes my-ev-changes'>
                  {e.changes.map((c) => (
                    <Text key={c.at + c.after.grade} className='my-evaluations__muted'>
                      {day(c.at)} {c.byName}
                      {c.via === 'contest' ? '（申诉通过）' : ''}：{EVALUATION_GRADE_LABEL[c.before.grade]} →{' '}
                      {EVALUATION_GRADE_LABEL[c.after.grade]}
                    </Text>
                  ))}
                </View>
              ) : null}
              {e.contest ? (
                <Text className='my-evaluations__contest my-ev-contest-status'>
                  申诉（希望改为{EVALUATION_GRADE_LABEL[e.contest.wishedGrade]}）：{CORRECTION_STATUS_LABEL[e.contest.status]}
                  {e.contest.reviewReason ? `，${e.contest.reviewReason}` : ''}
                </Text>
              ) : null}
              {e.contest?.status !== 'pending' ? (
                <View className='my-evaluations__actions'>
                  <Button className='my-ev-contest' size='small' fill='outline' type='primary' onClick={() => setContesting(e)}>
                    申诉
                  </Button>
                </View>
              ) : null}
            </View>
          ))
        : null}
      <ContestPopup item={contesting} onClose={() => setContesting(null)} onDone={done} />
    </View>
  );
}
