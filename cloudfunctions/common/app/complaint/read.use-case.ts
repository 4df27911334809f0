// org.myComplaints / org.complaintInbox: the complainant's own complaints with their answers, and 投诉处理 — the
// complaints addressed to the caller's teams, plus those the handling team chose to share with them.
import type { ComplaintInboxInput, ComplaintInboxOutput, ComplaintListOutput, MyComplaintsInput } from '@contract/complaint';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { countWaiting, pageComplaintInbox, pageComplaintsOf } from '../../db/complaint.repository';
import { complaintView, complaintViewer } from './complaint-view';

const paging = (input: { page?: number; pageSize?: number }) => {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  return { page, pageSize, skip: (page - 1) * pageSize };
};

export async function myComplaints(input: MyComplaintsInput, ctx: Ctx): Promise<ComplaintListOutput> {
  const openid = requireOpenid(ctx);
  const { page, pageSize, skip } = paging(input);
  const [{ items, total }, v] = await Promise.all([pageComplaintsOf(openid, skip, pageSize), complaintViewer(openid)]);
  return { items: items.map((c) => complaintView(c, v, ctx.now)), total, page };
}

export async function complaintInbox(input: ComplaintInboxInput, ctx: Ctx): Promise<ComplaintInboxOutput> {
  const openid = requireOpenid(ctx);
  const v = await complaintViewer(openid);
  const managed = v.grants.map((g) => g.orgId);
  if (managed.length === 0) throw new AppError(ErrorCode.AUTH_FORBIDDEN, '只有队伍负责人或管理员可以处理投诉');
  const { page, pageSize, skip } = paging(input);
  const [{ items, total }, counts] = await Promise.all([
    pageComplaintInbox(managed, input.status, skip, pageSize),
    countWaiting(managed, ctx.now),
  ]);
  return { items: items.map((c) => complaintView(c, v, ctx.now)), total, page, counts };
}
