// One member: name, masked phone, role and status, this year's hours with the team, the reason of a 清退, 拨打 for the
// team's managers, and the actions the viewer may take.
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { MEMBERSHIP_STATUS_LABEL, ROLE_LABEL } from '@contract/enums';
import type { TeamMember } from '@contract/org';
import type { MemberActions } from '../helpers';
import { dateTimeOf } from '@contract/time';
import { formatDuration } from '@contract/format';

type Props = {
  member: TeamMember;
  actions: MemberActions;
  busy: boolean;
  /** 拨打 is offered (the team's leader/admins, a member or applicant other than the viewer). */
  canCall: boolean;
  calling: boolean;
  onCall: () => void;
  onApprove: () => void;
  onReject: () => void;
  onSetAdmin: () => void;
  onUnsetAdmin: () => void;
  onRemove: () => void;
};

export default function MemberRow(props: Props) {
  const { member: m, actions, busy, canCall, calling, onCall, onApprove, onReject, onSetAdmin, onUnsetAdmin, onRemove } = props;
  const any = actions.review || actions.setAdmin || actions.unsetAdmin || actions.remove;
  return (
    <View className='card member-row member-item'>
      <View className='member-row__head'>
        <Text className='member-row__name member-name'>{m.realName}</Text>
        <Text className={`member-row__role member-role is-${m.role}`}>{ROLE_LABEL[m.role]}</Text>
        <Text className='member-row__phone member-phone'>{m.phoneMasked}</Text>
        {canCall && m.phoneMasked ? (
          <Text className={`member-row__call member-call ${calling ? 'is-busy' : ''}`} onClick={calling ? undefined : onCall}>
            {calling ? '…' : '拨打'}
          </Text>
        ) : null}
      </View>
      {m.volunteerNo ? (
        <Text className='member-row__meta member-numbers'>
          志愿者编号 {m.volunteerNo}
          {m.nationalVolunteerId ? ` · 全国统一编号 ${m.nationalVolunteerId}` : ''}
        </Text>
      ) : null}
      <Text className='member-row__meta'>
        {MEMBERSHIP_STATUS_LABEL[m.status]} ·{' '}
        {m.status === 'approved' ? `加入于 ${dateTimeOf(m.joinedAt)}` : `申请于 ${dateTimeOf(m.appliedAt)}`}
      </Text>
      <Text className='member-row__meta member-hours'>今年服务 {formatDuration(m.minutesThisYear)}</Text>
      {m.reason && (m.status === 'removed' || m.status === 'rejected') ? (
        <Text className='member-row__reason member-reason'>原因：{m.reason}</Text>
      ) : null}
      {any ? (
        <View className='member-row__buttons'>
          {actions.review ? (
            <Button size='small' className='member-reject' disabled={busy} onClick={onReject}>
              驳回
            </Button>
          ) : null}
          {actions.review ? (
            <Button size='small' type='primary' className='member-approve' loading={busy} disabled={busy} onClick={onApprove}>
              通过
            </Button>
          ) : null}
          {actions.setAdmin ? (
            <Button size='small' type='primary' fill='outline' className='member-set-admin' disabled={busy} onClick={onSetAdmin}>
              设为管理员
            </Button>
          ) : null}
          {actions.unsetAdmin ? (
            <Button size='small' fill='outline' className='member-unset-admin' disabled={busy} onClick={onUnsetAdmin}>
              取消管理员
            </Button>
          ) : null}
          {actions.remove ? (
            <Button size='small' type='danger' fill='outline' className='member-remove' disabled={busy} onClick={onRemove}>
              清退
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
