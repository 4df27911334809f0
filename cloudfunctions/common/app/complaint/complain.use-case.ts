// org.complain (投诉): anyone with an SMS-verified phone (no volunteer registration needed) complains about a team or
// one of its activities. It goes to the team one level up (the root answers for itself), whose leaders and admins are
// told and answer within COMPLAINT_ANSWER_DAYS; the team complained about is never told. A phone complains a few times a day.
import { randomBytes } from 'node:crypto';
import {
  COMPLAINTS_PER_PHONE_DAY,
  DEFAULT_COMPLAINT_ANSWER_DAYS,
  type ComplaintOutput,
  type ComplaintTargetInput,
  type OrgComplainInput,
} from '@contract/complaint';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { env } from '../../env';
import { sealPhone } from '../../adapters/pii-cipher';
import { inTransaction } from '../../db/unit-of-work';
import { findOrg, type OrgDoc } from '../../db/org.repository';
import { findActivity } from '../../db/activity.repository';
import { releaseComplaintSlot, takeComplaintSlot, type ComplaintDoc } from '../../db/complaint.repository';
import { answerDueAt, complaintHandlerId, escalateAtOf } from '../../domain/complaint';
import { shanghaiDate } from '../../domain/shanghai-time';
import { verifySmsCode } from '../sms/verify-code';
import { consumeCode } from '../sms/consume-code';
import { complaintView, complaintViewer } from './complaint-view';
import { tellHandler } from './notify';

/** Days a handling team has to answer (COMPLAINT_ANSWER_DAYS, default 7). */
export const answerDays = (): number => env().COMPLAINT_ANSWER_DAYS ?? DEFAULT_COMPLAINT_ANSWER_DAYS;

const noTarget = () => new AppError(ErrorCode.COMPLAINT_TARGET_NOT_FOUND);

/** The approved team complained about and, for an activity, the activity. */
async function resolveTarget(target: ComplaintTargetInput): Promise<{ org: OrgDoc; activity?: { _id: string; title: string } }> {
  if ('orgId' in target) {
    const org = await findOrg(target.orgId);
    if (!org || org.status !== 'approved') throw noTarget();
    return { org };
  }
  const activity = await findActivity(target.activityId);
  const org = activity ? await findOrg(activity.orgId) : undefined;
  if (!activity || !org) throw noTarget();
  return { org, activity: { _id: activity._id, title: activity.title } };
}

export async function complain(input: OrgComplainInput, ctx: Ctx): Promise<ComplaintOutput> {
  const openid = requireOpenid(ctx);
  const { org, activity } = await resolveTarget(input.target);
  const handlerId = complaintHandlerId(org);
  const handler = handlerId === org._id ? org : await findOrg(handlerId);
  if (!handler) throw noTarget();
  // The code before the phone's count: without it, nothing tells whether the phone complained today.
  const code = await verifySmsCode('complaint', input.phone, input.smsCode, ctx.now);

  const sealed = sealPhone(input.phone);
  const day = shanghaiDate(ctx.now);
  if (!(await takeComplaintSlot(sealed.phoneHash, day, COMPLAINTS_PER_PHONE_DAY, ctx.now)))
    throw new AppError(ErrorCode.COMPLAINT_DAILY_LIMIT);

  const due = answerDueAt(ctx.now, answerDays());
  const escalateAt = escalateAtOf(handler, due);
  const doc: ComplaintDoc = {
    _id: randomBytes(16).toString('hex'),
    complainantOpenid: openid,
    targetOrgId: org._id,
    targetOrgName: org.name,
    ...(activity ? { activityId: activity._id, activityTitle: activity.title } : {}),
    category: input.category,
    content: input.content,
    contactName: input.contactName,
    ...sealed,
    anonymousToTeam: input.anonymousToTeam ?? false,
    status: 'open',
    handlerOrgId: handler._id,
    handlerOrgName: handler.name,
    answerDueAt: due,
    ...(escalateAt ? { escalateAt } : {}),
    shared: false,
    history: [{ step: 'submitted', at: ctx.now, orgName: handler.name }],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  try {
    await inTransaction(async (uow) => {
      await consumeCode(uow, code);
      await uow.addComplaint(doc);
    });
  } catch (err) {
    await releaseComplaintSlot(sealed.phoneHash, day);
    throw err;
  }
  await tellHandler(handler._id, handler.name, doc, '新投诉待答复', ctx.now);
  return { complaint: complaintView(doc, await complaintViewer(openid), ctx.now) };
}
