// Pure logic of 活动详情: what the enroll button says and does, where an enrollment error sends the volunteer, the
// place for the map and the phone calendar's entry.
import type { Activity, ActivityGetOutput } from '@contract/activity';
import type { CalendarEntry } from '../../device/calendar';
import type { Place } from '../../device/navigate';
import { formatSchedule } from '../../utils/activity-format';
import type { CloudErrorCode } from '../../services/cloud-error';
import { serverNow } from '../../services/server-clock';
import { monthDayTimeOf, shanghaiInstant } from '@contract/time';

export type EnrollView =
  /** 我要报名, or 报名候补 when the seats are taken and the activity keeps a waitlist. */
  | { kind: 'enroll'; text: string }
  /** 已报名 / 候补第N位; cancelling is possible until the activity starts. */
  | { kind: 'enrolled'; text: string; canCancel: boolean }
  | { kind: 'disabled'; text: string; hint?: string }
  /** 现场签到: the team's managers on the day go to the console (counts, 未到, 现场报名) instead of a closed signup. */
  | { kind: 'console'; text: string };

export function enrollView(data: ActivityGetOutput, now = serverNow()): EnrollView {
  const { activity: a, phase, myEnrollment: mine, signupOpen, enrolledCount } = data;
  if (phase === 'cancelled') return { kind: 'disabled', text: '活动已取消' };
  if (data.canManage && phase === 'ongoing') return { kind: 'console', text: '现场签到' };
  if (mine && mine.status !== 'cancelled') {
    const text = mine.status === 'enrolled' ? '已报名' : mine.waitlistPosition ? `候补第${mine.waitlistPosition}位` : '候补中';
    return { kind: 'enrolled', text, canCancel: phase === 'recruiting' || phase === 'closed' };
  }
  if (signupOpen) {
    // Who may not enroll hears why before pressing anything (and before the risk notice).
    if (data.enrollBlock) {
      const text = data.enrollBlock.code === 'ACTIVITY.MEMBERS_ONLY' ? '仅限队员报名' : '请先加入队伍';
      return { kind: 'disabled', text, hint: data.enrollBlock.message };
    }
    if (enrolledCount < a.capacity) return { kind: 'enroll', text: '我要报名' };
    return a.waitlist ? { kind: 'enroll', text: '报名候补' } : { kind: 'disabled', text: '名额已满' };
  }
  if (phase === 'ended') return { kind: 'disabled', text: '活动已结束' };
  if (Date.parse(a.signupStartAt) > now)
    return { kind: 'disabled', text: '报名未开始', hint: `将于${monthDayTimeOf(a.signupStartAt)}开始报名` };
  return { kind: 'disabled', text: '报名已结束' };
}

export type EnrollOutcome =
  | { kind: 'register'; message: string }
  | { kind: 'join-org'; message: string }
  | { kind: 'toast'; message: string; reload: boolean };

/** Where a failed enroll/cancel leaves the volunteer, by error code. */
export function explainEnrollError(code: CloudErrorCode, message: string): EnrollOutcome {
  switch (code) {
    case 'USER.NOT_REGISTERED':
      return { kind: 'register', message: '报名活动需要先注册成为科技志愿者' };
    case 'USER.NO_APPROVED_ORG':
      return { kind: 'join-org', message: '请先申请加入一支志愿服务队伍，再报名活动' };
    case 'ACTIVITY.MEMBERS_ONLY':
      // The server's sentence names the team and a pending application.
      return { kind: 'toast', message: message || '该活动仅限本队及下级队伍的队员报名', reload: true };
    case 'ACTIVITY.FULL':
      return { kind: 'toast', message: '报名人数已满', reload: true };
    case 'ACTIVITY.SIGNUP_CLOSED':
      return { kind: 'toast', message: message || '不在报名时间内', reload: true };
    case 'ACTIVITY.CANCELLED':
      return { kind: 'toast', message: '活动已取消', reload: true };
    case 'ACTIVITY.NO_CONTACT':
      return { kind: 'toast', message: '组织者没有留下联系电话', reload: false };
    case 'ACTIVITY.NOT_ENROLLED':
      return { kind: 'toast', message: '您没有报名该活动', reload: true };
    default:
      return { kind: 'toast', message, reload: false };
  }
}

/** The waitlist line: how many wait and whether new volunteers may still queue. */
export function waitlistText(data: ActivityGetOutput): string {
  const a = data.activity;
  if (!a.waitlist) return '不设候补，报满即止';
  return a.waitlistCount > 0 ? `${a.waitlistCount}人候补中，有人取消时按顺序递补` : '报满后可候补，有人取消时按顺序递补';
}

/** The place of the activity for a map, or undefined when it has no point (a location never picked: 0, 0). */
export function placeOf(a: Pick<Activity, 'location' | 'title' | 'address'>): Place | undefined {
  const p = a.location as Activity['location'] | undefined;
  if (!p || (p.lat === 0 && p.lng === 0)) return undefined;
  return { point: p, name: a.title, address: a.address };
}

/** How long before the activity the calendar entry reminds. */
export const CALENDAR_ALARM_MINUTES = 60;

/**
 * The phone calendar's entry of an activity: the first day's window, repeated daily until the last day's end when
 * it spans several days (each day has its own check-in, so each day gets its own entry and reminder, and the nights
 * between stay free), reminding an hour before; where it is, and who runs it.
 */
export function calendarEntryOf(a: Activity): CalendarEntry {
  const several = a.endDate !== a.startDate;
  return {
    title: a.title,
    startAt: shanghaiInstant(a.startDate, a.dailyStart),
    endAt: shanghaiInstant(a.startDate, a.dailyEnd),
    ...(several ? { repeatDailyUntil: shanghaiInstant(a.endDate, a.dailyEnd) } : {}),
    location: a.address,
    description: `${a.orgName}｜${formatSchedule(a)}\n${a.description.slice(0, 200)}`,
    alarmBeforeMinutes: CALENDAR_ALARM_MINUTES,
  };
}
