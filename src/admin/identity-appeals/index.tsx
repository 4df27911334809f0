// 身份核验: 身份冲突 appeals for the root 总队's leader and admins. 核实属实 freezes the account that holds the number
// (its records stay) and releases the number to its owner; 驳回 tells the appellant why. Both need a reason, audited.
// Test classes: id-appeal-tab (-pending/-upheld/-rejected), id-appeal-item (see appeal-card), id-appeal-loading,
// id-appeal-error, id-appeal-forbidden, id-appeal-empty, id-appeal-more/-end; the reason sheet's reason-* classes.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import ReasonSheet from '../../components/form-sheet/reason-sheet';
import ListFooter from '../../components/list-footer';
import { PAGE_SIZE, usePagedList } from '../../hooks/use-paged-list';
import { decideIdentityAppeal, identityAppeals } from '../../services/user';
import type { AppealForReview, AppealStatus } from '@contract/user';
import AppealCard from './appeal-card';
import './index.scss';

type Deciding = { item: AppealForReview; decision: 'uphold' | 'reject' } | null;

export default function IdentityAppeals() {
  const [tab, setTab] = useState<AppealStatus>('pending');
  const [deciding, setDeciding] = useState<Deciding>(null);
  const fetchPage = useCallback((page: number) => identityAppeals({ status: tab, page, pageSize: PAGE_SIZE }), [tab]);
  const { list, reload, loadMore, hasMore } = usePagedList(fetchPage, (a) => a.appealId);
  useEffect(reload, [tab, reload]);
  useReachBottom(loadMore);

  /** Runs inside the reason sheet: a failure stays there, success closes it and refreshes. */
  const decide = async (reason: string) => {
    if (!deciding) return;
    await decideIdentityAppeal({ appealId: deciding.item.appealId, decision: deciding.decision, reason });
    const upheld = deciding.decision === 'uphold';
    setDeciding(null);
    void Taro.showToast({ title: upheld ? '已核实，账号已冻结' : '已驳回', icon: 'none', duration: 1500 });
    reload();
  };

  return (
    <Shell>
      <SegTabs
        name='id-appeal-tab'
        value={tab}
        onChange={setTab}
        tabs={[
          { key: 'pending', title: '待核验', count: tab === 'pending' && list.status === 'ready' ? list.total : undefined },
          { key: 'upheld', title: '已核实' },
          { key: 'rejected', title: '已驳回' },
        ]}
      />
      {list.status === 'loading' ? <StateView kind='loading' className='id-appeal-loading' rows={4} /> : null}
      {list.status === 'error' ? (
        list.error.code === 'AUTH.FORBIDDEN' || list.error.code === 'USER.NOT_REGISTERED' ? (
          <StateView
            kind='empty'
            className='id-appeal-forbidden'
            icon='审'
            title='暂无处理权限'
            description='身份核验申请由总队负责人和管理员处理'
          />
        ) : (
          <StateView kind='error' className='id-appeal-error' message={list.error.message} onRetry={reload} />
        )
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView kind='empty' className='id-appeal-empty' icon='核' title={tab === 'pending' ? '暂无待核验的申请' : '暂无记录'} />
      ) : null}
      {list.status === 'ready'
        ? list.items.map((a) => (
            <AppealCard
              key={a.appealId}
              item={a}
              busy={deciding?.item.appealId === a.appealId}
              onUphold={() => setDeciding({ item: a, decision: 'uphold' })}
              onReject={() => setDeciding({ item: a, decision: 'reject' })}
            />
          ))
        : null}
      <ListFooter
        name='id-appeal'
        list={list}
        hasMore={hasMore}
        onMore={loadMore}
        endText={list.status === 'ready' ? `共 ${list.total} 条` : ''}
      />
      <ReasonSheet
        visible={deciding !== null}
        title={deciding?.decision === 'uphold' ? '核实属实' : '驳回申请'}
        subject={
          deciding
            ? deciding.decision === 'uphold'
              ? `冻结 ${deciding.item.holder?.realName ?? '已注册'} 的账号（服务记录保留），释放身份证号 ${deciding.item.idNumberMasked} 给 ${deciding.item.realName}`
              : `驳回 ${deciding.item.realName} 的身份核验申请`
            : ''
        }
        placeholder={deciding?.decision === 'uphold' ? '请填写核实依据（如电话核实、证件比对），记入审计' : '请填写驳回原因，申请人会看到'}
        confirmText={deciding?.decision === 'uphold' ? '确认冻结并释放' : '确认驳回'}
        onConfirm={decide}
        onClose={() => setDeciding(null)}
      />
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return <View className='app-page identity-appeals'>{children}</View>;
}
