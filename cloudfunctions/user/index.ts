// Cloud function user: registration and the volunteer's own profile.
import { makeMain } from '../common/handler';
import { register } from '../common/app/user/register.use-case';
import { me } from '../common/app/user/me.use-case';

export const main = makeMain('user', { register, me });
