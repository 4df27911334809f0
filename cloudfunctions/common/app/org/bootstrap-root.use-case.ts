// org.bootstrapRoot: creates the one root 总队 with a deploy-time token; the caller becomes its leader.
import { randomBytes } from 'node:crypto';
import type { OrgBootstrapRootInput } from '@contract/org';
import type { Org } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { env } from '../../env';
import { membershipId, type MembershipDoc, type OrgDoc } from '../../db/org.repository';
import { findRootOrgId } from '../../db/settings.repository';
import { inTransaction } from '../../db/unit-of-work';
import { secretEquals } from '../../adapters/secrets';
import { orgView } from './org-view';

export async function bootstrapRoot(input: OrgBootstrapRootInput, ctx: Ctx): Promise<{ org: Org }> {
  const openid = requireOpenid(ctx);
  const token = env().BOOTSTRAP_TOKEN;
  if (!token || !secretEquals(token, input.bootstrapToken)) throw new AppError(ErrorCode.AUTH_FORBIDDEN, '初始化口令不正确');
  const org: OrgDoc = {
    _id: randomBytes(16).toString('hex'),
    name: input.name,
    level: '总队',
    parentId: null,
    path: [],
    region: input.region,
    status: 'approved',
    leaderOpenid: openid,
    createdAt: ctx.now,
  };
  const leader: MembershipDoc = {
    _id: membershipId(org._id, openid),
    orgId: org._id,
    openid,
    status: 'approved',
    role: 'leader',
    appliedAt: ctx.now,
    reviewedAt: ctx.now,
  };
  const outcome = await inTransaction(async (uow) => {
    // A second bootstrap is a duplicate write of the root marker, also when two race.
    await uow.markRootOrg(org._id, ctx.now);
    await uow.addOrg(org);
    await uow.addMembership(leader);
  });
  if (outcome === 'duplicate') {
    if ((await findRootOrgId()) !== undefined) throw new AppError(ErrorCode.ORG_ROOT_EXISTS);
    throw new AppError(ErrorCode.ORG_NAME_TAKEN);
  }
  return { org: orgView(org) };
}
