// report.certificate: a 志愿服务记录证明 (PDF) of the caller's credited time with one team, stored under an
// unguessable number, naming the team's 负责人 and the 经办人 and carrying the team's 公章 when its leader set one;
// report.verifyCertificate: anyone holding the number sees that it is genuine, and no more.
import type { ReportCertificateInput, ReportCertificateOutput, ReportVerifyCertificateOutput } from '@contract/report';
import { maskName } from '@contract/id-number';
import { requireOpenid, type Ctx } from '../../handler';
import { AppError, ErrorCode } from '../../errors';
import { env } from '../../env';
import { commendationLine } from '@contract/commendation';
import { findActivitiesByIds } from '../../db/activity.repository';
import { approvedOfVolunteer } from '../../db/commendation.repository';
import { recordsOf } from '../../db/checkin.repository';
import { findMembership, findOrg, findOrgsByIds, membershipId, type OrgDoc } from '../../db/org.repository';
import { attendanceOfPerson, trainingsByIds } from '../../db/training.repository';
import { findCertificate, insertCertificate, leaderOf, type CertificateDoc } from '../../db/report.repository';
import { findVolunteer, requireVolunteer } from '../../db/volunteer.repository';
import { certifiedPeriod, newCertificateNo, normalizeCertificateNo, verifyUrl } from '../../domain/report-certificate';
import { requestedRange, shanghaiDate, toIso } from '../../domain/shanghai-time';
import { certificatePdf, type CertificateRow } from '../../adapters/pdf';
import { fileStorage } from '../../adapters';

interface Person {
  openid: string;
  name: string;
}

/** A volunteer's name, unless the account is gone (注销 keeps no name). */
async function personOf(openid: string | undefined): Promise<Person | undefined> {
  const name = openid ? (await findVolunteer(openid))?.realName : undefined;
  return openid && name ? { openid, name } : undefined;
}

/** The leader: the team's recorded leader, else its approved leader membership. */
async function leaderOfTeam(org: { _id: string; leaderOpenid?: string }): Promise<Person | undefined> {
  return personOf(org.leaderOpenid ?? (await leaderOf(org._id))?.openid);
}

/** 经办人: whoever approved the volunteer's membership of the team (memberships.reviewedBy), else the team's leader. */
async function handlerOf(orgId: string, openid: string, leader: Person | undefined): Promise<Person | undefined> {
  const membership = await findMembership(membershipId(orgId, openid));
  return (await personOf(membership?.reviewedBy)) ?? leader;
}

/** The team's 公章 as stored; none when it has none, or its file is gone (the certificate then goes without). */
async function sealOf(org: OrgDoc): Promise<Buffer | undefined> {
  if (!org.seal) return undefined;
  const bytes = await fileStorage().read(org.seal.fileId);
  if (!bytes) console.error(`[certificate] the seal of ${org._id} (${org.seal.fileId}) is gone`);
  return bytes;
}

/** 培训 attended within the period, held by this team or a team below it (not cancelled), oldest first. */
async function trainingLines(openid: string, orgId: string, from: string, to: string): Promise<string[]> {
  const attended = (await attendanceOfPerson(openid)).filter((a) => a.date >= from && a.date <= to);
  const held = (await trainingsByIds(attended.map((a) => a.trainingId))).filter((tr) => tr.status !== 'cancelled');
  const teams = await findOrgsByIds([...new Set(held.map((tr) => tr.orgId))]);
  const within = new Set(teams.filter((o) => o._id === orgId || (o.path ?? []).includes(orgId)).map((o) => o._id));
  return held
    .filter((tr) => within.has(tr.orgId))
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title))
    .map((tr) => `${tr.date} · ${tr.title} · ${tr.type} · ${tr.hours}学时 · ${tr.orgName}`);
}

export async function certificate(input: ReportCertificateInput, ctx: Ctx): Promise<ReportCertificateOutput> {
  const openid = requireOpenid(ctx);
  const volunteer = await requireVolunteer(openid);
  const org = await findOrg(input.orgId);
  if (!org) throw new AppError(ErrorCode.ORG_NOT_FOUND);
  // Only the team's own records: time served with a team below it is that team's to certify.
  const range = requestedRange(input, ctx.now);
  const ownDays = (await recordsOf(openid, { orgId: org._id })).filter((r) => r.orgId === org._id && r.minutes > 0);
  // Hours of a cancelled activity are never certified (its records stay, as the truth of what happened).
  const activities = new Map((await findActivitiesByIds(ownDays.map((r) => r.activityId))).map((a) => [a._id, a]));
  const credited = ownDays.filter((r) => activities.get(r.activityId)?.status !== 'cancelled');
  const records = credited.filter((r) => (!range.from || r.date >= range.from) && (!range.to || r.date <= range.to));
  const minutes = records.reduce((s, r) => s + r.minutes, 0);
  if (minutes <= 0) throw new AppError(ErrorCode.VALIDATION, '暂无可证明的服务时长');

  const today = shanghaiDate(ctx.now);
  const firstRecord = credited.reduce((first, r) => (r.date < first ? r.date : first), records[0].date);
  const { from, to } = certifiedPeriod(range, firstRecord, today);
  const byActivity = new Map<string, CertificateRow>();
  for (const r of [...records].sort((a, b) => a.date.localeCompare(b.date))) {
    const row = byActivity.get(r.activityId);
    if (row) {
      row.to = r.date;
      row.minutes += r.minutes;
    } else
      byActivity.set(r.activityId, {
        title: activities.get(r.activityId)?.title ?? '（活动已删除）',
        from: r.date,
        to: r.date,
        minutes: r.minutes,
      });
  }
  const [leader, commended, seal] = await Promise.all([leaderOfTeam(org), approvedOfVolunteer(openid), sealOf(org)]);
  const handler = await handlerOf(org._id, openid, leader);
  // 表彰奖励 recorded through this team or a team below it.
  const commendations = commended.filter((c) => c.subjectTeams.includes(org._id)).map(commendationLine);
  const trainings = await trainingLines(openid, org._id, from, to);

  for (let attempt = 0; ; attempt++) {
    const certificateNo = newCertificateNo(today.slice(0, 4));
    const pdf = await certificatePdf({
      certificateNo,
      realName: volunteer.realName,
      idNumberMasked: volunteer.idNumberMasked,
      volunteerNo: volunteer.volunteerNo,
      orgName: org.name,
      leaderName: leader?.name,
      handlerName: handler?.name,
      seal,
      contactName: org.contactName,
      contactPhone: org.contactPhone,
      from,
      to,
      minutes,
      issuedOn: today,
      verifyUrl: verifyUrl(certificateNo, env().CERT_VERIFY_BASE_URL),
      rows: [...byActivity.values()],
      commendations,
      trainings,
    });
    const doc: CertificateDoc = {
      _id: certificateNo,
      certificateNo,
      openid,
      orgId: org._id,
      orgName: org.name,
      realNameMasked: maskName(volunteer.realName),
      minutes,
      activities: byActivity.size,
      from,
      to,
      issuedAt: ctx.now,
      ...(handler ? { handlerOpenid: handler.openid, handlerNameMasked: maskName(handler.name) } : {}),
    };
    // 80 random bits: a clash is practically impossible, but the unique index has the last word.
    if (await insertCertificate(doc))
      return { certificateNo, pdfBase64: pdf.toString('base64'), minutes, issuedAt: toIso(ctx.now), from, to };
    if (attempt >= 2) throw new AppError(ErrorCode.INTERNAL);
  }
}

export async function verifyCertificate(input: { certificateNo: string }, _ctx: Ctx): Promise<ReportVerifyCertificateOutput> {
  const no = normalizeCertificateNo(input.certificateNo);
  const doc = no ? await findCertificate(no) : undefined;
  if (!doc) return { valid: false };
  return {
    valid: true,
    realNameMasked: doc.realNameMasked,
    orgName: doc.orgName,
    minutes: doc.minutes,
    issuedAt: toIso(new Date(doc.issuedAt)),
    from: doc.from,
    to: doc.to,
    handlerNameMasked: doc.handlerNameMasked,
  };
}
