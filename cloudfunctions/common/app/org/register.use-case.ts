// org.register: a registered volunteer applies for a child team, at a level below its parent's; it stays pending until the
// parent's managers review it.
import { randomBytes } from 'node:crypto';
import { orgLevelsBelow, type OrgOutput, type OrgRegisterInput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { requireVolunteer } from '../../db/volunteer.repository';
import { findOrg, insertOrg, orgNameTaken, releaseMembershipSlot, takeMembershipSlot, type OrgDoc } from '../../db/org.repository';
import { openPhone } from '../../adapters/pii-cipher';
import { orgView } from './org-view';

export async function registerOrg(input: OrgRegisterInput, ctx: Ctx): Promise<OrgOutput> {
  const openid = requireOpenid(ctx);
  const applicant = await requireVolunteer(openid);
  const parent = await findOrg(input.parentId);
  if (!parent || parent.status !== 'approved') throw new AppError(ErrorCode.ORG_PARENT_NOT_FOUND);
  if (!orgLevelsBelow(parent.level).includes(input.level))
    throw new AppError(ErrorCode.VALIDATION, `队伍层级须低于上级队伍的层级（${parent.level}）`);
  if (await orgNameTaken(input.name)) throw new AppError(ErrorCode.ORG_NAME_TAKEN);

  const org: OrgDoc = {
    ...input,
    contactPhone: input.contactPhone ?? openPhone(applicant),
    _id: randomBytes(16).toString('hex'),
    parentId: parent._id,
    path: [...parent.path, parent._id],
    status: 'pending',
    applicantOpenid: openid,
    adminCount: 0,
    createdAt: ctx.now,
  };
  // The applicant leads the team once approved, which is one of their 5 teams: the application holds that slot.
  if (!(await takeMembershipSlot(openid))) {
    throw new AppError(ErrorCode.ORG_MEMBERSHIP_LIMIT, '您已加入或申请了5支队伍（含待审核的新队伍），无法再申请成立队伍');
  }
  let written: boolean;
  try {
    // The unique index on name refuses a second team of the same name, also when two applications race.
    written = await insertOrg(org);
  } catch (err) {
    await releaseMembershipSlot(openid);
    throw err;
  }
  if (!written) {
    await releaseMembershipSlot(openid);
    throw new AppError(ErrorCode.ORG_NAME_TAKEN);
  }
  return { org: orgView(org, { showContact: true }) };
}
