// Volunteers, keyed by openid: one WeChat user is at most one volunteer.
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';
import type { Volunteer } from '../../../types/user';
import { AppError, ErrorCode } from '../errors';

/** Stored shape: the ID number only encrypted (idNumberEnc) and as a keyed hash for uniqueness. */
export type VolunteerDoc = Omit<Volunteer, 'registeredAt' | 'phoneMasked'> & {
  _id: string;
  phone: string;
  idNumberEnc: string;
  idNumberHash: string;
  consentVersion: string;
  consentAt: Date;
  registeredAt: Date;
  updatedAt: Date;
  withdrawnAt?: Date;
};

export async function findVolunteer(openid: string): Promise<VolunteerDoc | undefined> {
  const res = await unwrap(database().collection(C.volunteers).doc(openid).get());
  return (res.data as VolunteerDoc[])[0];
}

export async function existsWhere(query: Partial<Pick<VolunteerDoc, 'phone' | 'idNumberHash'>>): Promise<boolean> {
  const res = await unwrap(database().collection(C.volunteers).where(query).count());
  return res.total > 0;
}

/** The registered, not withdrawn, volunteer behind this openid, or USER.NOT_REGISTERED. */
export async function requireVolunteer(openid: string): Promise<VolunteerDoc> {
  const doc = await findVolunteer(openid);
  if (!doc || doc.withdrawnAt) throw new AppError(ErrorCode.USER_NOT_REGISTERED);
  return doc;
}
