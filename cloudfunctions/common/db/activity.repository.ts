// Activities and enrollments as stored: times are Dates (the wire's ISO strings are made in the views).
import { database } from '../cloud';
import { C } from './collections';
import { unwrap, writtenUnlessDuplicate } from './db-result';
import type { Activity, GeoPoint } from '@contract/activity';
import type { ActivityPhase, EnrollmentStatus, ServiceCategory } from '@contract/enums';
import type { PhotoType } from '@contract/photo';
import { phaseQuery } from '../domain/activity-phase';

export type ActivityDoc = Omit<Activity, 'signupStartAt' | 'signupEndAt' | 'createdAt' | 'updatedAt'> & {
  signupStartAt: Date;
  signupEndAt: Date;
  /** The first day's dailyStart and the last day's dailyEnd (Asia/Shanghai), stored for the phase queries. */
  startAt: Date;
  endAt: Date;
  createdAt: Date;
  updatedAt: Date;
  publishedBy: string;
  cancelledAt?: Date;
  /** Shanghai date for which the day-before reminder went out (set once, before sending). */
  remindedFor?: string;
  /** Shanghai date of the last day whose sign-out reminder went out (set once per day, before sending). */
  signOutRemindedFor?: string;
  /** Bumped to revoke every printed check-in code of the activity (the code secret is derived with it). */
  codeVersion?: number;
  /** The activity's short name in 小程序码 scenes (8 base62 characters, claimed in checkin_code_keys); set once. */
  codeKey?: string;
  /** 活动照片, oldest first (at most ACTIVITY_PHOTOS_MAX): the cloud file and who added it when. */
  photos?: PhotoDoc[];
  /** Who recorded servedCount/summary, and when (activity.recordServed). */
  servedRecordedAt?: Date;
  servedRecordedBy?: string;
  /**
   * `location` again as a db.Geo.Point (GeoJSON [lng, lat], GCJ-02), written with every write of `location`: the field
   * the point_2dsphere index covers and 离我最近 queries. Read back, the SDK hands it out as a db.Geo.Point.
   */
  point?: { readonly longitude: number; readonly latitude: number };
};

/** A photo as stored on its owner (an activity, a need): the cloud file and who added it when. */
export interface PhotoDoc {
  photoId: string;
  /** cloud://env.bucket/<activities|needs>/<id>/<photoId>.<ext> */
  fileId: string;
  contentType: PhotoType;
  /** Bytes, decoded. */
  size: number;
  addedBy: string;
  addedAt: Date;
}

export interface EnrollmentDoc {
  /** `${activityId}_${openid}`: one enrollment per volunteer and activity. */
  _id: string;
  activityId: string;
  openid: string;
  status: EnrollmentStatus;
  enrolledAt: Date;
  /** When the volunteer enrolled or joined the waitlist. */
  queuedAt: Date;
  /** Place in the waitlist's order: a ticket drawn from the activity's `waitlistSeq` when joining it (older records: queuedAt, then _id). */
  queueNo?: number;
  promotedAt?: Date;
  cancelledAt?: Date;
  /** 现场报名: the manager who enrolled the volunteer on the spot (or whose SMS invitation they registered from). */
  addedBy?: string;
  /** The volunteer whose share the enrollment came through (never the enrollee; the first share only). */
  sharedBy?: string;
  /** Shanghai date of the last day whose hour-before reminder this volunteer was sent (claimed before sending). */
  startRemindedFor?: string;
}

export const enrollmentId = (activityId: string, openid: string) => `${activityId}_${openid}`;
/** Enrollments that hold a seat or a place in the queue. */
export const LIVE_ENROLLMENT: EnrollmentStatus[] = ['enrolled', 'waitlisted'];
/** The server's largest page. */
const PAGE = 1000;

const activities = () => database().collection(C.activities);
const enrollments = () => database().collection(C.enrollments);

export async function findActivity(activityId: string): Promise<ActivityDoc | undefined> {
  const res = await unwrap(activities().doc(activityId).get());
  return (res.data as ActivityDoc[])[0];
}

export async function findEnrollment(activityId: string, openid: string): Promise<EnrollmentDoc | undefined> {
  const res = await unwrap(enrollments().doc(enrollmentId(activityId, openid)).get());
  return (res.data as EnrollmentDoc[])[0];
}

// ---- Activities ----

/** The stored point of a location: a db.Geo.Point, longitude first. */
const pointOf = (location: GeoPoint) => new (database().Geo.Point)(location.lng, location.lat);

/** A write that sets `location` sets `point` with it. */
function withPoint(write: object): object {
  const { location } = write as { location?: GeoPoint };
  return location ? { ...write, point: pointOf(location) } : write;
}

export async function insertActivity(doc: ActivityDoc): Promise<void> {
  await unwrap(activities().add(withPoint(doc)));
}

/**
 * Sets `patch` only if the activity still matches `expected`; false if it changed first. A patch that changes what a
 * report counts (status, served people, the 回顾) carries `updatedAt`, as every edit does: the statistics' rollups are
 * trusted only while no activity changed after them (stat-rollup.repository). A reminder's claim does not: it is no edit.
 */
export async function updateActivityIf(activityId: string, expected: object, patch: object): Promise<boolean> {
  const res = await unwrap(
    activities()
      .where({ _id: activityId, ...expected })
      .update(withPoint(patch)),
  );
  return res.updated === 1;
}

/**
 * Adds a photo only while the published activity holds fewer than `max`: the condition is that element max-1 does not
 * exist yet, so two uploads at once cannot make max+1. False when refused (full, cancelled or gone).
 */
export async function pushPhotoIf(activityId: string, photo: PhotoDoc, max: number, updatedAt: Date): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    activities()
      .where({ _id: activityId, status: 'published', [`photos.${max - 1}`]: _.exists(false) })
      .update({ photos: _.push([photo]), updatedAt }),
  );
  return res.updated === 1;
}

/** Takes a photo off the activity (and off its 回顾); false when it was not there (any more). */
export async function pullPhoto(activityId: string, photoId: string, updatedAt: Date): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    activities()
      .where({ _id: activityId, 'photos.photoId': photoId })
      .update({ photos: _.pull({ photoId }), recapPhotoIds: _.pull(photoId), updatedAt }),
  );
  return res.updated === 1;
}

/** An edit: sets `patch` only if the activity is still published and, with a new `capacity`, still holds everyone enrolled. */
export async function updatePublishedActivity(activityId: string, patch: object, capacity?: number): Promise<boolean> {
  const expected =
    capacity === undefined ? { status: 'published' } : { status: 'published', enrolledCount: database().command.lte(capacity) };
  return updateActivityIf(activityId, expected, patch);
}

export async function findActivitiesByIds(ids: string[]): Promise<ActivityDoc[]> {
  const unique = [...new Set(ids)];
  const out: ActivityDoc[] = [];
  for (let i = 0; i < unique.length; i += PAGE) {
    const chunk = unique.slice(i, i + PAGE);
    const res = await unwrap(
      activities()
        .where({ _id: database().command.in(chunk) })
        .limit(chunk.length)
        .get(),
    );
    out.push(...(res.data as ActivityDoc[]));
  }
  return out;
}

export interface ActivityFilter {
  /** A province, city or county code. */
  regionCode?: string;
  category?: ServiceCategory;
  phase?: ActivityPhase;
  /** Any of these phases (a group of the square's order). */
  phases?: ActivityPhase[];
  /** Part of the title, taken literally. */
  keyword?: string;
  orgId?: string;
  /** Only published activities that have not ended yet. */
  notEnded?: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The query of a filter at `now` (phases are conditions on the stored startAt/endAt/signupEndAt). */
export function activityFilter(f: ActivityFilter, now: Date): object {
  const db = database();
  const _ = db.command;
  const conditions: object[] = [];
  if (f.phase) conditions.push(phaseQuery(f.phase, now, _));
  if (f.phases) conditions.push(f.phases.length === 1 ? phaseQuery(f.phases[0], now, _) : _.or(f.phases.map((p) => phaseQuery(p, now, _))));
  if (f.notEnded) conditions.push({ status: 'published', endAt: _.gt(now) });
  if (f.regionCode)
    conditions.push(_.or([{ 'region.province': f.regionCode }, { 'region.city': f.regionCode }, { 'region.county': f.regionCode }]));
  if (f.category) conditions.push({ category: f.category });
  if (f.orgId) conditions.push({ orgId: f.orgId });
  if (f.keyword) conditions.push({ title: db.RegExp({ regexp: escapeRegExp(f.keyword), options: 'i' }) });
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? conditions[0] : _.and(conditions);
}

/** One page of activities matching `where`, with the total. */
export async function pageActivities(
  where: object,
  order: [string, 'asc' | 'desc'][],
  page: number,
  pageSize: number,
): Promise<{ items: ActivityDoc[]; total: number }> {
  let query = activities().where(where);
  for (const [field, dir] of order) query = query.orderBy(field, dir);
  const [list, count] = await Promise.all([
    unwrap(
      query
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .get(),
    ),
    unwrap(activities().where(where).count()),
  ]);
  return { items: list.data as ActivityDoc[], total: count.total };
}

/**
 * One page of activities matching `where`, nearest to `near` first, with the total: a $nearSphere query (_.geoNear)
 * on the point_2dsphere index pages with skip/limit at any size of the collection. Activities without a point are
 * not found by it, so the total counts those with one (a near query itself cannot be counted).
 * Two requests, in parallel.
 */
export async function pageActivitiesNear(
  where: object,
  near: GeoPoint,
  page: number,
  pageSize: number,
): Promise<{ items: ActivityDoc[]; total: number }> {
  const _ = database().command;
  const empty = Object.getPrototypeOf(where) === Object.prototype && Object.keys(where).length === 0;
  const also = (condition: object) => (empty ? condition : _.and([where, condition]));
  const [list, count] = await Promise.all([
    unwrap(
      activities()
        .where(also({ point: _.geoNear({ geometry: pointOf(near) }) }))
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .get(),
    ),
    unwrap(
      activities()
        .where(also({ point: _.exists(true) }))
        .count(),
    ),
  ]);
  return { items: list.data as ActivityDoc[], total: count.total };
}

/** How many activities match `where`; `withPoint`: only those with a stored point (what a near query can find). */
export async function countActivities(where: object, opts: { withPoint?: boolean } = {}): Promise<number> {
  const _ = database().command;
  const query = opts.withPoint ? andWhere(where, { point: _.exists(true) }) : where;
  return (await unwrap(activities().where(query).count())).total;
}

/** `limit` activities matching `where` from `skip` on, in `order`, or nearest to `near` first when given. */
export async function sliceActivities(
  where: object,
  order: { near: GeoPoint } | [string, 'asc' | 'desc'][],
  skip: number,
  limit: number,
): Promise<ActivityDoc[]> {
  const _ = database().command;
  let query = Array.isArray(order)
    ? order.reduce((q, [field, dir]) => q.orderBy(field, dir), activities().where(where))
    : activities().where(andWhere(where, { point: _.geoNear({ geometry: pointOf(order.near) }) }));
  query = query.skip(skip).limit(limit);
  return (await unwrap(query.get())).data as ActivityDoc[];
}

/** `where` and `condition` together (an empty `where` adds nothing). */
function andWhere(where: object, condition: object): object {
  const empty = Object.getPrototypeOf(where) === Object.prototype && Object.keys(where).length === 0;
  return empty ? condition : database().command.and([where, condition]);
}

/** Up to `limit` (≤ 1000) activities matching `where`, for work done in memory (reminders). */
export async function someActivities(where: object, limit = PAGE): Promise<ActivityDoc[]> {
  const res = await unwrap(activities().where(where).orderBy('startAt', 'asc').limit(Math.min(limit, PAGE)).get());
  return res.data as ActivityDoc[];
}

// ---- Seats: `enrolledCount` and `waitlistCount` on the activity ----
// A seat is taken with one conditional update (`enrolledCount < capacity` → +1) on the capacity the caller read,
// so concurrent enrollments can never pass the capacity, and an edit of the capacity makes stale takers re-read.

export async function takeSeat(a: Pick<ActivityDoc, '_id' | 'capacity'>): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    activities()
      .where({ _id: a._id, status: 'published', capacity: a.capacity, enrolledCount: _.lt(a.capacity) })
      .update({ enrolledCount: _.inc(1) }),
  );
  return res.updated === 1;
}

export async function releaseSeat(activityId: string): Promise<void> {
  const _ = database().command;
  await unwrap(
    activities()
      .where({ _id: activityId, enrolledCount: _.gt(0) })
      .update({ enrolledCount: _.inc(-1) }),
  );
}

export async function changeWaitlistCount(activityId: string, delta: 1 | -1): Promise<void> {
  const _ = database().command;
  const where = delta < 0 ? { _id: activityId, waitlistCount: _.gt(0) } : { _id: activityId };
  await unwrap(
    activities()
      .where(where)
      .update({ waitlistCount: _.inc(delta) }),
  );
}

/** The first and last dates an activity's day records were kept on (index activityId_date), or undefined when none. */
export async function recordedDates(activityId: string): Promise<{ first: string; last: string } | undefined> {
  const days = () => database().collection(C.dayRecords).where({ activityId }).field({ date: true }).limit(1);
  const [first, last] = await Promise.all([unwrap(days().orderBy('date', 'asc').get()), unwrap(days().orderBy('date', 'desc').get())]);
  const a = (first.data as { date: string }[])[0];
  const b = (last.data as { date: string }[])[0];
  return a && b ? { first: a.date, last: b.date } : undefined;
}

/**
 * Joins the waitlist in one atomic update: the activity's waitlistCount and its ticket counter go up together, so
 * racing joiners each get their own ticket (queue order) and their own count (their place in the queue on joining).
 */
export async function joinWaitlist(activityId: string): Promise<{ queueNo: number; position: number } | undefined> {
  const _ = database().command;
  const res = (await unwrap(
    activities()
      .where({ _id: activityId })
      .updateAndReturn({ waitlistCount: _.inc(1), waitlistSeq: _.inc(1) }),
  )) as {
    doc?: { waitlistCount?: number; waitlistSeq?: number } | null;
  };
  const doc = res.doc;
  return doc ? { queueNo: doc.waitlistSeq ?? 1, position: doc.waitlistCount ?? 1 } : undefined;
}

// ---- Enrollments ----

/** Creates the enrollment; false when it exists already (a concurrent enrollment of the same volunteer). */
export const insertEnrollment = (doc: EnrollmentDoc): Promise<boolean> => writtenUnlessDuplicate(enrollments().add(doc));

/** Sets `patch` (and removes the `unset` fields) only if the enrollment is still in `status`; false if someone changed it first. */
export async function updateEnrollmentIf(
  id: string,
  status: EnrollmentStatus,
  patch: object,
  unset: readonly (keyof EnrollmentDoc)[] = [],
): Promise<boolean> {
  const _ = database().command;
  const write = { ...patch, ...Object.fromEntries(unset.map((k) => [k, _.remove()])) };
  const res = await unwrap(enrollments().where({ _id: id, status }).update(write));
  return res.updated === 1;
}

/** The head of the waitlist: first come, first served (ties by _id). */
export async function firstWaitlisted(activityId: string, n: number): Promise<EnrollmentDoc[]> {
  const res = await unwrap(
    enrollments()
      .where({ activityId, status: 'waitlisted' })
      .orderBy('queueNo', 'asc')
      .orderBy('queuedAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(n)
      .get(),
  );
  return res.data as EnrollmentDoc[];
}

/** 1-based place of a waitlisted enrollment in its queue (by ticket; records without one queue first, by time). */
export async function waitlistPosition(e: Pick<EnrollmentDoc, '_id' | 'activityId' | 'queuedAt' | 'queueNo'>): Promise<number> {
  const _ = database().command;
  const byTime = _.or([{ queuedAt: _.lt(e.queuedAt) }, { queuedAt: e.queuedAt, _id: _.lt(e._id) }]);
  const ahead =
    e.queueNo === undefined
      ? _.and([{ queueNo: _.exists(false) }, byTime])
      : _.or([{ queueNo: _.lt(e.queueNo) }, { queueNo: _.exists(false) }]);
  const res = await unwrap(
    enrollments()
      .where(_.and([{ activityId: e.activityId, status: 'waitlisted' }, ahead]))
      .count(),
  );
  return res.total + 1;
}

/** Every enrollment of the activity in these states, in queue order (for messages: all of them, page by page). */
export async function enrollmentsIn(activityId: string, statuses: EnrollmentStatus[] = LIVE_ENROLLMENT): Promise<EnrollmentDoc[]> {
  const _ = database().command;
  const out: EnrollmentDoc[] = [];
  for (;;) {
    const res = await unwrap(
      enrollments()
        .where({ activityId, status: _.in(statuses) })
        .orderBy('queueNo', 'asc')
        .orderBy('queuedAt', 'asc')
        .orderBy('_id', 'asc')
        .skip(out.length)
        .limit(PAGE)
        .get(),
    );
    const list = res.data as EnrollmentDoc[];
    out.push(...list);
    if (list.length < PAGE) return out;
  }
}

/** One page of an activity's enrollments, enrolled before waitlisted, each in queue order. */
export async function pageEnrollments(
  activityId: string,
  statuses: EnrollmentStatus[],
  page: number,
  pageSize: number,
): Promise<{ items: EnrollmentDoc[]; total: number }> {
  const _ = database().command;
  const where = { activityId, status: _.in(statuses) };
  const [list, count] = await Promise.all([
    unwrap(
      enrollments()
        .where(where)
        .orderBy('status', 'asc')
        .orderBy('queueNo', 'asc')
        .orderBy('queuedAt', 'asc')
        .orderBy('_id', 'asc')
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .get(),
    ),
    unwrap(enrollments().where(where).count()),
  ]);
  return { items: list.data as EnrollmentDoc[], total: count.total };
}

/** The openids of the first `n` volunteers enrolled (not waitlisted or cancelled), in enrollment order: one indexed read. */
export async function firstEnrolled(activityId: string, n: number): Promise<string[]> {
  const res = await unwrap(
    enrollments()
      .where({ activityId, status: 'enrolled' })
      .orderBy('queuedAt', 'asc')
      .orderBy('_id', 'asc')
      .field({ openid: true })
      .limit(n)
      .get(),
  );
  return (res.data as { openid: string }[]).map((e) => e.openid);
}

export async function countEnrollments(activityId: string, status: EnrollmentStatus): Promise<number> {
  return (await unwrap(enrollments().where({ activityId, status }).count())).total;
}

/** A volunteer's enrollments, newest first (a volunteer has a few hundred at most). */
export async function enrollmentsOf(openid: string): Promise<EnrollmentDoc[]> {
  const res = await unwrap(enrollments().where({ openid }).orderBy('enrolledAt', 'desc').limit(PAGE).get());
  return res.data as EnrollmentDoc[];
}

// ---- The day-before reminder ----

/** Published activities starting on `startDate` whose reminder has not gone out for that date. */
export async function dueForReminder(startDate: string): Promise<ActivityDoc[]> {
  const _ = database().command;
  return someActivities({ status: 'published', startDate, remindedFor: _.neq(startDate) });
}

/** Claims the reminder of the activity for `startDate`; of two overlapping ticks exactly one gets true. */
export async function claimReminder(activityId: string, startDate: string): Promise<boolean> {
  const _ = database().command;
  return updateActivityIf(activityId, { status: 'published', startDate, remindedFor: _.neq(startDate) }, { remindedFor: startDate });
}

// ---- The sign-out reminder, 30 minutes before each day ends ----

/** Published activities running on `date` whose dailyEnd is in (endsAfter, endsBy] and not yet reminded for `date`. */
export async function dueForSignOutReminder(w: { date: string; endsAfter: string; endsBy: string }): Promise<ActivityDoc[]> {
  const _ = database().command;
  return someActivities({
    status: 'published',
    startDate: _.lte(w.date),
    endDate: _.gte(w.date),
    dailyEnd: _.gt(w.endsAfter).and(_.lte(w.endsBy)),
    signOutRemindedFor: _.neq(w.date),
  });
}

/** Claims the sign-out reminder of the activity for `date`; of two overlapping ticks exactly one gets true. */
export async function claimSignOutReminder(activityId: string, date: string): Promise<boolean> {
  const _ = database().command;
  return updateActivityIf(activityId, { status: 'published', signOutRemindedFor: _.neq(date) }, { signOutRemindedFor: date });
}

// ---- The hour-before reminder, per volunteer and day ----

/** Published activities running on `w.date` whose dailyStart is in (startsAfter, startsBy]. */
export async function dueForStartReminder(w: { date: string; startsAfter: string; startsBy: string }): Promise<ActivityDoc[]> {
  const _ = database().command;
  return someActivities({
    status: 'published',
    startDate: _.lte(w.date),
    endDate: _.gte(w.date),
    dailyStart: _.gt(w.startsAfter).and(_.lte(w.startsBy)),
  });
}

/** Up to a page of the activity's enrolled volunteers not yet reminded of `date`'s start (the claimed ones drop out). */
export async function enrolledNotStartReminded(activityId: string, date: string): Promise<EnrollmentDoc[]> {
  const _ = database().command;
  const res = await unwrap(
    enrollments()
      .where({ activityId, status: 'enrolled', startRemindedFor: _.neq(date) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get(),
  );
  return res.data as EnrollmentDoc[];
}

/** Claims one volunteer's reminder of `date`'s start; of two overlapping ticks exactly one gets true. */
export async function claimStartReminder(enrollmentId: string, date: string): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    enrollments()
      .where({ _id: enrollmentId, status: 'enrolled', startRemindedFor: _.neq(date) })
      .update({ startRemindedFor: date }),
  );
  return res.updated === 1;
}

/** Titles of activities by id (lists that show records or requests of several activities). */
export async function titlesOf(activityIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(activityIds)];
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const res = await unwrap(
      database()
        .collection(C.activities)
        .where({ _id: database().command.in(chunk) })
        .field({ title: true })
        .limit(chunk.length)
        .get(),
    );
    for (const a of res.data as { _id: string; title: string }[]) out.set(a._id, a.title);
  }
  return out;
}

/** Live enrollments (enrolled or waitlisted) that came through a volunteer's share. */
export async function countSharedEnrollments(activityId: string): Promise<number> {
  const _ = database().command;
  const where = { activityId, status: _.in(LIVE_ENROLLMENT), sharedBy: _.exists(true) };
  return (await unwrap(enrollments().where(where).count())).total;
}
