// 投诉's rules: which team answers a complaint (the one above the team complained about; the root, with nobody above,
// answers for itself), until when, where an overdue one moves, and who may answer (nobody judges their own team).
// Pure: no database, no clock of its own.
import type { ComplaintStatus } from '@contract/complaint';
import { canManage, type Grant } from './org-access';

const DAY_MS = 86_400_000;

/** What routing needs of a team: its id and its parent. */
export interface RouteNode {
  _id: string;
  parentId: string | null;
}

/** The team that answers complaints about `team`: its parent, or the root itself (nobody is above it). */
export const complaintHandlerId = (team: RouteNode): string => team.parentId ?? team._id;

/** Until when a complaint reaching its handler at `at` should be answered. */
export const answerDueAt = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);

/** When an unanswered complaint at `handler` moves up: at its due time, or never at the root. */
export const escalateAtOf = (handler: RouteNode, due: Date): Date | undefined => (handler.parentId ? due : undefined);

/** Still waiting past its due time (shown as 已超时). */
export const isOverdue = (status: ComplaintStatus, due: Date, now: Date): boolean => status === 'open' && now.getTime() > due.getTime();

/**
 * Who may answer: a leader or admin of the handling team who is not also a member of the team complained about
 * ('self': another manager of the handler answers, or the next team up once it moves there). At the root, answering
 * complaints about the root itself, its own leaders answer: there is nobody above.
 */
export function mayAnswer(c: {
  grants: readonly Grant[];
  handlerOrgId: string;
  targetOrgId: string;
  memberOfTarget: boolean;
}): 'allowed' | 'forbidden' | 'self' {
  if (!canManage(c.grants, { _id: c.handlerOrgId })) return 'forbidden';
  if (c.handlerOrgId === c.targetOrgId) return 'allowed';
  return c.memberOfTarget ? 'self' : 'allowed';
}
