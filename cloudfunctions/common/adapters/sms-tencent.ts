// Production adapter of SmsSender: Tencent Cloud SMS (tencentcloud-sdk-nodejs-sms, a dependency of the sms function).
// It cannot be exercised on this machine (no network); the emulator uses the outbox adapter.
import type { SmsMessage, SmsSender } from '../ports/sms-sender';
import { env } from '../env';

export const tencentSmsSender: SmsSender = {
  async send(message: SmsMessage) {
    const e = env();
    // Loaded lazily so that only the production configuration needs the package.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sms = require('tencentcloud-sdk-nodejs-sms');
    const client = new sms.sms.v20210111.Client({
      credential: {
        secretId: process.env.TENCENTCLOUD_SECRETID,
        secretKey: process.env.TENCENTCLOUD_SECRETKEY,
        token: process.env.TENCENTCLOUD_SESSIONTOKEN,
      },
      region: e.TENCENTCLOUD_REGION || 'ap-guangzhou',
    });
    // An invitation has its own template (the activity's title); without one configured it cannot be sent.
    const invite = message.purpose === 'walkInInvite';
    if (invite && !e.SMS_INVITE_TEMPLATE_ID) throw new Error('SMS not sent: SMS_INVITE_TEMPLATE_ID is not set');
    const res = await client.SendSms({
      SmsSdkAppId: e.SMS_SDK_APP_ID,
      SignName: e.SMS_SIGN_NAME,
      TemplateId: invite ? e.SMS_INVITE_TEMPLATE_ID : e.SMS_TEMPLATE_ID,
      PhoneNumberSet: [`+86${message.phone}`],
      TemplateParamSet: invite ? (message.params ?? []) : [message.code, '5'],
    });
    const status = res?.SendStatusSet?.[0];
    if (!status || status.Code !== 'Ok') throw new Error(`SMS not sent: ${status?.Code ?? 'no status'} ${status?.Message ?? ''}`);
  },
};
