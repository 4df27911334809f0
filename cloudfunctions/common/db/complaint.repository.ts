// 投诉 as stored: the team complained about (and the activity), the contact phone sealed, the team answering it now
// (`handlerOrgId`), its due time, the answer, whether it is shared with the team complained about, and a history.
// Every change is one conditional update: two answers at once leave one, an answer and a move up never both land.
import { database } from '../cloud';
import { C } from './collections';
import { releaseCounted, takeCounted } from './bounded-counter';
import { unwrap } from './db-result';
import type { ComplaintCategory, ComplaintStatus, ComplaintStep } from '@contract/complaint';

export interface ComplaintStepDoc extends Omit<ComplaintStep, 'at'> {
  at: Date;
  by?: string;
}

export interface ComplaintDoc {
  _id: string;
  complainantOpenid: string;
  targetOrgId: string;
  targetOrgName: string;
  activityId?: string;
  activityTitle?: string;
  category: ComplaintCategory;
  content: string;
  contactName: string;
  phoneEnc: string;
  phoneHash: string;
  anonymousToTeam: boolean;
  status: ComplaintStatus;
  handlerOrgId: string;
  handlerOrgName: string;
  answerDueAt: Date;
  /** When an unanswered complaint moves up to the handler's parent; absent at the root and once answered. */
  escalateAt?: Date;
  answer?: { text: string; orgName: string; at: Date; by: string };
  shared: boolean;
  history: ComplaintStepDoc[];
  createdAt: Date;
  updatedAt: Date;
}

const complaints = () => database().collection(C.complaints);

export async function findComplaint(complaintId: string): Promise<ComplaintDoc | undefined> {
  const res = await unwrap(complaints().doc(complaintId).get());
  return (res.data as ComplaintDoc[])[0];
}

/** Answers it if it is still open at `handlerOrgId`: the one write that decides two answers at once. */
export async function answerIf(
  complaintId: string,
  handlerOrgId: string,
  answer: NonNullable<ComplaintDoc['answer']>,
  shared: boolean,
  step: ComplaintStepDoc,
): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    complaints()
      .where({ _id: complaintId, status: 'open', handlerOrgId })
      .update({ status: 'answered', answer, shared, escalateAt: _.remove(), updatedAt: step.at, history: _.push([step]) }),
  );
  return res.updated === 1;
}

/** Shares it with the team complained about (or stops), while `handlerOrgId` handles it; false when that changed. */
export async function setSharedIf(complaintId: string, handlerOrgId: string, shared: boolean, step: ComplaintStepDoc): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    complaints()
      .where({ _id: complaintId, handlerOrgId, shared: !shared })
      .update({ shared, updatedAt: step.at, history: _.push([step]) }),
  );
  return res.updated === 1;
}

/** Moves an unanswered complaint from `fromOrgId` to the next team up; false when it was answered or moved first. */
export async function moveUpIf(
  complaintId: string,
  fromOrgId: string,
  to: { handlerOrgId: string; handlerOrgName: string; answerDueAt: Date; escalateAt?: Date },
  step: ComplaintStepDoc,
): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    complaints()
      .where({ _id: complaintId, status: 'open', handlerOrgId: fromOrgId })
      .update({
        handlerOrgId: to.handlerOrgId,
        handlerOrgName: to.handlerOrgName,
        answerDueAt: to.answerDueAt,
        escalateAt: to.escalateAt ?? _.remove(),
        updatedAt: step.at,
        history: _.push([step]),
      }),
  );
  return res.updated === 1;
}

/** A page of the complainant's own complaints, newest first, with the total. */
export async function pageComplaintsOf(openid: string, skip: number, limit: number): Promise<{ items: ComplaintDoc[]; total: number }> {
  const where = { complainantOpenid: openid };
  const [list, count] = await Promise.all([
    unwrap(complaints().where(where).orderBy('createdAt', 'desc').skip(skip).limit(limit).get()),
    unwrap(complaints().where(where).count()),
  ]);
  return { items: list.data as ComplaintDoc[], total: count.total };
}

/** Whether the complainant made any complaint (我的 shows 我的投诉 then). */
export async function hasComplaints(openid: string): Promise<boolean> {
  return (await unwrap(complaints().where({ complainantOpenid: openid }).limit(1).get())).data.length > 0;
}

/** Those addressed to `handling` teams, and those the handler shared with `complainedAbout` teams. */
function inboxWhere(handling: readonly string[], complainedAbout: readonly string[], status?: ComplaintStatus): object {
  const _ = database().command;
  const byStatus = status ? { status } : {};
  return _.or([
    { ...byStatus, handlerOrgId: _.in([...handling]) },
    { ...byStatus, targetOrgId: _.in([...complainedAbout]), shared: true },
  ]);
}

/** One page of 投诉处理, the waiting ones oldest first, otherwise newest first; with the total. */
export async function pageComplaintInbox(
  managed: readonly string[],
  status: ComplaintStatus | undefined,
  skip: number,
  limit: number,
): Promise<{ items: ComplaintDoc[]; total: number }> {
  if (managed.length === 0) return { items: [], total: 0 };
  const where = inboxWhere(managed, managed, status);
  const [list, count] = await Promise.all([
    unwrap(
      complaints()
        .where(where)
        .orderBy('createdAt', status === 'open' ? 'asc' : 'desc')
        .skip(skip)
        .limit(limit)
        .get(),
    ),
    unwrap(complaints().where(where).count()),
  ]);
  return { items: list.data as ComplaintDoc[], total: count.total };
}

/** Complaints waiting for the `managed` teams' answer, and how many of those are past due at `now`. */
export async function countWaiting(managed: readonly string[], now: Date): Promise<{ open: number; overdue: number }> {
  if (managed.length === 0) return { open: 0, overdue: 0 };
  const _ = database().command;
  const where = { status: 'open', handlerOrgId: _.in([...managed]) };
  const [open, overdue] = await Promise.all([
    unwrap(complaints().where(where).count()),
    unwrap(
      complaints()
        .where({ ...where, answerDueAt: _.lt(now) })
        .count(),
    ),
  ]);
  return { open: open.total, overdue: overdue.total };
}

/** Unanswered complaints due to move up at `now` (the cron's job), the longest waiting first. */
export async function complaintsDueToMoveUp(now: Date, limit: number): Promise<ComplaintDoc[]> {
  const _ = database().command;
  const res = await unwrap(
    complaints()
      .where({ status: 'open', escalateAt: _.lte(now) })
      .orderBy('escalateAt', 'asc')
      .limit(limit)
      .get(),
  );
  return res.data as ComplaintDoc[];
}

/** Takes one of the phone's complaints for the day (COMPLAINTS_PER_PHONE_DAY); false when they are used up. */
export const takeComplaintSlot = (phoneHash: string, day: string, limit: number, at: Date): Promise<boolean> =>
  takeCounted(C.complaintQuota, `${phoneHash}_${day}`, limit, { day, createdAt: at });

/** Gives the slot back when the complaint was not stored after all. */
export const releaseComplaintSlot = (phoneHash: string, day: string): Promise<void> =>
  releaseCounted(C.complaintQuota, `${phoneHash}_${day}`);
