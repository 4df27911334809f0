// Membership rules: at most 5 pending-or-approved teams per volunteer (i志愿's 1–5 归属组织).
import type { MembershipStatus } from '@contract/enums';

export const MEMBERSHIP_LIMIT = 5;
export const ADMIN_LIMIT = 5;

export function isLive(m: { status: MembershipStatus }): boolean {
  return m.status === 'pending' || m.status === 'approved';
}
