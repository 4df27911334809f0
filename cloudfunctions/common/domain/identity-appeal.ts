// 身份冲突: who decides an appeal against the account holding someone's ID number, and the keys that keep one open
// appeal per appellant and number. Pure: the use cases read the grants and the people, this decides.
import { canManage, type Grant } from './org-access';

/** allowed; self: the actor is the appellant or the account the appeal is against; forbidden: not a root manager. */
export type AppealVerdict = 'allowed' | 'self' | 'forbidden';

export interface AppealMatter {
  actor: string;
  /** The root 总队 (its leader and admins decide). */
  rootOrgId: string;
  appellant: string;
  /** The account now holding the ID number, if any. */
  holder?: string;
}

/** Only the root 总队's leader/admins decide, and never one who is a party to the appeal. */
export function mayDecideAppeal(grants: readonly Grant[], m: AppealMatter): AppealVerdict {
  if (!canManage(grants, { _id: m.rootOrgId })) return 'forbidden';
  if (m.actor === m.appellant || (m.holder !== undefined && m.actor === m.holder)) return 'self';
  return 'allowed';
}

/** The unique key of an open appeal: a second one by the same person for the same number is refused. */
export const pendingAppealKey = (appellant: string, idNumberHash: string) => `pending:${appellant}:${idNumberHash}`;
/** Once decided, the key is the appeal's own (a unique index counts a missing field as null, so it is never removed). */
export const decidedAppealKey = (appealId: string) => `decided:${appealId}`;
/** What a released ID number's hash becomes on the frozen account: unique, and never a real number's hash. */
export const releasedIdKey = (appealId: string) => `released:${appealId}`;
