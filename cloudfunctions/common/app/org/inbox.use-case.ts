// org.inbox / org.managed: the teams a leader/admin manages, with what waits for their review (members, teams,
// corrections of day records). Teams and corrections are exactly what the caller may decide under four-eyes: never
// their own, and a child team's where it has no other manager (app/access decidingTeams).
import type { OrgInboxOutput, OrgManagedOutput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import {
  contactsOf,
  countPendingApplicationsDecided,
  countPendingMembershipsIn,
  findOrgsByIds,
  managerGrants,
  pendingApplicationsDecided,
  pendingMembershipsIn,
} from '../../db/org.repository';
import { countPendingCorrectionsDecided, pendingCorrectionsDecided } from '../../db/correction.repository';
import type { Grant } from '../../domain/org-access';
import type { HomeTodo } from '@contract/home';
import { titlesOf } from '../../db/activity.repository';
import { toIso } from '../../domain/shanghai-time';
import { roleIn } from '../../domain/org-access';
import { decidingTeams } from '../access';
import { memberViews } from './member-view';
import { applicantProfiles } from './applicant-profile';
import { orgView } from './org-view';

/** Each list shows the oldest 100 waiting; the counts are complete. */
const INBOX_PAGE = 100;

export async function inbox(_input: unknown, ctx: Ctx): Promise<OrgInboxOutput> {
  const openid = requireOpenid(ctx);
  const grants = await managerGrants(openid);
  const managed = grants.map((g) => g.orgId);
  if (managed.length === 0) return { members: [], orgs: [], corrections: [], counts: { members: 0, orgs: 0, corrections: 0, total: 0 } };
  const decides = await decidingTeams(openid, grants);
  // At most six requests at once: each list and its count.
  const [members, orgs, pendingCorrections] = await Promise.all([
    pendingMembershipsIn(managed, INBOX_PAGE),
    pendingApplicationsDecided(decides, INBOX_PAGE),
    pendingCorrectionsDecided(decides, INBOX_PAGE),
  ]);
  const corrections = pendingCorrections.items;
  const [people, titles] = await Promise.all([
    contactsOf(corrections.map((c) => c.openid)),
    titlesOf(corrections.map((c) => c.activityId)),
  ]);
  // Every managed team is a deciding team (for all but the caller), and so is a child team decided from here.
  const names = new Map(decides.map((d) => [d.team._id, d.name]));
  const memberships = members.items;
  // Only applications to teams the caller manages are listed: their profiles are the reviewers' to see.
  const [views, profiles] = await Promise.all([memberViews(memberships), applicantProfiles(memberships, ctx.now)]);
  return {
    members: views.map((v, i) => ({
      ...v,
      orgId: memberships[i].orgId,
      orgName: names.get(memberships[i].orgId) ?? '',
      profile: profiles[i],
    })),
    // The reviewers manage the parent, not the applying team: its contact phone stays masked.
    orgs: orgs.items.map((o) => orgView(o)),
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
      members: members.total,
      orgs: orgs.total,
      corrections: pendingCorrections.total,
      total: members.total + orgs.total + pendingCorrections.total,
    },
  };
}

/** The inbox's counts alone (首页): the same cases, counted; null for someone who manages no team. */
export async function inboxCounts(openid: string, grants: readonly Grant[]): Promise<Omit<HomeTodo, 'needs'> | null> {
  if (grants.length === 0) return null;
  const decides = await decidingTeams(openid, grants);
  const [members, orgs, corrections] = await Promise.all([
    countPendingMembershipsIn(grants.map((g) => g.orgId)),
    countPendingApplicationsDecided(decides),
    countPendingCorrectionsDecided(decides),
  ]);
  return { members, orgs, corrections, total: members + orgs + corrections };
}

export async function managed(_input: unknown, ctx: Ctx): Promise<OrgManagedOutput> {
  const openid = requireOpenid(ctx);
  const grants = await managerGrants(openid);
  const orgs = await findOrgsByIds(grants.map((g) => g.orgId));
  return {
    items: orgs
      .filter((o) => o.status === 'approved')
      .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime())
      .map((o) => ({
        ...orgView(o, { showContact: true }),
        role: roleIn(grants, o._id) ?? 'member',
        needSelfService: o.needSelfService === true,
      })),
  };
}
