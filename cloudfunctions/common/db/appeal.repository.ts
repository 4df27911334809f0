// 身份冲突 appeals and the audit log of their decisions. The appellant's phone is stored like a volunteer's (encrypted,
// and its blind index), the ID number only as its hash and masked.
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';
import type { AppealStatus } from '@contract/user';

export interface AppealDoc {
  _id: string;
  /** The WeChat user who filed it (not a volunteer: their number was taken). */
  appellant: string;
  idNumberHash: string;
  idNumberMasked: string;
  realName: string;
  phoneEnc: string;
  phoneHash: string;
  statement: string;
  status: AppealStatus;
  /** Unique: domain/identity-appeal pendingAppealKey while pending, decidedAppealKey after. */
  pendingKey: string;
  createdAt: Date;
  /** The account holding the number when the appeal was filed, and (on uphold) the one frozen. */
  holder?: string;
  decidedBy?: string;
  decidedAt?: Date;
  reason?: string;
}

export interface AuditEntry {
  kind: 'identityAppeal.upheld' | 'identityAppeal.rejected';
  /** Who decided. */
  actor: string;
  /** Whom it concerns: the frozen account on uphold, the appellant on reject. */
  subject: string;
  appealId: string;
  reason: string;
  at: Date;
}

const appeals = () => database().collection(C.identityAppeals);

export async function findAppeal(id: string): Promise<AppealDoc | undefined> {
  const res = await unwrap(appeals().doc(id).get());
  return (res.data as AppealDoc[])[0];
}

/** The appeals a person filed, newest first (a handful at most: each needs a fresh SMS code). */
export async function appealsOf(appellant: string): Promise<AppealDoc[]> {
  const res = await unwrap(appeals().where({ appellant }).orderBy('createdAt', 'desc').limit(20).get());
  return res.data as AppealDoc[];
}

/** A page of appeals for the root admins: the pending ones oldest first (first come, first decided), others newest first. */
export async function pageAppeals(
  status: AppealStatus | undefined,
  page: number,
  pageSize: number,
): Promise<{ items: AppealDoc[]; total: number }> {
  const where = status ? { status } : {};
  const order = status === 'pending' ? 'asc' : 'desc';
  const [list, count] = await Promise.all([
    unwrap(
      appeals()
        .where(where)
        .orderBy('createdAt', order)
        .orderBy('_id', 'asc')
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .get(),
    ),
    unwrap(appeals().where(where).count()),
  ]);
  return { items: list.data as AppealDoc[], total: count.total };
}
