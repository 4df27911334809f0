// org.bootstrapRoot: creates the one root 总队 with a deploy-time token; the caller becomes its leader.
import { randomBytes } from 'node:crypto';
import type { OrgBootstrapRootInput } from '../../../../types/org';
import type { Org } from '../../../../types/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { env } from '../../env';
import { database, type Tx } from '../../cloud';
import { C } from '../../db/collections';
import { isDuplicateWrite, unwrap } from '../../db/db-result';
import { membershipId, type MembershipDoc, type OrgDoc } from '../../db/org.repository';
import { secretEquals } from '../../adapters/pii-cipher';
import { orgView } from './org-view';

export const ROOT_SETTING_ID = 'rootOrg';

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
  const leader: MembershipDoc = { _id: membershipId(org._id, openid), orgId: org._id, openid, status: 'approved', role: 'leader', appliedAt: ctx.now, reviewedAt: ctx.now };
  try {
    await database().runTransaction(async (tx: Tx) => {
      // The fixed id of the root marker makes a second bootstrap a duplicate write, also when two race.
      await unwrap(tx.collection(C.settings).add({ _id: ROOT_SETTING_ID, orgId: org._id, createdAt: ctx.now }));
      await unwrap(tx.collection(C.orgs).add(org));
      await unwrap(tx.collection(C.memberships).add(leader));
    });
  } catch (err) {
    if (isDuplicateWrite(err)) {
      const marker = await unwrap(database().collection(C.settings).doc(ROOT_SETTING_ID).get());
      if ((marker.data as unknown[]).length > 0) throw new AppError(ErrorCode.ORG_ROOT_EXISTS);
      throw new AppError(ErrorCode.ORG_NAME_TAKEN);
    }
    throw err;
  }
  return { org: orgView(org) };
}
