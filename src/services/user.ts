// The volunteer: registration and the "我的" summary.
import { callFunction } from './cloud';
import type { InputOf, OutputOf } from '@contract/functions';
import type { UserHomeOutput } from '@contract/home';
import type {
  UserActivateInput,
  UserChangePhoneInput,
  UserMeOutput,
  UserMyDataOutput,
  UserPhoneFromWeixinOutput,
  UserRegisterInput,
  UserRegisterOutput,
  UserUpdateProfileInput,
  VolunteerOutput,
} from '@contract/user';

type UserWithdrawOutput = OutputOf<'user', 'withdraw'>;

export function register(input: UserRegisterInput): Promise<UserRegisterOutput> {
  return callFunction('user', 'register', input);
}

/** 微信手机号快捷填写: the getPhoneNumber button's code, exchanged on the server for the phone and a proof of it. */
export function phoneFromWeixin(code: string): Promise<UserPhoneFromWeixinOutput> {
  return callFunction('user', 'phoneFromWeixin', { code });
}

/** 首页 in one call (the server's clock decides what is today). */
export function home(): Promise<UserHomeOutput> {
  return callFunction('user', 'home', {});
}

export function me(): Promise<UserMeOutput> {
  return callFunction('user', 'me', {});
}

/** Only the changed fields; the phone and the ID number never change here. */
export function updateProfile(input: UserUpdateProfileInput): Promise<VolunteerOutput> {
  return callFunction('user', 'updateProfile', input);
}

/** The new phone is proven by an SMS code of purpose `changePhone`. */
export function changePhone(input: UserChangePhoneInput): Promise<VolunteerOutput> {
  return callFunction('user', 'changePhone', input);
}

/** 注销: the person is anonymised, service records stay. */
export function withdraw(): Promise<UserWithdrawOutput> {
  return callFunction('user', 'withdraw', { confirm: true });
}

/** 激活: someone a team imported (集体注册) proves the phone and becomes a volunteer. */
export function activate(input: UserActivateInput): Promise<UserRegisterOutput> {
  return callFunction('user', 'activate', input);
}

/** 我的数据: everything held about the caller as one xlsx (ID number and phone in full, for them only). */
export function myData(): Promise<UserMyDataOutput> {
  return callFunction('user', 'myData', {});
}

/** 身份核验: the owner of an ID number someone else registered asks the root 总队 to check (phone proved by a 注册 code). */
export function appealIdentity(input: InputOf<'user', 'appealIdentity'>): Promise<OutputOf<'user', 'appealIdentity'>> {
  return callFunction('user', 'appealIdentity', input);
}

/** The caller's own appeals, newest first, with the outcome. */
export function myIdentityAppeals(): Promise<OutputOf<'user', 'myIdentityAppeals'>> {
  return callFunction('user', 'myIdentityAppeals', {});
}

/** For the root 总队's leader/admins: appeals to decide (AUTH.FORBIDDEN for anyone else). */
export function identityAppeals(input: InputOf<'org', 'identityAppeals'>): Promise<OutputOf<'org', 'identityAppeals'>> {
  return callFunction('org', 'identityAppeals', input);
}

/** Uphold (the holder is frozen, the number released) or reject, always with a reason the appellant reads. */
export function decideIdentityAppeal(input: InputOf<'org', 'decideIdentityAppeal'>): Promise<OutputOf<'org', 'decideIdentityAppeal'>> {
  return callFunction('org', 'decideIdentityAppeal', input);
}

/** 消息中心: the caller's own notices, newest first, with the unread count. */
export function myMessages(page: number, unreadOnly = false): Promise<OutputOf<'user', 'messages'>> {
  return callFunction('user', 'messages', { page, ...(unreadOnly ? { unreadOnly } : {}) });
}

/** Marks the named messages read (or every one); answers how many stay unread. */
export function readMessages(ids: string[] | 'all'): Promise<OutputOf<'user', 'readMessages'>> {
  return callFunction('user', 'readMessages', ids === 'all' ? { all: true } : { messageIds: ids });
}

export function unreadMessages(): Promise<OutputOf<'user', 'unreadMessages'>> {
  return callFunction('user', 'unreadMessages', {});
}
