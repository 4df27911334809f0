// user.home: 首页 in one call, made personal. The server's clock decides what "today" is.
import { z } from 'zod';
import { IsoTimeSchema } from './common';
import { ACTIVITY_PHASES, ENROLLMENT_STATUSES } from './enums';
import { MembershipSummary } from './user';
import { NoticeSummary } from './notice';

/** Where the volunteer stands on today's day of an activity: not signed in, signed in, or signed out (credited minutes). */
export const HOME_DAY_STATES = ['notSignedIn', 'signedIn', 'signedOut'] as const;
export type HomeDayState = (typeof HOME_DAY_STATES)[number];
export const HOME_DAY_STATE_LABEL: Record<HomeDayState, string> = {
  notSignedIn: '未签到',
  signedIn: '已签到，未签退',
  signedOut: '已签退',
};

export const HomeActivity = z.object({
  activityId: z.string(),
  title: z.string(),
  orgName: z.string(),
  address: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  dailyStart: z.string(),
  dailyEnd: z.string(),
  /** The first day's start. */
  startAt: IsoTimeSchema,
  phase: z.enum(ACTIVITY_PHASES),
  enrollmentStatus: z.enum(ENROLLMENT_STATUSES),
});
export type HomeActivity = z.infer<typeof HomeActivity>;

export const HomeToday = HomeActivity.extend({
  date: z.string(),
  state: z.enum(HOME_DAY_STATES),
  signInAt: IsoTimeSchema.optional(),
  signOutAt: IsoTimeSchema.optional(),
  minutes: z.number().int(),
});
export type HomeToday = z.infer<typeof HomeToday>;

export const HomeTodo = z.object({
  members: z.number().int(),
  orgs: z.number().int(),
  corrections: z.number().int(),
  /** 供需对接: needs waiting for the caller's teams to dispatch (派单) or to accept (接单), as need.inbox counts them. */
  needs: z.number().int(),
  total: z.number().int(),
});
export type HomeTodo = z.infer<typeof HomeTodo>;

export const UserHomeOutput = z.object({
  /** null: the caller has not registered (首页 invites them to). */
  volunteer: z.object({ realName: z.string(), volunteerNo: z.string(), status: z.enum(['active', 'frozen']) }).nullable(),
  /** Activities the caller is enrolled in with a day today (Asia/Shanghai, by the server's clock). */
  today: z.array(HomeToday),
  /** The next enrolled (or waitlisted) activity that has not started. */
  next: HomeActivity.nullable(),
  /** Pending and approved teams (rejected and past ones are not shown on 首页). */
  memberships: z.array(MembershipSummary),
  /** What waits for the caller's decision, for leaders and admins (null for everyone else). */
  todo: HomeTodo.nullable(),
  /** The first notices of the caller's teams and the teams above them: pinned first, then newest. */
  notices: z.array(NoticeSummary),
  unreadNotices: z.number().int(),
  /** Recruiting activities in the volunteer's city, soonest first (a few), and how many there are. */
  recruiting: z.array(
    z.object({ activityId: z.string(), title: z.string(), orgName: z.string(), startDate: z.string(), address: z.string() }),
  ),
  recruitingTotal: z.number().int(),
  recruitingRegion: z.string().optional(),
});
export type UserHomeOutput = z.infer<typeof UserHomeOutput>;
