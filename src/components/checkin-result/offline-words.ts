// A volunteer's queued scans in words: what each is (签到 or 签退, the phone's time) and what the server made of it.
import { CHECKIN_KIND_LABEL, OFFLINE_REASON_LABEL, type OfflineItemResult, type OfflineResult } from '@contract/checkin';
import { dateTimeOf } from '@contract/time';
import type { QueuedScan } from '../../services/checkin-offline';

/** 签到, 签退, or 签到/签退 for a code that is either (the server decides), from what the phone read of the code. */
export function queuedKindText(kind: QueuedScan['kind']): string {
  if (kind === 'in' || kind === 'out') return CHECKIN_KIND_LABEL[kind];
  return '签到/签退';
}

/** The phone's time of a queued scan, "2026-12-01 09:30" (Asia/Shanghai). */
export const phoneTimeText = (claimedAt: string): string => dateTimeOf(claimedAt);

/** Results that ask the volunteer (or an admin) for something: shown on 我的时长 until newer ones push them out. */
export const NEEDS_ATTENTION: readonly OfflineResult[] = ['pending', 'flagged', 'expired', 'refused'];

export type ResultWords = {
  /** ok: counted; wait: someone or something still decides; bad: not counted. */
  tone: 'ok' | 'wait' | 'bad';
  title: string;
  /** Why, when the server said. */
  detail?: string;
};

const reasonOf = (r: OfflineItemResult) => (r.reason ? OFFLINE_REASON_LABEL[r.reason] : undefined);

function wordsFor(result: OfflineResult, r: OfflineItemResult): ResultWords {
  switch (result) {
    case 'recorded':
      return { tone: 'ok', title: '已上传并记录' };
    case 'waiting':
      return { tone: 'wait', title: '已上传，等签到记录上传后一并计入' };
    case 'pending':
      return { tone: 'wait', title: '待管理员确认', detail: reasonOf(r) };
    case 'flagged':
      return { tone: 'wait', title: '待管理员核实', detail: reasonOf(r) };
    case 'expired':
      return { tone: 'bad', title: '已失效，未计入', detail: reasonOf(r) };
    case 'refused':
      return { tone: 'bad', title: '未记录', detail: r.message };
    default:
      return { tone: 'ok', title: '已上传' };
  }
}

/** What became of one queued scan, in words (a duplicate speaks as its first upload did). */
export function offlineResultWords(r: OfflineItemResult): ResultWords {
  if (r.result === 'duplicate') return r.was ? wordsFor(r.was, r) : { tone: 'ok', title: '已上传（此前已收到）' };
  return wordsFor(r.result, r);
}

/** Whether a result still asks for attention (a duplicate by what its first upload became). */
export const needsAttention = (r: OfflineItemResult): boolean =>
  NEEDS_ATTENTION.includes(r.result === 'duplicate' ? (r.was ?? 'duplicate') : r.result);
