// 我的证明's choices → report.certificate input: the periods, and what must be fixed before asking.
import { certificateFileName, certificateQuery, type CertChoice } from '../../../src/pages/certificate/helpers';
import { ReportCertificateInput } from '@contract/report';

const choice = (over: Partial<CertChoice>): CertChoice => ({ orgId: 'lz', period: 'all', from: '', to: '', ...over });

describe('certificateQuery', () => {
  it('asks for a team first', () => {
    expect(certificateQuery(choice({ orgId: '' }))).toEqual({ error: '请选择出具证明的队伍' });
  });

  it('全部 leaves the period to the server; 今年 and 去年 are named for the server to resolve on its own clock', () => {
    expect(certificateQuery(choice({}))).toEqual({ input: { orgId: 'lz' } });
    expect(certificateQuery(choice({ period: 'year' }))).toEqual({ input: { orgId: 'lz', period: 'thisYear' } });
    expect(certificateQuery(choice({ period: 'lastYear' }))).toEqual({ input: { orgId: 'lz', period: 'lastYear' } });
  });

  it('自定义 needs both dates in order', () => {
    expect(certificateQuery(choice({ period: 'custom', from: '2026-03-01' }))).toEqual({ error: '请选择开始和结束日期' });
    expect(certificateQuery(choice({ period: 'custom', from: '2026-03-02', to: '2026-03-01' }))).toEqual({
      error: '开始日期不能晚于结束日期',
    });
    expect(certificateQuery(choice({ period: 'custom', from: '2026-03-01', to: '2026-03-01' }))).toEqual({
      input: { orgId: 'lz', from: '2026-03-01', to: '2026-03-01' },
    });
  });

  it('every answer is a valid request under the contract', () => {
    for (const period of ['all', 'year', 'lastYear'] as const) {
      const q = certificateQuery(choice({ period }));
      if ('error' in q) throw new Error(q.error);
      expect(ReportCertificateInput.safeParse(q.input).success).toBe(true);
    }
  });

  it('names the PDF after its number', () => {
    expect(certificateFileName('KJZY-2026-ABCD')).toBe('志愿服务证明-KJZY-2026-ABCD.pdf');
  });
});
