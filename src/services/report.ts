// Reports: a team's statistics and ranking, the 附件2/附件3/attendance exports, and the volunteer's certificate with
// its public verification.
import { callFunction } from './cloud';
import type {
  OrgStats,
  ReportCertificateInput,
  ReportCertificateOutput,
  ReportCertificatePublicityOutput,
  ReportExportInput,
  ReportExportOutput,
  ReportOrgStatsInput,
  ReportRankingInput,
  ReportRankingOutput,
  ReportVerifyCertificateOutput,
} from '@contract/report';

export function orgStats(input: ReportOrgStatsInput): Promise<OrgStats> {
  return callFunction('report', 'orgStats', input);
}

/** The teams directly below `orgId`, ranked by hours in the period. */
export function ranking(input: ReportRankingInput): Promise<ReportRankingOutput> {
  return callFunction('report', 'ranking', input);
}

/** An xlsx as base64 with its file name (hand it to device/file). */
export function exportReport(input: ReportExportInput): Promise<ReportExportOutput> {
  return callFunction('report', 'export', input);
}

/** Issues a 志愿服务记录证明 (PDF) for the caller's hours with the team. */
export function issueCertificate(input: ReportCertificateInput): Promise<ReportCertificateOutput> {
  return callFunction('report', 'certificate', input);
}

/** Public: anyone holding a certificate number may check it. */
export function verifyCertificate(certificateNo: string): Promise<ReportVerifyCertificateOutput> {
  return callFunction('report', 'verifyCertificate', { certificateNo });
}

/** 证明公示: the certificates the team issued in the last 7 days (the team's members only). */
export function certificatePublicity(orgId: string): Promise<ReportCertificatePublicityOutput> {
  return callFunction('report', 'certificatePublicity', { orgId });
}
