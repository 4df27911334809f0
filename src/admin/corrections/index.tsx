// 时长更正审核: volunteers' correction requests (忘记签退, a wrong time) of a team I manage; approving applies the
// times as an audited adjustment, rejecting needs a reason the volunteer reads.
// Test classes: ck-corr-org (team choice when none in the route), ck-corr-tab (tabs ck-corr-tab-pending/-approved/
// -rejected), ck-corr-item (ck-corr-name/-status/-record/-asked/-note), ck-corr-approve, ck-corr-reject,
// ck-corr-loading, ck-corr-error, ck-corr-empty, ck-corr-more/-end (list-footer); the reject sheet's reason-* classes.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import ReasonSheet from '../../components/form-sheet/reason-sheet';
import ListFooter from '../../components/list-footer';
import { PAGE_SIZE, usePagedList } from '../../hooks/use-paged-list';
import { useManaged } from '../../hooks/use-managed';
import { useReview } from '../../hooks/use-review';
import { listCorrections, reviewCorrection } from '../../services/checkin';
import type { CorrectionItem as Item, CorrectionStatus } from '@contract/checkin';
import { EVALUATION_GRADE_LABEL } from '@contract/evaluation';
import CorrectionItem from './correction-item';
import './index.scss';

export default function Corrections() {
  const routed = decodeURIComponent(useRouter().params.orgId ?? '');
  const [orgId, setOrgId] = useState(routed);
  return orgId ? <Inbox orgId={orgId} onSwitch={routed ? undefined : () => setOrgId('')} /> : <OrgChoice onPick={setOrgId} />;
}

function OrgChoice({ onPick }: { onPick: (orgId: string) => void }) {
  const { managed, reload } = useManaged();
  const approved = useMemo(() => (managed.status === 'ready' ? managed.items.filter((o) => o.status === 'approved') : []), [managed]);
  // One team: straight to its requests.
  useEffect(() => {
    if (approved.length === 1) onPick(approved[0]._id);
  }, [approved, onPick]);

  if (managed.status === 'loading')
    return (
      <Shell>
        <StateView kind='loading' className='ck-corr-loading' />
      </Shell>
    );
  if (managed.status === 'error')
    return (
      <Shell>
        <StateView kind='error' className='ck-corr-error' message={managed.message} onRetry={reload} />
      </Shell>
    );
  if (approved.length === 0)
    return (
      <Shell>
        <StateView
          kind='empty'
          className='ck-corr-empty'
          icon='队'
          title='暂无管理的队伍'
          description='队伍负责人和管理员可以审核队员的时长更正申请'
        />
      </Shell>
    );
  return (
    <Shell>
      <View className='card'>
        <Text className='corrections__pick'>选择队伍</Text>
        {approved.map((o) => (
          <View key={o._id} className='corrections__org ck-corr-org' onClick={() => onPick(o._id)}>
            <Text>{o.name}</Text>
            <Text className='corrections__arrow'>›</Text>
          </View>
        ))}
      </View>
    </Shell>
  );
}

function Inbox({ orgId, onSwitch }: { orgId: string; onSwitch?: () => void }) {
  const [tab, setTab] = useState<CorrectionStatus>('pending');
  const fetchPage = useCallback((page: number) => listCorrections({ orgId, status: tab, page, pageSize: PAGE_SIZE }), [orgId, tab]);
  const { list, reload, loadMore, hasMore } = usePagedList(fetchPage, (c) => c.correctionId);
  useEffect(reload, [tab, orgId, reload]);
  useReachBottom(loadMore);

  const { busyId, rejecting, setRejecting, approve, reject } = useReview<Item>(
    (c) => c.correctionId,
    (c, decision, reason) => reviewCorrection({ correctionId: c.correctionId, decision, ...(reason ? { reason } : {}) }),
    reload,
  );
  const approveOne = (item: Item) => {
    const asked = [item.signInAt ? '签到时间' : '', item.signOutAt ? '签退时间' : ''].filter(Boolean).join('和');
    return approve(item, {
      title: item.kind === 'evaluation' ? '通过评价申诉' : '通过更正申请',
      content:
        item.kind === 'evaluation' && item.wishedGrade
          ? `将把${item.realName}在“${item.title}”中的评价改为${EVALUATION_GRADE_LABEL[item.wishedGrade]}，并记入修改记录。`
          : `将按申请修改${item.realName} ${item.date} 的${asked}，并记入变更记录。`,
    });
  };

  return (
    <Shell>
      <SegTabs
        name='ck-corr-tab'
        value={tab}
        onChange={setTab}
        tabs={[
          { key: 'pending', title: '待审核', count: tab === 'pending' && list.status === 'ready' ? list.total : undefined },
          { key: 'approved', title: '已通过' },
          { key: 'rejected', title: '已驳回' },
        ]}
      />
      {onSwitch ? (
        <Text className='corrections__switch' onClick={onSwitch}>
          切换队伍
        </Text>
      ) : null}
      {list.status === 'loading' ? <StateView kind='loading' className='ck-corr-loading' rows={4} /> : null}
      {list.status === 'error' ? (
        list.error.code === 'AUTH.FORBIDDEN' ? (
          <StateView
            kind='empty'
            className='ck-corr-error'
            icon='队'
            title='暂无审核权限'
            description='只有队伍负责人和管理员可以审核更正申请'
          />
        ) : (
          <StateView kind='error' className='ck-corr-error' message={list.error.message} onRetry={reload} />
        )
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView kind='empty' className='ck-corr-empty' icon='更' title={tab === 'pending' ? '暂无待审核的更正申请' : '暂无记录'} />
      ) : null}
      {list.status === 'ready'
        ? list.items.map((c) => (
            <CorrectionItem
              key={c.correctionId}
              item={c}
              busy={busyId === c.correctionId}
              onApprove={() => approveOne(c)}
              onReject={() => setRejecting(c)}
            />
          ))
        : null}
      <ListFooter
        name='ck-corr'
        list={list}
        hasMore={hasMore}
        onMore={loadMore}
        endText={list.status === 'ready' ? `共 ${list.total} 条` : ''}
      />
      <ReasonSheet
        visible={rejecting !== null}
        title='驳回更正申请'
        subject={rejecting ? `驳回 ${rejecting.realName} ${rejecting.date} 的更正申请` : ''}
        placeholder='请填写驳回原因，志愿者会看到'
        confirmText='确认驳回'
        onConfirm={reject}
        onClose={() => setRejecting(null)}
      />
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return <View className='app-page corrections'>{children}</View>;
}
