// Marks a verified SMS code used inside the caller's transaction: single use even when two requests race.
import type { Tx } from '../../cloud';
import { C } from '../../db/collections';
import { unwrap } from '../../db/db-result';
import type { SmsCodeDoc } from '../../db/sms.repository';
import { noUsableCode } from './verify-code';

export async function consumeCode(tx: Tx, code: SmsCodeDoc): Promise<void> {
  const codes = tx.collection(C.smsCodes);
  const current = (await unwrap(codes.doc(code._id).get())).data as { used: boolean; sentAt: Date } | null;
  // A concurrent use of the same code sees used=true here, or conflicts and retries into it.
  if (!current || current.used || new Date(current.sentAt).getTime() !== new Date(code.sentAt).getTime()) {
    throw noUsableCode();
  }
  await unwrap(codes.doc(code._id).update({ used: true }));
}
