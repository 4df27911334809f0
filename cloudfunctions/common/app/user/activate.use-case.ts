// user.activate: a person a team imported (集体注册) proves the phone by SMS and becomes a volunteer in those teams.
// The code comes first: whether a phone was imported or is registered is told only to whoever holds it.
import type { UserActivateInput, UserRegisterOutput } from '../../../../types/user';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { database, type Tx } from '../../cloud';
import { C } from '../../db/collections';
import { isDuplicateWrite, unwrap } from '../../db/db-result';
import { existsWhere, findVolunteer, type VolunteerDoc } from '../../db/volunteer.repository';
import { membershipId } from '../../db/org.repository';
import { MEMBERSHIP_LIMIT } from '../../domain/membership';
import { shanghaiDate } from '../../domain/shanghai-time';
import { newVolunteerNo } from '../../domain/volunteer-no';
import { idBirthDate, idGender } from '../../../../types/id-number';
import { decryptPii } from '../../adapters/pii-cipher';
import { verifySmsCode } from '../sms/verify-code';
import { consumeCode } from '../sms/consume-code';
import { volunteerView } from './volunteer-view';

type Invitation = Omit<VolunteerDoc, '_id' | 'openid' | 'volunteerNo' | 'birthDate' | 'consentVersion' | 'consentAt' | 'registeredAt' | 'updatedAt'> & {
  _id: string;
  orgId: string;
  invitedAt: Date;
  status: 'open' | 'claimed';
};

export async function activate(input: UserActivateInput, ctx: Ctx): Promise<UserRegisterOutput> {
  const openid = requireOpenid(ctx);
  if (await findVolunteer(openid)) throw new AppError(ErrorCode.USER_ALREADY_REGISTERED);
  const code = await verifySmsCode('register', input.phone, input.smsCode, ctx.now);
  const db = database();
  const invitations = (await unwrap(db.collection(C.invitations).where({ phone: input.phone, status: 'open' }).orderBy('invitedAt', 'asc').limit(MEMBERSHIP_LIMIT).get())).data as Invitation[];
  if (invitations.length === 0) throw new AppError(ErrorCode.USER_NOT_INVITED);
  const first = invitations[0];
  if (await existsWhere({ phone: input.phone })) throw new AppError(ErrorCode.USER_PHONE_TAKEN);
  if (await existsWhere({ idNumberHash: first.idNumberHash })) throw new AppError(ErrorCode.USER_ID_NUMBER_TAKEN);

  const { _id: _inv, orgId: _org, invitedAt: _at, status: _st, invitedBy: _by, ...profile } = first as Invitation & { invitedBy?: string };
  const idNumber = decryptPii(first.idNumberEnc);
  const doc: VolunteerDoc = {
    ...profile,
    _id: openid,
    openid,
    volunteerNo: newVolunteerNo(shanghaiDate(ctx.now).slice(0, 4)),
    gender: idGender(idNumber),
    birthDate: idBirthDate(idNumber) as string,
    consentVersion: input.consentVersion,
    consentAt: ctx.now,
    registeredAt: ctx.now,
    updatedAt: ctx.now,
  };
  try {
    await db.runTransaction(async (tx: Tx) => {
      await consumeCode(tx, code);
      await unwrap(tx.collection(C.volunteers).add(doc));
      for (const inv of invitations) {
        await unwrap(tx.collection(C.memberships).add({ _id: membershipId(inv.orgId, openid), orgId: inv.orgId, openid, status: 'approved', role: 'member', appliedAt: inv.invitedAt, reviewedAt: ctx.now }));
      }
    });
  } catch (err) {
    if (isDuplicateWrite(err)) throw new AppError(ErrorCode.USER_ALREADY_REGISTERED);
    throw err;
  }
  await unwrap(db.collection(C.invitations).where({ phone: input.phone, status: 'open' }).update({ status: 'claimed', claimedBy: openid, claimedAt: ctx.now }));
  return { volunteer: volunteerView(doc) };
}
