// 供需对接's needs as stored: the contact phone sealed, the covering team with its ancestors (`coveringPath`, so every
// leader above sees it), the team it was dispatched to, and a history. Every step is one conditional update on `status`.
import { database } from '../cloud';
import { C } from './collections';
import { releaseCounted, takeCounted } from './bounded-counter';
import { unwrap } from './db-result';
import { pageAll } from './checkin.repository';
import type { OrgDoc } from './org.repository';
import type { PhotoDoc } from './activity.repository';
import type { Region } from '@contract/common';
import type { GeoPoint } from '@contract/activity';
import type { ServiceCategory } from '@contract/enums';
import type { NeedInboxBox, NeedStatus, NeedStep, RatingTag, RequesterKind } from '@contract/need';

export interface NeedStepDoc extends Omit<NeedStep, 'at'> {
  at: Date;
  by?: string;
}

export interface NeedDoc {
  _id: string;
  requesterOpenid: string;
  requesterKind: RequesterKind;
  requesterName?: string;
  category: ServiceCategory;
  title: string;
  description: string;
  region: Region;
  address: string;
  location?: GeoPoint;
  preferredFrom: string;
  preferredTo: string;
  audienceSize: number;
  contactName: string;
  phoneEnc: string;
  phoneHash: string;
  status: NeedStatus;
  coveringOrgId: string;
  coveringOrgName: string;
  /** The covering team's ancestors and itself: whoever manages one of them sees the need in 派单. */
  coveringPath: string[];
  /** When an undispatched need moves up to the covering team's parent; absent at the root (nowhere higher). */
  escalateAt?: Date;
  assignedOrgId?: string;
  assignedOrgName?: string;
  /** The team that dispatched it (its leaders hear of a low rating). */
  dispatchedByOrgId?: string;
  activityId?: string;
  closeReason?: string;
  rating?: { stars: number; tags: RatingTag[]; comment?: string; ratedAt: Date };
  history: NeedStepDoc[];
  /** 现场照片 from the 需求方, oldest first (at most NEED_PHOTOS_MAX). */
  photos?: PhotoDoc[];
  postedAt: Date;
  updatedAt: Date;
}

const needs = () => database().collection(C.needs);

export async function findNeed(needId: string): Promise<NeedDoc | undefined> {
  const res = await unwrap(needs().doc(needId).get());
  return (res.data as NeedDoc[])[0];
}

/**
 * Moves a need on if it is still in one of `from`: the one write that decides a race (two leaders dispatching, an
 * accept against a close). The step joins the history in the same write. False when someone else moved it first.
 */
export async function stepNeed(
  needId: string,
  from: readonly NeedStatus[],
  patch: Partial<NeedDoc> & Record<string, unknown>,
  step: NeedStepDoc,
  also: Partial<Pick<NeedDoc, 'coveringOrgId' | 'assignedOrgId'>> = {},
): Promise<boolean> {
  const _ = database().command;
  // A field set to undefined is removed (the assigned team of a declined need, the escalation of a dispatched one).
  const fields = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v === undefined ? _.remove() : v]));
  const res = await unwrap(
    needs()
      .where({ ...also, _id: needId, status: _.in([...from]) })
      .update({ ...fields, updatedAt: step.at, history: _.push([step]) }),
  );
  return res.updated === 1;
}

/**
 * Pushes a 现场照片 onto the need only while it is still the 需求方's, in one of `statuses`, and holds fewer than `max`:
 * the one write that keeps two simultaneous uploads from passing the limit. False when refused.
 */
export async function pushNeedPhotoIf(
  needId: string,
  requesterOpenid: string,
  statuses: readonly NeedStatus[],
  photo: PhotoDoc,
  max: number,
  updatedAt: Date,
): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    needs()
      .where({ _id: needId, requesterOpenid, status: _.in([...statuses]), [`photos.${max - 1}`]: _.exists(false) })
      .update({ photos: _.push([photo]), updatedAt }),
  );
  return res.updated === 1;
}

/** Takes a 现场照片 off the need while it is in one of `statuses`; false when it was not there (any more) or the need moved on. */
export async function pullNeedPhoto(needId: string, photoId: string, statuses: readonly NeedStatus[], updatedAt: Date): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    needs()
      .where({ _id: needId, status: _.in([...statuses]), 'photos.photoId': photoId })
      .update({ photos: _.pull({ photoId }), updatedAt }),
  );
  return res.updated === 1;
}

/** Links the activity published for an accepted need, once: a second publish for the same need is refused. */
export async function linkActivity(needId: string, orgId: string, activityId: string, step: NeedStepDoc): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    needs()
      .where({ _id: needId, status: 'accepted', assignedOrgId: orgId, activityId: _.exists(false) })
      .update({ activityId, updatedAt: step.at, history: _.push([step]) }),
  );
  return res.updated === 1;
}

export async function unlinkActivity(needId: string, activityId: string): Promise<void> {
  const _ = database().command;
  await unwrap(needs().where({ _id: needId, activityId }).update({ activityId: _.remove(), history: _.pop() }));
}

/** The approved teams of a province and the root: the candidates for covering a need there. */
export async function coveringCandidates(province: string, rootId: string | undefined): Promise<OrgDoc[]> {
  const _ = database().command;
  const where = rootId
    ? _.or([{ status: 'approved', 'region.province': province }, { _id: rootId }])
    : { status: 'approved', 'region.province': province };
  return pageAll((skip) => database().collection(C.orgs).where(where).orderBy('createdAt', 'asc').skip(skip).limit(1000).get());
}

/** A page of the 需求方's own needs, newest first, with the total. */
export async function pageNeedsOf(openid: string, skip: number, limit: number): Promise<{ items: NeedDoc[]; total: number }> {
  const [list, count] = await Promise.all([
    unwrap(needs().where({ requesterOpenid: openid }).orderBy('postedAt', 'desc').skip(skip).limit(limit).get()),
    unwrap(needs().where({ requesterOpenid: openid }).count()),
  ]);
  return { items: list.data as NeedDoc[], total: count.total };
}

/** The conditions of one 派单 box for the teams the caller manages. */
function boxWhere(box: NeedInboxBox, managed: readonly string[]): Record<string, unknown> {
  const _ = database().command;
  const ids = _.in([...managed]);
  switch (box) {
    case 'toDispatch':
      return { status: 'open', coveringPath: ids };
    case 'toAccept':
      return { status: 'dispatched', assignedOrgId: ids };
    case 'handling':
      return _.or([
        { status: 'dispatched', coveringPath: ids },
        { status: 'accepted', coveringPath: ids },
        { status: 'accepted', assignedOrgId: ids },
      ]) as unknown as Record<string, unknown>;
    case 'done':
      return _.or([
        { status: _.in(['rated', 'closed']), coveringPath: ids },
        { status: 'rated', assignedOrgId: ids },
      ]) as unknown as Record<string, unknown>;
  }
}

/** One page of a 派单 box, oldest first for the to-dos and newest first otherwise; with the total. */
export async function pageInbox(
  box: NeedInboxBox,
  managed: readonly string[],
  skip: number,
  limit: number,
): Promise<{ items: NeedDoc[]; total: number }> {
  if (managed.length === 0) return { items: [], total: 0 };
  const where = boxWhere(box, managed);
  const order = box === 'toDispatch' || box === 'toAccept' ? 'asc' : 'desc';
  const [list, count] = await Promise.all([
    unwrap(needs().where(where).orderBy('updatedAt', order).skip(skip).limit(limit).get()),
    unwrap(needs().where(where).count()),
  ]);
  return { items: list.data as NeedDoc[], total: count.total };
}

export async function countInbox(box: NeedInboxBox, managed: readonly string[]): Promise<number> {
  if (managed.length === 0) return 0;
  return (await unwrap(needs().where(boxWhere(box, managed)).count())).total;
}

/** 需求广场: open needs whose covering team allows self-service, by region code (any level) and category, oldest first. */
export async function pageSquare(
  f: { coveringIn: readonly string[]; regionCode?: string; category?: ServiceCategory },
  skip: number,
  limit: number,
): Promise<{ items: NeedDoc[]; total: number }> {
  if (f.coveringIn.length === 0) return { items: [], total: 0 };
  const _ = database().command;
  const where: Record<string, unknown> = { status: 'open', coveringOrgId: _.in([...f.coveringIn]) };
  if (f.category) where.category = f.category;
  if (f.regionCode) {
    const level = f.regionCode.endsWith('0000') ? 'province' : f.regionCode.endsWith('00') ? 'city' : 'county';
    where[`region.${level}`] = f.regionCode;
  }
  const [list, count] = await Promise.all([
    unwrap(needs().where(where).orderBy('postedAt', 'asc').skip(skip).limit(limit).get()),
    unwrap(needs().where(where).count()),
  ]);
  return { items: list.data as NeedDoc[], total: count.total };
}

/** Open needs due to move up at `now` (the cron's job), the longest waiting first. */
export async function needsDueToEscalate(now: Date, limit: number): Promise<NeedDoc[]> {
  const _ = database().command;
  const res = await unwrap(
    needs()
      .where({ status: 'open', escalateAt: _.lte(now) })
      .orderBy('escalateAt', 'asc')
      .limit(limit)
      .get(),
  );
  return res.data as NeedDoc[];
}

/**
 * Takes one of the phone's posts for the day (NEED_POSTS_PER_PHONE_DAY): a conditional increment of a counter per
 * phone and day, so simultaneous posts never pass the limit. False when the day's posts are used up.
 */
export const takeNeedPost = (phoneHash: string, day: string, limit: number, at: Date): Promise<boolean> =>
  takeCounted(C.needQuota, `${phoneHash}_${day}`, limit, { day, createdAt: at });

/** Gives a post back when the need was not stored after all. */
export const releaseNeedPost = (phoneHash: string, day: string): Promise<void> => releaseCounted(C.needQuota, `${phoneHash}_${day}`);

export async function setSelfService(orgId: string, allow: boolean): Promise<void> {
  await unwrap(database().collection(C.orgs).doc(orgId).update({ needSelfService: allow }));
}
