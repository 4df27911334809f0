// user.messages / user.readMessages / user.unreadMessages: the caller's own 消息中心. The addressee is the WeChat
// caller, never an input: nobody lists or marks another person's messages.
import type { UnreadOutput, UserMessagesInput, UserMessagesOutput, UserReadMessagesInput } from '@contract/message';
import { requireOpenid, type Ctx } from '../../handler';
import { countMessages, markRead, pageMessages, type MessageDoc } from '../../db/message.repository';
import { toIso } from '../../domain/shanghai-time';

const view = (m: MessageDoc) => ({
  messageId: m._id,
  kind: m.kind,
  title: m.title,
  body: m.body,
  ...(m.page ? { page: m.page } : {}),
  createdAt: toIso(new Date(m.createdAt)),
  read: m.read,
});

export async function messages(input: UserMessagesInput, ctx: Ctx): Promise<UserMessagesOutput> {
  const openid = requireOpenid(ctx);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const [docs, total, unread] = await Promise.all([
    pageMessages(openid, { unreadOnly: input.unreadOnly, skip: (page - 1) * pageSize, limit: pageSize }),
    countMessages(openid, input.unreadOnly),
    countMessages(openid, true),
  ]);
  return { items: docs.map(view), total, page, unread };
}

export async function readMessages(input: UserReadMessagesInput, ctx: Ctx): Promise<UnreadOutput> {
  const openid = requireOpenid(ctx);
  await markRead(openid, input.all ? 'all' : (input.messageIds ?? []), ctx.now);
  return { unread: await countMessages(openid, true) };
}

export async function unreadMessages(_input: unknown, ctx: Ctx): Promise<UnreadOutput> {
  return { unread: await countMessages(requireOpenid(ctx), true) };
}
