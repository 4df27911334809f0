// user.phoneFromWeixin: 微信手机号快捷填写 at 注册. The getPhoneNumber button's one-time code is exchanged with WeChat
// here on the server (never trusted from the client); the phone WeChat verified is answered with a short-lived,
// single-use proof bound to the caller's openid and that phone, which user.register accepts instead of an SMS code.
import { randomBytes } from 'node:crypto';
import { PhoneSchema } from '@contract/common';
import { PHONE_PROOF_TTL_SEC, type UserPhoneFromWeixinInput, type UserPhoneFromWeixinOutput } from '@contract/user';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { putPhoneProof } from '../../db/phone-proof.repository';
import { wxPhoneReader } from '../../adapters';
import { phoneLookupHash } from '../../adapters/pii-cipher';
import type { WxPhoneAnswer } from '../../ports/wx-phone-reader';

async function askWeixin(code: string): Promise<WxPhoneAnswer> {
  try {
    return await wxPhoneReader().phoneOf(code);
  } catch (err) {
    console.error('[wx-phone] exchange failed', err);
    return { ok: false, reason: 'unavailable' };
  }
}

export async function phoneFromWeixin(input: UserPhoneFromWeixinInput, ctx: Ctx): Promise<UserPhoneFromWeixinOutput> {
  const openid = requireOpenid(ctx);
  const answer = await askWeixin(input.code);
  if (!answer.ok) {
    throw new AppError(answer.reason === 'code' ? ErrorCode.USER_WX_PHONE_CODE_INVALID : ErrorCode.USER_WX_PHONE_UNAVAILABLE);
  }
  // Only mainland mobile numbers register: another number keeps the SMS path.
  if (!PhoneSchema.safeParse(answer.phone).success) throw new AppError(ErrorCode.USER_WX_PHONE_UNAVAILABLE);
  const phoneProof = randomBytes(16).toString('hex');
  await putPhoneProof({
    _id: phoneProof,
    openid,
    phoneHash: phoneLookupHash(answer.phone),
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + PHONE_PROOF_TTL_SEC * 1000),
    used: false,
  });
  return { phone: answer.phone, phoneProof, expiresInSec: PHONE_PROOF_TTL_SEC };
}
