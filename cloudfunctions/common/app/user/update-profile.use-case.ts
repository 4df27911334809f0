// user.updateProfile: any profile field but the phone and the ID number; 性别 only as the ID number records it.
import type { UserUpdateProfileInput, VolunteerOutput } from '@contract/user';
import { genderMismatch } from '@contract/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { decryptPii } from '../../adapters/pii-cipher';
import { requireVolunteer, updateProfileFields } from '../../db/volunteer.repository';
import { volunteerView } from './volunteer-view';

export async function updateProfile(input: UserUpdateProfileInput, ctx: Ctx): Promise<VolunteerOutput> {
  const openid = requireOpenid(ctx);
  const doc = await requireVolunteer(openid);
  const mismatch = input.gender && doc.idNumberEnc ? genderMismatch(input.gender, decryptPii(doc.idNumberEnc)) : undefined;
  if (mismatch)
    throw new AppError(ErrorCode.VALIDATION, `性别${mismatch}`, {
      issues: [{ code: 'custom', path: ['gender'], message: `性别${mismatch}` }],
    });
  await updateProfileFields(openid, input, ctx.now);
  return { volunteer: volunteerView({ ...doc, ...input, updatedAt: ctx.now }) };
}
