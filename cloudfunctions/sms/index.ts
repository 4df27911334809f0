// Cloud function sms: one-time codes. Actions are the keys of the table below.
import { makeMain } from '../common/handler';
import { sendSms } from '../common/app/sms/send.use-case';

export const main = makeMain('sms', { send: sendSms });
