// user.withdraw (注销): anonymise the person, end live memberships, keep every service record.
import type { UserWithdrawInput } from '../../../../types/user';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { database } from '../../cloud';
import { C } from '../../db/collections';
import { unwrap } from '../../db/db-result';
import { requireVolunteer } from '../../db/volunteer.repository';
import { toIso } from '../../domain/shanghai-time';

export async function withdraw(_input: UserWithdrawInput, ctx: Ctx): Promise<{ withdrawnAt: string }> {
  const openid = requireOpenid(ctx);
  await requireVolunteer(openid);
  const db = database();
  const _ = db.command;
  const leads = await unwrap(db.collection(C.memberships).where({ openid, role: 'leader', status: 'approved' }).count());
  if (leads.total > 0) throw new AppError(ErrorCode.AUTH_FORBIDDEN, '您是队伍负责人，请先移交负责人后再注销');
  // Unique fields get per-person placeholders: the unique indexes treat a missing field as null.
  const gone = `withdrawn:${openid}`;
  await unwrap(
    db.collection(C.volunteers).doc(openid).update({
      realName: '已注销志愿者',
      phone: gone,
      idNumberHash: gone,
      idNumberEnc: _.remove(),
      idNumberMasked: '已注销',
      employer: _.remove(),
      title: _.remove(),
      skills: _.remove(),
      withdrawnAt: ctx.now,
      updatedAt: ctx.now,
    }),
  );
  await unwrap(db.collection(C.memberships).where({ openid, status: _.in(['pending', 'approved']) }).update({ status: 'left', reviewedAt: ctx.now, reason: '志愿者注销' }));
  return { withdrawnAt: toIso(ctx.now) };
}
