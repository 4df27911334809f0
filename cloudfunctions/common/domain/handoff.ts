// 移交全国志愿服务信息系统 rules: which changes a hand-off covers (its window), when an unfinished one stops blocking
// the next, and what each sheet's columns are, with the element of 《志愿服务信息系统基本规范》 or 民政部令第67号 each
// answers where a public source confirms it (docs/HANDOFF.md names the sources).
import type { HandoffKind } from '@contract/handoff';
import { addDays, shanghaiInstant } from '@contract/time';

/** Changes after `from` (none: from the beginning) up to and including `to`. */
export interface HandoffWindow {
  from?: Date;
  to: Date;
}

/**
 * How far behind the server's clock a hand-off ends: a write is stamped with its call's start time and lands before the
 * call's time limit (10–20 s) runs out, so everything stamped before `now - HANDOFF_SETTLE_MS` is already readable, and
 * what is stamped later (or written during the export) goes into the next hand-off, never into none.
 */
export const HANDOFF_SETTLE_MS = 60_000;
const settled = (now: Date) => new Date(now.getTime() - HANDOFF_SETTLE_MS);

/** `sinceLast` starts where the last finished one ended and ends a minute before the export starts. */
export const sinceLastWindow = (lastTo: Date | undefined, now: Date): HandoffWindow => ({
  ...(lastTo ? { from: lastTo } : {}),
  to: settled(now),
});

/** A period of Asia/Shanghai days, never past the settled clock. */
export function periodWindow(from: string, to: string, now: Date): HandoffWindow {
  const start = new Date(shanghaiInstant(from, '00:00').getTime() - 1);
  const end = new Date(shanghaiInstant(addDays(to, 1), '00:00').getTime() - 1);
  const last = settled(now);
  return { from: start, to: end < last ? end : last };
}

export const within = (w: HandoffWindow, at: Date | undefined): boolean => at !== undefined && (!w.from || at > w.from) && at <= w.to;

/** A running export older than this broke off (the function's time limit is far shorter): it blocks no one. */
export const HANDOFF_STALE_MS = 5 * 60_000;
export const blocksNext = (latest: { status: string; at: Date } | undefined, now: Date): boolean =>
  latest?.status === 'running' && now.getTime() - latest.at.getTime() < HANDOFF_STALE_MS;

export interface HandoffColumn {
  header: string;
  /** The element this column answers in a public source (see docs/HANDOFF.md), absent for our own columns. */
  item?: string;
}

const own = (header: string): HandoffColumn => ({ header });
const item = (header: string, source: string): HandoffColumn => ({ header, item: source });
const PERSON: HandoffColumn[] = [
  item('志愿者姓名', '67号令 第四条 个人基本信息'),
  item('全国志愿者统一编号', 'MZ/T 061 志愿者统一编号'),
  own('志愿者编号（本平台）'),
];

/** Each sheet's columns, in order; a row is the same list of texts in the xlsx and, keyed by header, in the JSON. */
export const HANDOFF_COLUMNS: Record<HandoffKind, HandoffColumn[]> = {
  volunteers: [
    ...PERSON,
    item('性别', '67号令 第四条 个人基本信息'),
    item('证件类型', '67号令 志愿服务记录证明 证件类型和号码'),
    item('证件号码（脱敏）', '67号令 志愿服务记录证明 证件类型和号码'),
    own('出生日期'),
    own('民族'),
    own('政治面貌'),
    own('最高学历'),
    own('工作单位'),
    own('所在地区'),
    own('服务类别'),
    own('所属队伍'),
    own('加入队伍日期'),
    own('注册日期'),
  ],
  teams: [
    item('志愿团体名称', 'MZ/T 061 志愿团体'),
    own('本平台队伍编号'),
    own('上级团体'),
    own('层级'),
    own('所在地区'),
    own('状态'),
    own('成立（批准）日期'),
  ],
  projects: [
    item('志愿服务项目名称', 'MZ/T 061 志愿服务项目'),
    own('本平台活动编号'),
    own('发布团体'),
    own('服务类别'),
    own('开始日期'),
    own('结束日期'),
    own('地点'),
    own('状态'),
    own('服务对象人数'),
  ],
  serviceRecords: [
    ...PERSON,
    item('志愿服务项目名称', 'MZ/T 061 志愿服务项目'),
    own('本平台记录编号'),
    own('服务日期'),
    own('签到时间'),
    own('签退时间'),
    item('志愿服务时间（小时）', 'MZ/T 061 志愿服务时间；67号令 服务时间（小时）'),
    own('记录团体'),
  ],
  trainings: [
    ...PERSON,
    item('培训名称', '67号令 第四条 培训情况；MZ/T 061 培训'),
    own('本平台培训编号'),
    own('培训类型'),
    own('培训日期'),
    own('培训学时'),
    own('授课人'),
    own('组织团体'),
    own('状态'),
    own('记录方式'),
  ],
  commendations: [
    item('表彰名称', '67号令 第四条 表彰奖励情况；MZ/T 061 表彰奖励'),
    own('本平台表彰编号'),
    own('表彰对象类别'),
    own('表彰对象'),
    item('全国志愿者统一编号', 'MZ/T 061 志愿者统一编号'),
    own('所属团体'),
    own('级别'),
    own('授予单位'),
    own('授予日期'),
  ],
  evaluations: [
    ...PERSON,
    item('评价等级', '67号令 第四条 评价情况；MZ/T 061 评价投诉'),
    own('评价说明'),
    item('志愿服务项目名称', 'MZ/T 061 志愿服务项目'),
    own('评价团体'),
    own('评价日期'),
  ],
};

/** A member's 全国志愿者统一编号 now, and the number a team's manager entered for them, if one did. */
export interface NationalIdState {
  current?: string;
  enteredByManager?: string;
}
/**
 * May a manager put `value` in: `unchanged` (it is there already), `set` (none yet, or the one there is a manager's
 * entry being corrected), `own` (the volunteer entered a different one themself: only they change it).
 */
export function managerNationalIdVerdict(state: NationalIdState, value: string): 'unchanged' | 'set' | 'own' {
  if (state.current === value) return 'unchanged';
  if (!state.current || state.current === state.enteredByManager) return 'set';
  return 'own';
}
