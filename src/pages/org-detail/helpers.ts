// Pure rules of the team page: which buttons and cards the caller sees and what a failed action tells them.
import type { CloudErrorCode } from '../../services/cloud-error';
import { SEAL_MAX_BYTES, SEAL_TYPES, type OrgGetOutput, type SealType } from '@contract/org';
import { base64Bytes } from '@contract/photo';
import type { PickedPhoto } from '../../device/photo';

export type DetailActions = {
  join: boolean;
  /** 退出队伍 for members, 撤回申请 for applicants; never for the leader. */
  leave: '' | '退出队伍' | '撤回申请';
  manage: boolean;
  review: boolean;
  /** 证明公示: an approved member of the approved team (its leader and admins included). */
  publicity: boolean;
  /** 上传公章: the team's leader. */
  seal: boolean;
};

export function actionsFor(data: OrgGetOutput): DetailActions {
  const m = data.myMembership;
  const active = m && (m.status === 'approved' || m.status === 'pending');
  return {
    join: data.org.status === 'approved' && (!m || m.status === 'rejected' || m.status === 'left'),
    leave: !m || m.role === 'leader' ? '' : m.status === 'approved' ? '退出队伍' : m.status === 'pending' ? '撤回申请' : '',
    manage: Boolean(active && data.canManage) || data.canRead,
    review: data.canManage,
    publicity: data.org.status === 'approved' && m?.status === 'approved',
    seal: data.org.status === 'approved' && data.isLeader === true,
  };
}

export const SEAL_TYPE_MESSAGE = '公章图片仅支持PNG或JPEG格式';
export const SEAL_SIZE_MESSAGE = '公章图片不能超过512KB，请压缩后再上传';

/** A picked picture as a seal the server takes, or why not (checked again there). */
export function checkSealPick(photo: PickedPhoto): { contentType: SealType; base64: string } | { problem: string } {
  const type = SEAL_TYPES.find((t) => t === photo.contentType);
  if (!type) return { problem: SEAL_TYPE_MESSAGE };
  if (base64Bytes(photo.base64) > SEAL_MAX_BYTES) return { problem: SEAL_SIZE_MESSAGE };
  return { contentType: type, base64: photo.base64 };
}

/** What a failed 上传公章 tells the leader, by error code. */
export function explainSealError(code: CloudErrorCode, message: string): string {
  switch (code) {
    case 'FILE.TOO_LARGE':
      return SEAL_SIZE_MESSAGE;
    case 'FILE.BAD_TYPE':
      return message || SEAL_TYPE_MESSAGE;
    case 'VALIDATION':
      return `${SEAL_TYPE_MESSAGE}，且不超过512KB`;
    case 'AUTH.FORBIDDEN':
      return '只有本队负责人可以上传公章';
    case 'NETWORK':
      return '网络异常，请稍后重试';
    default:
      return message || '上传失败，请稍后重试';
  }
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
