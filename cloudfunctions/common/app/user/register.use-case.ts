// user.register: the phone's proof first, an SMS code or a phone proof of user.phoneFromWeixin (no phone/ID oracle),
// then 18+ and unique phone/ID/openid; sex and birth date from the ID number; the proof consumed in the same
// transaction that creates the volunteer.
import type { UserRegisterInput, UserRegisterOutput } from '@contract/user';
import { idBirthDate, idGender, maskIdNumber } from '@contract/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { inTransaction } from '../../db/unit-of-work';
import { existsWhere, findVolunteer, type VolunteerDoc } from '../../db/volunteer.repository';
import { findOrgsByIds, membershipId, membershipsOf, type MembershipDoc } from '../../db/org.repository';
import { isAdultOn } from '../../domain/id-number';
import { shanghaiDate } from '../../domain/shanghai-time';
import { newVolunteerNo } from '../../domain/volunteer-no';
import { MEMBERSHIP_LIMIT, isLive } from '../../domain/membership';
import { encryptPii, piiLookupHash, sealPhone } from '../../adapters/pii-cipher';
import { provePhone } from './phone-proof';
import { volunteerView } from './volunteer-view';
import { claimWalkInInvitations } from '../activity/walk-in';

/** A volunteer record that is a registration, not the tombstone 注销 leaves. */
const registered = (v: VolunteerDoc | undefined): v is VolunteerDoc => Boolean(v && !v.withdrawnAt);

/** Only after the caller proved the phone: these answers say who else is registered. */
async function refuseTaken(openid: string, phone: string, idHash: string): Promise<void> {
  const [me, phoneTaken, idTaken] = await Promise.all([
    findVolunteer(openid),
    existsWhere({ phone }),
    existsWhere({ idNumberHash: idHash }),
  ]);
  if (registered(me)) throw new AppError(ErrorCode.USER_ALREADY_REGISTERED);
  if (phoneTaken) throw new AppError(ErrorCode.USER_PHONE_TAKEN);
  if (idTaken) throw new AppError(ErrorCode.USER_ID_NUMBER_TAKEN);
}

export async function register(input: UserRegisterInput, ctx: Ctx): Promise<UserRegisterOutput> {
  const openid = requireOpenid(ctx);
  const today = shanghaiDate(ctx.now);
  // The caller's own state may be told before the code: it says nothing about anyone else. After 注销 only a
  // tombstone is left under the openid (kept records point to it): that account may register again.
  const before = await findVolunteer(openid);
  if (registered(before)) throw new AppError(ErrorCode.USER_ALREADY_REGISTERED);

  const orgs = await findOrgsByIds(input.orgIds);
  const approved = new Set(orgs.filter((o) => o.status === 'approved').map((o) => o._id));
  const missing = input.orgIds.filter((id) => !approved.has(id));
  if (missing.length > 0) throw new AppError(ErrorCode.ORG_NOT_FOUND, '所选队伍不存在或尚未通过审核', { orgIds: missing });
  const existing = await membershipsOf(openid);
  const newOrgIds = input.orgIds.filter((id) => !existing.some((m) => m.orgId === id));
  if (existing.filter(isLive).length + newOrgIds.length > MEMBERSHIP_LIMIT) throw new AppError(ErrorCode.ORG_MEMBERSHIP_LIMIT);

  const consumeProof = await provePhone(input, openid, ctx.now);
  if (!isAdultOn(input.idNumber, today)) throw new AppError(ErrorCode.USER_UNDERAGE);
  const idHash = piiLookupHash(input.idNumber);
  await refuseTaken(openid, input.phone, idHash);

  const { smsCode: _code, phoneProof: _proof, orgIds: _orgIds, idNumber, gender: _stated, phone, ...profile } = input;
  const doc: VolunteerDoc = {
    ...profile,
    ...sealPhone(phone),
    // The number is the record of the person's sex; a stated one was checked against it by the contract.
    gender: idGender(idNumber),
    _id: openid,
    openid,
    volunteerNo: newVolunteerNo(today.slice(0, 4)),
    idNumberEnc: encryptPii(idNumber),
    idNumberHash: idHash,
    idNumberMasked: maskIdNumber(idNumber),
    birthDate: idBirthDate(idNumber) as string,
    consentAt: ctx.now,
    registeredAt: ctx.now,
    updatedAt: ctx.now,
  };
  const memberships: MembershipDoc[] = newOrgIds.map((orgId) => ({
    _id: membershipId(orgId, openid),
    orgId,
    openid,
    status: 'pending',
    role: 'member',
    appliedAt: ctx.now,
  }));

  const outcome = await inTransaction(async (uow) => {
    await consumeProof(uow);
    if (before) {
      // Replace the tombstone only if it still is one: a concurrent registration of the same account conflicts here.
      const current = await uow.volunteer(openid);
      if (registered(current ?? undefined)) throw new AppError(ErrorCode.USER_ALREADY_REGISTERED);
      await uow.replaceVolunteer(doc);
    } else {
      await uow.addVolunteer(doc);
    }
    for (const m of memberships) await uow.addMembership(m);
  });
  if (outcome === 'duplicate') {
    await refuseTaken(openid, input.phone, idHash);
    throw new AppError(ErrorCode.USER_ALREADY_REGISTERED);
  }
  // 现场报名 invitations of this phone enroll the new volunteer.
  await claimWalkInInvitations(input.phone, openid, ctx.now);
  return { volunteer: volunteerView(doc) };
}
