// A complaint as its caller may see it: the complainant and the handling team see it whole (the phone too); the team
// complained about sees it only once shared, without the phone, and without the name when the complainant asked.
// Who may see it at all, and what they may do with it, is decided here.
import type { ComplaintView } from '@contract/complaint';
import { openPhone } from '../../adapters/pii-cipher';
import { managerGrants, membershipsOf } from '../../db/org.repository';
import type { ComplaintDoc } from '../../db/complaint.repository';
import { canManage, type Grant } from '../../domain/org-access';
import { isOverdue, mayAnswer } from '../../domain/complaint';
import { toIso } from '../../domain/shanghai-time';

/** The caller as the complaint rules see them: their openid, leader/admin grants and approved teams. */
export interface ComplaintViewer {
  openid: string;
  grants: Grant[];
  /** Every team the caller is an approved member of, in any role (a member of the team complained about judges nothing of it). */
  memberOf: Set<string>;
}

export async function complaintViewer(openid: string): Promise<ComplaintViewer> {
  const [grants, memberships] = await Promise.all([managerGrants(openid), membershipsOf(openid)]);
  return { openid, grants, memberOf: new Set(memberships.filter((m) => m.status === 'approved').map((m) => m.orgId)) };
}

export const isComplainant = (c: ComplaintDoc, v: ComplaintViewer) => c.complainantOpenid === v.openid;
export const handlesIt = (c: ComplaintDoc, v: ComplaintViewer) => canManage(v.grants, { _id: c.handlerOrgId });
/** A manager of the team complained about, once the handler shared it. */
export const sharedWith = (c: ComplaintDoc, v: ComplaintViewer) => c.shared && canManage(v.grants, { _id: c.targetOrgId });
export const maySee = (c: ComplaintDoc, v: ComplaintViewer) => isComplainant(c, v) || handlesIt(c, v) || sharedWith(c, v);

/** The answer rule for this caller: allowed, forbidden, or self (a member of the team complained about). */
export const answerVerdict = (c: ComplaintDoc, v: ComplaintViewer) =>
  mayAnswer({ grants: v.grants, handlerOrgId: c.handlerOrgId, targetOrgId: c.targetOrgId, memberOfTarget: v.memberOf.has(c.targetOrgId) });

export function complaintView(c: ComplaintDoc, v: ComplaintViewer, now: Date): ComplaintView {
  const whole = isComplainant(c, v) || handlesIt(c, v);
  const showName = whole || !c.anonymousToTeam;
  const judges = answerVerdict(c, v) === 'allowed';
  return {
    complaintId: c._id,
    targetOrgId: c.targetOrgId,
    targetOrgName: c.targetOrgName,
    ...(c.activityId ? { activityId: c.activityId, activityTitle: c.activityTitle } : {}),
    category: c.category,
    content: c.content,
    ...(showName ? { contactName: c.contactName } : {}),
    ...(whole ? { contactPhone: openPhone(c) } : {}),
    anonymousToTeam: c.anonymousToTeam,
    status: c.status,
    handlerOrgId: c.handlerOrgId,
    handlerOrgName: c.handlerOrgName,
    answerDueAt: toIso(new Date(c.answerDueAt)),
    overdue: isOverdue(c.status, new Date(c.answerDueAt), now),
    ...(c.answer ? { answer: { text: c.answer.text, orgName: c.answer.orgName, at: toIso(new Date(c.answer.at)) } } : {}),
    shared: c.shared,
    createdAt: toIso(new Date(c.createdAt)),
    history: c.history.map(({ by: _by, ...s }) => ({ ...s, at: toIso(new Date(s.at)) })),
    can: { answer: judges && c.status === 'open', share: judges },
  };
}
