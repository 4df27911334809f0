// Activities and enrollments as answers show them: ISO times, the phase of the moment, internal fields left out.
import type { Activity, ActivityListItem, Enrollment } from '@contract/activity';
import { waitlistPosition, type ActivityDoc, type EnrollmentDoc } from '../../db/activity.repository';
import { phaseAt } from '../../domain/activity-phase';
import { toIso } from '../../domain/shanghai-time';
import { maskPhone } from '@contract/id-number';

/**
 * `showContact`: the organizer's number in full (the team's managers, the enrolled); everyone else reads it masked
 * and calls through activity.contact once enrolled.
 */
/** What and when and where, as a poster and 首页 show an activity. */
export const whenAndWhere = (a: ActivityDoc) => ({
  title: a.title,
  orgName: a.orgName,
  address: a.address,
  startDate: a.startDate,
  endDate: a.endDate,
  dailyStart: a.dailyStart,
  dailyEnd: a.dailyEnd,
});

export function activityView(doc: ActivityDoc, opts: { showContact?: boolean } = {}): Activity {
  return {
    _id: doc._id,
    orgId: doc.orgId,
    ...(doc.needId ? { needId: doc.needId } : {}),
    orgName: doc.orgName,
    title: doc.title,
    category: doc.category,
    description: doc.description,
    serviceTargets: doc.serviceTargets ?? [],
    region: doc.region,
    address: doc.address,
    location: doc.location,
    radiusM: doc.radiusM,
    startDate: doc.startDate,
    endDate: doc.endDate,
    dailyStart: doc.dailyStart,
    dailyEnd: doc.dailyEnd,
    signupStartAt: toIso(doc.signupStartAt),
    signupEndAt: toIso(doc.signupEndAt),
    capacity: doc.capacity,
    waitlist: doc.waitlist,
    audience: doc.audience,
    dailyCapMinutes: doc.dailyCapMinutes,
    riskNotice: doc.riskNotice,
    keyDay: doc.keyDay,
    contactName: doc.contactName,
    contactPhone: doc.contactPhone === undefined || opts.showContact ? doc.contactPhone : maskPhone(doc.contactPhone),
    status: doc.status,
    cancelReason: doc.cancelReason,
    enrolledCount: doc.enrolledCount,
    waitlistCount: doc.waitlistCount,
    servedCount: doc.servedCount,
    summary: doc.summary,
    ...(doc.recapPhotoIds ? { recapPhotoIds: recapOf(doc) } : {}),
    createdAt: toIso(doc.createdAt),
    updatedAt: toIso(doc.updatedAt),
  };
}

/** The 回顾's chosen photos that the activity still holds, in the chosen order. */
export function recapOf(doc: Pick<ActivityDoc, 'recapPhotoIds' | 'photos'>): string[] {
  const have = new Set((doc.photos ?? []).map((p) => p.photoId));
  return (doc.recapPhotoIds ?? []).filter((id) => have.has(id));
}

export function listItem(doc: ActivityDoc, now: Date, distanceM?: number): ActivityListItem {
  return { ...activityView(doc), phase: phaseAt(doc, now), ...(distanceM === undefined ? {} : { distanceM }) };
}

/** `position`: the 1-based waitlist place when the caller already knows it. */
export function enrollmentView(doc: EnrollmentDoc, position?: number): Enrollment {
  return {
    enrollmentId: doc._id,
    activityId: doc.activityId,
    openid: doc.openid,
    status: doc.status,
    enrolledAt: toIso(doc.enrolledAt),
    promotedAt: doc.promotedAt ? toIso(doc.promotedAt) : undefined,
    cancelledAt: doc.cancelledAt ? toIso(doc.cancelledAt) : undefined,
    waitlistPosition: doc.status === 'waitlisted' ? position : undefined,
  };
}

/** The enrollment with its waitlist place looked up (one count) when waitlisted. */
export async function enrollmentWithPlace(doc: EnrollmentDoc): Promise<Enrollment> {
  return enrollmentView(doc, doc.status === 'waitlisted' ? await waitlistPosition(doc) : undefined);
}
