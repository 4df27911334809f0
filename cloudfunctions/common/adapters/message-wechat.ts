// Production adapter of MessageSender: a WeChat subscribe message (subscribeMessage.send) through CloudBase's
// WeChat open-API proxy (node-sdk callWxOpenApi), no access_token needed inside a CloudBase function.
// It cannot be exercised on this machine (no WeChat, no network); the emulator uses the outbox adapter.
// Deploying it needs: MESSAGE_PROVIDER=wechat, the MESSAGE_TEMPLATE_* ids (four for reviews, required at cold
// start; six for activity notices and one for a 身份冲突 decision, a missing one fails only that kind's sends), the cloud call permission
// `subscribeMessage.send` for the function (config.json → permissions.openapi), and templates whose keywords
// match KEYWORDS below (adjust the map to the templates picked in the 微信公众平台). The user must have accepted
// the template with wx.requestSubscribeMessage, or WeChat answers 43101 — logged by the caller, never fatal.
import type { MessageKind } from '@contract/enums';
import type { MessageSender, OutgoingMessage } from '../ports/message-sender';
import { cloudApp } from '../cloud';
import { env } from '../env';

/** Our named values → the keywords of each template (thing ≤ 20 chars, phrase ≤ 5, time `YYYY-MM-DD HH:mm`). */
const KEYWORDS: Record<MessageKind, Record<string, string>> = {
  memberReviewed: { orgName: 'thing1', result: 'phrase2', reason: 'thing3', time: 'time4' },
  orgReviewed: { orgName: 'thing1', result: 'phrase2', reason: 'thing3', time: 'time4' },
  memberRemoved: { orgName: 'thing1', reason: 'thing2', time: 'time3' },
  roleChanged: { orgName: 'thing1', role: 'phrase2', time: 'time3' },
  activityChanged: { title: 'thing1', time: 'time2', address: 'thing3', change: 'thing4' },
  activityCancelled: { title: 'thing1', time: 'time2', reason: 'thing3' },
  waitlistPromoted: { title: 'thing1', time: 'time2', address: 'thing3', result: 'phrase4' },
  activityReminder: { title: 'thing1', time: 'time2', address: 'thing3', note: 'thing4' },
  identityAppealDecided: { matter: 'thing1', result: 'phrase2', reason: 'thing3', time: 'time4' },
  signOutReminder: { title: 'thing1', time: 'time2', address: 'thing3', note: 'thing4' },
  activityStarting: { title: 'thing1', time: 'time2', address: 'thing3', note: 'thing4' },
  // 通知公告 are kept in 消息中心 only (db/message.repository keepMessages): no template, never sent.
  noticePublished: {},
  needProgress: { title: 'thing1', progress: 'phrase2', note: 'thing3', time: 'time4' },
  needTask: { title: 'thing1', task: 'thing2', orgName: 'thing3', time: 'time4' },
  complaintProgress: { matter: 'thing1', progress: 'phrase2', note: 'thing3', time: 'time4' },
  complaintTask: { matter: 'thing1', task: 'thing2', orgName: 'thing3', time: 'time4' },
  commendationReviewed: { title: 'thing1', result: 'phrase2', reason: 'thing3', time: 'time4' },
};

function templateId(kind: MessageKind): string {
  const e = env();
  const ids: Record<MessageKind, string | undefined> = {
    memberReviewed: e.MESSAGE_TEMPLATE_MEMBER_REVIEWED,
    orgReviewed: e.MESSAGE_TEMPLATE_ORG_REVIEWED,
    memberRemoved: e.MESSAGE_TEMPLATE_MEMBER_REMOVED,
    roleChanged: e.MESSAGE_TEMPLATE_ROLE_CHANGED,
    activityChanged: e.MESSAGE_TEMPLATE_ACTIVITY_CHANGED,
    activityCancelled: e.MESSAGE_TEMPLATE_ACTIVITY_CANCELLED,
    waitlistPromoted: e.MESSAGE_TEMPLATE_WAITLIST_PROMOTED,
    activityReminder: e.MESSAGE_TEMPLATE_ACTIVITY_REMINDER,
    identityAppealDecided: e.MESSAGE_TEMPLATE_IDENTITY_APPEAL_DECIDED,
    signOutReminder: e.MESSAGE_TEMPLATE_SIGN_OUT_REMINDER,
    activityStarting: e.MESSAGE_TEMPLATE_ACTIVITY_STARTING,
    noticePublished: undefined,
    needProgress: e.MESSAGE_TEMPLATE_NEED_PROGRESS,
    needTask: e.MESSAGE_TEMPLATE_NEED_TASK,
    complaintProgress: e.MESSAGE_TEMPLATE_COMPLAINT_PROGRESS,
    complaintTask: e.MESSAGE_TEMPLATE_COMPLAINT_TASK,
    commendationReviewed: e.MESSAGE_TEMPLATE_COMMENDATION_REVIEWED,
  };
  const id = ids[kind];
  if (!id) throw new Error(`no subscribe-message template for ${kind}`);
  return id;
}

function fit(keyword: string, value: string): string {
  const chars = Array.from(value || '无');
  const max = keyword.startsWith('phrase') ? 5 : keyword.startsWith('thing') ? 20 : 32;
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

export const wechatMessageSender: MessageSender = {
  async send(message: OutgoingMessage) {
    const data: Record<string, { value: string }> = {};
    for (const [name, keyword] of Object.entries(KEYWORDS[message.kind])) data[keyword] = { value: fit(keyword, message.data[name] ?? '') };
    const res = (await cloudApp().callWxOpenApi({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: {
        touser: message.openid,
        template_id: templateId(message.kind),
        page: message.page,
        data,
        miniprogram_state: env().MESSAGE_MINIPROGRAM_STATE,
        lang: 'zh_CN',
      },
    })) as { code?: string; message?: string; result?: { errcode?: number; errmsg?: string } };
    if (res.code) throw new Error(`subscribe message not sent: ${res.code} ${res.message ?? ''}`);
    if (res.result?.errcode) throw new Error(`subscribe message not sent: ${res.result.errcode} ${res.result.errmsg ?? ''}`);
  },
};
