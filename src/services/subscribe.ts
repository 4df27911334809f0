// WeChat sends a subscribe message only after the person accepted its template (wx.requestSubscribeMessage, from a
// tap). We ask at the taps that lead to one: 报名 (reminder, change, cancellation), 申请加入 (review result, role,
// 清退), 注册队伍 (review result), 我要点单 (the need's progress), and for a team's managers 派单, 接单, 从需求广场接单
// and 接收新需求提醒 on 需求派单 (needTask). Refusing, or an old client, never blocks what the person was doing; the
// emulator and h5 have no such step (their messages land in the outbox).
import Taro from '@tarojs/taro';
import type { MessageKind } from '@contract/enums';
import { MESSAGE_TEMPLATES } from './env';
import { templateIdsFor } from '../utils/subscribe-templates';

/** Whether this build can ask for any of `kinds` (weapp, with their templates configured): else there is nothing to offer. */
export function canAskToSubscribe(kinds: MessageKind[]): boolean {
  return process.env.TARO_ENV === 'weapp' && templateIdsFor(kinds, MESSAGE_TEMPLATES).length > 0;
}

/**
 * Call first thing in a tap handler (WeChat refuses the request outside a tap); resolves whatever the answer: true
 * when the person accepted at least one of the templates.
 */
export async function askToSubscribe(kinds: MessageKind[]): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return false;
  const tmplIds = templateIdsFor(kinds, MESSAGE_TEMPLATES);
  if (tmplIds.length === 0) return false;
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<
      string,
      string
    >;
    return tmplIds.some((id) => res?.[id] === 'accept');
  } catch {
    // Declined, or the client cannot ask: the action goes on without the message.
    return false;
  }
}
