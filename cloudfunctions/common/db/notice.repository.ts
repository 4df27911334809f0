// 通知公告 as stored, who read them, and the members a notice reaches (a team and every approved team below it).
import { database } from '../cloud';
import { C } from './collections';
import { unwrap, writtenUnlessDuplicate } from './db-result';
import { pageAll } from './checkin.repository';
import type { NoticeBlock } from '@contract/notice';

export interface NoticeDoc {
  _id: string;
  orgId: string;
  orgName: string;
  title: string;
  body: NoticeBlock[];
  pinned: boolean;
  publishedAt: Date;
  publishedBy: string;
  /** How many members it was sent to (their 消息中心 copies). */
  audienceCount: number;
}

export interface NoticeReadDoc {
  _id: string;
  noticeId: string;
  /** The publishing team, so that a reader's unread count is two counts over the same teams. */
  orgId: string;
  openid: string;
  readAt: Date;
}

const notices = () => database().collection(C.notices);
const reads = () => database().collection(C.noticeReads);
/** Ids per `_.in` condition and documents per page. */
const IN_CHUNK = 100;
const PAGE = 1000;

export async function insertNotice(doc: Omit<NoticeDoc, '_id'>): Promise<string> {
  const res = (await unwrap(notices().add(doc))) as { id: string };
  return res.id;
}

export async function setPinned(noticeId: string, pinned: boolean): Promise<void> {
  await unwrap(notices().doc(noticeId).update({ pinned }));
}

/** Removes the notice, then its read marks (so that no reader's unread count counts them). */
export async function removeNotice(noticeId: string): Promise<void> {
  await unwrap(notices().doc(noticeId).remove());
  await unwrap(reads().where({ noticeId }).remove());
}

export async function findNotice(noticeId: string): Promise<NoticeDoc | undefined> {
  const res = await unwrap(notices().doc(noticeId).get());
  return (res.data as NoticeDoc[])[0];
}

/** One page of the notices of these teams (a volunteer's few teams and their ancestors), pinned first, then newest; with the total. */
export async function pageNoticesOf(orgIds: string[], skip: number, limit: number): Promise<{ items: NoticeDoc[]; total: number }> {
  if (orgIds.length === 0) return { items: [], total: 0 };
  const where = { orgId: database().command.in(orgIds) };
  const [list, count] = await Promise.all([
    unwrap(notices().where(where).orderBy('pinned', 'desc').orderBy('publishedAt', 'desc').skip(skip).limit(limit).get()),
    unwrap(notices().where(where).count()),
  ]);
  return { items: list.data as NoticeDoc[], total: count.total };
}

/** How many notices of these teams the reader has opened. */
export async function countReadsBy(openid: string, orgIds: string[]): Promise<number> {
  if (orgIds.length === 0) return 0;
  return (
    await unwrap(
      reads()
        .where({ openid, orgId: database().command.in(orgIds) })
        .count(),
    )
  ).total;
}

/** Which of these notices the reader has opened. */
export async function readByOf(openid: string, noticeIds: string[]): Promise<Set<string>> {
  if (noticeIds.length === 0) return new Set();
  const res = await unwrap(
    reads()
      .where({ openid, noticeId: database().command.in(noticeIds) })
      .field({ noticeId: true })
      .limit(noticeIds.length)
      .get(),
  );
  return new Set((res.data as { noticeId: string }[]).map((r) => r.noticeId));
}

/** Readers per notice: one grouped read. */
export async function readCountsOf(noticeIds: string[]): Promise<Map<string, number>> {
  if (noticeIds.length === 0) return new Map();
  const db = database();
  const $ = db.command.aggregate;
  const res = await unwrap(
    reads()
      .aggregate()
      .match({ noticeId: db.command.in(noticeIds) })
      .group({ _id: '$noticeId', n: $.sum(1) })
      .limit(noticeIds.length)
      .end(),
  );
  const rows = (res as { data?: { _id: string; n: number }[] }).data ?? [];
  return new Map(rows.map((r) => [r._id, r.n]));
}

/** Records the first reading of a notice by a reader; false when they had read it before. */
export const markNoticeRead = (doc: NoticeReadDoc): Promise<boolean> => writtenUnlessDuplicate(reads().add(doc));

/**
 * The openids of everyone with an approved, unfrozen membership of these teams, each once. Projected reads, in
 * chunks of 100 teams and pages of 1000 memberships.
 */
export async function approvedMemberOpenids(orgIds: readonly string[]): Promise<string[]> {
  const _ = database().command;
  const ids = [...new Set(orgIds)];
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const chunk = ids.slice(i, i + IN_CHUNK);
    const rows = await pageAll<{ openid: string }>((skip) =>
      database()
        .collection(C.memberships)
        .where({ orgId: _.in(chunk), status: 'approved', frozen: _.neq(true) })
        .field({ openid: true })
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(PAGE)
        .get(),
    );
    for (const r of rows) out.add(r.openid);
  }
  return [...out];
}

/** The ids of the approved teams anywhere below `orgId` (their `path` holds it). */
export async function approvedDescendantIds(orgId: string): Promise<string[]> {
  const rows = await pageAll<{ _id: string }>((skip) =>
    database()
      .collection(C.orgs)
      .where({ path: orgId, status: 'approved' })
      .field({ _id: true })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get(),
  );
  return rows.map((r) => r._id);
}
