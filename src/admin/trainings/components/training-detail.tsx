// One training for its team's managers: what it was, 显示签到码, 名单录入 (phones or 志愿者编号, a result per line), who
// attended (phones masked) with 移除, and 取消培训.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import StateView from '../../../components/state-view';
import { useResource } from '../../../hooks/use-resource';
import { addTrainees, cancelTraining, removeTrainee, trainingDetail } from '../../../services/record';
import { toCloudError } from '../../../services/cloud-error';
import {
  TRAINEE_OUTCOME_LABEL,
  TRAINEES_PER_ENTRY_MAX,
  TRAINING_HOURS_LABEL,
  TRAINING_VIA_LABEL,
  formatTrainingHours,
  type RecordAddTraineesOutput,
} from '@contract/record';
import { TOO_MANY_LINES, traineeLines } from '../helpers';
import TrainingCode from './training-code';

export default function TrainingDetail({ trainingId }: { trainingId: string }) {
  const { state, reload } = useResource(() => trainingDetail(trainingId), [trainingId]);
  const [showCode, setShowCode] = useState(false);
  const [listText, setListText] = useState('');
  const [listError, setListError] = useState('');
  const [sending, setSending] = useState(false);
  const [results, setResults] = useState<RecordAddTraineesOutput['results']>([]);

  if (state.status === 'loading') return <StateView kind='loading' className='training-loading' rows={4} />;
  if (state.status === 'error') return <StateView kind='error' className='training-error' message={state.error.message} onRetry={reload} />;
  const { training, trainees } = state.data;
  const cancelled = training.status === 'cancelled';

  const enter = async () => {
    const lines = traineeLines(listText);
    if (lines.length === 0) return setListError('请每行填写一个手机号或志愿者编号');
    if (lines.length > TRAINEES_PER_ENTRY_MAX) return setListError(TOO_MANY_LINES);
    setListError('');
    setSending(true);
    try {
      const out = await addTrainees(trainingId, lines);
      setResults(out.results);
      if (out.added > 0) setListText('');
      reload();
    } catch (e) {
      setListError(toCloudError(e).message);
    } finally {
      setSending(false);
    }
  };

  const remove = async (openid: string, name: string) => {
    const { confirm } = await Taro.showModal({ title: '移除参训人员', content: `确定将${name}移出本次培训名单吗？` });
    if (!confirm) return;
    try {
      await removeTrainee(trainingId, openid);
      reload();
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message, icon: 'none', duration: 2500 });
    }
  };

  const cancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消培训', content: '取消后签到码失效，参训记录不再计入统计。确定取消吗？' });
    if (!confirm) return;
    try {
      await cancelTraining(trainingId);
      reload();
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message, icon: 'none', duration: 2500 });
    }
  };

  return (
    <View className='trainings__detail'>
      <View className='card'>
        <Text className='trainings__title training-title'>{training.title}</Text>
        <Text className='trainings__muted'>
          {training.type} · {training.date}
          {training.startTime ? ` ${training.startTime}` : ''} · 授课人 {training.trainer}
        </Text>
        <Text className='trainings__muted training-hours'>
          {TRAINING_HOURS_LABEL}：{formatTrainingHours(training.hours)}
        </Text>
        <Text className='trainings__content'>{training.content}</Text>
        {cancelled ? <Text className='trainings__cancelled training-cancelled'>该培训已取消</Text> : null}
      </View>

      {cancelled ? null : (
        <View className='card'>
          <Button className='training-show-code' type='primary' block onClick={() => setShowCode((s) => !s)}>
            {showCode ? '收起签到码' : '显示签到码'}
          </Button>
          {showCode ? <TrainingCode trainingId={trainingId} /> : null}
        </View>
      )}

      {cancelled ? null : (
        <View className='card'>
          <Text className='trainings__section'>名单录入</Text>
          <Text className='trainings__muted'>每行一个手机号或志愿者编号，每次最多{TRAINEES_PER_ENTRY_MAX}人</Text>
          <Textarea
            className='trainings__textarea training-list-entry'
            value={listText}
            maxlength={TRAINEES_PER_ENTRY_MAX * 24}
            placeholder={'13800000000\nKJ202600000001'}
            onInput={(e) => setListText(e.detail.value)}
          />
          {listError ? <Text className='trainings__banner training-list-error'>{listError}</Text> : null}
          <Button className='training-list-submit' block loading={sending} disabled={sending} onClick={() => void enter()}>
            {sending ? '正在录入…' : '录入名单'}
          </Button>
          {results.map((r, i) => (
            <View
              key={`${i}-${r.entry}`}
              className={`trainings__result training-list-result${r.outcome === 'added' || r.outcome === 'already' ? '' : ' is-refused'}`}
            >
              <Text>{r.entry}</Text>
              <Text>
                {r.realName ? `${r.realName} ` : ''}
                {TRAINEE_OUTCOME_LABEL[r.outcome]}
              </Text>
            </View>
          ))}
        </View>
      )}

      <View className='card'>
        <Text className='trainings__section'>
          参训人员 <Text className='training-trainee-count'>{trainees.length}</Text> 人
        </Text>
        {trainees.length === 0 ? (
          <Text className='trainings__muted training-trainees-empty'>暂无参训人员：志愿者扫码签到或录入名单后显示在这里</Text>
        ) : (
          trainees.map((p) => (
            <View key={p.openid} className='trainings__trainee trainee-item'>
              <Text>
                {p.realName} {p.phoneMasked}
              </Text>
              <View className='trainings__trainee-side'>
                <Text className='trainings__muted'>{TRAINING_VIA_LABEL[p.via]}</Text>
                {cancelled ? null : (
                  <Text className='trainings__action trainee-remove' onClick={() => void remove(p.openid, p.realName)}>
                    移除
                  </Text>
                )}
              </View>
            </View>
          ))
        )}
      </View>

      {cancelled ? null : (
        <View className='trainings__footer'>
          <Button className='training-cancel' block fill='outline' onClick={() => void cancel()}>
            取消培训
          </Button>
        </View>
      )}
    </View>
  );
}
