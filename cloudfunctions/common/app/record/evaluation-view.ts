// Stored evaluations → the wire shape (ISO times, the names of who changed them; no openids of admins).
import type { Evaluation } from '@contract/evaluation';
import type { EvaluationDoc } from '../../db/evaluation.repository';
import { toIso } from '../../domain/shanghai-time';

export function evaluationView(e: EvaluationDoc): Evaluation {
  return {
    evaluationId: e._id,
    activityId: e.activityId,
    orgId: e.orgId,
    openid: e.openid,
    grade: e.grade,
    ...(e.comment ? { comment: e.comment } : {}),
    evaluatorName: e.byName,
    evaluatedAt: toIso(new Date(e.evaluatedAt)),
    changes: (e.changes ?? []).map((c) => ({
      at: toIso(new Date(c.at)),
      byName: c.byName,
      via: c.via,
      before: { grade: c.before.grade, ...(c.before.comment ? { comment: c.before.comment } : {}) },
      after: { grade: c.after.grade, ...(c.after.comment ? { comment: c.after.comment } : {}) },
      ...(c.note ? { note: c.note } : {}),
    })),
  };
}
