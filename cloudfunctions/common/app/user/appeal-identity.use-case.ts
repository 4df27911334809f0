// user.appealIdentity: someone whose ID number another account registered (user.register said USER.ID_NUMBER_TAKEN)
// files a 身份冲突 appeal for the root 总队 to decide. The SMS code comes first, as in register: without it nothing
// tells whether a number is taken. user.myIdentityAppeals: the appellant follows their appeals and reads the outcome.
import type { UserAppealIdentityInput, UserAppealOutput, UserMyAppealsOutput } from '@contract/user';
import { maskIdNumber } from '@contract/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { inTransaction } from '../../db/unit-of-work';
import { findVolunteer, findVolunteerByIdHash } from '../../db/volunteer.repository';
import { appealsOf, type AppealDoc } from '../../db/appeal.repository';
import { pendingAppealKey } from '../../domain/identity-appeal';
import { piiLookupHash, sealPhone } from '../../adapters/pii-cipher';
import { verifySmsCode } from '../sms/verify-code';
import { consumeCode } from '../sms/consume-code';
import { myAppealView } from './appeal-view';
import { randomBytes } from 'node:crypto';

export async function appealIdentity(input: UserAppealIdentityInput, ctx: Ctx): Promise<UserAppealOutput> {
  const openid = requireOpenid(ctx);
  // The owner cannot register, so is no volunteer; a volunteer (the holder included) has nothing to appeal here.
  if (await findVolunteer(openid)) throw new AppError(ErrorCode.USER_ALREADY_REGISTERED);
  // A 注册 code: the one the register page asked for (unused, since registration was refused), or a fresh one.
  const code = await verifySmsCode('register', input.phone, input.smsCode, ctx.now);
  const idNumberHash = piiLookupHash(input.idNumber);
  const holder = await findVolunteerByIdHash(idNumberHash);
  if (!holder) throw new AppError(ErrorCode.USER_ID_NUMBER_FREE);

  const doc: AppealDoc = {
    _id: randomBytes(16).toString('hex'),
    appellant: openid,
    idNumberHash,
    idNumberMasked: maskIdNumber(input.idNumber),
    realName: input.realName,
    ...sealPhone(input.phone),
    statement: input.statement,
    status: 'pending',
    pendingKey: pendingAppealKey(openid, idNumberHash),
    createdAt: ctx.now,
    holder: holder._id,
  };
  const outcome = await inTransaction(async (uow) => {
    await consumeCode(uow, code);
    await uow.addAppeal(doc);
  });
  // The unique pendingKey: this person already has an open appeal for this number (the code stays unused).
  if (outcome === 'duplicate') throw new AppError(ErrorCode.APPEAL_PENDING);
  return { appeal: myAppealView(doc) };
}

export async function myIdentityAppeals(_input: unknown, ctx: Ctx): Promise<UserMyAppealsOutput> {
  const openid = requireOpenid(ctx);
  return { items: (await appealsOf(openid)).map(myAppealView) };
}
