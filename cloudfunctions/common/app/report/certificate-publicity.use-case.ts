// report.certificatePublicity (证明公示): the certificates a team issued in the last 7 days by the server's clock,
// listed to the team's own members (民发〔2015〕149号 asks that issued certificates be made known to them); each
// shows only what a verification shows: the number, the masked name, the period and the hours.
import { CERTIFICATE_PUBLICITY_DAYS, CERTIFICATE_PUBLICITY_MAX } from '@contract/report';
import type { ReportCertificatePublicityInput, ReportCertificatePublicityOutput } from '@contract/report';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findMembership, findOrg, membershipId } from '../../db/org.repository';
import { certificatesIssuedSince } from '../../db/report.repository';
import { toIso } from '../../domain/shanghai-time';
import { DAY_MS } from '@contract/time';

export async function certificatePublicity(input: ReportCertificatePublicityInput, ctx: Ctx): Promise<ReportCertificatePublicityOutput> {
  const openid = requireOpenid(ctx);
  // An approved membership of this very team (its leader and admins hold one too); a frozen account's grants nothing.
  const [membership, org] = await Promise.all([findMembership(membershipId(input.orgId, openid)), findOrg(input.orgId)]);
  if (!membership || membership.status !== 'approved' || membership.frozen === true || !org)
    throw new AppError(ErrorCode.AUTH_FORBIDDEN, '证明公示仅对本队队员公开');
  const since = new Date(ctx.now.getTime() - CERTIFICATE_PUBLICITY_DAYS * DAY_MS);
  const docs = await certificatesIssuedSince(org._id, since, CERTIFICATE_PUBLICITY_MAX);
  return {
    orgId: org._id,
    orgName: org.name,
    since: toIso(since),
    days: CERTIFICATE_PUBLICITY_DAYS,
    items: docs
      .filter((d) => new Date(d.issuedAt).getTime() <= ctx.now.getTime())
      .map((d) => ({
        certificateNo: d.certificateNo,
        realNameMasked: d.realNameMasked,
        from: d.from,
        to: d.to,
        minutes: d.minutes,
        issuedAt: toIso(new Date(d.issuedAt)),
      })),
  };
}
