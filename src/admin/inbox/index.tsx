// 审核: pending member applications of every team I manage (approve, or reject with a reason), and the child-team
// registrations and requests to correct a day record that I may decide (four-eyes: never my own; a team's below mine
// when it has no other manager). Each correction opens 时长更正审核 of its team (inbox-correction-item).
import { useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import ReasonSheet from '../../components/form-sheet/reason-sheet';
import { inbox, reviewMember, reviewOrg } from '../../services/org';
import { toCloudError } from '../../services/cloud-error';
import { useResource } from '../../hooks/use-resource';
import { regionName } from '../../utils/region';
import { explainManageError } from '../review-errors';
import IdentityAppealsEntry from '../identity-appeals/entry';
import type { Org, OrgInboxOutput } from '@contract/org';
import { dateTimeOf } from '@contract/time';
import { routes } from '../../routes';
import './index.scss';

type Tab = 'members' | 'orgs' | 'corrections';
type MemberApp = OrgInboxOutput['members'][number];
type Rejecting = { kind: 'member'; item: MemberApp } | { kind: 'org'; item: Org } | null;

export default function Inbox() {
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(params.tab === 'orgs' || params.tab === 'corrections' ? params.tab : 'members');
  const [busyId, setBusyId] = useState('');
  const [rejecting, setRejecting] = useState<Rejecting>(null);
  // Back from 时长更正审核: read again without blanking the list.
  const { state, reload } = useResource(inbox, [], { when: 'show', keepOnShow: true });
  const refresh = () => reload({ quiet: true });

  const approve = async (id: string, action: () => Promise<unknown>) => {
    if (busyId) return;
    setBusyId(id);
    try {
      await action();
      void Taro.showToast({ title: '已通过', icon: 'success', duration: 1200 });
      refresh();
    } catch (e) {
      const err = toCloudError(e);
      const view = explainManageError(err.code, err.message);
      void Taro.showToast({ title: view.message, icon: 'none', duration: 2500 });
      if (view.reload) refresh();
    } finally {
      setBusyId('');
    }
  };

  /** Runs inside the reason sheet: a failure stays in the sheet (thrown), success closes it and refreshes. */
  const reject = async (reason: string) => {
    if (!rejecting) return;
    try {
      if (rejecting.kind === 'member') {
        await reviewMember({ orgId: rejecting.item.orgId, memberId: rejecting.item.memberId, decision: 'reject', reason });
      } else {
        await reviewOrg({ orgId: rejecting.item._id, decision: 'reject', reason });
      }
    } catch (e) {
      const err = toCloudError(e);
      const view = explainManageError(err.code, err.message);
      if (view.reload) refresh();
      throw Object.assign(err, { message: view.message });
    }
    setRejecting(null);
    void Taro.showToast({ title: '已驳回', icon: 'none', duration: 1200 });
    refresh();
  };

  if (state.status === 'loading')
    return (
      <Shell>
        <StateView kind='loading' className='inbox-loading' rows={5} />
      </Shell>
    );
  if (state.status === 'error') {
    if (state.error.code === 'AUTH.FORBIDDEN' || state.error.code === 'USER.NOT_REGISTERED') {
      return (
        <Shell>
          <StateView
            kind='empty'
            className='inbox-forbidden'
            icon='审'
            title='暂无审核权限'
            description='只有队伍负责人和管理员可以审核入队和队伍注册申请'
          />
        </Shell>
      );
    }
    return (
      <Shell>
        <StateView kind='error' className='inbox-error' message={state.error.message} onRetry={reload} />
      </Shell>
    );
  }

  const { members, orgs, corrections, counts } = state.data;
  return (
    <Shell>
      <IdentityAppealsEntry />
      <SegTabs
        name='inbox-tab'
        value={tab}
        onChange={setTab}
        tabs={[
          { key: 'members', title: '成员申请', count: counts.members },
          { key: 'orgs', title: '队伍申请', count: counts.orgs },
          { key: 'corrections', title: '时长更正', count: counts.corrections },
        ]}
      />
      {tab === 'members' && members.length === 0 ? <Empty cls='inbox-members-empty' /> : null}
      {tab === 'orgs' && orgs.length === 0 ? <Empty cls='inbox-orgs-empty' /> : null}
      {tab === 'corrections' && corrections.length === 0 ? <Empty cls='inbox-corrections-empty' /> : null}
      {tab === 'corrections'
        ? corrections.map((c) => (
            <View
              key={c.correctionId}
              className='card inbox-item inbox-correction-item'
              onClick={() => Taro.navigateTo({ url: routes.corrections(c.orgId) })}
            >
              <View className='inbox-item__head'>
                <Text className='inbox-item__name'>{c.realName}</Text>
                <Text className='inbox-item__level'>{c.date}</Text>
              </View>
              <Text className='inbox-item__line'>
                {c.orgName} · {c.title}
              </Text>
              <Text className='inbox-item__intro'>{c.note}</Text>
              <Text className='inbox-item__time'>提交时间：{dateTimeOf(c.createdAt)} · 去处理 ›</Text>
            </View>
          ))
        : null}

      {tab === 'members'
        ? members.map((m) => (
            <View key={m.memberId} className='card inbox-item inbox-member-item'>
              <View className='inbox-item__head'>
                <Text className='inbox-item__name'>{m.realName}</Text>
                <Text className='inbox-item__phone'>{m.phoneMasked}</Text>
              </View>
              <Text className='inbox-item__line'>申请加入：{m.orgName}</Text>
              <Text className='inbox-item__time'>申请时间：{dateTimeOf(m.appliedAt)}</Text>
              <Buttons
                busy={busyId === m.memberId}
                onApprove={() => approve(m.memberId, () => reviewMember({ orgId: m.orgId, memberId: m.memberId, decision: 'approve' }))}
                onReject={() => setRejecting({ kind: 'member', item: m })}
              />
            </View>
          ))
        : tab === 'orgs' &&
          orgs.map((o) => (
            <View key={o._id} className='card inbox-item inbox-org-item'>
              <View className='inbox-item__head'>
                <Text className='inbox-item__name'>{o.name}</Text>
                <Text className='inbox-item__level'>{o.level}</Text>
              </View>
              <Text className='inbox-item__line'>所在地区：{regionName(o.region)}</Text>
              {o.contactName ? (
                <Text className='inbox-item__line'>
                  联系人：{o.contactName}
                  {o.contactPhone ? ` ${o.contactPhone}` : ''}
                </Text>
              ) : null}
              {o.intro ? <Text className='inbox-item__intro'>{o.intro}</Text> : null}
              <Text className='inbox-item__time'>提交时间：{dateTimeOf(o.createdAt)}</Text>
              <Buttons
                busy={busyId === o._id}
                onApprove={() => approve(o._id, () => reviewOrg({ orgId: o._id, decision: 'approve' }))}
                onReject={() => setRejecting({ kind: 'org', item: o })}
              />
            </View>
          ))}

      <ReasonSheet
        visible={rejecting !== null}
        title='驳回申请'
        subject={
          rejecting
            ? rejecting.kind === 'member'
              ? `${rejecting.item.realName} 申请加入 ${rejecting.item.orgName}`
              : `${rejecting.item.name} 的注册申请`
            : ''
        }
        placeholder='请填写驳回原因，申请人会看到'
        confirmText='确认驳回'
        onConfirm={reject}
        onClose={() => setRejecting(null)}
      />
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return <View className='app-page inbox'>{children}</View>;
}

function Empty({ cls }: { cls: string }) {
  return (
    <StateView kind='empty' className={`inbox-empty ${cls}`} icon='审' title='暂无待审核申请' description='新的申请提交后会出现在这里' />
  );
}

function Buttons({ busy, onApprove, onReject }: { busy: boolean; onApprove: () => void; onReject: () => void }) {
  return (
    <View className='inbox-item__buttons'>
      <Button className='inbox-reject' size='small' disabled={busy} onClick={onReject}>
        驳回
      </Button>
      <Button className='inbox-approve' size='small' type='primary' loading={busy} disabled={busy} onClick={onApprove}>
        通过
      </Button>
    </View>
  );
}
