// org.setSeal (上传公章): the team's leader puts the image of its seal on the team, once to set it up and again to
// replace it; every certificate the team issues afterwards carries it. Judged whole before anything is stored; each
// change is written to the audit log.
import { randomBytes } from 'node:crypto';
import type { OrgSetSealInput, OrgSetSealOutput } from '@contract/org';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { requireLedOrg } from '../access';
import { fileStorage } from '../../adapters';
import { judgeSeal } from '../../domain/seal';
import { EXTENSION } from '../../domain/photo';
import { findOrg, replaceOrgSeal, type OrgSeal } from '../../db/org.repository';
import { appendAudit } from '../../db/audit.repository';
import { toIso } from '../../domain/shanghai-time';
import { SEAL_MAX_BASE64 } from '@contract/org';

const TOO_LARGE = '公章图片不能超过512KB，请压缩后再上传';
/** Attempts at the conditional write when another upload changed the seal in between. */
const ATTEMPTS = 3;

function acceptedSeal(input: OrgSetSealInput) {
  // Too long to be 512 KB: refused before anything is decoded.
  if (input.dataBase64.length > SEAL_MAX_BASE64) throw new AppError(ErrorCode.FILE_TOO_LARGE, TOO_LARGE);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const verdict = judgeSeal(input.contentType, bytes);
  if (verdict.ok) return { bytes, type: verdict.type };
  switch (verdict.problem) {
    case 'tooLarge':
      throw new AppError(ErrorCode.FILE_TOO_LARGE, TOO_LARGE);
    case 'typeMismatch':
      throw new AppError(ErrorCode.FILE_BAD_TYPE, '图片内容与声明的格式不符，请重新选择图片', {
        declared: input.contentType,
        actual: verdict.actual,
      });
    case 'badImage':
      throw new AppError(ErrorCode.FILE_BAD_TYPE, '无法识别这张公章图片，请换一张边长32至4096像素的PNG或JPEG图片');
    default:
      throw new AppError(ErrorCode.FILE_BAD_TYPE, '公章图片仅支持PNG或JPEG格式');
  }
}

export async function setSeal(input: OrgSetSealInput, ctx: Ctx): Promise<OrgSetSealOutput> {
  const openid = requireOpenid(ctx);
  const { org } = await requireLedOrg(openid, input.orgId, '只有本队负责人可以上传公章');
  if (org.status !== 'approved') throw new AppError(ErrorCode.ORG_NOT_FOUND);
  const picture = acceptedSeal(input);
  const storage = fileStorage();
  const fileId = await storage.upload(`orgs/${org._id}/seal-${randomBytes(8).toString('hex')}.${EXTENSION[picture.type]}`, picture.bytes);
  const seal: OrgSeal = { fileId, contentType: picture.type, size: picture.bytes.length, setAt: ctx.now, setBy: openid };

  let previous = org.seal?.fileId;
  for (let attempt = 1; ; attempt++) {
    if (await replaceOrgSeal(org._id, previous, seal)) break;
    // Another upload changed the seal since it was read: replace that one instead.
    previous = (await findOrg(org._id))?.seal?.fileId;
    if (attempt >= ATTEMPTS) {
      await storage.remove([fileId]).catch((err: unknown) => console.error(`[seal] ${fileId} left behind`, err));
      throw new AppError(ErrorCode.INTERNAL);
    }
  }
  await appendAudit({
    kind: 'org.sealSet',
    actor: openid,
    subject: org._id,
    orgId: org._id,
    fileId,
    ...(previous ? { previousFileId: previous } : {}),
    at: ctx.now,
  });
  // The team no longer names the old file; a failed delete leaves an unreachable file, never a missing seal.
  if (previous) await storage.remove([previous]).catch((err: unknown) => console.error(`[seal] ${previous} not deleted`, err));
  return { orgId: org._id, hasSeal: true, setAt: toIso(ctx.now), replaced: previous !== undefined };
}
