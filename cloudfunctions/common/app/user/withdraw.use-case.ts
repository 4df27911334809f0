// user.withdraw (注销, PIPL Art. 47): deletes what is only about the person (profile, phone, ID number and their hashes,
// pending applications, invitations, imports, enrollments in activities not yet begun, SMS traces) and keeps what other
// records and certificates rely on (day records with their audit trail, begun enrollments, past memberships,
// certificates with the masked name), their free text redacted, as types/user.ts WITHDRAW_REMOVES / WITHDRAW_KEEPS
// tell the person beforehand.
import type { UserWithdrawInput } from '@contract/user';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { replaceWithTombstone, requireVolunteer, type VolunteerDoc } from '../../db/volunteer.repository';
import { leadsAnyTeam, membershipsOf, releaseAdminSlot, updateMembershipIf } from '../../db/org.repository';
import { enrollmentsOf, findActivitiesByIds, LIVE_ENROLLMENT } from '../../db/activity.repository';
import { deleteMemberInvitationsOf } from '../../db/member-invitation.repository';
import { deleteShareTokensOf } from '../../db/share-token.repository';
import {
  closeOrgApplicationsOf,
  deleteEnrollment,
  deleteImportedProfilesOf,
  deleteOpenImportsOf,
  deletePendingMemberships,
  deleteSmsTracesOf,
  rewriteAdjustments,
  rewriteCorrectionText,
  rewriteMembershipReason,
} from '../../db/personal-data.repository';
import { recordsOf } from '../../db/checkin.repository';
import { correctionsOf } from '../../db/correction.repository';
import { identifyingStrings, namesPerson, redact } from '../../domain/withdrawal-redaction';
import { decryptPii, openPhone } from '../../adapters/pii-cipher';
import { toIso } from '../../domain/shanghai-time';
import { cancelEnrollment } from '../activity/cancel-enrollment.use-case';

/** Enrollments in activities that have not begun are deleted; a held seat first goes to the waitlist. */
async function dropFutureEnrollments(openid: string, ctx: Ctx): Promise<void> {
  const enrollments = await enrollmentsOf(openid);
  const activities = new Map((await findActivitiesByIds(enrollments.map((e) => e.activityId))).map((a) => [a._id, a]));
  for (const e of enrollments) {
    const a = activities.get(e.activityId);
    if (a && a.status !== 'cancelled' && new Date(a.startAt) <= ctx.now) continue;
    if (a && a.status !== 'cancelled' && LIVE_ENROLLMENT.includes(e.status)) {
      try {
        await cancelEnrollment({ activityId: a._id }, ctx);
      } catch (err) {
        // Cancelled or begun meanwhile: the enrollment is deleted all the same (or kept, if begun, on a retry).
        if (!(err instanceof AppError)) throw err;
      }
    }
    await deleteEnrollment(e._id);
  }
}

/** Pending applications are deleted; approved memberships end as `left` (an admin's seat given back). */
async function endMemberships(openid: string, at: Date): Promise<void> {
  await deletePendingMemberships(openid);
  for (const m of await membershipsOf(openid)) {
    if (m.status !== 'approved') continue;
    const left = await updateMembershipIf(
      m._id,
      { status: 'approved', role: m.role },
      { status: 'left', reviewedAt: at, reason: '志愿者注销' },
    );
    if (left && m.role === 'admin') await releaseAdminSlot(m.orgId);
  }
}

/** Kept records of the person whose free text names them (an admin's reason, their own note) are written back redacted. */
async function redactKeptRecords(v: VolunteerDoc, at: Date): Promise<void> {
  const secrets = identifyingStrings({
    realName: v.realName,
    phone: openPhone(v),
    idNumber: v.idNumberEnc ? decryptPii(v.idNumberEnc) : undefined,
  });
  if (secrets.length === 0) return;
  const [records, corrections, memberships] = await Promise.all([recordsOf(v._id, {}), correctionsOf(v._id), membershipsOf(v._id)]);
  for (const r of records) {
    const adjustments = r.adjustments ?? [];
    if (
      namesPerson(
        adjustments.map((a) => a.reason),
        secrets,
      )
    )
      await rewriteAdjustments(
        r._id,
        adjustments.map((a) => ({ ...a, reason: redact(a.reason, secrets) })),
        at,
      );
  }
  for (const c of corrections) {
    if (namesPerson([c.note, c.reviewReason], secrets))
      await rewriteCorrectionText(c._id, {
        note: redact(c.note, secrets),
        ...(c.reviewReason ? { reviewReason: redact(c.reviewReason, secrets) } : {}),
      });
  }
  for (const m of memberships)
    if (m.reason && namesPerson([m.reason], secrets)) await rewriteMembershipReason(m._id, redact(m.reason, secrets));
}

/**
 * What stays of the volunteer document: the openid and volunteer number the kept records point to, and placeholders
 * for the unique fields (a missing field counts as null in a unique index, so two withdrawn people would clash).
 * `set` replaces the document whole: no field added later outlives 注销 by being forgotten here.
 */
function tombstone(v: VolunteerDoc, at: Date) {
  const gone = `withdrawn:${v._id}`;
  return {
    openid: v._id,
    volunteerNo: v.volunteerNo,
    realName: '已注销志愿者',
    idNumberMasked: '已注销',
    phoneHash: gone,
    idNumberHash: gone,
    registeredAt: v.registeredAt,
    withdrawnAt: at,
    updatedAt: at,
  };
}

export async function withdraw(_input: UserWithdrawInput, ctx: Ctx): Promise<{ withdrawnAt: string }> {
  const openid = requireOpenid(ctx);
  const v = await requireVolunteer(openid);
  if (await leadsAnyTeam(openid)) throw new AppError(ErrorCode.AUTH_FORBIDDEN, '您是队伍负责人，请先移交负责人后再注销');

  await dropFutureEnrollments(openid, ctx);
  await endMemberships(openid, ctx.now);
  await closeOrgApplicationsOf(openid, ctx.now);
  await deleteMemberInvitationsOf(openid);
  await deleteImportedProfilesOf(openid);
  await deleteOpenImportsOf({ idNumberHash: v.idNumberHash, phoneHash: v.phoneHash });
  await deleteSmsTracesOf(v.phoneHash, openid);
  await deleteShareTokensOf(openid);
  await redactKeptRecords(v, ctx.now);
  // Last: until here a failure leaves a registered volunteer who can simply try again.
  await replaceWithTombstone(openid, tombstone(v, ctx.now));
  return { withdrawnAt: toIso(ctx.now) };
}
