// The NutUI tag colour of each membership status, activity phase and enrollment status (labels live in types/enums).
import type { ActivityPhase, EnrollmentStatus, MembershipStatus } from '@contract/enums';

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'default';

export const STATUS_TAG: Record<MembershipStatus, TagType> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  left: 'default',
  removed: 'default',
};

export const PHASE_TAG: Record<ActivityPhase, TagType> = {
  recruiting: 'primary',
  closed: 'warning',
  ongoing: 'success',
  ended: 'default',
  cancelled: 'danger',
};

export const ENROLLMENT_TAG: Record<EnrollmentStatus, TagType> = {
  enrolled: 'success',
  waitlisted: 'warning',
  cancelled: 'default',
};
