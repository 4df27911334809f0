// Activity notices to volunteers (changed, cancelled, promoted from the waitlist, tomorrow's reminder, the reminder
// an hour before each day starts, the reminder to sign out before the day ends).
// A failed send is logged and never undoes the change that caused it.
import type { MessageKind } from '@contract/enums';
import { messageSender } from '../../adapters';
import type { ActivityDoc } from '../../db/activity.repository';

/** Sends at a time per activity: a cancelled activity of 1000 volunteers must not open 1000 requests at once. */
const PARALLEL = 10;

const page = (a: Pick<ActivityDoc, '_id'>) => `pages/activity-detail/index?id=${a._id}`;
/** `YYYY-MM-DD HH:mm`, the template's time keyword: when the first day starts. */
const starts = (a: Pick<ActivityDoc, 'startDate' | 'dailyStart'>) => `${a.startDate} ${a.dailyStart}`;
const span = (a: Pick<ActivityDoc, 'startDate' | 'endDate' | 'dailyStart' | 'dailyEnd'>) =>
  `${a.startDate === a.endDate ? a.startDate : `${a.startDate}至${a.endDate}`} 每天${a.dailyStart}-${a.dailyEnd}`;

async function send(
  openid: string,
  kind: MessageKind,
  a: ActivityDoc,
  title: string,
  body: string,
  data: Record<string, string>,
): Promise<boolean> {
  try {
    await messageSender().send({ openid, kind, title, body, page: page(a), data: { title: a.title, time: starts(a), ...data } });
    return true;
  } catch (err) {
    console.error(`[activity] message ${kind} to ${openid} not sent`, err);
    return false;
  }
}

/** Sends to each volunteer, a few at a time; answers how many messages went out. */
async function sendEach(openids: string[], one: (openid: string) => Promise<boolean>): Promise<number> {
  let sent = 0;
  for (let i = 0; i < openids.length; i += PARALLEL) {
    const results = await Promise.all(openids.slice(i, i + PARALLEL).map(one));
    sent += results.filter(Boolean).length;
  }
  return sent;
}

/** `change`: what changed, in a few words (e.g. 时间、地点). */
export function notifyActivityChanged(openids: string[], a: ActivityDoc, change: string) {
  const body = `您报名的活动“${a.title}”${change}有变更：${span(a)}，地点：${a.address}`;
  return sendEach(openids, (o) => send(o, 'activityChanged', a, '活动信息变更', body, { address: a.address, change: `${change}已变更` }));
}

export function notifyActivityCancelled(openids: string[], a: ActivityDoc, reason: string) {
  const body = `您报名的活动“${a.title}”已取消：${reason}`;
  return sendEach(openids, (o) => send(o, 'activityCancelled', a, '活动已取消', body, { reason }));
}

export function notifyWaitlistPromoted(openids: string[], a: ActivityDoc) {
  const body = `有人取消报名，您已从候补转为正式报名：“${a.title}”，${span(a)}，地点：${a.address}`;
  return sendEach(openids, (o) => send(o, 'waitlistPromoted', a, '候补成功', body, { address: a.address, result: '报名成功' }));
}

export function notifyActivityReminder(openids: string[], a: ActivityDoc) {
  const body = `您报名的活动“${a.title}”明天开始：${span(a)}，地点：${a.address}，请按时到场签到`;
  return sendEach(openids, (o) => send(o, 'activityReminder', a, '活动明天开始', body, { address: a.address, note: '请按时到场扫码签到' }));
}

/** `date`: the day starting at `dailyStart` within the hour (the template's time keyword is that start). */
export function notifyActivityStarting(openids: string[], a: ActivityDoc, date: string) {
  const body = `您报名的活动“${a.title}”将于${date} ${a.dailyStart}开始，地点：${a.address}，请按时到场扫码签到`;
  return sendEach(openids, (o) =>
    send(o, 'activityStarting', a, '活动即将开始', body, {
      time: `${date} ${a.dailyStart}`,
      address: a.address,
      note: '活动1小时后开始，请按时签到',
    }),
  );
}

/** `date`: the day ending at `dailyEnd` (the template's time keyword is that end). */
export function notifySignOutReminder(openids: string[], a: ActivityDoc, date: string) {
  const body = `活动将于${a.dailyEnd}结束，离开时请记得扫码签退`;
  return sendEach(openids, (o) =>
    send(o, 'signOutReminder', a, '请记得扫码签退', body, {
      time: `${date} ${a.dailyEnd}`,
      address: a.address,
      note: '离开时请记得扫码签退',
    }),
  );
}
