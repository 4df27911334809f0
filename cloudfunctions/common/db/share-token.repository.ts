// Share tokens: `_id` = the token (inserting it claims it), naming who shared (`openid`) which activity or which team
// a manager invited to (`kind`, `targetId`).
import { database } from '../cloud';
import { C } from './collections';
import { unwrap, writtenUnlessDuplicate } from './db-result';

export type ShareKind = 'activity' | 'org';

export interface ShareTokenDoc {
  _id: string;
  kind: ShareKind;
  targetId: string;
  openid: string;
  createdAt: Date;
}

const tokens = () => database().collection(C.shareTokens);

/** Claims the token; false when it is taken (a clash of random tokens). */
export const insertShareToken = (doc: ShareTokenDoc): Promise<boolean> => writtenUnlessDuplicate(tokens().add(doc));

export async function findShareToken(token: string): Promise<ShareTokenDoc | undefined> {
  const res = await unwrap(tokens().doc(token).get());
  return (res.data as ShareTokenDoc[])[0];
}

/** The sharer's earliest token for the target, if they have one. */
export async function shareTokenFor(kind: ShareKind, targetId: string, openid: string): Promise<ShareTokenDoc | undefined> {
  const res = await unwrap(tokens().where({ openid, targetId, kind }).orderBy('createdAt', 'asc').limit(1).get());
  return (res.data as ShareTokenDoc[])[0];
}

/** 注销: the person's tokens go; their links stop crediting anyone (enrollments already credited stay counted). */
export async function deleteShareTokensOf(openid: string): Promise<void> {
  await unwrap(tokens().where({ openid }).remove());
}
