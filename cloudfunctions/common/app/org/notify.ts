// Review results to the volunteer: a failed send is logged and never undoes the review that caused it.
import type { MessageKind } from '@contract/enums';
import { ROLE_LABEL } from '@contract/enums';
import { messageSender } from '../../adapters';
import { toIso } from '../../domain/shanghai-time';

const PAGE = 'pages/mine/index';
const minute = (at: Date) => toIso(at).slice(0, 16).replace('T', ' ');

async function send(openid: string, kind: MessageKind, title: string, body: string, data: Record<string, string>): Promise<void> {
  try {
    await messageSender().send({ openid, kind, title, body, page: PAGE, data });
  } catch (err) {
    console.error(`[org] message ${kind} to ${openid} not sent`, err);
  }
}

export function notifyMemberReviewed(openid: string, orgName: string, approved: boolean, reason: string | undefined, at: Date) {
  const result = approved ? '已通过' : '未通过';
  const body = approved ? `您已加入${orgName}` : `您加入${orgName}的申请未通过：${reason}`;
  return send(openid, 'memberReviewed', `入队申请${result}`, body, { orgName, result, reason: reason ?? '', time: minute(at) });
}

export function notifyOrgReviewed(openid: string, orgName: string, approved: boolean, reason: string | undefined, at: Date) {
  const result = approved ? '已通过' : '未通过';
  const body = approved ? `${orgName}已通过审核，您是该队伍的负责人` : `${orgName}的注册申请未通过：${reason}`;
  return send(openid, 'orgReviewed', `队伍注册${result}`, body, { orgName, result, reason: reason ?? '', time: minute(at) });
}

export function notifyMemberRemoved(openid: string, orgName: string, reason: string, at: Date) {
  return send(openid, 'memberRemoved', '您已被清退', `您已被${orgName}清退：${reason}`, { orgName, reason, time: minute(at) });
}

export function notifyRoleChanged(openid: string, orgName: string, role: 'admin' | 'member', at: Date) {
  const label = ROLE_LABEL[role];
  return send(openid, 'roleChanged', '队伍角色变更', `您在${orgName}的角色已变更为${label}`, { orgName, role: label, time: minute(at) });
}

export function notifyReviewUndone(openid: string, orgName: string, at: Date) {
  const body = `审核人撤销了刚才的通过，您加入${orgName}的申请恢复为待审核`;
  return send(openid, 'memberReviewed', '入队申请待审核', body, { orgName, result: '待审核', reason: '', time: minute(at) });
}
