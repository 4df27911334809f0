// 身份核验 results to the appellant and to the account frozen by it: a failed send is logged, never undoes the decision.
import { messageSender } from '../../adapters';
import { toIso } from '../../domain/shanghai-time';

const minute = (at: Date) => toIso(at).slice(0, 16).replace('T', ' ');

async function send(openid: string, title: string, body: string, page: string, data: Record<string, string>): Promise<void> {
  try {
    await messageSender().send({ openid, kind: 'identityAppealDecided', title, body, page, data });
  } catch (err) {
    console.error(`[appeal] message to ${openid} not sent`, err);
  }
}

export function notifyAppellant(openid: string, upheld: boolean, reason: string, at: Date) {
  const result = upheld ? '已核实' : '未通过';
  const body = upheld ? '您的身份核验申请已核实，该身份证号已释放，请重新注册' : `您的身份核验申请未通过：${reason}`;
  return send(openid, `身份核验${result}`, body, upheld ? 'pages/register/index' : 'pages/identity-appeal/index', {
    matter: '身份核验申请',
    result,
    reason,
    time: minute(at),
  });
}

export function notifyFrozen(openid: string, reason: string, at: Date) {
  return send(openid, '账号已冻结', `经总队核实，您注册所用的身份证号属于他人，账号已冻结，服务记录保留：${reason}`, 'pages/mine/index', {
    matter: '身份冲突核实',
    result: '账号冻结',
    reason,
    time: minute(at),
  });
}
