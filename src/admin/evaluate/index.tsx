// 评价: after an activity has ended, its team's manager rates each participant (everyone with a day record) with one
// of four large buttons — 优秀, 良好, 合格, 不合格 — and an optional comment; 全部合格 fills those not rated yet; 保存评价
// sends every rated row in one call, and a row the server refuses (the manager's own, someone who took no part)
// says why under it.
// Test classes: ev-head, ev-not-ended, ev-fill-pass, ev-row (ev-row-name, ev-grade-<grade> is-active, ev-comment,
// ev-row-refused), ev-save, ev-saved, ev-error, ev-loading, ev-empty.
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import StateView from '../../components/state-view';
import { useResource } from '../../hooks/use-resource';
import { useSubmit } from '../../hooks/use-submit';
import { activityEvaluations, evaluate } from '../../services/evaluation';
import { EVALUATION_COMMENT_MAX, EVALUATION_GRADES, EVALUATION_GRADE_LABEL } from '@contract/evaluation';
import { formatDuration } from '@contract/format';
import { draftsOf, fillPass, itemsOf, type Draft } from './helpers';
import './index.scss';

export default function Evaluate() {
  const activityId = decodeURIComponent(useRouter().params.activityId ?? '');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');
  const { busy, error, setError, submit } = useSubmit();
  const { state, reload } = useResource(activityId ? () => activityEvaluations(activityId) : null, [activityId], {
    isEmpty: (d) => d.participants.length === 0,
    onData: (d) => setDrafts(draftsOf(d.participants)),
  });

  const edit = (openid: string, patch: Partial<Draft>) => {
    setDrafts((all) => ({ ...all, [openid]: { ...(all[openid] ?? { comment: '' }), ...patch } }));
    setSaved('');
    setError('');
  };

  const save = () =>
    submit(async () => {
      const items = itemsOf(drafts);
      if (items.length === 0) return setError('请至少为一人选择评价等级');
      const out = await evaluate(activityId, items);
      setRefusals(Object.fromEntries(out.results.filter((r) => r.outcome === 'refused').map((r) => [r.openid, r.message ?? '不能评价'])));
      const refused = out.results.length - out.results.filter((r) => r.outcome !== 'refused').length;
      setSaved(refused > 0 ? `已保存 ${out.saved} 人，${refused} 人未能评价` : `已保存 ${out.saved} 人的评价`);
      void reload({ quiet: true });
    });

  if (!activityId)
    return (
      <View className='app-page evaluate'>
        <StateView kind='empty' className='ev-empty' icon='评' title='未指定活动' description='请从签到名单进入评价' />
      </View>
    );

  return (
    <View className='app-page evaluate'>
      {state.status === 'loading' ? <StateView kind='loading' className='ev-loading' rows={4} /> : null}
      {state.status === 'error' ? <StateView kind='error' className='ev-error' message={state.error.message} onRetry={reload} /> : null}
      {state.status === 'ready' || state.status === 'empty' ? (
        <View className='card evaluate__head ev-head'>
          <Text className='evaluate__title'>{state.data.title}</Text>
          <Text className='evaluate__muted'>
            {state.data.startDate === state.data.endDate ? state.data.startDate : `${state.data.startDate} 至 ${state.data.endDate}`} ·{' '}
            {state.data.participants.length} 人参与
          </Text>
          {!state.data.ended ? <Text className='evaluate__notice ev-not-ended'>活动结束后才能评价</Text> : null}
        </View>
      ) : null}
      {state.status === 'empty' ? (
        <StateView kind='empty' className='ev-empty' icon='评' title='暂无参与者' description='有签到记录的志愿者才能被评价' />
      ) : null}
      {state.status === 'ready' ? (
        <>
          {state.data.ended ? (
            <View className='evaluate__tools'>
              <Button className='ev-fill-pass' size='small' fill='outline' type='primary' onClick={() => setDrafts(fillPass)}>
                未评的全部合格
              </Button>
            </View>
          ) : null}
          {state.data.participants.map((p) => {
            const d = drafts[p.openid] ?? { comment: '' };
            return (
              <View key={p.openid} className='card evaluate__row ev-row'>
                <View className='evaluate__who'>
                  <Text className='evaluate__name ev-row-name'>{p.realName}</Text>
                  <Text className='evaluate__muted'>
                    {p.phoneMasked} · {formatDuration(p.minutes)}
                  </Text>
                </View>
                <View className='evaluate__grades'>
                  {EVALUATION_GRADES.map((g) => (
                    <View
                      key={g}
                      className={`evaluate__grade ev-grade-${g}${d.grade === g ? ' is-active' : ''}${state.data.ended ? '' : ' is-disabled'}`}
                      onClick={() => state.data.ended && edit(p.openid, { grade: g })}
                    >
                      {EVALUATION_GRADE_LABEL[g]}
                    </View>
                  ))}
                </View>
                <Textarea
                  className='evaluate__comment ev-comment'
                  value={d.comment}
                  maxlength={EVALUATION_COMMENT_MAX}
                  autoHeight
                  disabled={!state.data.ended}
                  placeholder='评语（选填）'
                  onInput={(e) => edit(p.openid, { comment: e.detail.value })}
                />
                {refusals[p.openid] ? <Text className='evaluate__refused ev-row-refused'>{refusals[p.openid]}</Text> : null}
                {p.evaluation ? (
                  <Text className='evaluate__muted'>
                    已评：{EVALUATION_GRADE_LABEL[p.evaluation.grade]}（{p.evaluation.evaluatorName}）
                  </Text>
                ) : null}
              </View>
            );
          })}
          {state.data.ended ? (
            <View className='evaluate__bar'>
              {error ? <Text className='evaluate__error ev-error'>{error}</Text> : null}
              {saved ? <Text className='evaluate__saved ev-saved'>{saved}</Text> : null}
              <Button className='ev-save' type='primary' block loading={busy} disabled={busy} onClick={save}>
                保存评价
              </Button>
            </View>
          ) : null}
        </>
      ) : null}
    </View>
  );
}
