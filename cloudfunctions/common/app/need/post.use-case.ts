// need.post (点单): a 需求方 posts a need with an SMS-verified contact phone (no volunteer registration needed). It
// goes to the lowest team covering its region, whose leaders and admins are told; a phone posts a few needs a day.
import { randomBytes } from 'node:crypto';
import { NEED_POSTS_PER_PHONE_DAY, DEFAULT_ESCALATE_DAYS, type NeedOutput, type NeedPostInput } from '@contract/need';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { env } from '../../env';
import { sealPhone } from '../../adapters/pii-cipher';
import { inTransaction } from '../../db/unit-of-work';
import { findRootOrgId } from '../../db/settings.repository';
import { coveringCandidates, releaseNeedPost, takeNeedPost, type NeedDoc } from '../../db/need.repository';
import { coveringTeam } from '../../domain/need';
import { shanghaiDate } from '../../domain/shanghai-time';
import { verifySmsCode } from '../sms/verify-code';
import { consumeCode } from '../sms/consume-code';
import { needView, needViewer } from './need-view';
import { tellTeam } from './notify';

const DAY_MS = 86_400_000;

/** When a need waiting at `team` moves up, or undefined at the root. */
export function escalateAtFor(team: { parentId: string | null }, now: Date): Date | undefined {
  return team.parentId ? new Date(now.getTime() + (env().NEED_ESCALATE_DAYS ?? DEFAULT_ESCALATE_DAYS) * DAY_MS) : undefined;
}

export async function postNeed(input: NeedPostInput, ctx: Ctx): Promise<NeedOutput> {
  const openid = requireOpenid(ctx);
  // The code first: without it, nothing tells whether the phone posted today.
  const code = await verifySmsCode('need', input.phone, input.smsCode, ctx.now);
  const team = coveringTeam(await coveringCandidates(input.region.province, await findRootOrgId()), input.region);
  if (!team) throw new AppError(ErrorCode.NEED_NO_TEAM);

  const sealed = sealPhone(input.phone);
  const day = shanghaiDate(ctx.now);
  if (!(await takeNeedPost(sealed.phoneHash, day, NEED_POSTS_PER_PHONE_DAY, ctx.now))) throw new AppError(ErrorCode.NEED_DAILY_LIMIT);

  const { smsCode: _code, phone: _phone, ...fields } = input;
  const escalateAt = escalateAtFor(team, ctx.now);
  const doc: NeedDoc = {
    ...fields,
    ...sealed,
    _id: randomBytes(16).toString('hex'),
    requesterOpenid: openid,
    status: 'open',
    coveringOrgId: team._id,
    coveringOrgName: team.name,
    coveringPath: [...team.path, team._id],
    ...(escalateAt ? { escalateAt } : {}),
    history: [{ step: 'posted', at: ctx.now, orgName: team.name }],
    postedAt: ctx.now,
    updatedAt: ctx.now,
  };
  try {
    await inTransaction(async (uow) => {
      await consumeCode(uow, code);
      await uow.addNeed(doc);
    });
  } catch (err) {
    await releaseNeedPost(sealed.phoneHash, day);
    throw err;
  }
  await tellTeam(team._id, team.name, doc, '新需求待派单', ctx.now);
  return { need: needView(doc, await needViewer(openid), undefined, ctx.now) };
}
