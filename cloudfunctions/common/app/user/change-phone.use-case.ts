// user.changePhone: a fresh SMS code to the new number, checked before anything about that number is told (no oracle),
// consumed in the transaction that moves the volunteer to it.
import type { UserChangePhoneInput, VolunteerOutput } from '@contract/user';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { inTransaction } from '../../db/unit-of-work';
import { existsWhere, requireVolunteer } from '../../db/volunteer.repository';
import { phoneLookupHash, sealPhone } from '../../adapters/pii-cipher';
import { verifySmsCode } from '../sms/verify-code';
import { consumeCode } from '../sms/consume-code';
import { volunteerView } from './volunteer-view';

export async function changePhone(input: UserChangePhoneInput, ctx: Ctx): Promise<VolunteerOutput> {
  const openid = requireOpenid(ctx);
  const doc = await requireVolunteer(openid);
  if (doc.phoneHash === phoneLookupHash(input.phone)) throw new AppError(ErrorCode.VALIDATION, '新手机号与当前手机号相同');
  const code = await verifySmsCode('changePhone', input.phone, input.smsCode, ctx.now);
  if (await existsWhere({ phone: input.phone })) throw new AppError(ErrorCode.USER_PHONE_TAKEN);
  const sealed = sealPhone(input.phone);
  const outcome = await inTransaction(async (uow) => {
    await consumeCode(uow, code);
    await uow.updateVolunteer(openid, { ...sealed, updatedAt: ctx.now });
  });
  // The unique index on the phone's hash refuses a number another volunteer took meanwhile.
  if (outcome === 'duplicate') throw new AppError(ErrorCode.USER_PHONE_TAKEN);
  return { volunteer: volunteerView({ ...doc, ...sealed, updatedAt: ctx.now }) };
}
