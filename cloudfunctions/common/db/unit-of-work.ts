// The one way a use case changes several documents together: a CloudBase transaction, handed to the use case as typed
// repository operations (never the driver), ending in 'done' or 'duplicate' when a unique index refused a write.
import { database, type Tx } from '../cloud';
import { C } from './collections';
import { now } from '../clock';
import { isDuplicateWrite, unwrap } from './db-result';
import type { SmsCodeDoc } from './sms.repository';
import type { PhoneProofDoc } from './phone-proof.repository';
import type { VolunteerDoc } from './volunteer.repository';
import { releaseAdminSlotInTx, releaseMembershipSlotInTx, type MembershipDoc, type OrgDoc } from './org.repository';
import type { AppealDoc, AuditEntry } from './appeal.repository';
import { ROOT_SETTING_ID } from './settings.repository';
import type { NeedDoc } from './need.repository';
import type { ComplaintDoc } from './complaint.repository';
import type { MemberReviewDoc } from './member-review.repository';

/** What an upheld appeal writes on the account it freezes (its ID number released under `releasedIdKey`). */
export interface Freeze {
  at: Date;
  appealId: string;
  decidedBy: string;
  releasedIdKey: string;
}

/** Inside a transaction, `doc().get()` answers the document itself (or null), not a list. */
async function read<T>(tx: Tx, collection: string, id: string): Promise<T | null> {
  return ((await unwrap(tx.collection(collection).doc(id).get())).data as T | null) ?? null;
}

/** Every write a use case makes inside a transaction, one database request each. */
const stamped = <T extends object>(doc: T): T => ({ ...doc, updatedAt: now() });

function unitOfWork(tx: Tx) {
  const set = async (collection: string, doc: { _id: string }) => {
    const { _id, ...fields } = doc;
    await unwrap(tx.collection(collection).doc(_id).set(fields));
  };
  const add = async (collection: string, doc: object) => {
    await unwrap(tx.collection(collection).add(doc));
  };
  const update = async (collection: string, id: string, patch: object) => {
    await unwrap(tx.collection(collection).doc(id).update(patch));
  };
  return {
    smsCode: (id: string) => read<Pick<SmsCodeDoc, 'used' | 'sentAt'>>(tx, C.smsCodes, id),
    markSmsCodeUsed: (id: string) => update(C.smsCodes, id, { used: true }),
    phoneProof: (id: string) => read<Pick<PhoneProofDoc, 'used'>>(tx, C.phoneProofs, id),
    markPhoneProofUsed: (id: string) => update(C.phoneProofs, id, { used: true }),

    volunteer: (openid: string) => read<VolunteerDoc>(tx, C.volunteers, openid),
    addVolunteer: (doc: VolunteerDoc) => add(C.volunteers, doc),
    replaceVolunteer: (doc: VolunteerDoc) => set(C.volunteers, doc),
    updateVolunteer: (openid: string, patch: Partial<VolunteerDoc>) => update(C.volunteers, openid, patch),
    /** Frozen by an upheld appeal: the encrypted ID number goes, its hash is replaced so the number is free again. */
    freezeVolunteer: (openid: string, f: Freeze) =>
      update(C.volunteers, openid, {
        status: 'frozen',
        frozenAt: f.at,
        frozenBy: { appealId: f.appealId, decidedBy: f.decidedBy },
        idNumberHash: f.releasedIdKey,
        idNumberEnc: database().command.remove(),
        updatedAt: f.at,
      }),

    membership: (id: string) => read<MembershipDoc>(tx, C.memberships, id),
    // Teams and memberships stamp `updatedAt`: the statistics' rollups are trusted only while none changed after them.
    addMembership: (doc: MembershipDoc) => add(C.memberships, { ...doc, updatedAt: now() }),
    putMembership: (doc: MembershipDoc) => set(C.memberships, stamped(doc)),
    updateMembership: (id: string, patch: Partial<MembershipDoc>) => update(C.memberships, id, { ...patch, updatedAt: now() }),
    /** Gives back one of the volunteer's 5 teams, together with the write that ends the membership. */
    releaseMembershipSlot: (openid: string) => releaseMembershipSlotInTx(tx, openid),
    /** Gives back one of the team's 5 admin seats, together with the write that ends the role. */
    releaseAdminSlot: (orgId: string) => releaseAdminSlotInTx(tx, orgId),

    org: (id: string) => read<OrgDoc>(tx, C.orgs, id),
    addOrg: (doc: OrgDoc) => add(C.orgs, { ...doc, updatedAt: now() }),
    updateOrg: (id: string, patch: Partial<OrgDoc>) => update(C.orgs, id, { ...patch, updatedAt: now() }),
    /** The fixed id of the root marker makes a second bootstrap a duplicate write, also when two race. */
    markRootOrg: (orgId: string, at: Date) => add(C.settings, { _id: ROOT_SETTING_ID, orgId, createdAt: at }),

    appeal: (id: string) => read<AppealDoc>(tx, C.identityAppeals, id),
    addAppeal: (doc: AppealDoc) => add(C.identityAppeals, doc),
    putAppeal: (doc: AppealDoc) => set(C.identityAppeals, doc),
    addAudit: (entry: AuditEntry) => add(C.auditLog, entry),
    addNeed: (doc: NeedDoc) => add(C.needs, doc),
    addComplaint: (doc: ComplaintDoc) => add(C.complaints, doc),
    /** 审核记录: written with the decision it records. */
    addMemberReview: (doc: MemberReviewDoc) => add(C.memberReviews, doc),
    /** 撤销通过: the application waits again, as if never reviewed. */
    reopenMembership: (id: string) =>
      update(C.memberships, id, {
        status: 'pending',
        reviewedAt: database().command.remove(),
        reviewedBy: database().command.remove(),
        updatedAt: now(),
      }),
  };
}
export type UnitOfWork = ReturnType<typeof unitOfWork>;

/**
 * Runs `work` in one transaction: all of its writes or none. 'duplicate' when a unique index refused one of them
 * (nothing was written); any other failure, an AppError of the work included, is thrown as it came.
 */
export async function inTransaction(work: (uow: UnitOfWork) => Promise<void>): Promise<'done' | 'duplicate'> {
  try {
    await database().runTransaction(async (tx: Tx) => work(unitOfWork(tx)));
    return 'done';
  } catch (err) {
    if (isDuplicateWrite(err)) return 'duplicate';
    throw err;
  }
}
