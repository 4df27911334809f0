// WeChat sends a subscribe message only after the person accepted its template (wx.requestSubscribeMessage, from a
// tap). We ask at the taps that lead to one: 报名 (reminder, change, cancellation), 申请加入 (review result, role,
// 清退) and 注册队伍 (review result). Refusing, or an old client, never blocks what the person was doing; the
// emulator and h5 have no such step (their messages land in the outbox).
import Taro from '@tarojs/taro';
import type { MessageKind } from '@contract/enums';
import { MESSAGE_TEMPLATES } from './env';
import { templateIdsFor } from '../utils/subscribe-templates';

/** Call first thing in a tap handler (WeChat refuses the request outside a tap); resolves whatever the answer. */
export async function askToSubscribe(kinds: MessageKind[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  const tmplIds = templateIdsFor(kinds, MESSAGE_TEMPLATES);
  if (tmplIds.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
  } catch {
    // Declined, or the client cannot ask: the action goes on without the message.
  }
}
