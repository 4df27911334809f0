// 表彰奖励 as stored: one document per commendation, pending until one conditional update on `status` decides it (two
// reviewers at once: one update matches, the other finds it decided). Names are copied in so lists need no joins.
import type { CommendationLevel, CommendationStatus, CommendationSubjectKind } from '@contract/commendation';
import type { PhotoType } from '@contract/photo';
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';
import { pageAll } from './checkin.repository';

export interface CommendationDoc {
  _id: string;
  subjectKind: CommendationSubjectKind;
  subjectOpenid?: string;
  subjectActivityId?: string;
  /** The subject's team (the volunteer's team it was recorded through, the team, the activity's team). */
  subjectOrgId: string;
  /** The subject's team and every team above it: a subtree's commendations are found by its top. */
  subjectTeams: string[];
  subjectName: string;
  subjectOrgName: string;
  title: string;
  level: CommendationLevel;
  issuer: string;
  /** The day conferred (YYYY-MM-DD). */
  date: string;
  status: CommendationStatus;
  /** The recording team and the team one level up that reviews it. */
  orgId: string;
  orgName: string;
  reviewOrgId: string;
  reviewOrgName: string;
  recordedBy: string;
  document?: { fileId: string; contentType: PhotoType; size: number };
  createdAt: Date;
  reviewedAt?: Date;
  reviewedBy?: string;
  rejectReason?: string;
}

const PAGE = 1000;
/** The inbox shows the oldest this many. */
const INBOX_PAGE = 100;
const commendations = () => database().collection(C.commendations);

export async function insertCommendation(doc: CommendationDoc): Promise<void> {
  await unwrap(commendations().add(doc));
}

export async function findCommendation(id: string): Promise<CommendationDoc | undefined> {
  const res = await unwrap(commendations().doc(id).get());
  return (res.data as CommendationDoc[])[0];
}

/** Decides a pending commendation: false when it was decided already (another reviewer came first). */
export async function decideCommendationIf(id: string, patch: Partial<CommendationDoc>): Promise<boolean> {
  const res = await unwrap(commendations().where({ _id: id, status: 'pending' }).update(patch));
  return res.updated === 1;
}

/** The pending commendations these teams review, oldest first. */
export async function pendingCommendationsFor(reviewOrgIds: readonly string[]): Promise<CommendationDoc[]> {
  if (reviewOrgIds.length === 0) return [];
  const _ = database().command;
  const res = await unwrap(
    commendations()
      .where({ reviewOrgId: _.in([...reviewOrgIds]), status: 'pending' })
      .orderBy('createdAt', 'asc')
      .limit(INBOX_PAGE)
      .get(),
  );
  return res.data as CommendationDoc[];
}

const newestFirst = (list: CommendationDoc[]) =>
  list.sort((a, b) => b.date.localeCompare(a.date) || new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());

async function approvedWhere(where: Record<string, unknown>): Promise<CommendationDoc[]> {
  const list = await pageAll<CommendationDoc>((skip) =>
    commendations()
      .where({ ...where, status: 'approved' })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get(),
  );
  return newestFirst(list);
}

/** A volunteer's approved commendations, newest first. */
export const approvedOfVolunteer = (openid: string) => approvedWhere({ subjectOpenid: openid });

/** A team's approved commendations of itself and of its activities, newest first. */
export function approvedOfTeam(orgId: string): Promise<CommendationDoc[]> {
  const _ = database().command;
  return approvedWhere({ subjectOrgId: orgId, subjectKind: _.in(['team', 'activity']) });
}

export const approvedOfActivity = (activityId: string) => approvedWhere({ subjectActivityId: activityId });

/** The approved commendations conferred within [from, to] on anyone or anything in `orgId`'s subtree (the ranking). */
export async function approvedWithin(orgId: string, from: string, to: string): Promise<Pick<CommendationDoc, '_id' | 'subjectTeams'>[]> {
  const _ = database().command;
  return pageAll((skip) =>
    commendations()
      .where({ status: 'approved', subjectTeams: _.in([orgId]), date: _.and([_.gte(from), _.lte(to)]) })
      .field({ _id: true, subjectTeams: true })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get(),
  );
}
