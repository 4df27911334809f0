// 消息中心 as stored: one document per notice and addressee, newest read first; `read` flips once.
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';
import type { MessageKind } from '@contract/enums';

export interface MessageDoc {
  _id: string;
  openid: string;
  kind: MessageKind;
  title: string;
  body: string;
  page?: string;
  read: boolean;
  createdAt: Date;
  readAt?: Date;
}

const messages = () => database().collection(C.messages);

export async function keepMessage(doc: Omit<MessageDoc, '_id' | 'read'>): Promise<void> {
  await unwrap(messages().add({ ...doc, read: false }));
}

export async function pageMessages(openid: string, opts: { unreadOnly?: boolean; skip: number; limit: number }): Promise<MessageDoc[]> {
  const where = opts.unreadOnly ? { openid, read: false } : { openid };
  const res = await unwrap(messages().where(where).orderBy('createdAt', 'desc').skip(opts.skip).limit(opts.limit).get());
  return res.data as MessageDoc[];
}

export async function countMessages(openid: string, unreadOnly = false): Promise<number> {
  return (
    await unwrap(
      messages()
        .where(unreadOnly ? { openid, read: false } : { openid })
        .count(),
    )
  ).total;
}

/** Marks the addressee's unread messages read (the named ones, or all): someone else's ids match nothing. */
export async function markRead(openid: string, ids: string[] | 'all', at: Date): Promise<void> {
  const _ = database().command;
  const where = ids === 'all' ? { openid, read: false } : { openid, read: false, _id: _.in(ids) };
  await unwrap(messages().where(where).update({ read: true, readAt: at }));
}
