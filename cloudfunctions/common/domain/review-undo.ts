// 撤销通过: an approval of a member application may be taken back by its reviewer for UNDO_REVIEW_SECONDS, by the
// server's clock; the last second still counts.
import { UNDO_REVIEW_SECONDS } from '@contract/review';

export function withinUndoWindow(reviewedAt: Date, now: Date): boolean {
  return now.getTime() - reviewedAt.getTime() <= UNDO_REVIEW_SECONDS * 1000;
}
