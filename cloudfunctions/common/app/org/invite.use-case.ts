// org.inviteLink / org.openInvite: a team's managers get a link and a 小程序码 that open the team page with 申请加入
// ready (`join=1`), so most teams need no spreadsheet import; the page turns the code's scene back into the team.
import { ORG_PAGE, type OrgIdInput, type OrgInviteLinkOutput, type OrgOpenInviteInput, type OrgOpenInviteOutput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findOrg } from '../../db/org.repository';
import { wxacodeMaker } from '../../adapters';
import { requireManagedOrg } from '../access';
import { ensureShareToken, targetOf } from '../share/share-token';

export async function inviteLink(input: OrgIdInput, ctx: Ctx): Promise<OrgInviteLinkOutput> {
  const openid = requireOpenid(ctx);
  const { org } = await requireManagedOrg(openid, input.orgId, '只有队伍负责人或管理员可以邀请加入', { approvedOnly: true });
  const scene = await ensureShareToken('org', org._id, openid, ctx.now);
  const png = await wxacodeMaker().png({ scene, page: ORG_PAGE });
  return {
    path: `${ORG_PAGE}?orgId=${encodeURIComponent(org._id)}&join=1`,
    scene,
    page: ORG_PAGE,
    wxacode: `data:image/png;base64,${png.toString('base64')}`,
  };
}

export async function openInvite(input: OrgOpenInviteInput, _ctx: Ctx): Promise<OrgOpenInviteOutput> {
  const orgId = await targetOf(input.scene, 'org');
  const org = orgId ? await findOrg(orgId) : undefined;
  if (!org || org.status !== 'approved') throw new AppError(ErrorCode.ORG_NOT_FOUND);
  return { orgId: org._id };
}
