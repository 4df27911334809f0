// 审核记录 and what a reviewer judges a member application by: decisions on applications (written with the decision,
// see unit-of-work addMemberReview), the applicants' profiles, and whether anything depends on an approval yet.
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';
import { decryptPii } from '../adapters/pii-cipher';
import type { Region } from '@contract/common';
import type { OCCUPATIONS, SERVICE_FIELDS } from '@contract/enums';
import type { ReviewEvent } from '@contract/review';
import type { MembershipDoc } from './org.repository';

export interface MemberReviewDoc {
  /** `${at ms}-${random}`: with `at`, the order of the history (a batch writes many at the same instant). */
  _id: string;
  orgId: string;
  memberId: string;
  /** The applicant's openid. */
  applicant: string;
  event: ReviewEvent;
  /** The reviewer's openid. */
  by: string;
  at: Date;
  reason?: string;
}

/** Where the history continues: after the decision at `at` with this id (newest first). */
export interface HistoryCursor {
  at: Date;
  id: string;
}

/** One page of a team's decisions, newest first (ties in time by id, descending). */
export async function reviewHistoryPage(orgId: string, after: HistoryCursor | undefined, limit: number): Promise<MemberReviewDoc[]> {
  const _ = database().command;
  const where = after ? _.and([{ orgId }, _.or([{ at: _.lt(after.at) }, { at: after.at, _id: _.lt(after.id) }])]) : { orgId };
  const res = await unwrap(
    database().collection(C.memberReviews).where(where).orderBy('at', 'desc').orderBy('_id', 'desc').limit(limit).get(),
  );
  return res.data as MemberReviewDoc[];
}

/** What 审核 shows of an applicant: profile fields and the ID number, opened here for the caller to turn into an age. */
export interface ApplicantRecord {
  idNumber?: string;
  region?: Region;
  occupation?: (typeof OCCUPATIONS)[number];
  serviceFields?: (typeof SERVICE_FIELDS)[number][];
  skills?: string;
}

export async function applicantRecordsOf(openids: string[]): Promise<Map<string, ApplicantRecord>> {
  const ids = [...new Set(openids)];
  if (ids.length === 0) return new Map();
  const db = database();
  const res = await unwrap(
    db
      .collection(C.volunteers)
      .where({ _id: db.command.in(ids) })
      .field({ idNumberEnc: true, region: true, occupation: true, serviceFields: true, skills: true })
      .limit(ids.length)
      .get(),
  );
  type Row = Omit<ApplicantRecord, 'idNumber'> & { _id: string; idNumberEnc?: string };
  return new Map((res.data as Row[]).map(({ _id, idNumberEnc, ...rest }) => [_id, { ...rest, ...openIdNumber(_id, idNumberEnc) }]));
}

/** The ID number in clear, or nothing when there is none or it cannot be opened (that applicant then shows no age). */
function openIdNumber(openid: string, sealed: string | undefined): { idNumber?: string } {
  if (!sealed) return {};
  try {
    return { idNumber: decryptPii(sealed) };
  } catch (err) {
    console.error(`[org] the ID number of ${openid} could not be opened`, err);
    return {};
  }
}

/** Approved memberships of these people (each holds at most 5), as [openid, orgId] pairs. */
export async function approvedTeamsOf(openids: string[]): Promise<{ openid: string; orgId: string }[]> {
  const ids = [...new Set(openids)];
  if (ids.length === 0) return [];
  const db = database();
  const res = await unwrap(
    db
      .collection(C.memberships)
      .where({ openid: db.command.in(ids), status: 'approved' })
      .field({ openid: true, orgId: true, appliedAt: true })
      .orderBy('appliedAt', 'asc')
      .limit(1000)
      .get(),
  );
  return (res.data as { openid: string; orgId: string }[]).map((m) => ({ openid: m.openid, orgId: m.orgId }));
}

/**
 * Whether the volunteer has done anything since `since` that an approval may have allowed: enrolled in (or queued for)
 * an activity, or attended a training. Two counts.
 */
export async function actedSince(openid: string, since: Date): Promise<boolean> {
  const _ = database().command;
  const [enrolled, trained] = await Promise.all([
    unwrap(
      database()
        .collection(C.enrollments)
        .where({ openid, queuedAt: _.gte(since) })
        .count(),
    ),
    unwrap(
      database()
        .collection(C.trainingAttendance)
        .where({ openid, at: _.gte(since) })
        .count(),
    ),
  ]);
  return enrolled.total > 0 || trained.total > 0;
}

/** Memberships by id (a batch of at most 50), by id. */
export async function membershipsByIds(ids: string[]): Promise<Map<string, MembershipDoc>> {
  if (ids.length === 0) return new Map();
  const db = database();
  const res = await unwrap(
    db
      .collection(C.memberships)
      .where({ _id: db.command.in(ids) })
      .limit(ids.length)
      .get(),
  );
  return new Map((res.data as MembershipDoc[]).map((m) => [m._id, m]));
}
