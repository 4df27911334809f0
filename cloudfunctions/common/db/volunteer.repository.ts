// Volunteers, keyed by openid: one WeChat user is at most one volunteer.
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';
import type { Volunteer } from '@contract/user';
import { AppError, ErrorCode } from '../errors';
import { phoneLookupHash } from '../adapters/pii-cipher';

/**
 * Stored shape: the ID number and the phone only encrypted (idNumberEnc, phoneEnc) and as keyed hashes (idNumberHash,
 * phoneHash) that the unique indexes and every lookup use. `phoneEnc` is opened only to mask it or where the full
 * number is allowed (adapters/pii-cipher openPhone).
 */
export type VolunteerDoc = Omit<Volunteer, 'registeredAt' | 'phoneMasked' | 'status' | 'frozenAt'> & {
  _id: string;
  phoneEnc: string;
  phoneHash: string;
  idNumberEnc: string;
  idNumberHash: string;
  consentVersion: string;
  consentAt: Date;
  registeredAt: Date;
  updatedAt: Date;
  withdrawnAt?: Date;
  /** Frozen by an upheld identity appeal (app/user/appeal-review): records stay, the account acts no more. */
  status?: 'frozen';
  frozenAt?: Date;
  frozenBy?: { appealId: string; decidedBy: string };
};

export async function findVolunteer(openid: string): Promise<VolunteerDoc | undefined> {
  const res = await unwrap(database().collection(C.volunteers).doc(openid).get());
  return (res.data as VolunteerDoc[])[0];
}

/** Is a volunteer registered with this phone (clear, hashed here) or this ID number hash? */
export async function existsWhere(query: { phone: string } | { idNumberHash: string }): Promise<boolean> {
  const where = 'phone' in query ? { phoneHash: phoneLookupHash(query.phone) } : { idNumberHash: query.idNumberHash };
  const res = await unwrap(database().collection(C.volunteers).where(where).count());
  return res.total > 0;
}

/** The volunteer registered with this phone, by its blind index: their openid and ID number hash only. */
export async function findVolunteerByPhone(phone: string): Promise<{ _id: string; idNumberHash: string } | undefined> {
  const res = await unwrap(
    database()
      .collection(C.volunteers)
      .where({ phoneHash: phoneLookupHash(phone) })
      .field({ idNumberHash: true })
      .limit(1)
      .get(),
  );
  return (res.data as { _id: string; idNumberHash: string }[])[0];
}

/** The volunteer holding this ID number (by its hash), if any. */
export async function findVolunteerByIdHash(idNumberHash: string): Promise<VolunteerDoc | undefined> {
  const res = await unwrap(database().collection(C.volunteers).where({ idNumberHash }).limit(1).get());
  return (res.data as VolunteerDoc[])[0];
}

/** The registered, not withdrawn, volunteer behind this openid, or USER.NOT_REGISTERED. */
export async function findLiveVolunteer(openid: string): Promise<VolunteerDoc> {
  const doc = await findVolunteer(openid);
  if (!doc || doc.withdrawnAt) throw new AppError(ErrorCode.USER_NOT_REGISTERED);
  return doc;
}

/**
 * The registered volunteer behind this openid who may act (enroll, join, certificates, profile changes), or
 * USER.NOT_REGISTERED / USER.FROZEN. Only user.me reads a frozen account (findLiveVolunteer), to say so.
 */
export async function requireVolunteer(openid: string): Promise<VolunteerDoc> {
  const doc = await findLiveVolunteer(openid);
  if (doc.status === 'frozen') throw new AppError(ErrorCode.USER_FROZEN);
  return doc;
}

/** Profile fields changed by the volunteer: objects and arrays are replaced whole (_.set), not merged key by key. */
export async function updateProfileFields(openid: string, fields: Record<string, unknown>, at: Date): Promise<void> {
  const _ = database().command;
  const patch: Record<string, unknown> = { updatedAt: at };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) patch[key] = typeof value === 'object' ? _.set(value) : value;
  await unwrap(database().collection(C.volunteers).doc(openid).update(patch));
}

/** Replaces the volunteer document whole with what 注销 keeps (`set`: no field outlives it by being forgotten). */
export async function replaceWithTombstone(openid: string, tombstone: Record<string, unknown>): Promise<void> {
  await unwrap(database().collection(C.volunteers).doc(openid).set(tombstone));
}

/** The volunteer with this 志愿者编号 (unique index), if any. */
export async function findVolunteerByNo(volunteerNo: string): Promise<VolunteerDoc | undefined> {
  const res = await unwrap(database().collection(C.volunteers).where({ volunteerNo }).limit(1).get());
  return (res.data as VolunteerDoc[])[0];
}

/** The names of these volunteers, by openid (only `realName` is read; at most 1000 openids). */
export async function namesOf(openids: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(openids)];
  if (ids.length === 0) return new Map();
  const res = await unwrap(
    database()
      .collection(C.volunteers)
      .where({ _id: database().command.in(ids) })
      .field({ realName: true })
      .limit(ids.length)
      .get(),
  );
  return new Map((res.data as { _id: string; realName?: string }[]).filter((v) => v.realName).map((v) => [v._id, v.realName!]));
}

/** What a list of phones and 志愿者编号 finds (名单录入): the volunteers by blind index or number, in one read per 100 keys. */
export type VolunteerKeyMatch = Pick<VolunteerDoc, '_id' | 'realName' | 'phoneHash' | 'volunteerNo' | 'status' | 'withdrawnAt'>;
export async function findVolunteersByKeys(phones: readonly string[], volunteerNos: readonly string[]): Promise<VolunteerKeyMatch[]> {
  const _ = database().command;
  const fields = { realName: true, phoneHash: true, volunteerNo: true, status: true, withdrawnAt: true };
  const keyed: [string, string[]][] = [
    ['phoneHash', [...new Set(phones.map(phoneLookupHash))]],
    ['volunteerNo', [...new Set(volunteerNos)]],
  ];
  const out: VolunteerKeyMatch[] = [];
  for (const [field, values] of keyed) {
    for (let i = 0; i < values.length; i += 100) {
      const chunk = values.slice(i, i + 100);
      const res = await unwrap(
        database()
          .collection(C.volunteers)
          .where({ [field]: _.in(chunk) })
          .field(fields)
          .limit(chunk.length)
          .get(),
      );
      out.push(...(res.data as VolunteerKeyMatch[]));
    }
  }
  return out;
}
