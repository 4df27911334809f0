// 接单 → 发布活动: the activity draft an accepted need answers, handed from the need page to the publish page in
// memory (never in a URL or storage: it carries the 需求方's words). Opened later without it, the publish page builds
// the same draft from the need itself.
import { needDraftOf, type NeedAcceptOutput, type NeedView } from '@contract/need';

export type NeedDraft = NeedAcceptOutput['draft'];

let handed: NeedDraft | undefined;

export function handNeedDraft(draft: NeedDraft): void {
  handed = draft;
}

/** The handed draft of `needId`, once: a later visit builds it again. */
export function takeNeedDraft(needId: string): NeedDraft | undefined {
  const d = handed;
  handed = undefined;
  return d && d.needId === needId ? d : undefined;
}

/** The draft as accepting answers it, built from the need as the page has it. */
export const draftFromNeed = (n: NeedView, orgId: string): NeedDraft => needDraftOf(n.needId, n, orgId);
