// The volunteer: registration and the "我的" summary.
import { callFunction } from './cloud';
import type { OutputOf } from '../../types/functions';
import type {
  UserActivateInput,
  UserChangePhoneInput,
  UserMeOutput,
  UserRegisterInput,
  UserRegisterOutput,
  UserUpdateProfileInput,
  VolunteerOutput,
} from '../../types/user';

type UserWithdrawOutput = OutputOf<'user', 'withdraw'>;

export function register(input: UserRegisterInput): Promise<UserRegisterOutput> {
  return callFunction('user', 'register', input);
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
