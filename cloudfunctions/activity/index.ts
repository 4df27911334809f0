// Cloud function activity: publishing, editing and cancelling activities, enrollment with capacity and waitlist, the lists, shares and posters, photos.
import { makeMain } from '../common/handler';
import { publish } from '../common/app/activity/publish.use-case';
import { update } from '../common/app/activity/update.use-case';
import { cancel } from '../common/app/activity/cancel.use-case';
import { get } from '../common/app/activity/get.use-case';
import { list } from '../common/app/activity/list.use-case';
import { enroll } from '../common/app/activity/enroll.use-case';
import { cancelEnrollment } from '../common/app/activity/cancel-enrollment.use-case';
import { mine } from '../common/app/activity/mine.use-case';
import { published } from '../common/app/activity/published.use-case';
import { enrollments } from '../common/app/activity/enrollments.use-case';
import { recordServed } from '../common/app/activity/record-served.use-case';
import { contact } from '../common/app/activity/contact.use-case';
import { openScene, poster, shareLink } from '../common/app/activity/share.use-case';
import { addPhoto, removePhoto } from '../common/app/activity/photos.use-case';

export const main = makeMain('activity', {
  publish,
  update,
  cancel,
  get,
  list,
  enroll,
  cancelEnrollment,
  mine,
  published,
  enrollments,
  recordServed,
  contact,
  shareLink,
  poster,
  openScene,
  addPhoto,
  removePhoto,
});
