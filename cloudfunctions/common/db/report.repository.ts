// What the reports read (teams of a subtree, their activities, day records and members, in whole pages) and the
// certificates they issue. Queries name only the fields a report shows: day records carry scans and audit trails.
import { database } from '../cloud';
import { C } from './collections';
import { isDuplicateWrite, unwrap } from './db-result';
import { pageAll, type DayRecordDoc } from './checkin.repository';
import type { ActivityDoc } from './activity.repository';
import type { MembershipDoc, OrgDoc } from './org.repository';
import type { VolunteerDoc } from './volunteer.repository';
import type { NeedDoc } from './need.repository';
import { addDays, shanghaiInstant } from '@contract/time';
import type { Period } from '../domain/report-stats';
import { openPhone } from '../adapters/pii-cipher';

/** Ids per `_.in` condition: keeps each request small whatever the size of the subtree. */
const IN_CHUNK = 100;
const PAGE = 1000;

function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every page of `where` for each chunk of `ids` (the condition built by `where`), in _id order. */
export async function pagedIn<T>(
  collection: string,
  ids: readonly string[],
  where: (chunk: string[]) => object,
  fields?: Record<string, true>,
): Promise<T[]> {
  const out: T[] = [];
  for (const chunk of chunks([...new Set(ids)])) {
    const query = () => {
      const q = database().collection(collection).where(where(chunk));
      return fields ? q.field(fields) : q;
    };
    out.push(...(await pageAll<T>((skip) => query().orderBy('_id', 'asc').skip(skip).limit(PAGE).get())));
  }
  return out;
}

const dateWithin = (p: Period) => {
  const _ = database().command;
  return _.and([_.gte(p.from), _.lte(p.to)]);
};

/** Approved teams anywhere below `orgId` (their `path` holds it). */
export async function approvedDescendants(orgId: string): Promise<OrgDoc[]> {
  return pageAll<OrgDoc>((skip) =>
    database().collection(C.orgs).where({ path: orgId, status: 'approved' }).orderBy('_id', 'asc').skip(skip).limit(PAGE).get(),
  );
}

export type ReportActivity = Pick<
  ActivityDoc,
  | '_id'
  | 'orgId'
  | 'orgName'
  | 'title'
  | 'category'
  | 'status'
  | 'startDate'
  | 'endDate'
  | 'address'
  | 'keyDay'
  | 'serviceTargets'
  | 'servedCount'
  | 'summary'
  | 'recapPhotoIds'
  | 'enrolledCount'
>;
export const ACTIVITY_FIELDS = {
  orgId: true,
  orgName: true,
  title: true,
  category: true,
  status: true,
  startDate: true,
  endDate: true,
  address: true,
  keyDay: true,
  serviceTargets: true,
  servedCount: true,
  summary: true,
  recapPhotoIds: true,
  enrolledCount: true,
} as const;

/** Activities of these teams held (not cancelled) and starting within the period. */
export async function activitiesIn(orgIds: readonly string[], p: Period): Promise<ReportActivity[]> {
  return pagedIn<ReportActivity>(C.activities, orgIds, heldWithin(p), ACTIVITY_FIELDS);
}

/** activitiesIn's condition for some teams. */
export const heldWithin = (p: Period) => (orgIds: string[]) => ({
  orgId: database().command.in(orgIds),
  status: 'published',
  startDate: dateWithin(p),
});

/** Activities by id, whatever their start or status (those a period's day records credit time to). */
export async function activitiesByIds(ids: readonly string[]): Promise<ReportActivity[]> {
  const _ = database().command;
  return pagedIn<ReportActivity>(C.activities, ids, (chunk) => ({ _id: _.in(chunk) }), ACTIVITY_FIELDS);
}

export type ReportRecord = Pick<DayRecordDoc, '_id' | 'activityId' | 'orgId' | 'openid' | 'date' | 'minutes'>;

/** Day records of these teams dated within the period (only what the figures need). */
export async function recordsIn(orgIds: readonly string[], p: Period): Promise<ReportRecord[]> {
  return pagedIn<ReportRecord>(C.dayRecords, orgIds, datedWithin(p), RECORD_FIELDS);
}

/** recordsIn's condition for some teams. */
export const datedWithin = (p: Period) => (orgIds: string[]) => ({ orgId: database().command.in(orgIds), date: dateWithin(p) });
export const RECORD_FIELDS = { activityId: true, orgId: true, openid: true, date: true, minutes: true } as const;

export type ReportNeed = Pick<
  NeedDoc,
  | '_id'
  | 'postedAt'
  | 'status'
  | 'requesterKind'
  | 'category'
  | 'title'
  | 'coveringOrgId'
  | 'coveringOrgName'
  | 'assignedOrgId'
  | 'assignedOrgName'
  | 'activityId'
  | 'closeReason'
  | 'rating'
  | 'history'
>;

/**
 * Needs posted within the period (from 00:00 of its first Asia/Shanghai day to 00:00 after its last) whose covering
 * team or assigned team is one of these; each once. Only what the figures and 附件3's sheet show: never the contact.
 */
export async function needsIn(orgIds: readonly string[], p: Period): Promise<ReportNeed[]> {
  const found = await pagedIn<ReportNeed>(C.needs, orgIds, postedFor(p), NEED_FIELDS);
  return [...new Map(found.map((n) => [n._id, n])).values()];
}

/** needsIn's condition for some teams. */
export const postedFor = (p: Period) => (orgIds: string[]) => {
  const _ = database().command;
  return _.and([{ postedAt: postedWithin(p) }, _.or([{ coveringOrgId: _.in(orgIds) }, { assignedOrgId: _.in(orgIds) }])]);
};

const postedWithin = (p: Period) => {
  const _ = database().command;
  return _.and([_.gte(shanghaiInstant(p.from, '00:00')), _.lt(shanghaiInstant(addDays(p.to, 1), '00:00'))]);
};
export const NEED_FIELDS = {
  postedAt: true,
  status: true,
  requesterKind: true,
  category: true,
  title: true,
  coveringOrgId: true,
  coveringOrgName: true,
  assignedOrgId: true,
  assignedOrgName: true,
  activityId: true,
  closeReason: true,
  rating: true,
  history: true,
} as const;

/** Every need posted within the period, whichever team (a subtree of many teams: fewer reads than its ids in chunks). */
export async function needsPostedIn(p: Period): Promise<ReportNeed[]> {
  return pageAll<ReportNeed>((skip) =>
    database()
      .collection(C.needs)
      .where({ postedAt: postedWithin(p) })
      .field(NEED_FIELDS)
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get(),
  );
}

/** Every day record of one activity, whole (the attendance sheet shows times, status and the last adjustment). */
export async function recordsOfActivity(activityId: string): Promise<DayRecordDoc[]> {
  return pageAll<DayRecordDoc>((skip) =>
    database().collection(C.dayRecords).where({ activityId }).orderBy('_id', 'asc').skip(skip).limit(PAGE).get(),
  );
}

/** Approved memberships of these teams. */
export async function approvedMembershipsOf(orgIds: readonly string[]): Promise<MembershipDoc[]> {
  return pagedIn<MembershipDoc>(C.memberships, orgIds, approvedIn);
}

/** approvedMembershipsOf's condition for some teams. */
export const approvedIn = (orgIds: string[]) => ({ orgId: database().command.in(orgIds), status: 'approved' });

/** The 附件2 fields of volunteers: never the encrypted ID number nor its hash; the phone decrypted ('' once withdrawn). */
export type ReportVolunteer = Omit<
  VolunteerDoc,
  'idNumberEnc' | 'idNumberHash' | 'phoneEnc' | 'phoneHash' | 'consentVersion' | 'consentAt'
> & { phone: string };
const VOLUNTEER_FIELDS = {
  realName: true,
  gender: true,
  phoneEnc: true,
  volunteerNo: true,
  idNumberMasked: true,
  birthDate: true,
  education: true,
  employer: true,
  title: true,
  region: true,
  serviceCategories: true,
  skills: true,
  politicalStatus: true,
  ethnicity: true,
  occupation: true,
  serviceFields: true,
  availableTimes: true,
  fourHeads: true,
  registeredAt: true,
  updatedAt: true,
  nationalVolunteerId: true,
  withdrawnAt: true,
} as const;

export async function volunteersByIds(openids: readonly string[]): Promise<Map<string, ReportVolunteer>> {
  const _ = database().command;
  const list = await pagedIn<Omit<ReportVolunteer, 'phone'> & { phoneEnc?: string }>(
    C.volunteers,
    openids,
    (chunk) => ({ _id: _.in(chunk) }),
    VOLUNTEER_FIELDS,
  );
  return new Map(list.map(({ phoneEnc, ...v }) => [v._id, { ...v, phone: openPhone({ phoneEnc }) }]));
}

/** The approved leader of a team: the one membership with that role. */
export async function leaderOf(orgId: string): Promise<MembershipDoc | undefined> {
  const res = await unwrap(database().collection(C.memberships).where({ orgId, status: 'approved', role: 'leader' }).limit(1).get());
  return (res.data as MembershipDoc[])[0];
}

// ---- Certificates ----

export interface CertificateDoc {
  /** The certificate number, also under a unique index. */
  _id: string;
  certificateNo: string;
  openid: string;
  orgId: string;
  orgName: string;
  /** 张*: what a verification may show of the person. */
  realNameMasked: string;
  minutes: number;
  activities: number;
  from: string;
  to: string;
  issuedAt: Date;
  /** 经办人: who approved the volunteer's membership of the team, else its leader; the name masked like the volunteer's. */
  handlerOpenid?: string;
  handlerNameMasked?: string;
}

/** Stores the certificate; false when the number is already taken (draw another). */
export async function insertCertificate(doc: CertificateDoc): Promise<boolean> {
  try {
    await unwrap(database().collection(C.certificates).add(doc));
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}

export async function findCertificate(certificateNo: string): Promise<CertificateDoc | undefined> {
  const res = await unwrap(database().collection(C.certificates).where({ certificateNo }).limit(1).get());
  return (res.data as CertificateDoc[])[0];
}

/** 证明公示: the team's certificates issued at or after `since`, newest first, at most `limit` (what a list shows). */
export async function certificatesIssuedSince(orgId: string, since: Date, limit: number): Promise<CertificateDoc[]> {
  const _ = database().command;
  const res = await unwrap(
    database()
      .collection(C.certificates)
      .where({ orgId, issuedAt: _.gte(since) })
      .field({ certificateNo: true, realNameMasked: true, minutes: true, from: true, to: true, issuedAt: true, orgId: true })
      .orderBy('issuedAt', 'desc')
      .limit(limit)
      .get(),
  );
  return res.data as CertificateDoc[];
}
