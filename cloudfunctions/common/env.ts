// Environment validated once at cold start: a function with a bad configuration fails loudly, not later.
import { z } from 'zod';
import { SMS_DAILY_LIMIT_DEFAULT } from './domain/sms-send-quota';

const EnvSchema = z.object({
  /** 64 hex chars (32 bytes): the master key; subkeys for PII encryption, PII lookup and SMS codes derive from it. */
  APP_SECRET_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'APP_SECRET_KEY must be 64 hex characters'),
  /** One-time token for org.bootstrapRoot; unset means no bootstrap is possible. */
  BOOTSTRAP_TOKEN: z.string().min(16).optional(),
  SMS_PROVIDER: z.enum(['outbox', 'tencentcloud']).default('outbox'),
  SMS_SDK_APP_ID: z.string().optional(),
  SMS_SIGN_NAME: z.string().optional(),
  SMS_TEMPLATE_ID: z.string().optional(),
  /** The 现场报名 invitation's template (one parameter: the activity's title); invitations fail without it. */
  SMS_INVITE_TEMPLATE_ID: z.string().optional(),
  TENCENTCLOUD_REGION: z.string().optional(),
  /** Codes the whole service sends per Asia/Shanghai day (a ceiling on the SMS bill if callers are many). */
  SMS_DAILY_LIMIT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().default(SMS_DAILY_LIMIT_DEFAULT)),
  /** Review results: `outbox` (emulator, GET /_dev/messages) or `wechat` (subscribe messages through CloudBase). */
  MESSAGE_PROVIDER: z.enum(['outbox', 'wechat']).default('outbox'),
  /** Subscribe-message template ids chosen in the 微信公众平台, one per MessageKind. */
  MESSAGE_TEMPLATE_MEMBER_REVIEWED: z.string().optional(),
  MESSAGE_TEMPLATE_ORG_REVIEWED: z.string().optional(),
  MESSAGE_TEMPLATE_MEMBER_REMOVED: z.string().optional(),
  MESSAGE_TEMPLATE_ROLE_CHANGED: z.string().optional(),
  /** Activity notices (activity and cron functions); a kind without its template fails at send time only, logged. */
  MESSAGE_TEMPLATE_ACTIVITY_CHANGED: z.string().optional(),
  MESSAGE_TEMPLATE_ACTIVITY_CANCELLED: z.string().optional(),
  MESSAGE_TEMPLATE_WAITLIST_PROMOTED: z.string().optional(),
  MESSAGE_TEMPLATE_ACTIVITY_REMINDER: z.string().optional(),
  MESSAGE_TEMPLATE_SIGN_OUT_REMINDER: z.string().optional(),
  MESSAGE_TEMPLATE_ACTIVITY_STARTING: z.string().optional(),
  /** 身份核验 results (org function); without it only these sends fail, logged. */
  MESSAGE_TEMPLATE_IDENTITY_APPEAL_DECIDED: z.string().optional(),
  MESSAGE_TEMPLATE_NEED_PROGRESS: z.string().optional(),
  MESSAGE_TEMPLATE_NEED_TASK: z.string().optional(),
  MESSAGE_TEMPLATE_COMMENDATION_REVIEWED: z.string().optional(),
  /** 供需对接: days an undispatched need waits at a team before it moves up to the parent (default 3). */
  NEED_ESCALATE_DAYS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(60).optional()),
  /** 投诉: the complainant hears of the answer or of a move up; the handling team's managers of a complaint to answer. */
  MESSAGE_TEMPLATE_COMPLAINT_PROGRESS: z.string().optional(),
  MESSAGE_TEMPLATE_COMPLAINT_TASK: z.string().optional(),
  /** 投诉: days the handling team has to answer before the complaint moves up to the next team (default 7). */
  COMPLAINT_ANSWER_DAYS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(60).optional()),
  /** Which version of the mini program a message card opens. */
  MESSAGE_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  /** The public page a certificate's QR code opens (report.verifyCertificate behind it); `?no=<certificateNo>` is appended. */
  CERT_VERIFY_BASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().default('https://kjzy.example/verify')),
  /** 小程序码 images: `local` (a plain QR of the h5 scan page, adapters/wxacode-local) or `wechat` (wxacode.getUnlimited). */
  WXACODE_PROVIDER: z.enum(['local', 'wechat']).default('local'),
  /** Where the local stand-in's QR points: the h5 build's origin (the emulator serves it). */
  WXACODE_H5_BASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().default('http://127.0.0.1:8787')),
  /** 微信手机号快捷填写: `dev` (the emulator's dev WeChat, POST /_dev/wx-phone) or `wechat` (phonenumber.getPhoneNumber). */
  WX_PHONE_PROVIDER: z.enum(['dev', 'wechat']).default('dev'),
  /** Set by the local emulator only. */
  EMULATOR_CLOCK_OFFSET_MS: z.coerce.number().optional(),
});
export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`invalid function environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    if (
      parsed.data.SMS_PROVIDER === 'tencentcloud' &&
      !(parsed.data.SMS_SDK_APP_ID && parsed.data.SMS_SIGN_NAME && parsed.data.SMS_TEMPLATE_ID)
    ) {
      throw new Error('invalid function environment: SMS_PROVIDER=tencentcloud needs SMS_SDK_APP_ID, SMS_SIGN_NAME and SMS_TEMPLATE_ID');
    }
    const e = parsed.data;
    if (
      e.MESSAGE_PROVIDER === 'wechat' &&
      !(
        e.MESSAGE_TEMPLATE_MEMBER_REVIEWED &&
        e.MESSAGE_TEMPLATE_ORG_REVIEWED &&
        e.MESSAGE_TEMPLATE_MEMBER_REMOVED &&
        e.MESSAGE_TEMPLATE_ROLE_CHANGED
      )
    ) {
      throw new Error(
        'invalid function environment: MESSAGE_PROVIDER=wechat needs MESSAGE_TEMPLATE_MEMBER_REVIEWED, _ORG_REVIEWED, _MEMBER_REMOVED and _ROLE_CHANGED',
      );
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests change the environment between suites. */
export function resetEnvCache(): void {
  cached = undefined;
}
