// 队伍详情: who the team is, where it sits in the tree, my membership and what I may do with it; opened from an
// invitation (`join=1` or a 邀请码's scene) with 申请加入 ready; its managers invite from here. Shares are invitations.
// Members read its 证明公示; its leader uploads its 公章.
import { useEffect, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import { Tag } from '../../components/nutui/tag';
import StateView from '../../components/state-view';
import OrgCard from '../../components/org-card';
import { getOrg, joinOrg, leaveOrg } from '../../services/org';
import { askToSubscribe } from '../../services/subscribe';
import { toCloudError } from '../../services/cloud-error';
import { useResource } from '../../hooks/use-resource';
import { regionName } from '../../utils/region';
import { STATUS_TAG } from '../../utils/status-tag';
import { MEMBERSHIP_STATUS_LABEL, ORG_STATUS_LABEL, ROLE_LABEL } from '@contract/enums';
import { actionsFor, explainActionError } from './helpers';
import OrgInfo from './components/org-info';
import InviteSheet from './components/invite-sheet';
import InvitedCard from './components/invited-card';
import OrgCommendations from './components/org-commendations';
import CertificatePublicity from './components/certificate-publicity';
import SealRow from './components/seal-row';
import { useOrgEntry, useOrgShare } from './share';
import { POSTER_CANVAS_ID } from '../../device/poster';
import { routes } from '../../routes';
import { COLOR } from '../../styles/colors';
import './index.scss';
import { useRegions } from '../../hooks/use-regions';

export default function OrgDetail() {
  useRegions();
  const { orgId, join: invited, opening, fromScene } = useOrgEntry();
  const [busy, setBusy] = useState(false);
  const [inviting, setInviting] = useState(false);
  // Back from another team or from registering: read again without blanking the page.
  const { state, reload } = useResource(orgId ? () => getOrg(orgId) : null, [orgId], {
    when: 'show',
    keepOnShow: true,
    onData: (data) => void Taro.setNavigationBarTitle({ title: data.org.name }).catch(() => undefined),
  });
  const refresh = () => reload({ quiet: true });
  // A 邀请码's scene names the team only after the page has shown: load it once it is known.
  useEffect(() => {
    if (fromScene && orgId) reload();
  }, [fromScene, orgId, reload]);
  useOrgShare(state.status === 'ready' ? state.data.org : undefined);

  const run = async (action: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      await action();
      void Taro.showToast({ title: done, icon: 'none', duration: 2000 });
      refresh();
    } catch (e) {
      const err = toCloudError(e);
      const outcome = explainActionError(err.code, err.message);
      setBusy(false);
      if (outcome.kind === 'register') {
        const { confirm } = await Taro.showModal({
          title: '请先注册',
          content: outcome.message,
          confirmText: '去注册',
          confirmColor: COLOR.primary,
          cancelText: '稍后',
        });
        if (confirm) void Taro.navigateTo({ url: routes.register(orgId) });
      } else {
        void Taro.showToast({ title: outcome.message, icon: 'none', duration: 2500 });
        if (outcome.kind === 'reload') refresh();
      }
    } finally {
      setBusy(false);
    }
  };

  if ((!orgId && !opening) || (state.status === 'error' && state.error.code === 'ORG.NOT_FOUND')) {
    return (
      <Page>
        <StateView
          kind='empty'
          className='org-not-found'
          title='队伍不存在'
          description='该队伍不存在或尚未通过审核'
          icon='队'
          action={{ text: '查找其他队伍', className: 'org-search', onClick: () => Taro.redirectTo({ url: routes.orgs() }) }}
        />
      </Page>
    );
  }
  if (opening || state.status === 'loading')
    return (
      <Page>
        <StateView kind='loading' className='org-loading' rows={6} />
      </Page>
    );
  if (state.status === 'error')
    return (
      <Page>
        <StateView kind='error' className='org-error' message={state.error.message} onRetry={reload} />
      </Page>
    );

  const { org, parent, children, memberCount, myMembership, isApplicant } = state.data;
  // Its applicant has no membership while the team is reviewed: their status is the application's.
  const applying = !myMembership && isApplicant && org.status !== 'approved';
  const actions = actionsFor(state.data);
  const join = async () => {
    await askToSubscribe(['memberReviewed', 'roleChanged', 'memberRemoved']);
    void run(() => joinOrg(org._id), '已提交申请，请等待队伍审核');
  };
  const leave = async () => {
    const pending = actions.leave === '撤回申请';
    const { confirm } = await Taro.showModal({
      title: pending ? '撤回申请' : '退出队伍',
      content: pending ? `确定撤回加入“${org.name}”的申请吗？` : `确定退出“${org.name}”吗？退出后如需再次加入，需要重新申请并审核。`,
      confirmText: pending ? '撤回' : '退出',
      confirmColor: COLOR.danger,
      cancelText: '取消',
      cancelColor: COLOR.text,
    });
    if (confirm) void run(() => leaveOrg(org._id), pending ? '已撤回申请' : '已退出队伍');
  };

  return (
    <Page>
      <View className='org-detail__header'>
        <View className='org-detail__title-row'>
          <Text className='org-detail__name org-name'>{org.name}</Text>
          <Text className='org-detail__level org-level'>{org.level}</Text>
        </View>
        <Text className='org-detail__region org-region'>{regionName(org.region)}</Text>
        <View className='org-detail__figures'>
          <Text className='org-detail__figure'>
            <Text className='org-detail__figure-value org-member-count'>{memberCount}</Text> 名成员
          </Text>
          <Text className='org-detail__figure'>
            <Text className='org-detail__figure-value org-children-count'>{children.length}</Text> 支下级队伍
          </Text>
        </View>
      </View>

      {org.status !== 'approved' ? (
        <View className={`org-detail__banner org-review-status is-${org.status}`}>
          <Text className='org-detail__banner-title'>队伍注册{ORG_STATUS_LABEL[org.status]}</Text>
          {org.status === 'pending' ? <Text className='org-detail__banner-text'>等待上级队伍负责人或管理员审核</Text> : null}
          {org.status === 'rejected' ? (
            <Text className='org-detail__banner-text org-reject-reason'>驳回原因：{org.rejectReason || '未填写'}</Text>
          ) : null}
        </View>
      ) : null}

      {invited && actions.join ? <InvitedCard again={Boolean(myMembership)} busy={busy} onJoin={() => void join()} /> : null}

      <View className='card org-detail__mine'>
        <View className='org-detail__mine-row'>
          <Text className='org-detail__label'>我的状态</Text>
          {myMembership ? (
            <View className='org-detail__mine-status'>
              <Tag type={STATUS_TAG[myMembership.status]} className='org-status'>
                {MEMBERSHIP_STATUS_LABEL[myMembership.status]}
              </Tag>
              {myMembership.status === 'approved' ? (
                <Text className='org-detail__role org-role'>{ROLE_LABEL[myMembership.role]}</Text>
              ) : null}
            </View>
          ) : applying ? (
            <Tag type={STATUS_TAG[org.status]} className='org-status'>
              {ORG_STATUS_LABEL[org.status]}
            </Tag>
          ) : (
            <Text className='org-detail__muted org-status'>未加入</Text>
          )}
        </View>
        {myMembership && (myMembership.status === 'rejected' || myMembership.status === 'removed') && myMembership.reason ? (
          <Text className='org-detail__reason org-member-reason'>
            {myMembership.status === 'rejected' ? '未通过原因' : '清退原因'}：{myMembership.reason}
          </Text>
        ) : null}
        {myMembership?.status === 'pending' ? <Text className='org-detail__hint'>申请已提交，队伍负责人或管理员审核后会通知您</Text> : null}
        {applying && org.status === 'pending' ? (
          <Text className='org-detail__hint org-applicant-hint'>队伍注册申请已提交，审核通过后您将成为队伍负责人</Text>
        ) : null}
      </View>

      <OrgInfo org={org} />

      {org.status === 'approved' ? <OrgCommendations orgId={org._id} /> : null}

      {actions.seal ? <SealRow orgId={org._id} hasSeal={Boolean(state.data.hasSeal)} onDone={refresh} /> : null}

      {actions.publicity ? <CertificatePublicity orgId={org._id} /> : null}

      {parent ? (
        <View className='card org-detail__section'>
          <Text className='org-detail__section-title'>上级队伍</Text>
          <View className='org-detail__link org-parent' onClick={() => Taro.navigateTo({ url: routes.orgDetail(parent._id) })}>
            <Text>{parent.name}</Text>
            <Text className='org-detail__arrow'>›</Text>
          </View>
        </View>
      ) : null}

      <View className='org-detail__section-bare'>
        <Text className='org-detail__section-title is-bare'>下级队伍（{children.length}）</Text>
        {children.length === 0 ? <Text className='org-detail__muted is-bare org-children-empty'>暂无下级队伍</Text> : null}
        {children.map((c) => (
          <OrgCard key={c._id} org={c} className='org-child' onClick={() => Taro.navigateTo({ url: routes.orgDetail(c._id) })} />
        ))}
      </View>

      <View className='org-detail__actions'>
        {actions.manage ? (
          <Button className='org-manage-members' onClick={() => Taro.navigateTo({ url: routes.members(org._id) })}>
            成员管理
          </Button>
        ) : null}
        {actions.review && org.status === 'approved' ? (
          <Button className='org-invite' onClick={() => setInviting(true)}>
            邀请加入
          </Button>
        ) : null}
        {actions.review ? (
          <Button className='org-review' onClick={() => Taro.navigateTo({ url: routes.inbox() })}>
            审核
          </Button>
        ) : null}
        {actions.leave ? (
          <Button className='org-leave' type='danger' fill='outline' disabled={busy} onClick={leave}>
            {actions.leave}
          </Button>
        ) : null}
        {actions.join && !invited ? (
          <Button className='org-join' type='primary' loading={busy} disabled={busy} onClick={join}>
            {myMembership ? '重新申请加入' : '申请加入'}
          </Button>
        ) : null}
      </View>
      {org.status === 'approved' ? (
        <Text className='org-detail__complain org-complain' onClick={() => Taro.navigateTo({ url: routes.complaint({ orgId: org._id }) })}>
          投诉
        </Text>
      ) : null}
      {actions.review ? <InviteSheet visible={inviting} org={org} onClose={() => setInviting(false)} /> : null}
      {actions.review && process.env.TARO_ENV === 'weapp' ? (
        <Canvas type='2d' id={POSTER_CANVAS_ID} className='org-detail__canvas' />
      ) : null}
    </Page>
  );
}

function Page({ children }: { children: ReactNode }) {
  return <View className='app-page org-detail'>{children}</View>;
}
