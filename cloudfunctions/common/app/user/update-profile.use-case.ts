// user.updateProfile: any profile field but the phone and the ID number.
import type { UserUpdateProfileInput, VolunteerOutput } from '../../../../types/user';
import { requireOpenid, type Ctx } from '../../handler';
import { database } from '../../cloud';
import { C } from '../../db/collections';
import { unwrap } from '../../db/db-result';
import { requireVolunteer } from '../../db/volunteer.repository';
import { volunteerView } from './volunteer-view';

export async function updateProfile(input: UserUpdateProfileInput, ctx: Ctx): Promise<VolunteerOutput> {
  const openid = requireOpenid(ctx);
  const doc = await requireVolunteer(openid);
  const _ = database().command;
  // Objects and arrays are replaced whole (_.set), not merged key by key into the stored ones.
  const patch: Record<string, unknown> = { updatedAt: ctx.now };
  for (const [key, value] of Object.entries(input)) if (value !== undefined) patch[key] = typeof value === 'object' ? _.set(value) : value;
  await unwrap(database().collection(C.volunteers).doc(openid).update(patch));
  return { volunteer: volunteerView({ ...doc, ...input, updatedAt: ctx.now }) };
}
