// org.inbox / org.managed: the teams a leader/admin manages, with what waits for their review (members, teams,
// corrections of day records). Teams and corrections are exactly what the caller may decide under four-eyes: never
// their own, and a child team's where it has no other manager (app/org/decidable).
import type { OrgInboxOutput, OrgManagedOutput } from '../../../../types/org';
import { requireOpenid, type Ctx } from '../../handler';
import { database } from '../../cloud';
import { C } from '../../db/collections';
import { unwrap } from '../../db/db-result';
import { contactsOf, findOrgsByIds, managerGrants, type MembershipDoc, type OrgDoc } from '../../db/org.repository';
import type { CorrectionDoc } from '../../db/checkin.repository';
import { titlesOf } from '../../db/activity.repository';
import { toIso } from '../../domain/shanghai-time';
import { roleIn } from '../../domain/org-access';
import { decidableWhere, decidingTeams } from './decidable';
import { memberViews } from './member-view';
import { orgView } from './org-view';

/** Each list shows the oldest 100 waiting; the counts are complete. */
const INBOX_PAGE = 100;

export async function inbox(_input: unknown, ctx: Ctx): Promise<OrgInboxOutput> {
  const openid = requireOpenid(ctx);
  const grants = await managerGrants(openid);
  const managed = grants.map((g) => g.orgId);
  if (managed.length === 0) return { members: [], orgs: [], corrections: [], counts: { members: 0, orgs: 0, corrections: 0, total: 0 } };
  const decides = await decidingTeams(openid, grants);
  const db = database();
  const _ = db.command;
  const pending = (decidable: object | undefined) => (decidable ? _.and([{ status: 'pending' }, decidable]) : undefined);
  const memberWhere = { orgId: _.in(managed), status: 'pending' };
  const orgWhere = pending(decidableWhere(decides, 'parentId', 'applicantOpenid'));
  const correctionWhere = pending(decidableWhere(decides, 'orgId', 'openid'));
  const none = Promise.resolve({ data: [] as unknown[] });
  const noCount = Promise.resolve({ total: 0 });
  const [pendingMembers, memberCount, pendingOrgs, orgCount, pendingCorrections, correctionCount] = await Promise.all([
    unwrap(db.collection(C.memberships).where(memberWhere).orderBy('appliedAt', 'asc').limit(INBOX_PAGE).get()),
    unwrap(db.collection(C.memberships).where(memberWhere).count()),
    orgWhere ? unwrap(db.collection(C.orgs).where(orgWhere).orderBy('createdAt', 'asc').limit(INBOX_PAGE).get()) : none,
    orgWhere ? unwrap(db.collection(C.orgs).where(orgWhere).count()) : noCount,
    correctionWhere ? unwrap(db.collection(C.corrections).where(correctionWhere).orderBy('createdAt', 'asc').limit(INBOX_PAGE).get()) : none,
    correctionWhere ? unwrap(db.collection(C.corrections).where(correctionWhere).count()) : noCount,
  ]);
  const corrections = pendingCorrections.data as CorrectionDoc[];
  const [people, titles] = await Promise.all([contactsOf(corrections.map((c) => c.openid)), titlesOf(corrections.map((c) => c.activityId))]);
  // Every managed team is a deciding team (for all but the caller), and so is a child team decided from here.
  const names = new Map(decides.map((d) => [d.team._id, d.name]));
  const memberships = pendingMembers.data as MembershipDoc[];
  const views = await memberViews(memberships);
  return {
    members: views.map((v, i) => ({ ...v, orgId: memberships[i].orgId, orgName: names.get(memberships[i].orgId) ?? '' })),
    // The reviewers manage the parent, not the applying team: its contact phone stays masked.
    orgs: (pendingOrgs.data as OrgDoc[]).map((o) => orgView(o)),
    corrections: corrections.map((c) => ({
      correctionId: c._id,
      orgId: c.orgId,
      orgName: names.get(c.orgId) ?? '',
      activityId: c.activityId,
      title: titles.get(c.activityId) ?? '',
      realName: people.get(c.openid)?.realName ?? '',
      date: c.date,
      note: c.note,
      createdAt: toIso(new Date(c.createdAt)),
    })),
    counts: {
      members: memberCount.total,
      orgs: orgCount.total,
      corrections: correctionCount.total,
      total: memberCount.total + orgCount.total + correctionCount.total,
    },
  };
}

export async function managed(_input: unknown, ctx: Ctx): Promise<OrgManagedOutput> {
  const openid = requireOpenid(ctx);
  const grants = await managerGrants(openid);
  const orgs = await findOrgsByIds(grants.map((g) => g.orgId));
  return {
    items: orgs
      .filter((o) => o.status === 'approved')
      .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime())
      .map((o) => ({ ...orgView(o, { showContact: true }), role: roleIn(grants, o._id) ?? 'member' })),
  };
}
