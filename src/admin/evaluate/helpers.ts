// 评价's form state, apart from the page: the grades and comments as loaded, what 全部合格 fills, and what is sent.
import type { EvaluationGrade, EvaluationParticipant } from '@contract/evaluation';

export interface Draft {
  grade?: EvaluationGrade;
  comment: string;
}

/** The form as loaded: each participant's saved grade and comment, or none. */
export function draftsOf(participants: readonly EvaluationParticipant[]): Record<string, Draft> {
  return Object.fromEntries(participants.map((p) => [p.openid, { grade: p.evaluation?.grade, comment: p.evaluation?.comment ?? '' }]));
}

/** 全部合格: every participant not graded yet becomes 合格; grades already chosen stay. */
export function fillPass(drafts: Record<string, Draft>): Record<string, Draft> {
  return Object.fromEntries(Object.entries(drafts).map(([id, d]) => [id, d.grade ? d : { ...d, grade: 'pass' as const }]));
}

/** What record.evaluate is sent: every graded row (an unchanged one is answered as such and writes nothing). */
export function itemsOf(drafts: Record<string, Draft>): { openid: string; grade: EvaluationGrade; comment?: string }[] {
  return Object.entries(drafts).flatMap(([openid, d]) =>
    d.grade ? [{ openid, grade: d.grade, ...(d.comment.trim() ? { comment: d.comment.trim() } : {}) }] : [],
  );
}
