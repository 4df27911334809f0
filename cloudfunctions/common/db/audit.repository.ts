// The append-only audit log outside a transaction: reveals of a full phone number (who saw whose, when, for what), and
// changes of a team's 公章 (who put which seal on the team's certificates, when).
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';

export interface PhoneRevealAudit {
  kind: 'phone.revealed';
  /** Who saw the number. */
  actor: string;
  /** Whose number it is. */
  subject: string;
  activityId: string;
  at: Date;
}

/** 成员管理's 拨打: a team's manager saw a member's number (no activity involved). */
export interface MemberPhoneRevealAudit {
  kind: 'phone.revealed';
  actor: string;
  subject: string;
  /** The team whose member list the call was made from. */
  orgId: string;
  at: Date;
}

/** 上传公章: the team's leader set (or replaced) the seal its certificates carry. */
export interface SealSetAudit {
  kind: 'org.sealSet';
  actor: string;
  /** The team. */
  subject: string;
  orgId: string;
  fileId: string;
  /** The seal it replaced, if any. */
  previousFileId?: string;
  at: Date;
}

export async function appendAudit(entry: PhoneRevealAudit | MemberPhoneRevealAudit | SealSetAudit): Promise<void> {
  await unwrap(database().collection(C.auditLog).add(entry));
}
