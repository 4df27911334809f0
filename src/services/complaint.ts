// 投诉: a complaint about a team or an activity (with its SMS code), the complainant's own complaints with their
// answers, and 投诉处理 for the leaders and admins of the team one level up (answer, share with the team).
import { callFunction } from './cloud';
import type {
  AnswerComplaintInput,
  ComplaintInboxOutput,
  ComplaintListOutput,
  ComplaintOutput,
  ComplaintStatus,
  OrgComplainInput,
} from '@contract/complaint';

export function complain(input: OrgComplainInput): Promise<ComplaintOutput> {
  return callFunction('org', 'complain', input);
}

/** The caller's own complaints, newest first, with the answers. */
export function myComplaints(page = 1, pageSize = 20): Promise<ComplaintListOutput> {
  return callFunction('org', 'myComplaints', { page, pageSize });
}

/** The complaints addressed to the caller's teams (and those shared with them); `counts.open` is the badge. */
export function complaintInbox(status: ComplaintStatus | undefined, page = 1, pageSize = 20): Promise<ComplaintInboxOutput> {
  return callFunction('org', 'complaintInbox', { ...(status ? { status } : {}), page, pageSize });
}

export function answerComplaint(input: AnswerComplaintInput): Promise<ComplaintOutput> {
  return callFunction('org', 'answerComplaint', input);
}

export function shareComplaint(complaintId: string, shared: boolean): Promise<ComplaintOutput> {
  return callFunction('org', 'shareComplaint', { complaintId, shared });
}

/** How many complaints wait for the caller's teams' answer (我的's badge); ask only someone managing an approved team. */
export async function complaintToDoCount(): Promise<number> {
  return (await complaintInbox('open', 1, 1)).counts.open;
}

/** Whether the caller made any complaint (我的 shows 我的投诉 then). */
export async function hasComplaints(): Promise<boolean> {
  return (await myComplaints(1, 1)).total > 0;
}
