// 离线 scans on the roster in words: a row's 离线 marks ("离线签到 09:30（管理员李敏代扫，王芳确认）"), what each 待确认
// scan says about itself, and how a decision's answer reads (what was confirmed, rejected, and why some were not).
import {
  CHECKIN_KIND_LABEL,
  OFFLINE_REASON_LABEL,
  SCAN_FLAG_LABEL,
  type CheckinDecideOfflineOutput,
  type OfflineMark,
  type OfflinePendingItem,
} from '@contract/checkin';
import { formatDistance } from '@contract/format';
import { clockOf, monthDayTimeOf } from '@contract/time';

/** One 离线 mark of a day: which scan, the time it counts at, who scanned it and who confirmed it. */
export function offlineMarkText(m: OfflineMark): string {
  const parts = [m.by ? `管理员${m.byName ?? ''}代扫` : '本人扫码'];
  if (m.confirmedBy) parts.push(`${m.confirmedByName || '管理员'}确认`);
  return `离线${CHECKIN_KIND_LABEL[m.kind]} ${clockOf(m.at)}（${parts.join('，')}）`;
}

/** "张伟 签到 09:20": whose scan, which, and the time it would count at. */
export const pendingTitle = (p: OfflinePendingItem): string =>
  `${p.realName || '（未填写姓名）'} ${CHECKIN_KIND_LABEL[p.kind]} ${clockOf(p.at)}`;

/** The facts an admin weighs, each a short phrase: distance, doubtful position, who scanned, the phone's time, upload. */
export function pendingFacts(p: OfflinePendingItem): string[] {
  const facts: string[] = [];
  if (p.distanceM !== undefined) facts.push(`距活动地点${formatDistance(p.distanceM)}`);
  for (const f of p.flags) if (f !== 'offline') facts.push(SCAN_FLAG_LABEL[f]);
  if (p.by) facts.push(`代扫：${p.byName || '管理员'}`);
  if (clockOf(p.claimedAt) !== clockOf(p.at)) facts.push(`手机时间 ${clockOf(p.claimedAt)}`);
  facts.push(`${monthDayTimeOf(p.syncedAt)} 上传`);
  return facts;
}

export const pendingReason = (p: OfflinePendingItem): string => OFFLINE_REASON_LABEL[p.reason];

/**
 * What the admin is told after deciding: a title, and the scans not decided with the reason each (empty: a toast is
 * enough). `asked` are the items the decision was about (for names); `plausible` how many 一键确认 offered, so that
 * those it left alone (the caller's own, for another admin) are counted too.
 */
export function explainDecision(
  r: CheckinDecideOfflineOutput,
  asked: OfflinePendingItem[],
  plausible?: number,
): { title: string; content: string } {
  const done: string[] = [];
  if (r.confirmed) done.push(`已确认${r.confirmed}条`);
  if (r.rejected) done.push(`已驳回${r.rejected}条`);
  const byId = new Map(asked.map((p) => [p.id, p]));
  const refused = r.results.filter((x) => x.result === 'refused');
  const lines: string[] = [];
  if (refused.length) lines.push(`以下${refused.length}条未能处理：`);
  for (const x of refused) {
    const p = byId.get(x.id);
    lines.push(`${p ? pendingTitle(p) : '一条离线扫码'}：${x.message ?? '未能处理'}`);
  }
  const left = plausible === undefined ? 0 : plausible - r.results.length;
  if (left > 0) lines.push(`另有${left}条涉及您本人，须由本队其他负责人或管理员确认`);
  return { title: done.length ? done.join('，') : '没有处理任何记录', content: lines.join('\n') };
}
