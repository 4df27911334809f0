// user.activate: a person a team imported (集体注册) proves the phone by SMS and becomes a volunteer in those teams.
// The code comes first: whether a phone was imported or is registered is told only to whoever holds it.
import type { UserActivateInput, UserRegisterOutput } from '@contract/user';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { inTransaction } from '../../db/unit-of-work';
import { existsWhere, findVolunteer, type VolunteerDoc } from '../../db/volunteer.repository';
import { claimInvitations, openInvitationsFor } from '../../db/invitation.repository';
import { membershipId } from '../../db/org.repository';
import { MEMBERSHIP_LIMIT } from '../../domain/membership';
import { shanghaiDate } from '../../domain/shanghai-time';
import { newVolunteerNo } from '../../domain/volunteer-no';
import { idBirthDate, idGender } from '@contract/id-number';
import { decryptPii, sealPhone } from '../../adapters/pii-cipher';
import { verifySmsCode } from '../sms/verify-code';
import { consumeCode } from '../sms/consume-code';
import { volunteerView } from './volunteer-view';
import { claimWalkInInvitations } from '../activity/walk-in';

type Invitation = Omit<
  VolunteerDoc,
  | '_id'
  | 'openid'
  | 'volunteerNo'
  | 'birthDate'
  | 'consentVersion'
  | 'consentAt'
  | 'registeredAt'
  | 'updatedAt'
  | 'status'
  | 'frozenAt'
  | 'frozenBy'
> & {
  _id: string;
  orgId: string;
  invitedAt: Date;
  status: 'open' | 'claimed';
};

export async function activate(input: UserActivateInput, ctx: Ctx): Promise<UserRegisterOutput> {
  const openid = requireOpenid(ctx);
  if (await findVolunteer(openid)) throw new AppError(ErrorCode.USER_ALREADY_REGISTERED);
  const code = await verifySmsCode('register', input.phone, input.smsCode, ctx.now);
  const invitations = await openInvitationsFor<Invitation>(input.phone, MEMBERSHIP_LIMIT);
  if (invitations.length === 0) throw new AppError(ErrorCode.USER_NOT_INVITED);
  const first = invitations[0];
  if (await existsWhere({ phone: input.phone })) throw new AppError(ErrorCode.USER_PHONE_TAKEN);
  if (await existsWhere({ idNumberHash: first.idNumberHash })) throw new AppError(ErrorCode.USER_ID_NUMBER_TAKEN);

  const {
    _id: _inv,
    orgId: _org,
    invitedAt: _at,
    status: _st,
    invitedBy: _by,
    phone: _clear,
    ...profile
  } = first as Invitation & { invitedBy?: string; phone?: string };
  const idNumber = decryptPii(first.idNumberEnc);
  const doc: VolunteerDoc = {
    ...profile,
    // The phone just proved by SMS, sealed afresh: the volunteer's own ciphertext, whatever the invitation held.
    ...sealPhone(input.phone),
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
  const outcome = await inTransaction(async (uow) => {
    await consumeCode(uow, code);
    await uow.addVolunteer(doc);
    for (const inv of invitations) {
      await uow.addMembership({
        _id: membershipId(inv.orgId, openid),
        orgId: inv.orgId,
        openid,
        status: 'approved',
        role: 'member',
        appliedAt: inv.invitedAt,
        reviewedAt: ctx.now,
      });
    }
  });
  if (outcome === 'duplicate') throw new AppError(ErrorCode.USER_ALREADY_REGISTERED);
  await claimInvitations(input.phone, openid, ctx.now);
  // 现场报名 invitations of this phone enroll the new volunteer.
  await claimWalkInInvitations(input.phone, openid, ctx.now);
  return { volunteer: volunteerView(doc) };
}
