// org.identityAppeals / org.decideIdentityAppeal: the root 总队's leader and admins decide 身份冲突 appeals, never one
// who is a party. Upheld: the account holding the number is frozen (records stay), the number is released so its owner
// can register, and the audit log records who decided what, when and why; rejected: the appellant is told why.
import type { DecideIdentityAppealInput, DecideIdentityAppealOutput, IdentityAppealsInput, IdentityAppealsOutput } from '@contract/user';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findVolunteer, findVolunteerByIdHash, type VolunteerDoc } from '../../db/volunteer.repository';
import { findAppeal, pageAppeals, type AppealDoc, type AuditEntry } from '../../db/appeal.repository';
import { inTransaction } from '../../db/unit-of-work';
import { decidedAppealKey, mayDecideAppeal, releasedIdKey } from '../../domain/identity-appeal';
import { requireRootManager } from '../access';
import { appealForReview } from './appeal-view';
import { freezeAccountEffects } from './appeal-freeze';
import { notifyAppellant, notifyFrozen } from './appeal-notify';

const FORBIDDEN = '只有总队负责人或管理员可以处理身份核验申请';

/** Who holds the number: for a pending appeal whoever holds it now, for a decided one the account it was filed against. */
async function holderOf(a: AppealDoc): Promise<VolunteerDoc | undefined> {
  if (a.status === 'pending') return findVolunteerByIdHash(a.idNumberHash);
  return a.holder ? findVolunteer(a.holder) : undefined;
}

async function reviewView(a: AppealDoc) {
  const [holder, decider] = await Promise.all([holderOf(a), a.decidedBy ? findVolunteer(a.decidedBy) : Promise.resolve(undefined)]);
  return appealForReview(a, holder, decider?.realName);
}

export async function identityAppeals(input: IdentityAppealsInput, ctx: Ctx): Promise<IdentityAppealsOutput> {
  await requireRootManager(requireOpenid(ctx), FORBIDDEN);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const { items, total } = await pageAppeals(input.status, page, pageSize);
  return { items: await Promise.all(items.map(reviewView)), total, page };
}

export async function decideIdentityAppeal(input: DecideIdentityAppealInput, ctx: Ctx): Promise<DecideIdentityAppealOutput> {
  const openid = requireOpenid(ctx);
  const { rootId, grants } = await requireRootManager(openid, FORBIDDEN);
  const appeal = await findAppeal(input.appealId);
  if (!appeal) throw new AppError(ErrorCode.APPEAL_NOT_FOUND);
  if (appeal.status !== 'pending') throw new AppError(ErrorCode.APPEAL_DECIDED);
  // The account holding the number now: withdrawn or frozen by another appeal meanwhile, there is nobody to freeze.
  const holder = await findVolunteerByIdHash(appeal.idNumberHash);
  const verdict = mayDecideAppeal(grants, { actor: openid, rootOrgId: rootId, appellant: appeal.appellant, holder: holder?._id });
  if (verdict === 'forbidden') throw new AppError(ErrorCode.AUTH_FORBIDDEN, FORBIDDEN);
  if (verdict === 'self') throw new AppError(ErrorCode.AUTH_SELF_DEALING, '此申请涉及您本人，须由总队其他负责人或管理员处理');

  const upheld = input.decision === 'uphold';
  const frozen = upheld ? holder : undefined;
  const decided: AppealDoc = {
    ...appeal,
    status: upheld ? 'upheld' : 'rejected',
    pendingKey: decidedAppealKey(appeal._id),
    decidedBy: openid,
    decidedAt: ctx.now,
    reason: input.reason,
    ...(frozen ? { holder: frozen._id } : {}),
  };
  const audit: AuditEntry = {
    kind: upheld ? 'identityAppeal.upheld' : 'identityAppeal.rejected',
    actor: openid,
    subject: frozen?._id ?? appeal.appellant,
    appealId: appeal._id,
    reason: input.reason,
    at: ctx.now,
  };
  // One transaction: the decision, the frozen account with its number released, and the audit entry, or none of them.
  await inTransaction(async (uow) => {
    const current = await uow.appeal(appeal._id);
    if (!current || current.status !== 'pending') throw new AppError(ErrorCode.APPEAL_DECIDED);
    await uow.putAppeal(decided);
    if (frozen)
      await uow.freezeVolunteer(frozen._id, {
        at: ctx.now,
        appealId: appeal._id,
        decidedBy: openid,
        releasedIdKey: releasedIdKey(appeal._id),
      });
    await uow.addAudit(audit);
  });
  if (frozen) {
    await freezeAccountEffects(frozen._id, ctx.now);
    await notifyFrozen(frozen._id, input.reason, ctx.now);
  }
  await notifyAppellant(appeal.appellant, upheld, input.reason, ctx.now);
  return { appeal: await reviewView(decided) };
}
