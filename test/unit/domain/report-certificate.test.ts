// Certificate numbers (unguessable, typed back in any case), the verification address and the certifying sentence.
import {
  base32,
  certificateBody,
  certifiedPeriod,
  newCertificateNo,
  normalizeCertificateNo,
  verifyUrl,
} from '../../../cloudfunctions/common/domain/report-certificate';

describe('report-certificate', () => {
  it('numbers: KJZY-<year>-16 base32 characters from 80 random bits, read back whatever the case', () => {
    expect(base32(Uint8Array.from([0xff, 0x00]))).toBe('ZW00');
    const no = newCertificateNo('2026', (n) => new Uint8Array(n).fill(0xa5));
    expect(no).toMatch(/^KJZY-2026-[0-9A-HJKMNP-TV-Z]{16}$/);
    const seen = new Set(Array.from({ length: 200 }, () => newCertificateNo('2026')));
    expect(seen.size).toBe(200);
    expect(normalizeCertificateNo(` ${no.toLowerCase()} `)).toBe(no);
    expect(normalizeCertificateNo('KJZY-2026-123')).toBeUndefined();
    expect(normalizeCertificateNo('KJZY-2026-IIIIIIIIIIIIIIII')).toBeUndefined();
  });

  it('the verification address and the certifying sentence', () => {
    expect(verifyUrl('KJZY-2026-ABC')).toBe('https://kjzy.example/verify?no=KJZY-2026-ABC');
    expect(verifyUrl('KJZY-2026-ABC', 'https://x.cn/v?from=qr')).toBe('https://x.cn/v?from=qr&no=KJZY-2026-ABC');
    const body = certificateBody({
      realName: '张伟',
      idNumberMasked: '620102********0011',
      volunteerNo: 'KJ202600000001',
      orgName: '兰州市科技志愿服务支队',
      from: '2026-01-01',
      to: '2026-11-23',
      minutes: 750,
    });
    expect(body).toBe(
      '兹证明 张伟（证件类型：居民身份证，证件号码：620102********0011，志愿者编号：KJ202600000001）于2026年1月1日至2026年11月23日期间在兰州市科技志愿服务支队参加志愿服务，经志愿服务记录核实，累计志愿服务时长12小时30分钟。',
    );
  });
});

describe('certifiedPeriod', () => {
  it('starts no earlier than the first record, ends no later than today; inside both it is what was asked', () => {
    expect(certifiedPeriod({ from: '2018-01-01', to: '2027-12-31' }, '2026-05-10', '2026-11-23')).toEqual({
      from: '2026-05-10',
      to: '2026-11-23',
    });
    expect(certifiedPeriod({}, '2026-05-10', '2026-11-23')).toEqual({ from: '2026-05-10', to: '2026-11-23' });
    expect(certifiedPeriod({ from: '2026-05-10', to: '2026-11-23' }, '2026-05-10', '2026-11-23')).toEqual({
      from: '2026-05-10',
      to: '2026-11-23',
    });
    expect(certifiedPeriod({ from: '2026-06-01', to: '2026-09-30' }, '2026-05-10', '2026-11-23')).toEqual({
      from: '2026-06-01',
      to: '2026-09-30',
    });
    expect(certifiedPeriod({ from: '2026-05-09' }, '2026-05-10', '2026-11-23')).toEqual({ from: '2026-05-10', to: '2026-11-23' });
  });
});
