// What a manager is told when a review or member action fails, by error code; whether the list is stale.
import type { CloudErrorCode } from '../services/cloud-error';

export function explainManageError(code: CloudErrorCode, message: string): { message: string; reload: boolean } {
  switch (code) {
    case 'AUTH.FORBIDDEN':
      return { message: '没有权限进行此操作：仅队伍负责人或管理员可以操作', reload: true };
    case 'ORG.NOT_FOUND':
      return { message: '该队伍或申请已不存在，列表已刷新', reload: true };
    case 'ORG.ADMIN_LIMIT':
      return { message: message || '每支队伍最多设置5名管理员', reload: false };
    case 'ORG.MEMBERSHIP_LIMIT':
      return { message: message || '该志愿者已加入5支队伍，无法再通过申请', reload: true };
    case 'ORG.NAME_TAKEN':
      return { message: message || '已有同名队伍，无法通过', reload: true };
    case 'VALIDATION':
      return { message: message || '请填写原因', reload: false };
    case 'NETWORK':
      return { message: '网络异常，请稍后重试', reload: false };
    default:
      return { message, reload: true };
  }
}
