// sms function contract: one-time codes for registration and phone changes.
import { z } from 'zod';
import { PhoneSchema } from './common';
import { SMS_PURPOSES } from './enums';

export const SmsSendInput = z.object({ phone: PhoneSchema, purpose: z.enum(SMS_PURPOSES) });
export type SmsSendInput = z.infer<typeof SmsSendInput>;
export const SmsSendOutput = z.object({ resendAfterSec: z.number().int(), expiresInSec: z.number().int() });
export type SmsSendOutput = z.infer<typeof SmsSendOutput>;

/** The rules of API.md, one place for both sides (the client shows the resend countdown from them). */
export const SMS_RULES = {
  codeLength: 6,
  ttlSec: 5 * 60,
  maxAttempts: 5,
  resendAfterSec: 60,
  perHour: 5,
  perDay: 10,
} as const;
