// Which actions a manager sees on a member row: role changes are the leader's, 清退 and reviews any manager's.
import type { Member } from '@contract/org';
import type { Role } from '@contract/enums';

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
