// The volunteer: registration and the "我的" summary.
import { callFunction } from './cloud';
import type { UserMeOutput, UserRegisterInput, UserRegisterOutput } from '../../types/user';

export function register(input: UserRegisterInput): Promise<UserRegisterOutput> {
  return callFunction('user', 'register', input);
}

export function me(): Promise<UserMeOutput> {
  return callFunction('user', 'me', {});
}
