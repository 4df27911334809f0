// user.changePhone: a fresh SMS code to the new number, checked before anything about that number is told (no oracle),
// consumed in the transaction that moves the volunteer to it.
import type { UserChangePhoneInput, VolunteerOutput } from '../../../../types/user';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { database, type Tx } from '../../cloud';
import { C } from '../../db/collections';
import { isDuplicateWrite, unwrap } from '../../db/db-result';
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
  try {
    await database().runTransaction(async (tx: Tx) => {
      await consumeCode(tx, code);
      await unwrap(tx.collection(C.volunteers).doc(openid).update({ ...sealed, updatedAt: ctx.now }));
    });
  } catch (err) {
    // The unique index on the phone's hash refuses a number another volunteer took meanwhile.
    if (isDuplicateWrite(err)) throw new AppError(ErrorCode.USER_PHONE_TAKEN);
    throw err;
  }
  return { volunteer: volunteerView({ ...doc, ...sealed, updatedAt: ctx.now }) };
}
