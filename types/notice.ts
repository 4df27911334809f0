// 通知公告: what a team's leader or admins publish to their team and every team below it. The body is a list of
// paragraphs (plain text) and images (a cloud file id or an https address), never HTML: nothing in it can run.
import { z } from 'zod';
import { IsoTimeSchema, ListInput, listOf } from './common';
import { PhotoUploadFields } from './photo';

export const NOTICE_TITLE_MAX = 40;
export const NOTICE_PARAGRAPH_MAX = 2000;
export const NOTICE_BLOCKS_MAX = 30;
export const NOTICE_IMAGES_MAX = 9;

/** A cloud file id (cloud://env.bucket/path) or an https address without spaces, quotes or angle brackets. */
export const NoticeImageSrc = z
  .string()
  .trim()
  .max(500, '图片地址过长')
  .regex(/^(cloud:\/\/[\w.-]+\/[^\s"'<>\\]+|https:\/\/[\w.-]+(:\d+)?(\/[^\s"'<>\\]*)?)$/, '图片须为云存储文件或以https://开头的地址');

export const NoticeBlock = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    text: z
      .string()
      .trim()
      .min(1, '段落不能为空')
      .max(NOTICE_PARAGRAPH_MAX, `每段最多${NOTICE_PARAGRAPH_MAX}字`)
      // Line breaks and tabs are kept; other control characters are not text.
      // eslint-disable-next-line no-control-regex
      .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), '段落中含有无法显示的字符'),
  }),
  z.object({ type: z.literal('image'), src: NoticeImageSrc }),
]);
export type NoticeBlock = z.infer<typeof NoticeBlock>;

export const NoticeBody = z
  .array(NoticeBlock)
  .min(1, '请填写通知内容')
  .max(NOTICE_BLOCKS_MAX, `内容最多${NOTICE_BLOCKS_MAX}段`)
  .refine((b) => b.some((x) => x.type === 'text'), '请至少填写一段文字')
  .refine((b) => b.filter((x) => x.type === 'image').length <= NOTICE_IMAGES_MAX, {
    message: `最多${NOTICE_IMAGES_MAX}张图片`,
    path: ['images'],
  });

export const OrgPublishNoticeInput = z.object({
  orgId: z.string().min(1).max(64),
  title: z.string().trim().min(2, '标题至少2个字').max(NOTICE_TITLE_MAX, `标题最多${NOTICE_TITLE_MAX}个字`),
  body: NoticeBody,
  pinned: z.boolean().optional(),
});
export type OrgPublishNoticeInput = z.infer<typeof OrgPublishNoticeInput>;

/** A notice as a list shows it. `readCount` only for the leader/admins of the publishing team. */
export const NoticeSummary = z.object({
  noticeId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  pinned: z.boolean(),
  publishedAt: IsoTimeSchema,
  read: z.boolean(),
  readCount: z.number().int().optional(),
});
export type NoticeSummary = z.infer<typeof NoticeSummary>;

/** A block as a notice shows it: an image also carries `url`, the address to display (a cloud file's temporary one). */
export const NoticeBlockView = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image'), src: z.string(), url: z.string().optional() }),
]);
export type NoticeBlockView = z.infer<typeof NoticeBlockView>;

export const Notice = NoticeSummary.extend({
  body: z.array(NoticeBlockView),
  /** How many members it was sent to (the 消息中心 copies), for the publishing team's managers. */
  audienceCount: z.number().int().optional(),
  /** The caller leads or administers the publishing team: may pin, unpin and delete it. */
  canManage: z.boolean(),
});
export type Notice = z.infer<typeof Notice>;

export const OrgPublishNoticeOutput = z.object({ notice: Notice, sentTo: z.number().int() });
export type OrgPublishNoticeOutput = z.infer<typeof OrgPublishNoticeOutput>;

export const OrgNoticesInput = ListInput;
export type OrgNoticesInput = z.infer<typeof OrgNoticesInput>;
/** Pinned first, then newest; `unread` counts the caller's unread notices. */
export const OrgNoticesOutput = listOf(NoticeSummary).extend({ unread: z.number().int() });
export type OrgNoticesOutput = z.infer<typeof OrgNoticesOutput>;

export const OrgNoticeInput = z.object({ noticeId: z.string().min(1).max(64) });
export type OrgNoticeInput = z.infer<typeof OrgNoticeInput>;
export const OrgNoticeOutput = z.object({ notice: Notice });
export type OrgNoticeOutput = z.infer<typeof OrgNoticeOutput>;

export const OrgPinNoticeInput = z.object({ noticeId: z.string().min(1).max(64), pinned: z.boolean() });
export type OrgPinNoticeInput = z.infer<typeof OrgPinNoticeInput>;
export const OrgDeleteNoticeOutput = z.object({ deleted: z.literal(true) });
export type OrgDeleteNoticeOutput = z.infer<typeof OrgDeleteNoticeOutput>;

/** 添加图片 in the notice editor: a picture for a notice of this team (same limits as activity photos). */
export const OrgAddNoticeImageInput = z.object({ orgId: z.string().min(1).max(64), ...PhotoUploadFields });
export type OrgAddNoticeImageInput = z.infer<typeof OrgAddNoticeImageInput>;
/** The cloud file id to put in an image block, and a temporary address for the editor's preview. */
export const OrgAddNoticeImageOutput = z.object({ fileId: z.string(), url: z.string() });
export type OrgAddNoticeImageOutput = z.infer<typeof OrgAddNoticeImageOutput>;

/** The page of a notice, as 消息中心 keeps it (without the leading slash, like every message's page). */
export const noticePage = (noticeId: string) => `pages/notice/index?id=${encodeURIComponent(noticeId)}`;

/** The text of a textarea as paragraphs (split at blank or single line breaks), and image addresses, one a line. */
export function noticeBodyOf(text: string, images: string): NoticeBlock[] {
  const paragraphs = text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((t) => ({ type: 'text' as const, text: t }));
  const pictures = images
    .split(/\s+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((src) => ({ type: 'image' as const, src }));
  return [...paragraphs, ...pictures];
}
