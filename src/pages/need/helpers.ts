// Pure logic of the need page: the six steps of its timeline, the words of each history step, whether the contact
// phone is whole (masked ones are not dialled), and the teams a manager may choose among.
import type { NeedProgress, NeedStep, NeedView } from '@contract/need';
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

export type TeamChoice = { _id: string; name: string };

/** Teams once each, in order (a managed team may also be below another one). */
export function uniqueTeams(teams: readonly TeamChoice[]): TeamChoice[] {
  const seen = new Set<string>();
  return teams.filter((t) => (seen.has(t._id) ? false : (seen.add(t._id), true)));
}
