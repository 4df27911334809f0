// One team's rows of a period in one request (report.orgStats of a team alone): the team's document with the rows of
// each collection joined to it, each kind under the very condition of its own read (report.repository,
// training.repository), in the same order. A team with too much for one document is read kind by kind instead.
import { database } from '../cloud';
import { C } from './collections';
import { isOverDocumentLimit, unwrap } from './db-result';
import type { ActivityDoc } from './activity.repository';
import type { MembershipDoc } from './org.repository';
import {
  ACTIVITY_FIELDS,
  approvedIn,
  datedWithin,
  heldWithin,
  NEED_FIELDS,
  postedFor,
  RECORD_FIELDS,
  type ReportActivity,
  type ReportNeed,
  type ReportRecord,
} from './report.repository';
import { ATTENDANCE_FIELDS, attendedWithin, trainingsWithin, type AttendanceDoc, type TrainingDoc } from './training.repository';
import type { Period } from '../domain/report-stats';

export interface TeamPeriodRows {
  /** activitiesIn's. */
  activities: ReportActivity[];
  /** approvedMembershipsOf's, with only what the figures count. */
  memberships: Pick<MembershipDoc, '_id' | 'orgId' | 'openid' | 'status' | 'role' | 'appliedAt' | 'reviewedAt'>[];
  /** recordsIn's. */
  records: ReportRecord[];
  /** The activities of those records (whatever their start): their status, since a cancelled one credits nothing. */
  recordActivities: Pick<ActivityDoc, '_id' | 'status'>[];
  /** needsIn's. */
  needs: ReportNeed[];
  /** The activities linked to those needs, as their progress reads them (need-view linkedActivities). */
  needActivities: Pick<ActivityDoc, (typeof SCHEDULE_FIELDS)[number]>[];
  /** trainingsOf's (cancelled ones included), with only what the figures count. */
  trainings: Pick<TrainingDoc, '_id' | 'orgId' | 'status' | 'hours' | 'date'>[];
  /** attendanceIn's. */
  attendances: Pick<AttendanceDoc, '_id' | 'trainingId' | 'orgId' | 'openid' | 'date'>[];
}

/**
 * The most rows of each kind joined into the one document. MongoDB (so CloudBase) refuses a document over 16 MB; at
 * these numbers the rows stay far below it (a day record is some 250 bytes: 20,000 of them are 5 MB). A team with
 * more, or with rows far larger than usual (then the database refuses), is read kind by kind.
 */
export const ONE_DOCUMENT_ROWS = {
  activities: 500,
  memberships: 5000,
  records: 20000,
  needs: 200,
  trainings: 500,
  attendances: 5000,
} as const;

const SCHEDULE_FIELDS = ['_id', 'status', 'startDate', 'endDate', 'dailyStart', 'dailyEnd', 'signupStartAt', 'signupEndAt'] as const;

/**
 * The team's rows of the period in one request; undefined when they do not fit one document (read them apart), or,
 * with `unlessTeamsBelow`, when an approved team is below it (a subtree is read as one).
 */
export async function teamPeriodRows(
  orgId: string,
  p: Period,
  opts: { unlessTeamsBelow?: boolean } = {},
): Promise<TeamPeriodRows | undefined> {
  const db = database();
  const $ = db.command.aggregate;
  const ids = [orgId];
  // Each kind as its own read answers it: the same condition, _id order; one row more than fits tells it does not.
  const rows = (kind: keyof typeof ONE_DOCUMENT_ROWS, where: object, fields: object) =>
    $.pipeline()
      .match(where)
      .sort({ _id: 1 })
      .limit(ONE_DOCUMENT_ROWS[kind] + 1)
      .project(fields)
      .done();
  let found: (TeamPeriodRows & { below?: unknown[] }) | undefined;
  const team = db.collection(C.orgs).aggregate().match({ _id: orgId }).limit(1);
  // One approved team below is enough to tell (approvedDescendants' condition).
  const start = opts.unlessTeamsBelow
    ? team.lookup({
        from: C.orgs,
        pipeline: $.pipeline().match({ path: orgId, status: 'approved' }).limit(1).project({ _id: 1 }).done(),
        as: 'below',
      })
    : team;
  try {
    const res = await unwrap(
      start
        .lookup({ from: C.activities, pipeline: rows('activities', heldWithin(p)(ids), ACTIVITY_FIELDS), as: 'activities' })
        .lookup({
          from: C.memberships,
          pipeline: rows('memberships', approvedIn(ids), { orgId: 1, openid: 1, status: 1, role: 1, appliedAt: 1, reviewedAt: 1 }),
          as: 'memberships',
        })
        .lookup({ from: C.dayRecords, pipeline: rows('records', datedWithin(p)(ids), RECORD_FIELDS), as: 'records' })
        // By their ids (the _id index), as many as the records and the needs name; only a few fields are answered.
        .lookup({ from: C.activities, localField: 'records.activityId', foreignField: '_id', as: 'recordActivities' })
        .lookup({ from: C.needs, pipeline: rows('needs', postedFor(p)(ids), NEED_FIELDS), as: 'needs' })
        .lookup({ from: C.activities, localField: 'needs.activityId', foreignField: '_id', as: 'needActivities' })
        .lookup({
          from: C.trainings,
          pipeline: rows('trainings', trainingsWithin(p.from, p.to)(ids), { orgId: 1, status: 1, hours: 1, date: 1 }),
          as: 'trainings',
        })
        .lookup({
          from: C.trainingAttendance,
          pipeline: rows('attendances', attendedWithin(p.from, p.to)(ids), ATTENDANCE_FIELDS),
          as: 'attendances',
        })
        .project({
          activities: 1,
          memberships: 1,
          records: 1,
          'recordActivities._id': 1,
          'recordActivities.status': 1,
          needs: 1,
          ...Object.fromEntries(SCHEDULE_FIELDS.map((f) => [`needActivities.${f}`, 1])),
          trainings: 1,
          attendances: 1,
          'below._id': 1,
        })
        .end(),
    );
    found = ((res as { data?: TeamPeriodRows[] }).data ?? [])[0];
  } catch (err) {
    if (isOverDocumentLimit(err)) return undefined;
    throw err;
  }
  if (!found || (found.below?.length ?? 0) > 0) return undefined;
  const full = (Object.keys(ONE_DOCUMENT_ROWS) as (keyof typeof ONE_DOCUMENT_ROWS)[]).some(
    (kind) => found[kind].length > ONE_DOCUMENT_ROWS[kind],
  );
  return full ? undefined : found;
}
