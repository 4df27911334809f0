// 审核记录: the decisions on member applications of one team the caller manages (通过, 驳回, 撤销通过), who decided and
// when, newest first, 20 at a time.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import StateView from '../../components/state-view';
import { managedOrgs, reviewHistory } from '../../services/org';
import { toCloudError } from '../../services/cloud-error';
import { useResource } from '../../hooks/use-resource';
import { REVIEW_EVENT_LABEL, type ReviewHistoryItem } from '@contract/review';
import { dateTimeOf } from '@contract/time';

export default function ReviewHistory() {
  const teams = useResource(managedOrgs, [], { isEmpty: (d) => d.items.length === 0 });
  const [orgId, setOrgId] = useState('');
  const items = teams.state.status === 'ready' ? teams.state.data.items : [];
  const chosen = orgId || items[0]?._id || '';

  if (teams.state.status === 'loading') return <StateView kind='loading' className='inbox-history-loading' rows={3} />;
  if (teams.state.status === 'error')
    return <StateView kind='error' className='inbox-history-error' message={teams.state.error.message} onRetry={teams.reload} />;
  if (teams.state.status === 'empty') return <Empty />;
  return (
    <View className='inbox-history'>
      {items.length > 1 ? (
        <View className='inbox-presets inbox-history-teams'>
          {items.map((o) => (
            <Text
              key={o._id}
              className={`inbox-preset inbox-history-team${o._id === chosen ? ' is-active' : ''}`}
              onClick={() => setOrgId(o._id)}
            >
              {o.name}
            </Text>
          ))}
        </View>
      ) : null}
      <TeamHistory key={chosen} orgId={chosen} />
    </View>
  );
}

function TeamHistory({ orgId }: { orgId: string }) {
  const first = useResource(() => reviewHistory(orgId), [orgId], { isEmpty: (d) => d.items.length === 0 });
  const [more, setMore] = useState<ReviewHistoryItem[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    if (first.state.status === 'ready') {
      setMore([]);
      setCursor(first.state.data.nextCursor);
    }
  }, [first.state]);

  if (first.state.status === 'loading') return <StateView kind='loading' className='inbox-history-loading' rows={3} />;
  if (first.state.status === 'error')
    return <StateView kind='error' className='inbox-history-error' message={first.state.error.message} onRetry={first.reload} />;
  if (first.state.status === 'empty') return <Empty />;

  const loadMore = async () => {
    if (!cursor || busy) return;
    setBusy(true);
    setError('');
    try {
      const page = await reviewHistory(orgId, cursor);
      setMore((m) => [...m, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(toCloudError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      {[...first.state.data.items, ...more].map((h) => (
        <View key={h.id} className={`card inbox-item inbox-history-item is-${h.event}`}>
          <View className='inbox-item__head'>
            <Text className='inbox-item__name'>{h.applicantName}</Text>
            <Text className={`inbox-history-event is-${h.event}`}>{REVIEW_EVENT_LABEL[h.event]}</Text>
          </View>
          <Text className='inbox-item__line'>审核人：{h.reviewerName}</Text>
          {h.reason ? <Text className='inbox-item__intro'>驳回原因：{h.reason}</Text> : null}
          <Text className='inbox-item__time'>{dateTimeOf(h.at)}</Text>
        </View>
      ))}
      {error ? <Text className='inbox-history-more-error'>{error}</Text> : null}
      {cursor ? (
        <Button className='inbox-history-more' block loading={busy} disabled={busy} onClick={() => void loadMore()}>
          加载更多
        </Button>
      ) : null}
    </View>
  );
}

function Empty() {
  return (
    <StateView
      kind='empty'
      className='inbox-empty inbox-history-empty'
      icon='审'
      title='暂无审核记录'
      description='通过、驳回和撤销的入队申请会记录在这里'
    />
  );
}
