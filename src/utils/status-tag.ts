// The NutUI tag colour of each membership status, activity phase, enrollment status and need progress (labels live in types/).
import type { ActivityPhase, EnrollmentStatus, MembershipStatus } from '@contract/enums';
import type { NeedProgress } from '@contract/need';
import type { ComplaintStatus } from '@contract/complaint';

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

/** 供需对接: each step of a need's progress (待响应 → … → 已完成, or 已关闭). */
export const NEED_PROGRESS_TAG: Record<NeedProgress, TagType> = {
  待响应: 'warning',
  已派单: 'primary',
  已接单: 'primary',
  服务中: 'success',
  待评价: 'warning',
  已完成: 'success',
  已关闭: 'default',
};

/** 投诉: waiting for the answer, or answered. */
export const COMPLAINT_STATUS_TAG: Record<ComplaintStatus, TagType> = { open: 'warning', answered: 'success' };
