// user.updateProfile: any profile field but the phone and the ID number; 性别 only as the ID number records it.
import type { UserUpdateProfileInput, VolunteerOutput } from '../../../../types/user';
import { genderMismatch } from '../../../../types/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { decryptPii } from '../../adapters/pii-cipher';
import { database } from '../../cloud';
import { C } from '../../db/collections';
import { unwrap } from '../../db/db-result';
import { requireVolunteer } from '../../db/volunteer.repository';
import { volunteerView } from './volunteer-view';

export async function updateProfile(input: UserUpdateProfileInput, ctx: Ctx): Promise<VolunteerOutput> {
  const openid = requireOpenid(ctx);
  const doc = await requireVolunteer(openid);
  const mismatch = input.gender && doc.idNumberEnc ? genderMismatch(input.gender, decryptPii(doc.idNumberEnc)) : undefined;
  if (mismatch) throw new AppError(ErrorCode.VALIDATION, `性别${mismatch}`, { issues: [{ code: 'custom', path: ['gender'], message: `性别${mismatch}` }] });
  const _ = database().command;
  // Objects and arrays are replaced whole (_.set), not merged key by key into the stored ones.
  const patch: Record<string, unknown> = { updatedAt: ctx.now };
  for (const [key, value] of Object.entries(input)) if (value !== undefined) patch[key] = typeof value === 'object' ? _.set(value) : value;
  await unwrap(database().collection(C.volunteers).doc(openid).update(patch));
  return { volunteer: volunteerView({ ...doc, ...input, updatedAt: ctx.now }) };
}
