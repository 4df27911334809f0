// Teams of the 总队—支队—分队 tree and memberships in them; the 5-team and 5-admin limits as counters.
import { database, type Tx } from '../cloud';
import { C } from './collections';
import { now } from '../clock';
import { unwrap, writtenUnlessDuplicate } from './db-result';
import { pageAll } from './checkin.repository';
import { pendingDecidable } from './decidable-where';
import type { Org, SealType } from '@contract/org';
import type { MembershipStatus, Role } from '@contract/enums';
import type { Grant } from '../domain/org-access';
import type { Decides } from '../domain/four-eyes';
import { ADMIN_LIMIT, MEMBERSHIP_LIMIT } from '../domain/membership';
import { openPhone } from '../adapters/pii-cipher';

export type OrgDoc = Omit<Org, 'createdAt'> & {
  createdAt: Date;
  /** The last write that could change who counts in a report (stamped by every such write; see stat-rollup.repository). */
  updatedAt?: Date;
  contactName?: string;
  contactPhone?: string;
  /** Who applied for the team (org.register); becomes its leader on approval. */
  applicantOpenid?: string;
  /** Approved admins, changed only together with a membership's role (see takeAdminSlot). */
  adminCount?: number;
  reviewedAt?: Date;
  reviewedBy?: string;
  /** 供需对接: teams below may take the open needs this team covers from 需求广场 without a dispatch. */
  needSelfService?: boolean;
  /** 公章: the team's seal in cloud storage, set by its leader; printed on its certificates. */
  seal?: OrgSeal;
};

export interface OrgSeal {
  fileId: string;
  contentType: SealType;
  size: number;
  setAt: Date;
  setBy: string;
}
export interface MembershipDoc {
  _id: string;
  orgId: string;
  openid: string;
  status: MembershipStatus;
  role: Role;
  appliedAt: Date;
  /** The last write (stamped by every write of a membership; see stat-rollup.repository). */
  updatedAt?: Date;
  reviewedAt?: Date;
  reviewedBy?: string;
  /** Why an application was rejected or a member removed. */
  reason?: string;
  /** Set on every membership of an account frozen by 身份核验 (freezeMembershipsOf): it grants nothing. */
  frozen?: boolean;
}

export const membershipId = (orgId: string, openid: string) => `${orgId}_${openid}`;
const LIVE: MembershipStatus[] = ['pending', 'approved'];

export async function findOrg(orgId: string): Promise<OrgDoc | undefined> {
  const res = await unwrap(database().collection(C.orgs).doc(orgId).get());
  return (res.data as OrgDoc[])[0];
}

export async function findOrgsByIds(ids: string[]): Promise<OrgDoc[]> {
  if (ids.length === 0) return [];
  const _ = database().command;
  const res = await unwrap(
    database()
      .collection(C.orgs)
      .where({ _id: _.in(ids) })
      .limit(ids.length)
      .get(),
  );
  return res.data as OrgDoc[];
}

/** Stores a team application; false when the unique index on name refused it (a team of that name exists or was just applied for). */
// Teams and memberships stamp `updatedAt` on every write that can change who counts in a report (see stat-rollup.repository).
export const insertOrg = (doc: OrgDoc): Promise<boolean> =>
  writtenUnlessDuplicate(
    database()
      .collection(C.orgs)
      .add({ ...doc, updatedAt: now() }),
  );

/**
 * Puts `seal` on the team only while it still holds `previousFileId` (none: no seal yet), so that of two uploads at
 * once each replaces what it read; false when the seal changed meanwhile.
 */
export async function replaceOrgSeal(orgId: string, previousFileId: string | undefined, seal: OrgSeal): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    database()
      .collection(C.orgs)
      .where({ _id: orgId, 'seal.fileId': previousFileId ?? _.exists(false) })
      .update({ seal: _.set(seal) }),
  );
  return res.updated === 1;
}

export async function orgNameTaken(name: string): Promise<boolean> {
  const res = await unwrap(database().collection(C.orgs).where({ name }).count());
  return res.total > 0;
}

/** Approved children of a team, oldest first (a province has a few dozen 支队; 1000 is the server's maximum page). */
export async function approvedChildren(orgId: string): Promise<OrgDoc[]> {
  const res = await unwrap(
    database().collection(C.orgs).where({ parentId: orgId, status: 'approved' }).orderBy('createdAt', 'asc').limit(1000).get(),
  );
  return res.data as OrgDoc[];
}

/** Approved teams anywhere below any of `orgIds` (their `path` holds one of them), every page. */
export async function approvedBelow(orgIds: string[]): Promise<OrgDoc[]> {
  if (orgIds.length === 0) return [];
  const _ = database().command;
  return pageAll<OrgDoc>((skip) =>
    database()
      .collection(C.orgs)
      .where({ path: _.in(orgIds), status: 'approved' })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(1000)
      .get(),
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One page of approved teams, oldest first, by part of the name (taken literally), a region code and the parent. */
export async function searchApprovedOrgs(
  f: { keyword?: string; regionCode?: string; parentId?: string },
  page: number,
  pageSize: number,
): Promise<{ items: OrgDoc[]; total: number }> {
  const db = database();
  const _ = db.command;
  const conditions: object[] = [{ status: 'approved' }];
  if (f.keyword) conditions.push({ name: db.RegExp({ regexp: escapeRegExp(f.keyword), options: 'i' }) });
  if (f.regionCode)
    conditions.push(_.or([{ 'region.province': f.regionCode }, { 'region.city': f.regionCode }, { 'region.county': f.regionCode }]));
  if (f.parentId) conditions.push({ parentId: f.parentId });
  const where = _.and(conditions);
  const coll = db.collection(C.orgs);
  const [list, count] = await Promise.all([
    unwrap(
      coll
        .where(where)
        .orderBy('createdAt', 'asc')
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .get(),
    ),
    unwrap(coll.where(where).count()),
  ]);
  return { items: list.data as OrgDoc[], total: count.total };
}

/** The oldest `limit` pending team applications among the cases `decides` covers, with their count (none when it covers nothing). */
export async function pendingApplicationsDecided(decides: readonly Decides[], limit: number): Promise<{ items: OrgDoc[]; total: number }> {
  const where = pendingDecidable(decides, 'parentId', 'applicantOpenid');
  if (!where) return { items: [], total: 0 };
  const coll = database().collection(C.orgs);
  const [list, count] = await Promise.all([
    unwrap(coll.where(where).orderBy('createdAt', 'asc').limit(limit).get()),
    unwrap(coll.where(where).count()),
  ]);
  return { items: list.data as OrgDoc[], total: count.total };
}

/** How many team applications `decides` covers (首页's to-do count). */
export async function countPendingApplicationsDecided(decides: readonly Decides[]): Promise<number> {
  const where = pendingDecidable(decides, 'parentId', 'applicantOpenid');
  return where ? (await unwrap(database().collection(C.orgs).where(where).count())).total : 0;
}

export async function findMembership(id: string): Promise<MembershipDoc | undefined> {
  const res = await unwrap(database().collection(C.memberships).doc(id).get());
  return (res.data as MembershipDoc[])[0];
}

export async function membershipsOf(openid: string): Promise<MembershipDoc[]> {
  // A volunteer holds at most 5 live memberships; past ones are few. 100 is the server's page size.
  const res = await unwrap(database().collection(C.memberships).where({ openid }).orderBy('appliedAt', 'asc').limit(100).get());
  return res.data as MembershipDoc[];
}

/** The teams `openid` applied to register (队伍注册) that are still under review, oldest first. */
export async function pendingRegistrationsOf(openid: string): Promise<OrgDoc[]> {
  // At most 5: a pending application holds one of the applicant's 5 team places.
  const res = await unwrap(
    database().collection(C.orgs).where({ applicantOpenid: openid, status: 'pending' }).orderBy('createdAt', 'asc').limit(5).get(),
  );
  return res.data as OrgDoc[];
}

/**
 * The caller's approved leader/admin roles: what every permission rule is decided on. A frozen account's memberships
 * carry `frozen: true` (app/user/appeal-freeze): they grant nothing, with no extra read here.
 */
export async function managerGrants(openid: string | undefined): Promise<Grant[]> {
  if (!openid) return [];
  const res = await unwrap(database().collection(C.memberships).where(grantsWhere(openid)).limit(GRANTS_READ).get());
  return (res.data as MembershipDoc[]).map((m) => ({ orgId: m.orgId, role: m.role }));
}

/** The memberships managerGrants reads (at most GRANTS_READ of them). */
function grantsWhere(openid: string) {
  const _ = database().command;
  return { openid, status: 'approved', role: _.in(['leader', 'admin']), frozen: _.neq(true) };
}
const GRANTS_READ = 100;

/**
 * A team and the caller's grants in one request (app/access's checks): the team by id, the caller's memberships
 * joined as managerGrants reads them. No team: undefined, and no grants (nothing to check them against).
 */
export async function orgWithGrants(orgId: string, openid: string | undefined): Promise<{ org?: OrgDoc; grants: Grant[] }> {
  if (!openid) return { org: await findOrg(orgId), grants: [] };
  const res = await unwrap(
    database()
      .collection(C.orgs)
      .aggregate()
      .match({ _id: orgId })
      .limit(1)
      .lookup({
        from: C.memberships,
        pipeline: database()
          .command.aggregate.pipeline()
          .match(grantsWhere(openid))
          .limit(GRANTS_READ)
          .project({ orgId: 1, role: 1 })
          .done(),
        as: 'callerGrants',
      })
      .end(),
  );
  const row = ((res as { data?: (OrgDoc & { callerGrants: Pick<MembershipDoc, 'orgId' | 'role'>[] })[] }).data ?? [])[0];
  if (!row || row._id !== orgId) return { grants: [] };
  const { callerGrants, ...org } = row;
  return { org, grants: callerGrants.map((m) => ({ orgId: m.orgId, role: m.role })) };
}

export async function countMembers(orgId: string, status: MembershipStatus = 'approved'): Promise<number> {
  return (await unwrap(database().collection(C.memberships).where({ orgId, status }).count())).total;
}

/** Whether the volunteer is the approved leader of any team. */
export async function leadsAnyTeam(openid: string): Promise<boolean> {
  const res = await unwrap(database().collection(C.memberships).where({ openid, role: 'leader', status: 'approved' }).count());
  return res.total > 0;
}

/** One page of a team's memberships (in one state, or all), newest application first. */
export async function pageMemberships(
  orgId: string,
  status: MembershipStatus | undefined,
  page: number,
  pageSize: number,
): Promise<{ items: MembershipDoc[]; total: number }> {
  const where = status ? { orgId, status } : { orgId };
  const coll = database().collection(C.memberships);
  const [list, count] = await Promise.all([
    unwrap(
      coll
        .where(where)
        .orderBy('appliedAt', 'desc')
        .orderBy('_id', 'asc')
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .get(),
    ),
    unwrap(coll.where(where).count()),
  ]);
  return { items: list.data as MembershipDoc[], total: count.total };
}

/** The oldest `limit` pending applications to these teams, with their count. */
export async function pendingMembershipsIn(orgIds: string[], limit: number): Promise<{ items: MembershipDoc[]; total: number }> {
  const where = { orgId: database().command.in(orgIds), status: 'pending' };
  const coll = database().collection(C.memberships);
  const [list, count] = await Promise.all([
    unwrap(coll.where(where).orderBy('appliedAt', 'asc').limit(limit).get()),
    unwrap(coll.where(where).count()),
  ]);
  return { items: list.data as MembershipDoc[], total: count.total };
}

/** How many applications to these teams wait (首页's to-do count). */
export async function countPendingMembershipsIn(orgIds: string[]): Promise<number> {
  if (orgIds.length === 0) return 0;
  const where = { orgId: database().command.in(orgIds), status: 'pending' };
  return (await unwrap(database().collection(C.memberships).where(where).count())).total;
}

/** Creates the membership; false when it exists already (a concurrent write of the same volunteer and team). */
export const insertMembership = (doc: MembershipDoc): Promise<boolean> =>
  writtenUnlessDuplicate(
    database()
      .collection(C.memberships)
      .add({ ...doc, updatedAt: now() }),
  );

/**
 * Sets `patch` (and removes the `unset` fields) on the membership only if it is still in the `expected` state; false
 * if someone changed it first.
 */
export async function updateMembershipIf(
  id: string,
  expected: Partial<Pick<MembershipDoc, 'status' | 'role' | 'orgId'>>,
  patch: object,
  unset: readonly (keyof MembershipDoc)[] = [],
): Promise<boolean> {
  const _ = database().command;
  const write = { ...patch, updatedAt: now(), ...Object.fromEntries(unset.map((k) => [k, _.remove()])) };
  const res = await unwrap(
    database()
      .collection(C.memberships)
      .where({ _id: id, ...expected })
      .update(write),
  );
  return res.updated === 1;
}

/** An upheld identity appeal: the account's memberships grant nothing more (managerGrants skips them); records stay. */
export async function freezeMembershipsOf(openid: string): Promise<void> {
  await unwrap(database().collection(C.memberships).where({ openid }).update({ frozen: true }));
}

// ---- Counters: `liveMemberships` on the volunteer, `adminCount` on the team ----
// Taken with one conditional update (`field < limit` → +1), so concurrent requests can never pass the limit.
// Released inside the transaction that ends the membership (releaseInTx), so a release happens exactly once.
// Documents written before a counter existed (registration, 集体注册, seed data) get it on first use, counted from the records.

async function takeSlot(collection: string, id: string, field: string, limit: number, recount: () => Promise<number>): Promise<boolean> {
  const db = database();
  const _ = db.command;
  const coll = db.collection(collection);
  const taken = await unwrap(coll.where({ _id: id, [field]: _.lt(limit) }).update({ [field]: _.inc(1) }));
  if (taken.updated === 1) return true;
  // Either this request or a concurrent one sets the missing counter; then the limit decides.
  await unwrap(coll.where({ _id: id, [field]: _.exists(false) }).update({ [field]: await recount() }));
  const retaken = await unwrap(coll.where({ _id: id, [field]: _.lt(limit) }).update({ [field]: _.inc(1) }));
  return retaken.updated === 1;
}

/** Gives a slot back outside a transaction: the compensation when the write that needed it failed. */
async function releaseSlot(collection: string, id: string, field: string): Promise<void> {
  const _ = database().command;
  await unwrap(
    database()
      .collection(collection)
      .where({ _id: id, [field]: _.gt(0) })
      .update({ [field]: _.inc(-1) }),
  );
}

/** Gives a slot back inside the transaction that ends the membership or the role. */
async function releaseInTx(tx: Tx, collection: string, id: string, field: string): Promise<void> {
  const doc = (await unwrap(tx.collection(collection).doc(id).get())).data as Record<string, unknown> | null;
  const current = doc?.[field];
  // A missing counter is counted from the records on first use, which already show the membership as ended.
  if (typeof current === 'number' && current > 0)
    await unwrap(
      tx
        .collection(collection)
        .doc(id)
        .update({ [field]: current - 1 }),
    );
}

async function countLiveOf(openid: string): Promise<number> {
  const db = database();
  const _ = db.command;
  const [memberships, applications] = await Promise.all([
    unwrap(
      db
        .collection(C.memberships)
        .where({ openid, status: _.in(LIVE) })
        .count(),
    ),
    // A team application holds a slot until reviewed: its applicant becomes the leader, a member, on approval.
    unwrap(db.collection(C.orgs).where({ applicantOpenid: openid, status: 'pending' }).count()),
  ]);
  return memberships.total + applications.total;
}

/** One of the volunteer's 5 teams (a pending or approved membership, or a pending team application). */
export const takeMembershipSlot = (openid: string) =>
  takeSlot(C.volunteers, openid, 'liveMemberships', MEMBERSHIP_LIMIT, () => countLiveOf(openid));
export const releaseMembershipSlot = (openid: string) => releaseSlot(C.volunteers, openid, 'liveMemberships');
export const releaseMembershipSlotInTx = (tx: Tx, openid: string) => releaseInTx(tx, C.volunteers, openid, 'liveMemberships');

/** One of the team's 5 admin seats. */
export const takeAdminSlot = (orgId: string) =>
  takeSlot(
    C.orgs,
    orgId,
    'adminCount',
    ADMIN_LIMIT,
    async () => (await unwrap(database().collection(C.memberships).where({ orgId, status: 'approved', role: 'admin' }).count())).total,
  );
export const releaseAdminSlot = (orgId: string) => releaseSlot(C.orgs, orgId, 'adminCount');
export const releaseAdminSlotInTx = (tx: Tx, orgId: string) => releaseInTx(tx, C.orgs, orgId, 'adminCount');

/**
 * Name, phone, 志愿者编号 and 全国志愿者统一编号 of the people behind memberships (members lists, rosters, the inbox): the phone decrypted
 * here for the caller to mask (or show in full where allowed); never the ID number. '' for a withdrawn volunteer's phone.
 */
export async function contactsOf(
  openids: string[],
): Promise<Map<string, { realName: string; phone: string; volunteerNo?: string; nationalVolunteerId?: string }>> {
  const ids = [...new Set(openids)];
  if (ids.length === 0) return new Map();
  const db = database();
  const res = await unwrap(
    db
      .collection(C.volunteers)
      .where({ _id: db.command.in(ids) })
      .field({ realName: true, phoneEnc: true, volunteerNo: true, nationalVolunteerId: true })
      .limit(ids.length)
      .get(),
  );
  return new Map(
    (res.data as { _id: string; realName: string; phoneEnc?: string; volunteerNo?: string; nationalVolunteerId?: string }[]).map((v) => [
      v._id,
      {
        realName: v.realName,
        phone: openPhone(v),
        ...(v.volunteerNo ? { volunteerNo: v.volunteerNo } : {}),
        ...(v.nationalVolunteerId ? { nationalVolunteerId: v.nationalVolunteerId } : {}),
      },
    ]),
  );
}
