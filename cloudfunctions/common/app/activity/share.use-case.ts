// activity.shareLink / activity.poster / activity.openScene: a volunteer's share of an activity carries a token the
// server minted for them; the team's managers get a poster whose 小程序码 opens the activity with theirs; the activity
// page turns a scanned scene back into the activity and the token.
import {
  ACTIVITY_PAGE,
  type ActivityIdInput,
  type ActivityOpenSceneInput,
  type ActivityOpenSceneOutput,
  type ActivityPosterOutput,
  type ActivityShareLinkOutput,
} from '@contract/activity';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { requireVolunteer } from '../../db/volunteer.repository';
import { wxacodeMaker } from '../../adapters';
import { activityScene, readActivityScene } from '../../domain/share-scene';
import { requireManager } from '../access';
import { activityIdForKey, ensureCodeKey } from '../checkin/code-key';
import { ensureShareToken, sharerOf } from '../share/share-token';
import { refuseIfCancelled, requireActivity } from './activity-lookup';
import { whenAndWhere } from './activity-view';

const sharedPath = (activityId: string, token: string) =>
  `${ACTIVITY_PAGE}?id=${encodeURIComponent(activityId)}&from=${encodeURIComponent(token)}`;

export async function shareLink(input: ActivityIdInput, ctx: Ctx): Promise<ActivityShareLinkOutput> {
  const openid = requireOpenid(ctx);
  const [a] = await Promise.all([requireActivity(input.activityId), requireVolunteer(openid)]);
  refuseIfCancelled(a);
  const token = await ensureShareToken('activity', a._id, openid, ctx.now);
  return { token, path: sharedPath(a._id, token) };
}

export async function poster(input: ActivityIdInput, ctx: Ctx): Promise<ActivityPosterOutput> {
  const openid = requireOpenid(ctx);
  const a = await requireActivity(input.activityId);
  await requireManager(openid, a.orgId);
  refuseIfCancelled(a);
  const [key, token] = await Promise.all([ensureCodeKey(a, ctx.now), ensureShareToken('activity', a._id, openid, ctx.now)]);
  if (!key) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  const scene = activityScene(key, token);
  const png = await wxacodeMaker().png({ scene, page: ACTIVITY_PAGE });
  return {
    ...whenAndWhere(a),
    scene,
    page: ACTIVITY_PAGE,
    wxacode: `data:image/png;base64,${png.toString('base64')}`,
  };
}

export async function openScene(input: ActivityOpenSceneInput, _ctx: Ctx): Promise<ActivityOpenSceneOutput> {
  const read = readActivityScene(input.scene);
  const activityId = read && (await activityIdForKey(read.key));
  if (!read || !activityId) throw new AppError(ErrorCode.ACTIVITY_NOT_FOUND);
  const valid = read.token && (await sharerOf(read.token, 'activity', activityId));
  return { activityId, ...(valid ? { from: read.token } : {}) };
}
