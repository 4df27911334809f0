// Cloud function checkin: signed codes, scans within the radius, day records, admin tools (现场报名, calling a volunteer), corrections and scans uploaded after being offline.
import { makeMain } from '../common/handler';
import { code, myCode, revokeCodes } from '../common/app/checkin/code.use-case';
import { scan, scanVolunteer } from '../common/app/checkin/scan.use-case';
import { undoSignOut } from '../common/app/checkin/undo-sign-out.use-case';
import { roster } from '../common/app/checkin/roster.use-case';
import { batchSignOut } from '../common/app/checkin/batch-sign-out.use-case';
import { adjust } from '../common/app/checkin/adjust.use-case';
import { myHours } from '../common/app/checkin/hours.use-case';
import { corrections, requestCorrection, reviewCorrection } from '../common/app/checkin/correction.use-case';
import { walkIn } from '../common/app/checkin/walk-in.use-case';
import { volunteerPhone } from '../common/app/checkin/volunteer-phone.use-case';
import { decideOffline, offlinePending, uploadOffline, uploadOfflineVolunteerScans } from '../common/app/checkin/offline.use-case';
import { offlineKit } from '../common/app/checkin/offline-kit.use-case';

export const main = makeMain('checkin', {
  code,
  revokeCodes,
  scan,
  myCode,
  scanVolunteer,
  undoSignOut,
  roster,
  batchSignOut,
  adjust,
  myHours,
  requestCorrection,
  corrections,
  reviewCorrection,
  walkIn,
  volunteerPhone,
  uploadOffline,
  uploadOfflineVolunteerScans,
  offlinePending,
  decideOffline,
  offlineKit,
});
