// What is held about one person outside their volunteer document, found by their openid: read for 我的数据 (a copy of
// everything) and cleared by 注销. Every collection holding a person's data should be named here or in a repository
// this module's callers also use (memberships, day records, corrections, member invitations).
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';
import { pageAll, type AdjustmentDoc } from './checkin.repository';
import type { CertificateDoc } from './report.repository';
import type { OrgDoc } from './org.repository';

/** A person a team imported (集体注册) before they registered, as the team entered them; claimed when they activated. */
export interface ImportedProfileDoc {
  _id: string;
  orgId: string;
  realName?: string;
  invitedAt: Date;
  status: 'open' | 'claimed';
  claimedAt?: Date;
  [field: string]: unknown;
}

export async function certificatesOf(openid: string): Promise<CertificateDoc[]> {
  return pageAll((skip) => database().collection(C.certificates).where({ openid }).orderBy('issuedAt', 'asc').skip(skip).limit(1000).get());
}

/** Teams the person applied to register (org.register), whatever became of the application. */
export async function orgApplicationsOf(openid: string): Promise<OrgDoc[]> {
  const res = await unwrap(database().collection(C.orgs).where({ applicantOpenid: openid }).orderBy('createdAt', 'asc').limit(100).get());
  return res.data as OrgDoc[];
}

/** 集体注册 records the person claimed on activation: what the teams entered about them. */
export async function importedProfilesOf(openid: string): Promise<ImportedProfileDoc[]> {
  const res = await unwrap(database().collection(C.invitations).where({ claimedBy: openid }).orderBy('invitedAt', 'asc').limit(100).get());
  return res.data as ImportedProfileDoc[];
}

// ---- 注销 ----

export async function deleteImportedProfilesOf(openid: string): Promise<void> {
  await unwrap(database().collection(C.invitations).where({ claimedBy: openid }).remove());
}

/** Open 集体注册 records under the person's ID number hash or phone hash: someone imported them again meanwhile. */
export async function deleteOpenImportsOf(keys: { idNumberHash?: string; phoneHash?: string }): Promise<void> {
  const coll = database().collection(C.invitations);
  if (keys.idNumberHash) await unwrap(coll.where({ idNumberHash: keys.idNumberHash, status: 'open' }).remove());
  if (keys.phoneHash) await unwrap(coll.where({ phoneHash: keys.phoneHash, status: 'open' }).remove());
}

/** Pending memberships (入队申请) of the person: an application nobody decided is withdrawn with them. */
export async function deletePendingMemberships(openid: string): Promise<number> {
  const res = await unwrap(database().collection(C.memberships).where({ openid, status: 'pending' }).remove());
  return (res as { deleted?: number }).deleted ?? 0;
}

/**
 * Team applications of the person: a pending one is withdrawn (rejected, with the reason), and every one that never
 * became a team loses the contact the applicant entered. An approved team's contact belongs to the team.
 */
export async function closeOrgApplicationsOf(openid: string, at: Date): Promise<void> {
  const db = database();
  const _ = db.command;
  const orgs = db.collection(C.orgs);
  await unwrap(
    orgs.where({ applicantOpenid: openid, status: 'pending' }).update({ status: 'rejected', rejectReason: '申请人已注销', reviewedAt: at }),
  );
  await unwrap(orgs.where({ applicantOpenid: openid, status: 'rejected' }).update({ contactName: _.remove(), contactPhone: _.remove() }));
}

export async function deleteEnrollment(id: string): Promise<void> {
  await unwrap(database().collection(C.enrollments).doc(id).remove());
}

/**
 * SMS traces of the person's phone (by its blind index) and of their WeChat user: codes, the phone's send history and
 * the caller's. Ids as db/sms.repository.ts writes them (`phone:<hash>`, `caller:<openid>`); all are short-lived
 * anti-abuse state (an hour, a day) that would otherwise keep the phone's hash after 注销.
 */
export async function deleteSmsTracesOf(phoneHash: string | undefined, openid: string): Promise<void> {
  const db = database();
  const _ = db.command;
  if (phoneHash) await unwrap(db.collection(C.smsCodes).where({ phoneHash }).remove());
  const ids = [`caller:${openid}`, ...(phoneHash ? [`phone:${phoneHash}`] : [])];
  await unwrap(
    db
      .collection(C.smsQuota)
      .where({ _id: _.in(ids) })
      .remove(),
  );
}

// ---- Free text of kept records, written back redacted (domain/withdrawal-redaction) ----

/** The adjustments of a day record with redacted reasons; updatedAt moves so a concurrent admin edit reads it afresh. */
export async function rewriteAdjustments(recordId: string, adjustments: AdjustmentDoc[], at: Date): Promise<void> {
  await unwrap(database().collection(C.dayRecords).doc(recordId).update({ adjustments, updatedAt: at }));
}

export async function rewriteCorrectionText(correctionId: string, text: { note: string; reviewReason?: string }): Promise<void> {
  await unwrap(database().collection(C.corrections).doc(correctionId).update(text));
}

export async function rewriteMembershipReason(membershipId: string, reason: string): Promise<void> {
  await unwrap(database().collection(C.memberships).doc(membershipId).update({ reason }));
}
