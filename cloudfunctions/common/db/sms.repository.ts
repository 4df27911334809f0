// SMS codes and send quotas (per phone, per caller, per day): every check-then-write here is a conditional update, safe under concurrency.
// Phones appear only as their blind index (phoneLookupHash): in ids, in the code documents and in a caller's history.
import { database } from '../cloud';
import { C } from './collections';
import { isDuplicateWrite, unwrap } from './db-result';
import type { CallerSend } from '../domain/sms-send-quota';
import { phoneLookupHash } from '../adapters/pii-cipher';

export interface SmsCodeDoc {
  _id: string;
  purpose: string;
  phoneHash: string;
  codeHash: string;
  expiresAt: Date;
  attempts: number;
  used: boolean;
  sentAt: Date;
}
interface QuotaDoc {
  _id: string;
  history: number[];
  version: number;
}
interface CallerQuotaDoc {
  _id: string;
  sends: CallerSend[];
  version: number;
}

export const smsCodeId = (purpose: string, phone: string) => `${purpose}:${phoneLookupHash(phone)}`;
// One collection for the three quotas, told apart by a prefix.
const phoneQuotaId = (phone: string) => `phone:${phoneLookupHash(phone)}`;
const callerQuotaId = (openid: string) => `caller:${openid}`;
const dailyQuotaId = (day: string) => `day:${day}`;

async function readQuota<T>(id: string): Promise<T | undefined> {
  const res = await unwrap(database().collection(C.smsQuota).doc(id).get());
  return (res.data as T[])[0];
}

/** Writes `fields` only if nobody else wrote the document since `version` was read; false if they did. */
async function saveVersioned(id: string, fields: Record<string, unknown>, version: number | undefined): Promise<boolean> {
  const coll = database().collection(C.smsQuota);
  if (version === undefined) {
    try {
      await unwrap(coll.add({ _id: id, ...fields, version: 1 }));
      return true;
    } catch (err) {
      if (isDuplicateWrite(err)) return false;
      throw err;
    }
  }
  const res = await unwrap(coll.where({ _id: id, version }).update({ ...fields, version: version + 1 }));
  return res.updated === 1;
}

export const getQuota = (phone: string) => readQuota<QuotaDoc>(phoneQuotaId(phone));

/** Writes the new send history of a phone only if nobody else wrote it since `version` was read; false if they did. */
export const saveQuota = (phone: string, history: number[], version: number | undefined) =>
  saveVersioned(phoneQuotaId(phone), { history }, version);

export const getCallerQuota = (openid: string) => readQuota<CallerQuotaDoc>(callerQuotaId(openid));

/** Writes the phones (their hashes) a caller reached only if nobody else wrote them since `version` was read; false if they did. */
export const saveCallerQuota = (openid: string, sends: CallerSend[], version: number | undefined) =>
  saveVersioned(callerQuotaId(openid), { sends }, version);

/** Codes counted against the service's ceiling on that Asia/Shanghai day. */
export async function dailySendCount(day: string): Promise<number> {
  return (await readQuota<{ count: number }>(dailyQuotaId(day)))?.count ?? 0;
}

/** Counts one send against the day's ceiling; false once `limit` were counted. Conditional increment: never past the ceiling. */
export async function takeDailySend(day: string, limit: number): Promise<boolean> {
  const coll = database().collection(C.smsQuota);
  const _ = database().command;
  for (let round = 0; round < 2; round++) {
    const res = await unwrap(coll.where({ _id: dailyQuotaId(day), count: _.lt(limit) }).update({ count: _.inc(1) }));
    if (res.updated === 1) return true;
    // Nothing counted: the day has no counter yet (create it with this send), or it is full (the add is a duplicate).
    try {
      await unwrap(coll.add({ _id: dailyQuotaId(day), count: 1 }));
      return true;
    } catch (err) {
      if (!isDuplicateWrite(err)) throw err;
    }
  }
  return false;
}

export async function putCode(doc: SmsCodeDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await unwrap(database().collection(C.smsCodes).doc(_id).set(rest));
}

export async function getCode(id: string): Promise<SmsCodeDoc | undefined> {
  const res = await unwrap(database().collection(C.smsCodes).doc(id).get());
  return (res.data as SmsCodeDoc[])[0];
}

/** Takes one of the limited tries of this very code (same sentAt); false when none is left. */
export async function takeAttempt(code: SmsCodeDoc, maxAttempts: number): Promise<boolean> {
  const _ = database().command;
  const res = await unwrap(
    database()
      .collection(C.smsCodes)
      .where({ _id: code._id, sentAt: code.sentAt, used: false, attempts: _.lt(maxAttempts) })
      .update({ attempts: _.inc(1) }),
  );
  return res.updated === 1;
}
