// org.importVolunteers / org.importTemplate: 集体注册 from the 附件2 template into one named team, a report line per row
// (the name and masked phone the file gave, what became of it, or all its problems in Chinese).
// Someone already registered is asked, never added: a row naming them (phone and ID number of one volunteer) invites
// them, and every row whose phone or ID number is registered reads the same, so the report tells a team admin nothing
// about whether a phone and an ID number belong together.
import type { FileOutput, OrgIdInput, OrgImportVolunteersInput, OrgImportVolunteersOutput } from '@contract/org';
import { maskIdNumber, maskPhone } from '@contract/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { findMembership, membershipId, type OrgDoc } from '../../db/org.repository';
import { existsWhere, findVolunteerByPhone } from '../../db/volunteer.repository';
import { putInvitation } from '../../db/invitation.repository';
import { findMemberInvitation, memberInvitationId, putMemberInvitation } from '../../db/member-invitation.repository';
import { requireManagedOrg } from '../access';
import { isAdultOn } from '../../domain/id-number';
import { shanghaiDate } from '../../domain/shanghai-time';
import { parseImportRow } from '../../domain/volunteer-import';
import { encryptPii, piiLookupHash, sealPhone } from '../../adapters/pii-cipher';
import { importTemplateXlsx, readImportRows } from '../../adapters/xlsx';

/** Leader or admin of this very, approved team: the only people who may import into it. */
async function importingOrg(openid: string, orgId: string): Promise<OrgDoc> {
  return (await requireManagedOrg(openid, orgId, '只有本队负责人或管理员可以集体注册', { approvedOnly: true })).org;
}

export async function importTemplate(input: OrgIdInput, ctx: Ctx): Promise<FileOutput> {
  const org = await importingOrg(requireOpenid(ctx), input.orgId);
  const buf = await importTemplateXlsx(org.name);
  return { fileName: `科技志愿者集体注册信息表-${org.name}.xlsx`, base64: buf.toString('base64') };
}

/** What every row of a registered phone or ID number reads, whoever it names. */
const INVITED = '已是注册志愿者：已发出入队邀请，本人在小程序“我的”中确认后加入';

/**
 * Whether the row's phone or ID number is registered; when both name the same volunteer, that volunteer is invited
 * (unless already in the team or removed from it). Nothing of what was found reaches the report.
 */
async function alreadyRegistered(phone: string, idHash: string, orgId: string, invitedBy: string, at: Date): Promise<boolean> {
  const byPhone = await findVolunteerByPhone(phone);
  if (!byPhone) return existsWhere({ idNumberHash: idHash });
  if (byPhone.idNumberHash !== idHash) return true;
  const membership = await findMembership(membershipId(orgId, byPhone._id));
  // A member or applicant is in the team's own lists already; one the team removed (清退) is not invited back this way.
  if (membership && membership.status !== 'rejected' && membership.status !== 'left') return true;
  // A second import keeps the first invitation's date: the volunteer's list does not jump.
  if (!(await findMemberInvitation(memberInvitationId(orgId, byPhone._id)))) await putMemberInvitation(orgId, byPhone._id, invitedBy, at);
  return true;
}

export async function importVolunteers(input: OrgImportVolunteersInput, ctx: Ctx): Promise<OrgImportVolunteersOutput> {
  const openid = requireOpenid(ctx);
  const org = await importingOrg(openid, input.orgId);
  let rows;
  try {
    rows = await readImportRows(Buffer.from(input.file, 'base64'));
  } catch {
    throw new AppError(ErrorCode.IMPORT_BAD_FILE);
  }
  if (rows.length === 0) throw new AppError(ErrorCode.IMPORT_BAD_FILE, '文件中没有找到“真实姓名”表头或数据行，请使用集体注册模板');
  if (rows.length > 500) throw new AppError(ErrorCode.VALIDATION, '一次最多导入500人，请分批导入');

  const today = shanghaiDate(ctx.now);
  const seenPhones = new Set<string>();
  const seenIds = new Set<string>();
  const report: OrgImportVolunteersOutput['rows'] = [];
  let created = 0;
  let invited = 0;
  for (const { row, cells } of rows) {
    const parsed = parseImportRow(cells);
    const name = cells.realName || undefined;
    if (!parsed.ok) {
      report.push({ row, ok: false, code: ErrorCode.VALIDATION, message: parsed.message, errors: parsed.errors, name });
      continue;
    }
    const v = parsed.value;
    const idHash = piiLookupHash(v.idNumber);
    if (seenPhones.has(v.phone) || seenIds.has(idHash)) {
      report.push({ row, ok: false, code: ErrorCode.VALIDATION, message: '与表中前面的行重复（手机号或身份证号）', name });
      continue;
    }
    seenPhones.add(v.phone);
    seenIds.add(idHash);
    if (!isAdultOn(v.idNumber, today)) {
      report.push({ row, ok: false, code: ErrorCode.USER_UNDERAGE, message: '注册科技志愿者须年满18周岁', name });
      continue;
    }
    try {
      if (await alreadyRegistered(v.phone, idHash, org._id, openid, ctx.now)) {
        invited++;
        report.push({ row, ok: true, message: INVITED, name, outcome: 'invited', phoneMasked: maskPhone(v.phone) });
        continue;
      }
      const { idNumber, phone, ...profile } = v;
      // An invitation: the person verifies their phone by SMS on first opening the mini program, then joins approved.
      await putInvitation(org._id, phone, {
        ...profile,
        ...sealPhone(phone),
        orgId: org._id,
        idNumberEnc: encryptPii(idNumber),
        idNumberHash: idHash,
        idNumberMasked: maskIdNumber(idNumber),
        invitedBy: openid,
        invitedAt: ctx.now,
        status: 'open',
      });
      created++;
      report.push({ row, ok: true, message: '已导入，待本人短信验证后激活', name, outcome: 'created', phoneMasked: maskPhone(phone) });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      report.push({ row, ok: false, code: err.code, message: err.message, name });
    }
  }
  return { created, invited, rows: report, orgId: org._id, orgName: org.name };
}
