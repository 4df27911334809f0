// 审核: pending member applications of every team I manage, each with what to judge it by (age, region, 从业类别,
// 服务领域, 专业特长, teams joined) — approve, reject with a preset or written reason, or 批量 many with one
// confirmation; an approval can be taken back for a minute (撤销). Also the child-team registrations and requests to
// correct a day record that I may decide (four-eyes: never my own; a team's below mine when it has no other manager),
// each correction opening 时长更正审核 of its team, and 审核记录 of my teams' decisions.
import { useEffect, useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import SegTabs from '../../components/seg-tabs';
import StateView from '../../components/state-view';
import ReasonSheet from '../../components/form-sheet/reason-sheet';
import { inbox, reviewMember, reviewMembers, reviewOrg, undoReview } from '../../services/org';
import { toCloudError } from '../../services/cloud-error';
import { serverNow } from '../../services/server-clock';
import { useResource } from '../../hooks/use-resource';
import { regionName } from '../../utils/region';
import { COLOR } from '../../styles/colors';
import { explainManageError } from '../review-errors';
import IdentityAppealsEntry from '../identity-appeals/entry';
import type { Org } from '@contract/org';
import { UNDO_REVIEW_SECONDS } from '@contract/review';
import { dateTimeOf } from '@contract/time';
import { routes } from '../../routes';
import MemberItem, { type MemberApp } from './member-item';
import RejectSheet from './reject-sheet';
import ReviewHistory from './review-history';
import { batchSummary, openUndos, type Undoable } from './helpers';
import './index.scss';
import { useRegions } from '../../hooks/use-regions';

type Tab = 'members' | 'orgs' | 'corrections' | 'history';
const TABS: readonly Tab[] = ['members', 'orgs', 'corrections', 'history'];
type Rejecting = { kind: 'members'; items: MemberApp[] } | { kind: 'org'; item: Org } | null;

export default function Inbox() {
  useRegions();
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(TABS.find((t) => t === params.tab) ?? 'members');
  const [busyId, setBusyId] = useState('');
  const [rejecting, setRejecting] = useState<Rejecting>(null);
  const [batch, setBatch] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [undos, setUndos] = useState<Undoable[]>([]);
  const [now, setNow] = useState(serverNow());
  // Back from 时长更正审核: read again without blanking the list.
  const { state, reload } = useResource(inbox, [], { when: 'show', keepOnShow: true });
  const refresh = () => reload({ quiet: true });

  // The 撤销 countdown runs on the server's clock, second by second, while an approval can still be taken back.
  const live = openUndos(undos, now);
  useEffect(() => {
    if (undos.length === 0) return undefined;
    const timer = setInterval(() => {
      const t = serverNow();
      setNow(t);
      setUndos((list) => (list.some((u) => u.until <= t) ? list.filter((u) => u.until > t) : list));
    }, 1000);
    return () => clearInterval(timer);
  }, [undos.length]);
  const remember = (items: Undoable[]) => {
    setNow(serverNow());
    setUndos((list) => [...list.filter((u) => u.until > serverNow() && !items.some((i) => i.memberId === u.memberId)), ...items]);
  };

  const showError = (e: unknown) => {
    const err = toCloudError(e);
    const view = explainManageError(err.code, err.message);
    void Taro.showToast({ title: view.message, icon: 'none', duration: 2500 });
    if (view.reload) refresh();
  };

  const approve = async (id: string, action: () => Promise<unknown>) => {
    if (busyId) return;
    setBusyId(id);
    try {
      await action();
      void Taro.showToast({ title: '已通过', icon: 'success', duration: 1200 });
      refresh();
    } catch (e) {
      showError(e);
    } finally {
      setBusyId('');
    }
  };

  const approveMember = (m: MemberApp) =>
    approve(m.memberId, async () => {
      const { membership } = await reviewMember({ orgId: m.orgId, memberId: m.memberId, decision: 'approve' });
      // The server's time of the approval starts the minute.
      if (membership.reviewedAt)
        remember([
          {
            memberId: m.memberId,
            realName: m.realName,
            orgName: m.orgName,
            until: Date.parse(membership.reviewedAt) + UNDO_REVIEW_SECONDS * 1000,
          },
        ]);
    });

  const undo = async (u: Undoable) => {
    if (busyId) return;
    setBusyId(u.memberId);
    try {
      await undoReview(u.memberId);
      void Taro.showToast({ title: '已撤销，申请恢复为待审核', icon: 'none', duration: 1500 });
      setUndos((list) => list.filter((x) => x.memberId !== u.memberId));
      refresh();
    } catch (e) {
      const err = toCloudError(e);
      if (err.code.startsWith('ORG.UNDO_')) setUndos((list) => list.filter((x) => x.memberId !== u.memberId));
      showError(e);
    } finally {
      setBusyId('');
    }
  };

  const members = state.status === 'ready' || state.status === 'empty' ? state.data.members : [];
  const chosen = members.filter((m) => selected.includes(m.memberId));
  const nameOf = (id: string) => members.find((m) => m.memberId === id)?.realName ?? id;
  const endBatch = () => {
    setBatch(false);
    setSelected([]);
  };

  /** One call for every chosen application; the answer says per item. */
  const decideChosen = async (decision: 'approve' | 'reject', items: MemberApp[], reason?: string) => {
    const out = await reviewMembers({ items: items.map((m) => m.memberId), decision, ...(reason ? { reason } : {}) });
    if (decision === 'approve')
      remember(
        out.results.flatMap((r) => {
          const m = items.find((i) => i.memberId === r.memberId);
          return r.ok && r.undoUntil && m
            ? [{ memberId: m.memberId, realName: m.realName, orgName: m.orgName, until: Date.parse(r.undoUntil) }]
            : [];
        }),
      );
    const { title, failures } = batchSummary(decision, out, nameOf);
    endBatch();
    refresh();
    if (failures.length === 0) void Taro.showToast({ title, icon: 'none', duration: 1500 });
    else
      Taro.showModal({ title, content: failures.join('\n'), showCancel: false, confirmText: '知道了', confirmColor: COLOR.primary }).catch(
        () => undefined,
      );
  };

  const approveChosen = async () => {
    if (chosen.length === 0 || busyId) return;
    const { confirm } = await Taro.showModal({
      title: '批量通过',
      content: `将通过已选的${chosen.length}条入队申请，确定吗？`,
      confirmText: '确定通过',
      cancelText: '取消',
      confirmColor: COLOR.primary,
    });
    if (!confirm) return;
    setBusyId('batch');
    try {
      await decideChosen('approve', chosen);
    } catch (e) {
      showError(e);
    } finally {
      setBusyId('');
    }
  };

  /** Runs inside the reject sheet: a failure stays in the sheet (thrown), success closes it and refreshes. */
  const reject = async (reason: string) => {
    if (!rejecting) return;
    try {
      if (rejecting.kind === 'members') {
        if (rejecting.items.length === 1 && !batch) {
          const m = rejecting.items[0];
          await reviewMember({ orgId: m.orgId, memberId: m.memberId, decision: 'reject', reason });
          void Taro.showToast({ title: '已驳回', icon: 'none', duration: 1200 });
          refresh();
        } else {
          await decideChosen('reject', rejecting.items, reason);
        }
      } else {
        await reviewOrg({ orgId: rejecting.item._id, decision: 'reject', reason });
        void Taro.showToast({ title: '已驳回', icon: 'none', duration: 1200 });
        refresh();
      }
    } catch (e) {
      const err = toCloudError(e);
      const view = explainManageError(err.code, err.message);
      if (view.reload) refresh();
      throw Object.assign(err, { message: view.message });
    }
    setRejecting(null);
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

  const { orgs, corrections, counts } = state.data;
  return (
    <Shell>
      <IdentityAppealsEntry />
      {live.length > 0 ? (
        <View className='card inbox-undo'>
          {live.map((u) => (
            <View key={u.memberId} className='inbox-undo-item'>
              <Text className='inbox-undo-text'>
                已通过 {u.realName}（{u.orgName}），{u.secondsLeft}秒内可撤销
              </Text>
              <Button className='inbox-undo-button' size='small' disabled={busyId !== ''} onClick={() => void undo(u)}>
                撤销
              </Button>
            </View>
          ))}
        </View>
      ) : null}
      <SegTabs
        name='inbox-tab'
        value={tab}
        onChange={(t) => {
          setTab(t);
          endBatch();
        }}
        tabs={[
          { key: 'members', title: '成员申请', count: counts.members },
          { key: 'orgs', title: '队伍申请', count: counts.orgs },
          { key: 'corrections', title: '时长更正', count: counts.corrections },
          { key: 'history', title: '审核记录' },
        ]}
      />
      {tab === 'members' && members.length === 0 ? <Empty cls='inbox-members-empty' /> : null}
      {tab === 'orgs' && orgs.length === 0 ? <Empty cls='inbox-orgs-empty' /> : null}
      {tab === 'corrections' && corrections.length === 0 ? <Empty cls='inbox-corrections-empty' /> : null}
      {tab === 'history' ? <ReviewHistory /> : null}
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

      {tab === 'members' && members.length > 1 ? (
        <View className='inbox-toolbar'>
          <Text className='inbox-toolbar__hint'>{batch ? '点选申请后批量处理' : `共${counts.members}条待审核`}</Text>
          <Button className='inbox-batch-toggle' size='small' onClick={() => (batch ? endBatch() : setBatch(true))}>
            {batch ? '取消批量' : '批量'}
          </Button>
        </View>
      ) : null}
      {tab === 'members'
        ? members.map((m) => (
            <MemberItem
              key={m.memberId}
              m={m}
              batch={batch}
              checked={selected.includes(m.memberId)}
              onToggle={() => setSelected((s) => (s.includes(m.memberId) ? s.filter((x) => x !== m.memberId) : [...s, m.memberId]))}
              buttons={
                <Buttons
                  busy={busyId === m.memberId}
                  onApprove={() => void approveMember(m)}
                  onReject={() => setRejecting({ kind: 'members', items: [m] })}
                />
              }
            />
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
                onApprove={() => void approve(o._id, () => reviewOrg({ orgId: o._id, decision: 'approve' }))}
                onReject={() => setRejecting({ kind: 'org', item: o })}
              />
            </View>
          ))}

      {tab === 'members' && batch ? (
        <View className='inbox-batch-bar'>
          <View
            className='inbox-select-all'
            onClick={() => setSelected(chosen.length === members.length ? [] : members.map((m) => m.memberId))}
          >
            <Text className={`inbox-check${chosen.length === members.length ? ' is-checked' : ''}`}>
              {chosen.length === members.length ? '✓' : ''}
            </Text>
            <Text>全选</Text>
          </View>
          <Text className='inbox-batch-count'>已选{chosen.length}条</Text>
          <Button
            className='inbox-batch-reject'
            size='small'
            disabled={chosen.length === 0 || busyId !== ''}
            onClick={() => setRejecting({ kind: 'members', items: chosen })}
          >
            批量驳回
          </Button>
          <Button
            className='inbox-batch-approve'
            size='small'
            type='primary'
            loading={busyId === 'batch'}
            disabled={chosen.length === 0 || busyId !== ''}
            onClick={() => void approveChosen()}
          >
            批量通过
          </Button>
        </View>
      ) : null}

      <RejectSheet
        visible={rejecting?.kind === 'members'}
        subject={
          rejecting?.kind === 'members'
            ? rejecting.items.length === 1
              ? `${rejecting.items[0].realName} 申请加入 ${rejecting.items[0].orgName}`
              : `已选${rejecting.items.length}条入队申请`
            : ''
        }
        onConfirm={reject}
        onClose={() => setRejecting(null)}
      />
      <ReasonSheet
        visible={rejecting?.kind === 'org'}
        title='驳回申请'
        subject={rejecting?.kind === 'org' ? `${rejecting.item.name} 的注册申请` : ''}
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
