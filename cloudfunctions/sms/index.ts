// Cloud function sms: one-time codes, and 现场报名 invitations by SMS. Actions are the keys of the table below.
import { makeMain } from '../common/handler';
import { sendSms } from '../common/app/sms/send.use-case';
import { inviteWalkIn } from '../common/app/sms/invite-walk-in.use-case';

export const main = makeMain('sms', { send: sendSms, inviteWalkIn });
