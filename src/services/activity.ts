// Activities: the square, details, enrollment, shares and my list for volunteers; publishing, editing, posters and the
// roster for admins.
import { callFunction } from './cloud';
import type {
  ActivityCancelInput,
  ActivityContactOutput,
  ActivityEnrollmentsInput,
  ActivityEnrollmentsOutput,
  ActivityGetOutput,
  ActivityListInput,
  ActivityListOutput,
  ActivityMineInput,
  ActivityMineOutput,
  ActivityOpenSceneOutput,
  ActivityOutput,
  ActivityPosterOutput,
  ActivityShareLinkOutput,
  ActivityPublishInput,
  ActivityPublishedInput,
  ActivityPublishedOutput,
  ActivityRecordServedInput,
  ActivityUpdateInput,
  EnrollmentOutput,
  ActivityPhotoOutput,
  ActivityRemovePhotoOutput,
} from '@contract/activity';
import type { PhotoType } from '@contract/photo';

export function listActivities(input: ActivityListInput = {}): Promise<ActivityListOutput> {
  return callFunction('activity', 'list', input);
}

/** The activity with its phase now, my enrollment (and waitlist place) and whether I may manage it. */
export function getActivity(activityId: string): Promise<ActivityGetOutput> {
  return callFunction('activity', 'get', { activityId });
}

/**
 * `enrolled`, or `waitlisted` when full and the activity keeps a waitlist; a second call answers the same enrollment.
 * `from`: the share token the page was opened with.
 */
export function enroll(activityId: string, from?: string): Promise<EnrollmentOutput> {
  return callFunction('activity', 'enroll', from ? { activityId, from } : { activityId });
}

/** My share token for the activity (the same every time): shares carry it. */
export function shareLink(activityId: string): Promise<ActivityShareLinkOutput> {
  return callFunction('activity', 'shareLink', { activityId });
}

/** 活动海报 for the team's managers: what it shows and the 小程序码 opening the activity. */
export function activityPoster(activityId: string): Promise<ActivityPosterOutput> {
  return callFunction('activity', 'poster', { activityId });
}

/** The activity (and share token) a poster's 小程序码 scene names. */
export function openActivityScene(scene: string): Promise<ActivityOpenSceneOutput> {
  return callFunction('activity', 'openScene', { scene });
}

/** Gives the seat back; the first on the waitlist moves up. */
export function cancelEnrollment(activityId: string): Promise<EnrollmentOutput> {
  return callFunction('activity', 'cancelEnrollment', { activityId });
}

/** Activities I enrolled in, with my enrollment. */
export function myActivities(input: ActivityMineInput = {}): Promise<ActivityMineOutput> {
  return callFunction('activity', 'mine', input);
}

export function publishActivity(input: ActivityPublishInput): Promise<ActivityOutput> {
  return callFunction('activity', 'publish', input);
}

/** Only the fields given change; the schedule rules are checked on the merged activity. */
export function updateActivity(input: ActivityUpdateInput): Promise<ActivityOutput> {
  return callFunction('activity', 'update', input);
}

/** Enrolled and waitlisted volunteers get a message with the reason. */
export function cancelActivity(input: ActivityCancelInput): Promise<ActivityOutput> {
  return callFunction('activity', 'cancel', input);
}

/** Activities a team published (its leader and admins). */
export function publishedActivities(input: ActivityPublishedInput): Promise<ActivityPublishedOutput> {
  return callFunction('activity', 'published', input);
}

/** The roster of an activity: name, masked phone, status (its leader and admins). */
export function listEnrollments(input: ActivityEnrollmentsInput): Promise<ActivityEnrollmentsOutput> {
  return callFunction('activity', 'enrollments', input);
}

/** 服务群众人次 (and a short summary) of a started activity, for 附件3. */
export function recordServed(input: ActivityRecordServedInput): Promise<ActivityOutput> {
  return callFunction('activity', 'recordServed', input);
}

/** The organizer's number in full, for volunteers enrolled in the activity and the team's managers. */
export function activityContact(activityId: string): Promise<ActivityContactOutput> {
  return callFunction('activity', 'contact', { activityId });
}

/** 活动照片 (the team's managers): a picture as the phone picked it (src/device/photo). */
export function addActivityPhoto(activityId: string, photo: { contentType: PhotoType; base64: string }): Promise<ActivityPhotoOutput> {
  return callFunction('activity', 'addPhoto', { activityId, contentType: photo.contentType, dataBase64: photo.base64 });
}

export function removeActivityPhoto(activityId: string, photoId: string): Promise<ActivityRemovePhotoOutput> {
  return callFunction('activity', 'removePhoto', { activityId, photoId });
}
