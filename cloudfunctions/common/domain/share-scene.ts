// Share tokens and the activity poster's 小程序码 scene: what a scene may look like and how it reads back. A token is
// an opaque name the server minted for one sharer and one target; the scene of an activity is its code key, then the
// token: `<codeKey>.<token>` (17 characters, within WeChat's 32).
import { BASE62, CODE_KEY_LENGTH } from './checkin-code';

export const SHARE_TOKEN_LENGTH = 8;
const TOKEN = new RegExp(`^[0-9A-Za-z]{${SHARE_TOKEN_LENGTH}}$`);
const KEY = new RegExp(`^[0-9A-Za-z]{${CODE_KEY_LENGTH}}$`);

/** Whether `s` could be a token at all (anything else is not looked up). */
export const isShareToken = (s: string): boolean => TOKEN.test(s);

/** A token from `randomIndex(62)` draws. */
export const shareTokenOf = (randomIndex: (n: number) => number): string =>
  Array.from({ length: SHARE_TOKEN_LENGTH }, () => BASE62[randomIndex(62)]).join('');

export const activityScene = (codeKey: string, token?: string): string => (token ? `${codeKey}.${token}` : codeKey);

/** The code key and token of an activity scene, or undefined when it cannot be one. */
export function readActivityScene(scene: string): { key: string; token?: string } | undefined {
  const [key, token, ...rest] = scene.split('.');
  if (rest.length > 0 || !KEY.test(key)) return undefined;
  if (token === undefined) return { key };
  return isShareToken(token) ? { key, token } : undefined;
}

/** Who, if anyone, gets the credit for an enrollment: never the volunteer themself. */
export const creditedSharer = (sharer: string | undefined, enrollee: string): string | undefined =>
  sharer && sharer !== enrollee ? sharer : undefined;
