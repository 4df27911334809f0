// Pure logic of the need page: the six steps of its timeline, the words of each history step, whether the contact
// phone is whole (masked ones are not dialled), and the teams a manager may choose among (派单's as a tree, searchable).
import type { NeedDispatchTarget, NeedProgress, NeedStep, NeedView } from '@contract/need';
import { regionName } from '../../utils/region';
import { dateRange } from '@contract/time';

/** The timeline a need moves along; 已关闭 leaves it. */
export const NEED_STEPS = ['待响应', '已派单', '已接单', '服务中', '待评价', '已完成'] as const satisfies readonly NeedProgress[];

/** How far along the timeline the need is (0–5), or -1 when it was closed. */
export const stepIndex = (progress: NeedProgress): number => (NEED_STEPS as readonly NeedProgress[]).indexOf(progress);

export const STEP_LABEL: Record<NeedStep['step'], string> = {
  posted: '提交需求',
  escalated: '转交上级队伍',
  dispatched: '派单',
  accepted: '接单',
  declined: '退回派单',
  taken: '从需求广场接单',
  linked: '发布服务活动',
  closed: '关闭需求',
  rated: '评价',
};

/** One history line: what happened, by which team, with its note or reason. */
export function stepText(s: NeedStep): string {
  const who = s.orgName ? `（${s.orgName}）` : '';
  return `${STEP_LABEL[s.step]}${who}${s.text ? `：${s.text}` : ''}`;
}

/** A masked phone (138****0000) is shown, never dialled. */
export const isWholePhone = (phone: string): boolean => /^1\d{10}$/.test(phone);

/** The facts of a need, label and value, in page order. */
export function needFacts(n: NeedView): { label: string; value: string; cls: string }[] {
  return [
    { label: '需求方', value: n.requesterName ? `${n.requesterName}（${n.requesterKind}）` : n.requesterKind, cls: 'need-requester' },
    { label: '服务类别', value: n.category, cls: 'need-category' },
    { label: '所在地区', value: regionName(n.region), cls: 'need-region' },
    { label: '服务地址', value: n.address, cls: 'need-address' },
    { label: '期望时间', value: dateRange(n.preferredFrom, n.preferredTo), cls: 'need-dates' },
    { label: '预计受众', value: `${n.audienceSize}人`, cls: 'need-audience' },
    { label: '受理队伍', value: n.assignedOrgName ?? n.coveringOrgName, cls: 'need-team' },
  ];
}

/** A team to pick: in a tree, its depth below the topmost listed and its parent's name (shown when searching). */
export type TeamChoice = { _id: string; name: string; depth?: number; parentName?: string };

/** Past this many teams, the sheet offers a search box. */
export const TEAM_SEARCH_OVER = 12;

/** 派单's choices as the server ordered them (each after its parent), with each one's parent name. */
export function dispatchChoices(items: readonly NeedDispatchTarget[]): TeamChoice[] {
  const open: string[] = [];
  return items.map((t) => {
    open.length = t.depth;
    const parentName = t.depth > 0 ? open[t.depth - 1] : undefined;
    open.push(t.name);
    return { _id: t.orgId, name: t.name, depth: t.depth, ...(parentName ? { parentName } : {}) };
  });
}

/** The teams whose name holds the keyword (all of them without one). */
export function filterTeams(teams: readonly TeamChoice[], keyword: string): TeamChoice[] {
  const k = keyword.trim().toLowerCase();
  return k ? teams.filter((t) => t.name.toLowerCase().includes(k)) : [...teams];
}
