// 队伍邀请: teams that entered the volunteer in a 集体注册 ask before adding them; accept (an approved member, if one
// of the 5 places is free) or decline (the invitation is gone, the team is not told why).
// Test classes: invitations-loading, invitations-error, invitations-empty, invitation (one per item), invitation-org,
// invitation-accept, invitation-decline, invitation-error.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import StateView from '../../components/state-view';
import { answerInvitation, myInvitations } from '../../services/org';
import { toCloudError } from '../../services/cloud-error';
import { useResource } from '../../hooks/use-resource';
import type { OrgInvitation } from '@contract/org';
import { dateTimeOf } from '@contract/time';
import './index.scss';

export default function Invitations() {
  const { state, reload: load, update } = useResource(() => myInvitations().then((r) => r.items));
  const [busy, setBusy] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const answer = async (inv: OrgInvitation, decision: 'accept' | 'decline') => {
    if (busy) return;
    setBusy(inv.invitationId);
    setErrors((e) => ({ ...e, [inv.invitationId]: '' }));
    try {
      await answerInvitation({ invitationId: inv.invitationId, decision });
      void Taro.showToast({ title: decision === 'accept' ? `已加入${inv.orgName}` : '已拒绝邀请', icon: 'none', duration: 1500 });
      update((items) => items.filter((i) => i.invitationId !== inv.invitationId));
    } catch (e) {
      const err = toCloudError(e);
      setErrors((x) => ({
        ...x,
        [inv.invitationId]: err.code === 'ORG.MEMBERSHIP_LIMIT' ? `${err.message}（可在“我的”中退出一支队伍后再接受）` : err.message,
      }));
    } finally {
      setBusy('');
    }
  };

  if (state.status === 'loading') return <StateView kind='loading' className='invitations-loading' />;
  if (state.status === 'error')
    return <StateView kind='error' className='invitations-error' message={state.error.message} onRetry={load} />;
  return (
    <View className='app-page invitations'>
      <Text className='invitations__lead'>
        以下队伍通过集体注册邀请您加入。接受后即成为该队队员（每人最多加入5支队伍）；拒绝后邀请即删除。
      </Text>
      {state.data.length === 0 ? <StateView kind='empty' className='invitations-empty' title='暂无队伍邀请' icon='邀' /> : null}
      {state.data.map((inv) => (
        <View key={inv.invitationId} className='card invitations__item invitation'>
          <Text className='invitations__org invitation-org'>{inv.orgName}</Text>
          <Text className='invitations__time'>邀请时间：{dateTimeOf(inv.invitedAt)}</Text>
          {errors[inv.invitationId] ? <Text className='invitations__error invitation-error'>{errors[inv.invitationId]}</Text> : null}
          <View className='invitations__actions'>
            <Button className='invitation-decline' size='small' disabled={!!busy} onClick={() => answer(inv, 'decline')}>
              拒绝
            </Button>
            <Button
              className='invitation-accept'
              size='small'
              type='primary'
              loading={busy === inv.invitationId}
              disabled={!!busy}
              onClick={() => answer(inv, 'accept')}
            >
              接受并加入
            </Button>
          </View>
        </View>
      ))}
    </View>
  );
}
