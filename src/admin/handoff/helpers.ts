// 对接全国系统's pure parts: what 生成对接文件 asks for (自上次对接以来, or a period of dates), the counts as text, a
// hand-off's window as dates, and the names the two files are saved under.
import type { InputOf } from '@contract/functions';
import { HANDOFF_KINDS, HANDOFF_SHEET, type Handoff, type HandoffCounts, type HandoffMode } from '@contract/handoff';
import { dateTimeOf } from '@contract/time';

export const HANDOFF_MODE_TABS: { key: HandoffMode; title: string }[] = [
  { key: 'sinceLast', title: '自上次对接以来' },
  { key: 'period', title: '指定期间' },
];

export type Range = { from?: string; to?: string };

/** The export's input, or what to fix in the dates. */
export function exportInput(orgId: string, mode: HandoffMode, range: Range): InputOf<'record', 'handoffExport'> | { error: string } {
  if (mode === 'sinceLast') return { orgId, mode };
  if (!range.from || !range.to) return { error: '请选择开始和结束日期' };
  if (range.from > range.to) return { error: '开始日期不能晚于结束日期' };
  return { orgId, mode, from: range.from, to: range.to };
}

/** Each kind with its count, in the sheets' order: "志愿者 3 条". */
export const countLines = (counts: HandoffCounts): { kind: string; label: string; count: number }[] =>
  HANDOFF_KINDS.map((k) => ({ kind: k, label: HANDOFF_SHEET[k], count: counts[k] }));

export const totalOf = (counts: HandoffCounts): number => HANDOFF_KINDS.reduce((n, k) => n + counts[k], 0);

/** The non-zero kinds in one line, or 无新增记录. */
export function countsSummary(counts: HandoffCounts): string {
  const some = countLines(counts).filter((l) => l.count > 0);
  return some.length ? some.map((l) => `${l.label} ${l.count}`).join(' · ') : '无新增记录';
}

/** The window a hand-off covered, in Beijing time: "最早的记录 至 2026-11-23 09:59" or "… 之后 至 …". */
export const windowText = (h: Pick<Handoff, 'from' | 'to'>): string =>
  `${h.from ? `${dateTimeOf(h.from)} 之后` : '最早的记录'} 至 ${dateTimeOf(h.to)}`;

/** The names the files are saved under: the team and the hand-off's number. */
export function fileNames(orgName: string, handoffId: string): { xlsx: string; json: string } {
  const no = handoffId.slice(handoffId.lastIndexOf('_') + 1);
  const base = `对接全国系统_${orgName}_${no}`;
  return { xlsx: `${base}.xlsx`, json: `${base}.json` };
}
