// Phone proofs: a phone WeChat verified for one caller, usable once to register instead of an SMS code. The phone is
// kept only as its blind index; the id is the unguessable proof the caller holds.
import { database } from '../cloud';
import { C } from './collections';
import { unwrap } from './db-result';

export interface PhoneProofDoc {
  _id: string;
  openid: string;
  phoneHash: string;
  createdAt: Date;
  expiresAt: Date;
  used: boolean;
}

export async function putPhoneProof(doc: PhoneProofDoc): Promise<void> {
  await unwrap(database().collection(C.phoneProofs).add(doc));
}

export async function getPhoneProof(id: string): Promise<PhoneProofDoc | undefined> {
  const res = await unwrap(database().collection(C.phoneProofs).doc(id).get());
  return (res.data as PhoneProofDoc[])[0];
}
