// The registering phone is proven by an SMS code or by a phone proof (user.phoneFromWeixin): either is checked before
// anything about the phone or ID number is told, and consumed in the transaction that creates the volunteer.
import { AppError, ErrorCode } from '../../errors';
import { getPhoneProof, type PhoneProofDoc } from '../../db/phone-proof.repository';
import type { UnitOfWork } from '../../db/unit-of-work';
import { phoneLookupHash } from '../../adapters/pii-cipher';
import { hashEquals } from '../../adapters/secrets';
import { verifySmsCode } from '../sms/verify-code';
import { consumeCode } from '../sms/consume-code';

const invalid = () => new AppError(ErrorCode.USER_PHONE_PROOF_INVALID);

/** The caller's unused, unexpired proof of `phone`; another caller's proof, or one of another phone, is invalid. */
export async function verifyPhoneProof(openid: string, phone: string, proofId: string, at: Date): Promise<PhoneProofDoc> {
  const doc = await getPhoneProof(proofId);
  if (!doc || doc.used || doc.openid !== openid || !hashEquals(doc.phoneHash, phoneLookupHash(phone))) throw invalid();
  if (new Date(doc.expiresAt).getTime() <= at.getTime()) throw new AppError(ErrorCode.USER_PHONE_PROOF_EXPIRED);
  return doc;
}

/** Marks the proof used inside the caller's transaction: single use even when two registrations race. */
export async function consumePhoneProof(uow: UnitOfWork, proof: PhoneProofDoc): Promise<void> {
  const current = await uow.phoneProof(proof._id);
  if (!current || current.used) throw invalid();
  await uow.markPhoneProofUsed(proof._id);
}

/** Checks how the phone is proven (exactly one way, by the contract); answers the write that consumes it. */
export async function provePhone(
  input: { phone: string; smsCode?: string; phoneProof?: string },
  openid: string,
  at: Date,
): Promise<(uow: UnitOfWork) => Promise<void>> {
  if (input.phoneProof) {
    const proof = await verifyPhoneProof(openid, input.phone, input.phoneProof, at);
    return (uow) => consumePhoneProof(uow, proof);
  }
  const code = await verifySmsCode('register', input.phone, input.smsCode ?? '', at);
  return (uow) => consumeCode(uow, code);
}
