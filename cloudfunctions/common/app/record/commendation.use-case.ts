// record.commend / commendationInbox / reviewCommendation: a team's leader or admin records a commendation of a
// volunteer, team or activity at or below their team; the leaders and admins one level up approve or reject it (the
// root's own other managers for the root) — never the recorder, the volunteer commended or a manager of the team commended.
import { randomBytes } from 'node:crypto';
import type {
  RecordCommendationListOutput,
  RecordCommendationOutput,
  RecordCommendInput,
  RecordReviewCommendationInput,
} from '@contract/commendation';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { fileStorage } from '../../adapters';
import { findActivity } from '../../db/activity.repository';
import {
  decideCommendationIf,
  findCommendation,
  insertCommendation,
  pendingCommendationsFor,
  type CommendationDoc,
} from '../../db/commendation.repository';
import { findOrg, findOrgsByIds, managerGrants, membershipsOf, type OrgDoc } from '../../db/org.repository';
import { findVolunteer } from '../../db/volunteer.repository';
import { commendationDateAllowed, commendationRouting, mayReviewCommendation } from '../../domain/commendation';
import type { Grant } from '../../domain/org-access';
import { shanghaiDate } from '../../domain/shanghai-time';
import { acceptedPicture } from '../picture';
import { commendationView, commendationViews } from './commendation-view';
import { notifyCommendationReviewed } from './commendation-notify';

const RECORD_FORBIDDEN = '只有本队及上级队伍的负责人或管理员可以为其队员、队伍或活动记录表彰';
const REVIEW_FORBIDDEN = '只有上一级队伍的负责人或管理员可以审核表彰';
const SELF_REVIEW = '此表彰由您记录，或涉及您本人、您管理的队伍，须由审核队伍的其他负责人或管理员审核';

interface Subject {
  kind: CommendationDoc['subjectKind'];
  openid?: string;
  activityId?: string;
  name: string;
  /** The teams it belongs to (a volunteer's approved teams; one otherwise). */
  teams: OrgDoc[];
}

async function loadSubject(input: RecordCommendInput['subject']): Promise<Subject> {
  if ('openid' in input) {
    const person = await findVolunteer(input.openid);
    if (!person || person.withdrawnAt) throw new AppError(ErrorCode.AUTH_FORBIDDEN, RECORD_FORBIDDEN);
    const memberships = (await membershipsOf(input.openid)).filter((m) => m.status === 'approved');
    const teams = (await findOrgsByIds(memberships.map((m) => m.orgId))).filter((o) => o.status === 'approved');
    return { kind: 'volunteer', openid: input.openid, name: person.realName, teams };
  }
  if ('orgId' in input) {
    const org = await findOrg(input.orgId);
    if (!org || org.status !== 'approved') throw new AppError(ErrorCode.ORG_NOT_FOUND);
    return { kind: 'team', name: org.name, teams: [org] };
  }
  const activity = await findActivity(input.activityId);
  const org = activity ? await findOrg(activity.orgId) : undefined;
  if (!activity || !org) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  return { kind: 'activity', activityId: activity._id, name: activity.title, teams: [org] };
}

export async function commend(input: RecordCommendInput, ctx: Ctx): Promise<RecordCommendationOutput> {
  const openid = requireOpenid(ctx);
  if (!commendationDateAllowed(input.date, shanghaiDate(ctx.now))) throw new AppError(ErrorCode.COMMENDATION_DATE_IN_FUTURE);
  const picture = input.document ? acceptedPicture(input.document) : undefined;
  const [grants, subject] = await Promise.all([managerGrants(openid), loadSubject(input.subject)]);
  const routing = commendationRouting(grants, subject.teams);
  if (!routing) throw new AppError(ErrorCode.AUTH_FORBIDDEN, RECORD_FORBIDDEN);
  const subjectTeam = subject.teams.find((t) => t._id === routing.subjectTeam._id) as OrgDoc;
  const names = new Map((await findOrgsByIds([routing.recordingOrgId, routing.reviewOrgId])).map((o) => [o._id, o.name]));

  const _id = randomBytes(16).toString('hex');
  const storage = fileStorage();
  const document = picture
    ? {
        fileId: await storage.upload(`commendations/${_id}.${picture.extension}`, picture.bytes),
        contentType: picture.type,
        size: picture.bytes.length,
      }
    : undefined;
  const doc: CommendationDoc = {
    _id,
    subjectKind: subject.kind,
    ...(subject.openid ? { subjectOpenid: subject.openid } : {}),
    ...(subject.activityId ? { subjectActivityId: subject.activityId } : {}),
    subjectOrgId: subjectTeam._id,
    subjectTeams: [...subjectTeam.path, subjectTeam._id],
    subjectName: subject.name,
    subjectOrgName: subjectTeam.name,
    title: input.title,
    level: input.level,
    issuer: input.issuer,
    date: input.date,
    status: 'pending',
    orgId: routing.recordingOrgId,
    orgName: names.get(routing.recordingOrgId) ?? '',
    reviewOrgId: routing.reviewOrgId,
    reviewOrgName: names.get(routing.reviewOrgId) ?? '',
    recordedBy: openid,
    ...(document ? { document } : {}),
    createdAt: ctx.now,
  };
  try {
    await insertCommendation(doc);
  } catch (err) {
    if (document)
      await storage.remove([document.fileId]).catch((e: unknown) => console.error(`[record] ${document.fileId} left behind`, e));
    throw err;
  }
  return { commendation: await commendationView(doc) };
}

const reviewable = (grants: readonly Grant[], openid: string, c: CommendationDoc) => mayReviewCommendation(grants, openid, c) === 'allowed';

/** The pending commendations the caller may decide (the teams they manage review them; none of their own). */
export async function commendationInbox(_input: unknown, ctx: Ctx): Promise<RecordCommendationListOutput> {
  const openid = requireOpenid(ctx);
  const grants = await managerGrants(openid);
  const pending = await pendingCommendationsFor(grants.map((g) => g.orgId));
  return { items: await commendationViews(pending.filter((c) => reviewable(grants, openid, c))) };
}

export async function reviewCommendation(input: RecordReviewCommendationInput, ctx: Ctx): Promise<RecordCommendationOutput> {
  const openid = requireOpenid(ctx);
  const doc = await findCommendation(input.commendationId);
  if (!doc) throw new AppError(ErrorCode.COMMENDATION_NOT_FOUND);
  const verdict = mayReviewCommendation(await managerGrants(openid), openid, doc);
  if (verdict === 'forbidden') throw new AppError(ErrorCode.AUTH_FORBIDDEN, REVIEW_FORBIDDEN);
  if (verdict === 'self') throw new AppError(ErrorCode.AUTH_SELF_DEALING, SELF_REVIEW);
  if (doc.status !== 'pending') throw new AppError(ErrorCode.COMMENDATION_DECIDED);
  const approve = input.decision === 'approve';
  const patch: Partial<CommendationDoc> = approve
    ? { status: 'approved', reviewedAt: ctx.now, reviewedBy: openid }
    : { status: 'rejected', rejectReason: input.reason, reviewedAt: ctx.now, reviewedBy: openid };
  // One conditional update: of two reviewers at once, one decides and the other is told it is decided.
  if (!(await decideCommendationIf(doc._id, patch))) throw new AppError(ErrorCode.COMMENDATION_DECIDED);
  const decided = { ...doc, ...patch };
  await notifyCommendationReviewed(decided, approve, input.reason, ctx.now);
  return { commendation: await commendationView(decided) };
}
