// 接单 → 发布活动: the activity draft an accepted need answers, handed from the need page to the publish page in
// memory (never in a URL or storage: it carries the 需求方's words). Opened later without it, the publish page builds
// the same draft from the need itself.
import type { NeedAcceptOutput, NeedView } from '@contract/need';

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

/** The draft as accepting answers it: the need's title, category, place and preferred days, who asked and how many. */
export function draftFromNeed(n: NeedView, orgId: string): NeedDraft {
  return {
    needId: n.needId,
    orgId,
    title: n.title,
    category: n.category,
    description: `${n.description}\n（需求方：${n.requesterName ?? n.requesterKind}，预计受众${n.audienceSize}人）`,
    region: n.region,
    address: n.address,
    ...(n.location ? { location: n.location } : {}),
    startDate: n.preferredFrom,
    endDate: n.preferredTo,
  };
}
