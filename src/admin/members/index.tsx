// 成员管理: a team's members by status, searched by name or phone and filtered by role, join time and 近90天活跃, each
// with this year's hours; the leader appoints admins, managers review applications, 清退 with a reason, 拨打 and 导出名单.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import ReasonSheet from '../../components/form-sheet/reason-sheet';
import { PAGE_SIZE, usePagedList } from '../../hooks/use-paged-list';
import ListFooter from '../../components/list-footer';
import { getOrg, listMembers, memberPhone, removeMember, reviewMember, setMemberRole } from '../../services/org';
import { toCloudError } from '../../services/cloud-error';
import { serverToday } from '../../services/server-clock';
import { useResource } from '../../hooks/use-resource';
import { callPhone } from '../../device/phone';
import { explainManageError } from '../review-errors';
import type { Member, TeamMember } from '@contract/org';
import MemberRow from './components/member-row';
import MemberFilterBar from './components/member-filters';
import ExportMembers from './components/export-members';
import { filterInput, hasFilters, memberActions, NO_FILTERS, type MemberFilters, type Viewer } from './helpers';
import { COLOR } from '../../styles/colors';
import './index.scss';

type Tab = 'approved' | 'pending' | 'removed';
type Asking = { kind: 'remove' | 'reject'; member: Member } | null;

export default function Members() {
  const orgId = decodeURIComponent(useRouter().params.orgId ?? '');
  const [tab, setTab] = useState<Tab>('approved');
  const [busyId, setBusyId] = useState('');
  const [asking, setAsking] = useState<Asking>(null);
  const [filters, setFilters] = useState<MemberFilters>(NO_FILTERS);
  const [calling, setCalling] = useState('');
  const { state: org, reload: loadOrg } = useResource(() => getOrg(orgId), [orgId], {
    onData: (data) => void Taro.setNavigationBarTitle({ title: `成员管理 · ${data.org.name}` }).catch(() => undefined),
  });

  // The server's today resolves 加入时间; the same fields go to the list and to 导出名单.
  const query = useMemo(() => ({ orgId, status: tab, ...filterInput(filters, serverToday()) }), [orgId, tab, filters]);
  const fetchPage = useCallback((page: number) => listMembers({ ...query, page, pageSize: PAGE_SIZE }), [query]);
  const { list, reload, loadMore, hasMore } = usePagedList(fetchPage, (m) => m.memberId);

  useEffect(reload, [query, reload]);
  useReachBottom(loadMore);

  if (!orgId)
    return (
      <Shell>
        <StateView kind='empty' className='members-no-org' icon='队' title='未指定队伍' description='请从“我的”或队伍详情进入成员管理' />
      </Shell>
    );
  if (org.status === 'loading')
    return (
      <Shell>
        <StateView kind='loading' className='members-loading' rows={5} />
      </Shell>
    );
  if (org.status === 'error') {
    return (
      <Shell>
        {org.error.code === 'ORG.NOT_FOUND' ? (
          <StateView kind='empty' className='members-not-found' icon='队' title='队伍不存在' description='该队伍不存在或已被删除' />
        ) : (
          <StateView kind='error' className='members-error' message={org.error.message} onRetry={loadOrg} />
        )}
      </Shell>
    );
  }

  const me = org.data.myMembership;
  const viewer: Viewer = {
    role: me?.status === 'approved' ? me.role : null,
    canManage: org.data.canManage,
    memberId: me?.memberId ?? null,
  };
  if (!org.data.canManage && !org.data.canRead) {
    return (
      <Shell>
        <StateView
          kind='empty'
          className='members-forbidden'
          icon='队'
          title='暂无管理权限'
          description='只有队伍负责人、管理员和上级队伍的管理者可以查看成员'
        />
      </Shell>
    );
  }

  const act = async (m: Member, action: () => Promise<unknown>, done: string) => {
    if (busyId) return;
    setBusyId(m.memberId);
    try {
      await action();
      void Taro.showToast({ title: done, icon: 'none', duration: 1500 });
      reload();
    } catch (e) {
      const err = toCloudError(e);
      const view = explainManageError(err.code, err.message);
      void Taro.showToast({ title: view.message, icon: 'none', duration: 2500 });
      if (view.reload) reload();
    } finally {
      setBusyId('');
    }
  };

  const setRole = async (m: Member, role: 'admin' | 'member') => {
    const { confirm } = await Taro.showModal({
      title: role === 'admin' ? '设为管理员' : '取消管理员',
      content:
        role === 'admin'
          ? `设为管理员后，${m.realName}可以审核入队申请、管理成员。每支队伍最多5名管理员。`
          : `确定取消${m.realName}的管理员身份吗？`,
      confirmText: '确定',
      confirmColor: COLOR.primary,
      cancelText: '取消',
    });
    if (confirm)
      void act(m, () => setMemberRole({ orgId, memberId: m.memberId, role }), role === 'admin' ? '已设为管理员' : '已取消管理员');
  };

  const call = async (m: TeamMember) => {
    if (calling) return;
    setCalling(m.memberId);
    try {
      const { phone } = await memberPhone(orgId, m.openid);
      await callPhone(phone);
    } catch (e) {
      void Taro.showToast({ title: toCloudError(e).message || '无法拨打电话', icon: 'none', duration: 2500 });
    } finally {
      setCalling('');
    }
  };

  const submitReason = async (reason: string) => {
    if (!asking) return;
    const { kind, member } = asking;
    try {
      if (kind === 'remove') await removeMember({ orgId, memberId: member.memberId, reason });
      else await reviewMember({ orgId, memberId: member.memberId, decision: 'reject', reason });
    } catch (e) {
      const err = toCloudError(e);
      const view = explainManageError(err.code, err.message);
      if (view.reload) reload();
      throw Object.assign(err, { message: view.message });
    }
    setAsking(null);
    void Taro.showToast({ title: kind === 'remove' ? '已清退' : '已驳回', icon: 'none', duration: 1500 });
    reload();
  };

  return (
    <Shell>
      <View className='members__head'>
        <Text className='members__org members-org-name'>{org.data.org.name}</Text>
        <Text className='members__count'>已加入 {org.data.memberCount} 人</Text>
      </View>
      <SegTabs
        name='members-tab'
        value={tab}
        onChange={setTab}
        tabs={[
          { key: 'approved', title: '已加入' },
          { key: 'pending', title: '待审核' },
          { key: 'removed', title: '已清退' },
        ]}
      />
      {!org.data.canManage ? <Text className='members__readonly members-readonly'>您是上级队伍的管理者，只能查看成员</Text> : null}
      <MemberFilterBar filters={filters} onChange={setFilters} />
      <View className='members__tools'>
        <Text className='members__total members-total'>{list.status === 'ready' ? `共 ${list.total} 人` : ''}</Text>
        <ExportMembers input={query} />
      </View>
      {list.status === 'loading' ? <StateView kind='loading' className='members-list-loading' rows={4} /> : null}
      {list.status === 'error' ? (
        <StateView kind='error' className='members-list-error' message={list.error.message} onRetry={reload} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        hasFilters(filters) ? (
          <StateView
            kind='empty'
            className='members-empty members-filtered-empty'
            icon='员'
            title='没有符合条件的成员'
            description='换个关键词或放宽筛选条件试试'
            action={{ text: '清除筛选', className: 'members-clear-filters', onClick: () => setFilters(NO_FILTERS) }}
          />
        ) : (
          <StateView kind='empty' className='members-empty' icon='员' title={EMPTY_TITLE[tab]} />
        )
      ) : null}
      {list.status === 'ready' ? (
        <View className='members__list'>
          {list.items.map((m) => (
            <MemberRow
              key={m.memberId}
              member={m}
              actions={memberActions(viewer, m)}
              busy={busyId === m.memberId}
              canCall={org.data.canManage && m.memberId !== viewer.memberId && (m.status === 'approved' || m.status === 'pending')}
              calling={calling === m.memberId}
              onCall={() => void call(m)}
              onApprove={() => act(m, () => reviewMember({ orgId, memberId: m.memberId, decision: 'approve' }), '已通过')}
              onReject={() => setAsking({ kind: 'reject', member: m })}
              onSetAdmin={() => setRole(m, 'admin')}
              onUnsetAdmin={() => setRole(m, 'member')}
              onRemove={() => setAsking({ kind: 'remove', member: m })}
            />
          ))}
          <ListFooter name='members' list={list} hasMore={hasMore} onMore={loadMore} endText={`共 ${list.total} 人`} />
        </View>
      ) : null}

      <ReasonSheet
        visible={asking !== null}
        title={asking?.kind === 'remove' ? '清退成员' : '驳回申请'}
        subject={
          asking
            ? asking.kind === 'remove'
              ? `将 ${asking.member.realName} 清退出队伍，记录会保留`
              : `驳回 ${asking.member.realName} 的入队申请`
            : ''
        }
        placeholder={asking?.kind === 'remove' ? '请填写清退原因，该志愿者会看到' : '请填写驳回原因，申请人会看到'}
        confirmText={asking?.kind === 'remove' ? '确认清退' : '确认驳回'}
        onConfirm={submitReason}
        onClose={() => setAsking(null)}
      />
    </Shell>
  );
}

const EMPTY_TITLE: Record<Tab, string> = { approved: '暂无成员', pending: '暂无待审核申请', removed: '暂无清退记录' };

function Shell({ children }: { children: ReactNode }) {
  return <View className='app-page members'>{children}</View>;
}
