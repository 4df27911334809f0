// 我的证明 choices → report.certificate input: the team, and the period the certificate covers.
import type { ReportCertificateInput } from '@contract/report';

export type CertPeriod = 'all' | 'year' | 'lastYear' | 'custom';
export const CERT_PERIODS: { key: CertPeriod; title: string }[] = [
  { key: 'all', title: '全部' },
  { key: 'year', title: '今年' },
  { key: 'lastYear', title: '去年' },
  { key: 'custom', title: '自定义' },
];

export type CertChoice = { orgId: string; period: CertPeriod; from: string; to: string };

/** The request for the choice, or what to fix first. 今年 and 去年 are the server's to resolve (its clock decides). */
export function certificateQuery(c: CertChoice): { input: ReportCertificateInput } | { error: string } {
  if (!c.orgId) return { error: '请选择出具证明的队伍' };
  switch (c.period) {
    case 'year':
      return { input: { orgId: c.orgId, period: 'thisYear' } };
    case 'lastYear':
      return { input: { orgId: c.orgId, period: 'lastYear' } };
    case 'custom':
      if (!c.from || !c.to) return { error: '请选择开始和结束日期' };
      if (c.from > c.to) return { error: '开始日期不能晚于结束日期' };
      return { input: { orgId: c.orgId, from: c.from, to: c.to } };
    default:
      return { input: { orgId: c.orgId } };
  }
}

/** The PDF's file name: the certificate number keeps several certificates apart in the download folder. */
export const certificateFileName = (certificateNo: string) => `志愿服务证明-${certificateNo}.pdf`;
