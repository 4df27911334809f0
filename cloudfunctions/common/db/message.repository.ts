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

/** Documents per insert when one notice reaches many people: one request per 100 addressees, one after another. */
export const MESSAGE_BATCH = 100;

/** Keeps the same notice for many addressees in batches of MESSAGE_BATCH; answers how many were kept. */
export async function keepMessages(openids: readonly string[], doc: Omit<MessageDoc, '_id' | 'read' | 'openid'>): Promise<number> {
  let kept = 0;
  for (let i = 0; i < openids.length; i += MESSAGE_BATCH) {
    const batch = openids.slice(i, i + MESSAGE_BATCH).map((openid) => ({ ...doc, openid, read: false }));
    await unwrap(messages().add(batch));
    kept += batch.length;
  }
  return kept;
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

/** Marks the addressee's unread messages about one page read (opening a notice reads its 消息中心 copy). */
export async function markReadByPage(openid: string, page: string, at: Date): Promise<void> {
  await unwrap(messages().where({ openid, read: false, page }).update({ read: true, readAt: at }));
}
