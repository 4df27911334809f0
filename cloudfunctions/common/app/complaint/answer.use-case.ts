// org.answerComplaint / org.shareComplaint: a leader or admin of the handling team answers once (two answers at once:
// one wins) and may share the complaint with the team complained about. Nobody judges their own team: a manager who is
// also a member of the team complained about is refused with AUTH.SELF_DEALING.
import type { AnswerComplaintInput, ComplaintOutput, ShareComplaintInput } from '@contract/complaint';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { answerIf, findComplaint, setSharedIf, type ComplaintDoc } from '../../db/complaint.repository';
import { answerVerdict, complaintView, complaintViewer, maySee, type ComplaintViewer } from './complaint-view';
import { tellComplainant } from './notify';

/** The complaint, if the caller may decide on it: COMPLAINT.NOT_FOUND, AUTH.FORBIDDEN or AUTH.SELF_DEALING otherwise. */
async function decidable(complaintId: string, openid: string, verb: string): Promise<{ c: ComplaintDoc; v: ComplaintViewer }> {
  const [c, v] = await Promise.all([findComplaint(complaintId), complaintViewer(openid)]);
  if (!c) throw new AppError(ErrorCode.COMPLAINT_NOT_FOUND);
  const verdict = answerVerdict(c, v);
  if (verdict === 'forbidden')
    throw new AppError(ErrorCode.AUTH_FORBIDDEN, `只有受理投诉队伍（${c.handlerOrgName}）的负责人或管理员可以${verb}`);
  if (verdict === 'self')
    throw new AppError(
      ErrorCode.AUTH_SELF_DEALING,
      '您也是被投诉队伍的队员，不能处理对该队的投诉，须由受理队伍的其他负责人或管理员处理，逾期将转上级队伍',
      { decidedBy: 'team' },
    );
  return { c, v };
}

async function answerOf(complaintId: string, v: ComplaintViewer, now: Date): Promise<ComplaintOutput> {
  const c = await findComplaint(complaintId);
  if (!c || !maySee(c, v)) throw new AppError(ErrorCode.COMPLAINT_NOT_FOUND);
  return { complaint: complaintView(c, v, now) };
}

export async function answerComplaint(input: AnswerComplaintInput, ctx: Ctx): Promise<ComplaintOutput> {
  const openid = requireOpenid(ctx);
  const { c, v } = await decidable(input.complaintId, openid, '答复');
  if (c.status !== 'open') throw new AppError(ErrorCode.COMPLAINT_ANSWERED);
  const shared = input.shareWithTeam ?? c.shared;
  const steps = [{ step: 'answered' as const, at: ctx.now, orgName: c.handlerOrgName, by: openid }];
  const ok = await answerIf(
    c._id,
    c.handlerOrgId,
    { text: input.answer, orgName: c.handlerOrgName, at: ctx.now, by: openid },
    shared,
    steps[0],
  );
  // Answered by someone else meanwhile, or moved up to the next team.
  if (!ok) throw new AppError(ErrorCode.COMPLAINT_ANSWERED, '该投诉已答复或已转上级队伍，请刷新后查看');
  await tellComplainant(c, '已答复', `${c.handlerOrgName}：${input.answer}`, ctx.now);
  return answerOf(c._id, v, ctx.now);
}

export async function shareComplaint(input: ShareComplaintInput, ctx: Ctx): Promise<ComplaintOutput> {
  const openid = requireOpenid(ctx);
  const { c, v } = await decidable(input.complaintId, openid, '共享');
  if (c.shared !== input.shared) {
    const step = { step: input.shared ? ('shared' as const) : ('unshared' as const), at: ctx.now, orgName: c.handlerOrgName, by: openid };
    // False when it was moved up meanwhile (then the next team decides) or someone set the same already.
    await setSharedIf(c._id, c.handlerOrgId, input.shared, step);
  }
  return answerOf(c._id, v, ctx.now);
}
