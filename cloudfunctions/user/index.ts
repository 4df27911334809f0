// Cloud function user: registration and the volunteer's own profile.
import { makeMain } from '../common/handler';
import { register } from '../common/app/user/register.use-case';
import { phoneFromWeixin } from '../common/app/user/phone-from-weixin.use-case';
import { me } from '../common/app/user/me.use-case';
import { updateProfile } from '../common/app/user/update-profile.use-case';
import { changePhone } from '../common/app/user/change-phone.use-case';
import { withdraw } from '../common/app/user/withdraw.use-case';
import { activate } from '../common/app/user/activate.use-case';
import { myData } from '../common/app/user/my-data.use-case';
import { appealIdentity, myIdentityAppeals } from '../common/app/user/appeal-identity.use-case';
import { messages, readMessages, unreadMessages } from '../common/app/user/messages.use-case';
import { home } from '../common/app/user/home.use-case';
import { regions } from '../common/app/user/regions.use-case';

export const main = makeMain('user', {
  register,
  phoneFromWeixin,
  me,
  updateProfile,
  changePhone,
  withdraw,
  activate,
  myData,
  appealIdentity,
  myIdentityAppeals,
  messages,
  readMessages,
  unreadMessages,
  home,
  regions,
});
