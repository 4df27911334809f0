// 消息中心: every notice the product sends a volunteer (review results, activity changes, reminders …) is also kept in
// the app, unread until opened; a subscribe message may never arrive (none subscribed, or one-time ones used up).
import { z } from 'zod';
import { IsoTimeSchema, ListInput, listOf } from './common';
import { MESSAGE_KINDS } from './enums';

export const MessageItem = z.object({
  messageId: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  title: z.string(),
  body: z.string(),
  /** The page it is about (e.g. pages/activity-detail/index?id=…), opened from the list. */
  page: z.string().optional(),
  createdAt: IsoTimeSchema,
  read: z.boolean(),
});
export type MessageItem = z.infer<typeof MessageItem>;

export const UserMessagesInput = ListInput.extend({ unreadOnly: z.boolean().optional() });
export type UserMessagesInput = z.infer<typeof UserMessagesInput>;
/** Newest first; `unread` counts all the caller's unread messages, not only this page. */
export const UserMessagesOutput = listOf(MessageItem).extend({ unread: z.number().int() });
export type UserMessagesOutput = z.infer<typeof UserMessagesOutput>;

/** Marks the caller's own messages read: the ones named, or every one (`all`). Others' ids change nothing. */
export const UserReadMessagesInput = z
  .object({
    messageIds: z.array(z.string().min(1).max(64)).min(1).max(100).optional(),
    all: z.literal(true).optional(),
  })
  .refine((i) => (i.messageIds ? 1 : 0) + (i.all ? 1 : 0) === 1, { message: '请指定要标为已读的消息，或全部标为已读' });
export type UserReadMessagesInput = z.infer<typeof UserReadMessagesInput>;
export const UnreadOutput = z.object({ unread: z.number().int() });
export type UnreadOutput = z.infer<typeof UnreadOutput>;
