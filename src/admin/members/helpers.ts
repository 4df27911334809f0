// Which actions a manager sees on a member row: role changes are the leader's, 清退 and reviews any manager's; and
// 成员管理's filters as org.members takes them.
import { MemberQuerySchema, type Member, type OrgExportMembersInput } from '@contract/org';
import type { Role } from '@contract/enums';
import { addDays } from '@contract/time';

export type Viewer = { role: Role | null; canManage: boolean; memberId: string | null };

export type MemberActions = { setAdmin: boolean; unsetAdmin: boolean; remove: boolean; review: boolean };

export function memberActions(viewer: Viewer, m: Member): MemberActions {
  const none = { setAdmin: false, unsetAdmin: false, remove: false, review: false };
  if (!viewer.canManage || m.memberId === viewer.memberId || m.role === 'leader') return none;
  const isLeader = viewer.role === 'leader';
  if (m.status === 'pending') return { ...none, review: true };
  if (m.status !== 'approved') return none;
  return {
    setAdmin: isLeader && m.role === 'member',
    unsetAdmin: isLeader && m.role === 'admin',
    // An admin may remove members; only the leader removes an admin.
    remove: m.role === 'member' || isLeader,
    review: false,
  };
}

// ---- 成员管理's search and filters ----

/** 加入时间 as the chips offer it, resolved to dates from the server's today. */
export const JOINED_PRESETS = ['last30', 'thisYear', 'lastYear', 'earlier'] as const;
export type JoinedPreset = (typeof JOINED_PRESETS)[number];
export const JOINED_LABEL: Record<JoinedPreset, string> = { last30: '近30天', thisYear: '今年', lastYear: '去年', earlier: '更早' };

export type MemberFilters = { q: string; role?: Role; joined?: JoinedPreset; active90: boolean };
export const NO_FILTERS: MemberFilters = { q: '', active90: false };

export const hasFilters = (f: MemberFilters): boolean => Boolean(f.q || f.role || f.joined || f.active90);

/** The dates of a 加入时间 preset on `today` (YYYY-MM-DD, the server's). */
export function joinedRange(preset: JoinedPreset, today: string): { joinedFrom?: string; joinedTo?: string } {
  const year = Number(today.slice(0, 4));
  switch (preset) {
    case 'last30':
      return { joinedFrom: addDays(today, -29), joinedTo: today };
    case 'thisYear':
      return { joinedFrom: `${year}-01-01`, joinedTo: today };
    case 'lastYear':
      return { joinedFrom: `${year - 1}-01-01`, joinedTo: `${year - 1}-12-31` };
    case 'earlier':
      return { joinedTo: `${year - 2}-12-31` };
  }
}

/** The filter fields of org.members / org.exportMembers (nothing for a filter not set). */
export function filterInput(f: MemberFilters, today: string): Omit<OrgExportMembersInput, 'orgId' | 'status'> {
  return {
    ...(f.q ? { q: f.q } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.joined ? joinedRange(f.joined, today) : {}),
    ...(f.active90 ? { active90: true } : {}),
  };
}

/** What is wrong with a search text before it is sent (the contract's message), or undefined. */
export function queryProblem(text: string): string | undefined {
  const r = MemberQuerySchema.safeParse(text);
  return r.success ? undefined : (r.error.issues[0]?.message ?? '搜索内容有误');
}
