// SMS codes and per-phone send quotas: every check-then-write here is a conditional update, safe under concurrency.
import { database } from '../cloud';
import { C } from './collections';
import { isDuplicateWrite, unwrap } from './db-result';

export interface SmsCodeDoc {
  _id: string;
  purpose: string;
  phone: string;
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

export const smsCodeId = (purpose: string, phone: string) => `${purpose}:${phone}`;

export async function getQuota(phone: string): Promise<QuotaDoc | undefined> {
  const res = await unwrap(database().collection(C.smsQuota).doc(phone).get());
  return (res.data as QuotaDoc[])[0];
}

/** Writes the new send history only if nobody else wrote it since `version` was read; false if they did. */
export async function saveQuota(phone: string, history: number[], version: number | undefined): Promise<boolean> {
  const coll = database().collection(C.smsQuota);
  if (version === undefined) {
    try {
      await unwrap(coll.add({ _id: phone, history, version: 1 }));
      return true;
    } catch (err) {
      if (isDuplicateWrite(err)) return false;
      throw err;
    }
  }
  const res = await unwrap(coll.where({ _id: phone, version }).update({ history, version: version + 1 }));
  return res.updated === 1;
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
