// org.publishNotice / org.notices / org.notice: 通知公告. The leader and admins of a team publish to it and every
// approved team below it; each member there finds it in 消息中心 and on 首页. Read counts are for the publishing
// team's managers only.
import {
  noticePage,
  type Notice,
  type NoticeSummary,
  type OrgNoticeInput,
  type OrgNoticeOutput,
  type OrgNoticesInput,
  type OrgNoticesOutput,
  type OrgDeleteNoticeOutput,
  type OrgPinNoticeInput,
  type OrgPublishNoticeInput,
  type OrgPublishNoticeOutput,
  type OrgAddNoticeImageInput,
  type OrgAddNoticeImageOutput,
  type NoticeBlock,
  type NoticeBlockView,
} from '@contract/notice';
import { randomBytes } from 'node:crypto';
import { fileStorage } from '../../adapters';
import { acceptedPicture } from '../picture';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { requireManager, requireManagedOrg } from '../access';
import { canManage } from '../../domain/org-access';
import { toIso } from '../../domain/shanghai-time';
import {
  approvedDescendantIds,
  approvedMemberOpenids,
  countReadsBy,
  findNotice,
  insertNotice,
  markNoticeRead,
  pageNoticesOf,
  readByOf,
  readCountsOf,
  removeNotice,
  setPinned,
  type NoticeDoc,
} from '../../db/notice.repository';
import { keepMessages, markReadByPage } from '../../db/message.repository';
import { noticeReader, type NoticeReader } from './audience';

export function noticeSummary(doc: NoticeDoc, read: boolean, readCount?: number): NoticeSummary {
  return {
    noticeId: doc._id,
    orgId: doc.orgId,
    orgName: doc.orgName,
    title: doc.title,
    pinned: doc.pinned,
    publishedAt: toIso(new Date(doc.publishedAt)),
    read,
    ...(readCount === undefined ? {} : { readCount }),
  };
}

/** The body as pages show it: images from cloud storage get a temporary address (one storage call for all of them). */
async function bodyView(body: readonly NoticeBlock[]): Promise<NoticeBlockView[]> {
  const cloudIds = body.flatMap((b) => (b.type === 'image' && b.src.startsWith('cloud://') ? [b.src] : []));
  const urls = cloudIds.length > 0 ? await fileStorage().urls(cloudIds) : new Map<string, string>();
  return body.map((b) => {
    if (b.type === 'text') return b;
    const url = b.src.startsWith('cloud://') ? urls.get(b.src) : b.src;
    return url === undefined ? { type: 'image', src: b.src } : { type: 'image', src: b.src, url };
  });
}

async function noticeView(doc: NoticeDoc, read: boolean, manager: boolean, readCount?: number): Promise<Notice> {
  return {
    ...noticeSummary(doc, read, manager ? (readCount ?? 0) : undefined),
    body: await bodyView(doc.body),
    ...(manager ? { audienceCount: doc.audienceCount } : {}),
    canManage: manager,
  };
}

export async function publishNotice(input: OrgPublishNoticeInput, ctx: Ctx): Promise<OrgPublishNoticeOutput> {
  const openid = requireOpenid(ctx);
  const { org } = await requireManagedOrg(openid, input.orgId, '只有本队的负责人或管理员可以发布通知公告', { approvedOnly: true });
  // The audience is read before anything is written: a failed read leaves no notice behind.
  const teams = [org._id, ...(await approvedDescendantIds(org._id))];
  const audience = (await approvedMemberOpenids(teams)).filter((o) => o !== openid);
  const doc: Omit<NoticeDoc, '_id'> = {
    orgId: org._id,
    orgName: org.name,
    title: input.title,
    body: input.body,
    pinned: input.pinned ?? false,
    publishedAt: ctx.now,
    publishedBy: openid,
    audienceCount: audience.length,
  };
  const noticeId = await insertNotice(doc);
  let sentTo = 0;
  try {
    sentTo = await keepMessages(audience, {
      kind: 'noticePublished',
      title: `通知公告：${input.title}`,
      body: `${org.name}发布了通知公告，点击查看全文`,
      page: noticePage(noticeId),
      createdAt: ctx.now,
    });
  } catch (err) {
    // The notice stands (it shows on 首页 and in the list); only some 消息中心 copies are missing.
    console.error(`[notice] ${noticeId}: 消息中心 copies stopped after ${sentTo} of ${audience.length}`, err);
  }
  return { notice: await noticeView({ ...doc, _id: noticeId }, false, true, 0), sentTo };
}

/** The summaries of a page of notices for this reader: read marks, and read counts where they manage the publisher. */
export async function summariesFor(openid: string, reader: NoticeReader, docs: NoticeDoc[]): Promise<NoticeSummary[]> {
  const managed = docs.filter((d) => canManage(reader.grants, { _id: d.orgId })).map((d) => d._id);
  const [read, counts] = await Promise.all([
    readByOf(
      openid,
      docs.map((d) => d._id),
    ),
    readCountsOf(managed),
  ]);
  return docs.map((d) => noticeSummary(d, read.has(d._id), managed.includes(d._id) ? (counts.get(d._id) ?? 0) : undefined));
}

/** A page of the reader's notices with the unread count. */
export async function noticesOf(
  openid: string,
  reader: NoticeReader,
  page: number,
  pageSize: number,
): Promise<{ items: NoticeSummary[]; total: number; unread: number }> {
  if (reader.teams.length === 0) return { items: [], total: 0, unread: 0 };
  const [{ items, total }, readTotal] = await Promise.all([
    pageNoticesOf(reader.teams, (page - 1) * pageSize, pageSize),
    countReadsBy(openid, reader.teams),
  ]);
  return { items: await summariesFor(openid, reader, items), total, unread: Math.max(0, total - readTotal) };
}

export async function notices(input: OrgNoticesInput, ctx: Ctx): Promise<OrgNoticesOutput> {
  const openid = requireOpenid(ctx);
  const page = input.page ?? 1;
  const result = await noticesOf(openid, await noticeReader(openid), page, input.pageSize ?? 20);
  return { ...result, page };
}

export async function notice(input: OrgNoticeInput, ctx: Ctx): Promise<OrgNoticeOutput> {
  const openid = requireOpenid(ctx);
  const [doc, reader] = await Promise.all([findNotice(input.noticeId), noticeReader(openid)]);
  if (!doc) throw new AppError(ErrorCode.NOTICE_NOT_FOUND);
  if (!reader.teams.includes(doc.orgId)) throw new AppError(ErrorCode.NOTICE_NOT_IN_AUDIENCE);
  const manager = canManage(reader.grants, { _id: doc.orgId });
  // Opening it reads it, here and in 消息中心.
  await Promise.all([
    markNoticeRead({ _id: `${doc._id}_${openid}`, noticeId: doc._id, orgId: doc.orgId, openid, readAt: ctx.now }),
    markReadByPage(openid, noticePage(doc._id), ctx.now),
  ]);
  const counts = manager ? await readCountsOf([doc._id]) : undefined;
  return { notice: await noticeView(doc, true, manager, counts?.get(doc._id)) };
}

/** The notice, for the leader/admins of its team (AUTH.FORBIDDEN for everyone else, NOTICE.NOT_FOUND when gone). */
async function managedNotice(openid: string, noticeId: string): Promise<NoticeDoc> {
  const doc = await findNotice(noticeId);
  if (!doc) throw new AppError(ErrorCode.NOTICE_NOT_FOUND);
  await requireManager(openid, doc.orgId, '只有发布队伍的负责人或管理员可以管理这则通知公告');
  return doc;
}

export async function pinNotice(input: OrgPinNoticeInput, ctx: Ctx): Promise<OrgNoticeOutput> {
  const openid = requireOpenid(ctx);
  const doc = await managedNotice(openid, input.noticeId);
  if (doc.pinned !== input.pinned) await setPinned(doc._id, input.pinned);
  const [read, counts] = await Promise.all([readByOf(openid, [doc._id]), readCountsOf([doc._id])]);
  return { notice: await noticeView({ ...doc, pinned: input.pinned }, read.has(doc._id), true, counts.get(doc._id)) };
}

/** Deleting takes the notice off every list; its 消息中心 copies stay and say it was deleted when opened. */
export async function deleteNotice(input: OrgNoticeInput, ctx: Ctx): Promise<OrgDeleteNoticeOutput> {
  const openid = requireOpenid(ctx);
  const doc = await managedNotice(openid, input.noticeId);
  await removeNotice(doc._id);
  return { deleted: true };
}

/** 添加图片 while writing a notice: the picture goes to cloud storage; the editor puts its file id in an image block. */
export async function addNoticeImage(input: OrgAddNoticeImageInput, ctx: Ctx): Promise<OrgAddNoticeImageOutput> {
  const openid = requireOpenid(ctx);
  const { org } = await requireManagedOrg(openid, input.orgId, '只有本队的负责人或管理员可以发布通知公告', { approvedOnly: true });
  const picture = acceptedPicture(input);
  const storage = fileStorage();
  const fileId = await storage.upload(`notices/${org._id}/${randomBytes(8).toString('hex')}.${picture.extension}`, picture.bytes);
  const urls = await storage.urls([fileId]);
  return { fileId, url: urls.get(fileId) ?? '' };
}
