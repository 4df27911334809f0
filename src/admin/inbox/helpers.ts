// Pure logic of 审核: what a member application's profile reads as, what a batch's answer says, and which approvals
// can still be undone by the server's clock.
import type { ApplicantProfile, OrgReviewMembersOutput } from '@contract/review';
import type { Region } from '@contract/common';

/** The profile as labelled lines; `regionName` names a region (injected: the names come from the picker's data). */
export function profileLines(p: ApplicantProfile | undefined, regionName: (r: Region) => string): { label: string; value: string }[] {
  if (!p) return [];
  const lines: { label: string; value: string }[] = [];
  const person = [p.age !== undefined ? `${p.age}岁` : '', p.region ? regionName(p.region) : ''].filter(Boolean).join(' · ');
  if (person) lines.push({ label: '年龄地区', value: person });
  lines.push({ label: '从业类别', value: p.occupation ?? '未填写' });
  lines.push({ label: '服务领域', value: p.serviceFields.length ? p.serviceFields.join('、') : '未填写' });
  lines.push({ label: '专业特长', value: p.skills || '未填写' });
  lines.push({ label: '已加入', value: p.teams.length ? p.teams.map((t) => t.name).join('、') : '暂无其他队伍' });
  return lines;
}

/** A batch's answer for the reviewer: a short title, and the refused items by name with why (empty when none). */
export function batchSummary(
  decision: 'approve' | 'reject',
  out: OrgReviewMembersOutput,
  nameOf: (memberId: string) => string,
): { title: string; failures: string[] } {
  const done = out.results.filter((r) => r.ok).length;
  const failures = out.results.flatMap((r) => (r.ok ? [] : [`${nameOf(r.memberId)}：${r.message}`]));
  const verb = decision === 'approve' ? '通过' : '驳回';
  const title =
    failures.length === 0 ? `已${verb}${done}条` : done === 0 ? `没有${verb}任何申请` : `已${verb}${done}条，${failures.length}条未处理`;
  return { title, failures };
}

/** An approval that may still be taken back, until `until` (server ms). */
export interface Undoable {
  memberId: string;
  realName: string;
  orgName: string;
  until: number;
}

/** Those still open at `now` (server ms), each with the whole seconds left. */
export function openUndos(list: readonly Undoable[], now: number): (Undoable & { secondsLeft: number })[] {
  return list.filter((u) => u.until > now).map((u) => ({ ...u, secondsLeft: Math.ceil((u.until - now) / 1000) }));
}
