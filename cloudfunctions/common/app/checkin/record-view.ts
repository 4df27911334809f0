// Stored day records and corrections → the wire shapes (ISO times, flags; no nonces, no echoes).
import type { Correction, DayRecord } from '@contract/checkin';
import type { AdjustmentDoc, DayRecordDoc, OfflineMarkDoc } from '../../db/checkin.repository';
import type { CorrectionDoc } from '../../db/correction.repository';
import { toIso } from '../../domain/shanghai-time';

const iso = (d: Date | undefined) => (d ? toIso(new Date(d)) : undefined);

function adjustmentView(a: AdjustmentDoc) {
  return {
    by: a.by,
    byName: a.byName,
    at: toIso(new Date(a.at)),
    reason: a.reason,
    before: { signInAt: iso(a.before.signInAt), signOutAt: iso(a.before.signOutAt), minutes: a.before.minutes },
    after: { signInAt: iso(a.after.signInAt), signOutAt: iso(a.after.signOutAt), minutes: a.after.minutes },
    ...(a.kind ? { kind: a.kind } : {}),
    ...(a.capped ? { capped: true } : {}),
  };
}

/** The 离线 marks of a record as the wire shows them (no scan ids); with `names`, the admins' names too (the roster). */
export function offlineView(marks: OfflineMarkDoc[] | undefined, names?: Map<string, { realName: string }>) {
  const nameOf = (openid: string) => names?.get(openid)?.realName;
  return (marks ?? []).map((m) => {
    const byName = m.by ? nameOf(m.by) : undefined;
    const confirmedByName = m.confirmedBy ? nameOf(m.confirmedBy) : undefined;
    return {
      kind: m.kind,
      at: toIso(new Date(m.at)),
      syncedAt: toIso(new Date(m.syncedAt)),
      ...(m.by ? { by: m.by } : {}),
      ...(m.confirmedBy ? { confirmedBy: m.confirmedBy } : {}),
      ...(byName ? { byName } : {}),
      ...(confirmedByName ? { confirmedByName } : {}),
      ...(m.batch ? { batch: true } : {}),
    };
  });
}

export function recordView(r: DayRecordDoc): DayRecord {
  return {
    recordId: r._id,
    activityId: r.activityId,
    orgId: r.orgId,
    openid: r.openid,
    date: r.date,
    signInAt: iso(r.signInAt),
    signOutAt: iso(r.signOutAt),
    minutes: r.minutes,
    status: r.status,
    signInBy: r.signInBy,
    signOutBy: r.signOutBy,
    adjustments: (r.adjustments ?? []).map(adjustmentView),
    flags: r.flags ?? [],
    offline: offlineView(r.offline),
  };
}

export function correctionView(c: CorrectionDoc): Correction {
  return {
    correctionId: c._id,
    ...(c.kind ? { kind: c.kind } : {}),
    activityId: c.activityId,
    orgId: c.orgId,
    openid: c.openid,
    date: c.date,
    signInAt: iso(c.signInAt),
    signOutAt: iso(c.signOutAt),
    ...(c.grade ? { grade: c.grade } : {}),
    ...(c.wishedGrade ? { wishedGrade: c.wishedGrade } : {}),
    note: c.note,
    status: c.status,
    createdAt: toIso(new Date(c.createdAt)),
    reviewedAt: iso(c.reviewedAt),
    reviewReason: c.reviewReason,
  };
}
