// A sharer's token for an activity or a team: minted once by the server for the WeChat caller and reused, so that a
// share carries who shared it without the app ever saying so itself.
import { randomInt } from 'node:crypto';
import { findShareToken, insertShareToken, shareTokenFor, type ShareKind } from '../../db/share-token.repository';
import { isShareToken, shareTokenOf } from '../../domain/share-scene';

/** The caller's token for the target, minted on first use (62^8 tokens: a clash is retried, never expected). */
export async function ensureShareToken(kind: ShareKind, targetId: string, openid: string, at: Date): Promise<string> {
  const held = await shareTokenFor(kind, targetId, openid);
  if (held) return held._id;
  for (let attempt = 0; attempt < 5; attempt++) {
    const token = shareTokenOf(randomInt);
    if (await insertShareToken({ _id: token, kind, targetId, openid, createdAt: at })) return token;
  }
  throw new Error('no free share token after 5 attempts');
}

/** Who shared the target with this token; undefined for a token that is malformed, unknown or for another target. */
export async function sharerOf(token: string | undefined, kind: ShareKind, targetId: string): Promise<string | undefined> {
  if (!token || !isShareToken(token)) return undefined;
  const doc = await findShareToken(token);
  return doc && doc.kind === kind && doc.targetId === targetId ? doc.openid : undefined;
}

/** The target a token of this kind names. */
export async function targetOf(token: string, kind: ShareKind): Promise<string | undefined> {
  if (!isShareToken(token)) return undefined;
  const doc = await findShareToken(token);
  return doc?.kind === kind ? doc.targetId : undefined;
}
