// 批量签退 on the roster: the time it offers (the day's end, or now by the server's clock if the day has not ended)
// and how its answer reads (whom it signed out, whom it left alone and why).
import { BATCH_SKIP_REASON_LABEL, type CheckinBatchSignOutOutput } from '@contract/checkin';
import { clockOf, shanghaiDateOf, shanghaiInstant, shanghaiIso } from '@contract/time';

/** "HH:mm" to offer for `date`: min(dailyEnd, now) on that day, `now` the server's clock (ms). */
export function defaultBatchTime(date: string, dailyEnd: string, now: number): string {
  if (shanghaiDateOf(now) !== date) return dailyEnd;
  return now < shanghaiInstant(date, dailyEnd).getTime() ? clockOf(shanghaiIso(now)) : dailyEnd;
}

/** What the admin is told after the batch: a title, and the people it left alone (empty: a toast is enough). */
export function explainBatchResult(r: CheckinBatchSignOutOutput): { title: string; content: string } {
  const title = r.closed > 0 ? `已为${r.closed}人签退` : '没有为任何人签退';
  const lines: string[] = [];
  if (r.closedNames?.length) lines.push(`已签退：${r.closedNames.join('、')}`);
  const skipped = r.skipped ?? [];
  if (skipped.length) {
    lines.push(`以下${skipped.length}人未签退：`);
    for (const s of skipped) {
      const name = s.realName || '（未登记姓名）';
      const why =
        s.reason === 'signedInAfter' && s.signInAt ? `${clockOf(s.signInAt)}签到，晚于所选签退时间` : BATCH_SKIP_REASON_LABEL[s.reason];
      lines.push(`${name}：${why}`);
    }
  } else if (r.skippedOwn) {
    lines.push(BATCH_SKIP_REASON_LABEL.own);
  }
  return { title, content: skipped.length || r.skippedOwn ? lines.join('\n') : '' };
}
