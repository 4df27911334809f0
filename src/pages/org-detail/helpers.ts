// Pure rules of the team page: which buttons the caller sees and what a failed action tells them.
import type { CloudErrorCode } from '../../services/cloud-error';
import type { OrgGetOutput } from '@contract/org';

export type DetailActions = {
  join: boolean;
  /** 退出队伍 for members, 撤回申请 for applicants; never for the leader. */
  leave: '' | '退出队伍' | '撤回申请';
  manage: boolean;
  review: boolean;
};

export function actionsFor(data: OrgGetOutput): DetailActions {
  const m = data.myMembership;
  const active = m && (m.status === 'approved' || m.status === 'pending');
  return {
    join: data.org.status === 'approved' && (!m || m.status === 'rejected' || m.status === 'left'),
    leave: !m || m.role === 'leader' ? '' : m.status === 'approved' ? '退出队伍' : m.status === 'pending' ? '撤回申请' : '',
    manage: Boolean(active && data.canManage) || data.canRead,
    review: data.canManage,
  };
}

export type ActionOutcome =
  | { kind: 'toast'; message: string }
  | { kind: 'register'; message: string }
  | { kind: 'reload'; message: string };

/** What to do when 申请加入 or 退出队伍 fails, by error code. */
export function explainActionError(code: CloudErrorCode, message: string): ActionOutcome {
  switch (code) {
    case 'USER.NOT_REGISTERED':
      return { kind: 'register', message: '注册成为科技志愿者后才能申请加入队伍' };
    case 'ORG.MEMBERSHIP_LIMIT':
      return { kind: 'toast', message: message || '最多可加入5支志愿服务队伍' };
    case 'ORG.ALREADY_MEMBER':
    case 'ORG.NOT_FOUND':
      return { kind: 'reload', message };
    case 'NETWORK':
      return { kind: 'toast', message: '网络异常，请稍后重试' };
    default:
      return { kind: 'toast', message };
  }
}
