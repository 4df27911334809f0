// 离线扫码待确认: the day's offline scans that count toward nothing until an admin decides (a static code proves no
// time; a phone clock that disagrees). Each says whose, which, the time it would count at, why it waits, and the facts
// to weigh; the team's managers 确认 or 驳回 each (驳回 asks first), or 一键确认 every plausible one. Read again
// whenever the roster's count of waiting scans changes; the roster reads again after each decision.
// Test classes: ck-offline (the card), ck-offline-count, ck-offline-loading, ck-offline-error, ck-offline-none,
// ck-offline-confirm-all, ck-offline-item (is-plausible), ck-offline-title, ck-offline-reason, ck-offline-facts,
// ck-offline-plausible, ck-offline-refused, ck-offline-confirm, ck-offline-reject, ck-offline-readonly.
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { Tag } from '../../../components/nutui/tag';
import StateView from '../../../components/state-view';
import { decideOffline, offlinePending } from '../../../services/checkin';
import { toCloudError } from '../../../services/cloud-error';
import { hasData, useResource } from '../../../hooks/use-resource';
import type { CheckinDecideOfflineInput, OfflinePendingItem, RosterEntry } from '@contract/checkin';
import { explainDecision, pendingFacts, pendingReason, pendingTitle } from '../../offline-scans';
import { COLOR } from '../../../styles/colors';
import './offline.scss';

type Props = {
  activityId: string;
  date: string;
  /** The roster's rows of the day: their `offlinePending` counts say whether there is anything to read. */
  rows: RosterEntry[] | undefined;
  canManage: boolean;
  /** After a decision: the roster reads the day again. */
  onDecided: () => void;
};

export default function OfflinePending({ activityId, date, rows, canManage, onDecided }: Props) {
  const waiting = (rows ?? []).reduce((n, r) => n + (r.offlinePending ?? 0), 0);
  const signature = (rows ?? [])
    .filter((r) => r.offlinePending)
    .map((r) => `${r.openid}:${r.offlinePending}`)
    .join(',');
  const { state, reload } = useResource(() => offlinePending(activityId, date), [], {
    when: 'manual',
    isEmpty: (items) => items.length === 0,
  });
  const [busy, setBusy] = useState('');
  /** Why a scan was not decided (the server's message), shown under it until it leaves the list. */
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const shownFor = useRef('');

  useEffect(() => {
    if (!waiting) return;
    // The same day read again (the roster's 20 s refresh, a decision) keeps the list on screen meanwhile.
    const key = `${activityId}|${date}`;
    reload({ quiet: shownFor.current === key });
    shownFor.current = key;
  }, [activityId, date, waiting, signature, reload]);
  useEffect(() => setRefusals({}), [activityId, date]);

  if (!waiting) return null;
  const items = hasData(state) ? state.data : [];
  const plausible = items.filter((p) => p.plausible);

  const decide = async (key: string, input: CheckinDecideOfflineInput, asked: OfflinePendingItem[], offered?: number) => {
    if (busy) return;
    setBusy(key);
    try {
      const result = await decideOffline(input);
      const refused = Object.fromEntries(result.results.filter((r) => r.result === 'refused').map((r) => [r.id, r.message ?? '未能处理']));
      setRefusals((old) => ({ ...old, ...refused }));
      const { title, content } = explainDecision(result, asked, offered);
      if (content)
        Taro.showModal({ title, content, showCancel: false, confirmText: '知道了', confirmColor: COLOR.primary }).catch(() => undefined);
      else void Taro.showToast({ title, icon: 'none' });
      reload({ quiet: true });
      onDecided();
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message || '操作失败，请重试', icon: 'none', duration: 2500 });
    } finally {
      setBusy('');
    }
  };

  const confirmOne = (p: OfflinePendingItem) =>
    decide(`confirm:${p.id}`, { activityId, decisions: [{ id: p.id, decision: 'confirm' }] }, [p]);
  const rejectOne = async (p: OfflinePendingItem) => {
    if (busy) return;
    const { confirm } = await Taro.showModal({
      title: '驳回离线扫码',
      content: `驳回后，${pendingTitle(p)} 这条扫码不计入时长。确定驳回吗？`,
      confirmText: '确定驳回',
      cancelText: '取消',
    });
    if (confirm) await decide(`reject:${p.id}`, { activityId, decisions: [{ id: p.id, decision: 'reject' }] }, [p]);
  };
  const confirmAll = () => decide('all', { activityId, confirmAllPlausible: true }, plausible, plausible.length);

  return (
    <View className='card roster-offline ck-offline'>
      <View className='roster-offline__head'>
        <Text className='roster-offline__title'>离线扫码待确认</Text>
        <Text className='roster-offline__count ck-offline-count'>{hasData(state) ? items.length : waiting}条</Text>
      </View>
      <Text className='roster-offline__hint'>网络不通时手机保存的扫码，确认后按所示时间计入时长，驳回则不计入。</Text>
      {state.status === 'loading' ? <StateView kind='loading' className='ck-offline-loading' rows={2} /> : null}
      {state.status === 'error' ? (
        <StateView kind='error' className='ck-offline-error' message={state.error.message} onRetry={reload} />
      ) : null}
      {state.status === 'empty' ? <Text className='roster-offline__none ck-offline-none'>暂无待确认的离线扫码</Text> : null}
      {canManage && plausible.length > 0 ? (
        <Button
          className='roster-offline__all ck-offline-confirm-all'
          type='primary'
          block
          loading={busy === 'all'}
          disabled={Boolean(busy)}
          onClick={() => void confirmAll()}
        >
          一键确认合理的{plausible.length}条
        </Button>
      ) : null}
      {!canManage && items.length ? <Text className='roster-offline__readonly ck-offline-readonly'>由本队负责人或管理员确认</Text> : null}
      {items.map((p) => (
        <View key={p.id} className={`roster-offline__item ck-offline-item${p.plausible ? ' is-plausible' : ''}`}>
          <View className='roster-offline__item-head'>
            <Text className='roster-offline__name ck-offline-title'>{pendingTitle(p)}</Text>
            <Tag type={p.plausible ? 'success' : 'warning'} className='ck-offline-plausible'>
              {p.plausible ? '合理' : '需核实'}
            </Tag>
          </View>
          <Text className='roster-offline__reason ck-offline-reason'>{pendingReason(p)}</Text>
          <Text className='roster-offline__facts ck-offline-facts'>{pendingFacts(p).join(' · ')}</Text>
          {refusals[p.id] ? <Text className='roster-offline__refused ck-offline-refused'>{refusals[p.id]}</Text> : null}
          {canManage ? (
            <View className='roster-offline__actions'>
              <Button
                className='roster-offline__button ck-offline-reject'
                fill='outline'
                type='danger'
                loading={busy === `reject:${p.id}`}
                disabled={Boolean(busy)}
                onClick={() => void rejectOne(p)}
              >
                驳回
              </Button>
              <Button
                className='roster-offline__button ck-offline-confirm'
                type='primary'
                loading={busy === `confirm:${p.id}`}
                disabled={Boolean(busy)}
                onClick={() => void confirmOne(p)}
              >
                确认
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
