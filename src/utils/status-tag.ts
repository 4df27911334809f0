// The NutUI tag colour of each membership status (labels live in types/enums).
import type { MembershipStatus } from '../../types/enums';

export const STATUS_TAG: Record<MembershipStatus, 'primary' | 'success' | 'warning' | 'danger' | 'default'> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  left: 'default',
  removed: 'default',
};
