// report.certificate and report.verifyCertificate through the emulator: the PDF's text as a viewer reads it, what is
// stored, and what a verification shows to anyone holding the number.
import { dataOf, idNumberFor, registerVolunteer, useTestEmulator } from '../helpers/emulator';
import { pdfText } from '../helpers/pdf';
import { REPORT_CLOCK, seedProvince } from '../helpers/report';

const t = useTestEmulator({ clock: REPORT_CLOCK });
let fx: Awaited<ReturnType<typeof seedProvince>>;
beforeEach(async () => {
  fx = await seedProvince(t);
});

type Certificate = { certificateNo: string; pdfBase64: string; minutes: number; issuedAt: string };

describe('report.certificate', () => {
  it('a PDF of the caller’s credited time with that very team: Chinese text, the number, the activities', async () => {
    const out = dataOf<Certificate>(await t.call('report', 'certificate', { orgId: 'lz', from: '2026-01-01', to: '2026-11-23' }, 'v1'));
    // A1 120 + A2 240 + 180; not 城关's A5 (a team below), not 天水's A6, not last year's A7.
    expect(out.minutes).toBe(540);
    // The emulator clock flows on from 10:00 while the province is seeded.
    expect(out.issuedAt).toMatch(/^2026-11-23T10:00:\d\d\+08:00$/);
    expect(out.certificateNo).toMatch(/^KJZY-2026-[0-9A-HJKMNP-TV-Z]{16}$/);
    const pdf = Buffer.from(out.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // One font subset, not the 10 MB font.
    expect(pdf.length).toBeLessThan(80_000);
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(1);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('志愿服务记录证明');
    expect(flat).toContain(`证明编号：${out.certificateNo}`);
    expect(flat).toContain(
      '兹证明张伟（证件类型：居民身份证，证件号码：620102********0011，志愿者编号：V-v1）于2026年1月1日至2026年11月23日期间在兰州市科技志愿服务支队参加志愿服务',
    );
    expect(flat).toContain('累计志愿服务时长9小时');
    expect(flat).toContain('农技服务下乡2026年5月10日至5月11日7小时');
    expect(flat).toContain('全国科普日科普报告会2026年9月20日2小时');
    expect(flat).not.toContain('青少年科技营');
    expect(flat).toContain('出具单位：兰州市科技志愿服务支队');
    // The basis is cited by its full title.
    expect(flat).toContain('依据《志愿服务记录与证明出具办法（试行）》（民政部令第67号）出具');
    expect(flat).toContain('负责人：赵队长');
    expect(flat).toContain('联系人：王建国联系电话：13800000001');
    expect(flat).toContain('出具日期：2026年11月23日');
    expect(flat).toContain(`https://kjzy.example/verify?no=${out.certificateNo}`);
  });

  it('without a period: every credited day with the team, from the first one to today', async () => {
    const out = dataOf<Certificate>(await t.call('report', 'certificate', { orgId: 'lz' }, 'v1'));
    expect(out.minutes).toBe(600);
    expect(await t.call('report', 'verifyCertificate', { certificateNo: out.certificateNo })).toMatchObject({
      ok: true,
      data: { from: '2025-12-20', to: '2026-11-23', minutes: 600 },
    });
  });

  it('hours of a cancelled activity are not certified', async () => {
    // v1 served 200 minutes on 取消的科技培训 (A4) before it was called off.
    await t.emu.db.insert('checkin_days', [
      {
        _id: `${fx.A4._id}_v1_2026-07-01`,
        activityId: fx.A4._id,
        orgId: 'lz',
        openid: 'v1',
        date: '2026-07-01',
        signInAt: new Date('2026-07-01T01:00:00Z'),
        signOutAt: new Date('2026-07-01T04:20:00Z'),
        minutes: 200,
        status: 'closed',
        adjustments: [],
        echoes: [],
        createdAt: new Date('2026-07-01T01:00:00Z'),
        updatedAt: new Date('2026-07-01T04:20:00Z'),
      },
    ]);
    const out = dataOf<Certificate>(await t.call('report', 'certificate', { orgId: 'lz' }, 'v1'));
    expect(out.minutes).toBe(600);
    expect((await pdfText(Buffer.from(out.pdfBase64, 'base64'))).text.replace(/\s+/g, '')).not.toContain('取消的科技培训');
  });

  it('the period starts no earlier than the first record with the team and ends no later than today; the PDF prints that period', async () => {
    // 李娜 (v2) first served with 兰州 on 2026-05-10; she asks for the widest period there is, 2018 to the end of next year.
    const out = dataOf<Certificate & { from: string; to: string }>(
      await t.call('report', 'certificate', { orgId: 'lz', from: '2018-01-01', to: '2027-12-31' }, 'v2'),
    );
    expect(out).toMatchObject({ from: '2026-05-10', to: '2026-11-23', minutes: 180 });
    const flat = (await pdfText(Buffer.from(out.pdfBase64, 'base64'))).text.replace(/\s+/g, '');
    expect(flat).toContain('于2026年5月10日至2026年11月23日期间在兰州市科技志愿服务支队参加志愿服务');
    expect(flat).not.toContain('2018年');
    expect(await t.call('report', 'verifyCertificate', { certificateNo: out.certificateNo })).toMatchObject({
      ok: true,
      data: { from: '2026-05-10', to: '2026-11-23' },
    });
    // A start after the first record is kept as asked.
    expect(dataOf(await t.call('report', 'certificate', { orgId: 'lz', from: '2026-06-01', to: '2026-12-31' }, 'v2'))).toMatchObject({
      from: '2026-06-01',
      to: '2026-11-23',
      minutes: 120,
    });
  });

  it('stores the certificate with a masked name and no ID number', async () => {
    const idNumber = idNumberFor('19880808', 41);
    expect(await registerVolunteer(t, 'vol-real', '13955556666', { realName: '陈真', idNumber, orgIds: ['lz'] })).toMatchObject({
      ok: true,
    });
    await t.emu.db.insert('checkin_days', [
      {
        _id: `${fx.A1._id}_vol-real_2026-09-20`,
        activityId: fx.A1._id,
        orgId: 'lz',
        openid: 'vol-real',
        date: '2026-09-20',
        minutes: 45,
        status: 'closed',
        adjustments: [],
        scans: {},
      },
    ]);
    const out = dataOf<Certificate>(await t.call('report', 'certificate', { orgId: 'lz' }, 'vol-real'));
    const stored = await t.emu.db.find('certificates', { certificateNo: out.certificateNo });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      openid: 'vol-real',
      orgId: 'lz',
      orgName: '兰州市科技志愿服务支队',
      realNameMasked: '陈*',
      minutes: 45,
      from: '2026-09-20',
      to: '2026-11-23',
    });
    const json = JSON.stringify(stored[0]);
    expect(json).not.toContain(idNumber);
    expect(json).not.toContain(idNumber.slice(6, 14));
    expect(json).not.toContain('陈真');
    // The PDF shows the number masked only.
    const flat = (await pdfText(Buffer.from(out.pdfBase64, 'base64'))).text.replace(/\s+/g, '');
    expect(flat).toContain(`证件号码：620102********${idNumber.slice(-4)}`);
    expect(flat).not.toContain(idNumber);
  });

  it('VALIDATION without credited time with the team (only a team below, or nothing in the period)', async () => {
    // 王芳 served with 城关 only; 张伟 has nothing in 2026-07.
    expect(await t.call('report', 'certificate', { orgId: 'lz' }, 'v3')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: '暂无可证明的服务时长',
    });
    expect(await t.call('report', 'certificate', { orgId: 'lz', from: '2026-07-01', to: '2026-07-31' }, 'v1')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: '暂无可证明的服务时长',
    });
    expect(await t.call('report', 'certificate', { orgId: 'cg' }, 'v3')).toMatchObject({ ok: true, data: { minutes: 100 } });
  });

  it('USER.NOT_REGISTERED for a WeChat user who is not a volunteer; ORG.NOT_FOUND', async () => {
    expect(await t.call('report', 'certificate', { orgId: 'lz' }, 'stranger')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
    expect(await t.call('report', 'certificate', { orgId: 'nope' }, 'v1')).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND' });
  });
});

describe('report.verifyCertificate', () => {
  it('a real number: valid, with the masked name, team, minutes, dates and masked 经办人, and nothing else; anyone may ask', async () => {
    const out = dataOf<Certificate>(await t.call('report', 'certificate', { orgId: 'lz', from: '2026-01-01', to: '2026-11-23' }, 'v1'));
    const r = await t.call('report', 'verifyCertificate', { certificateNo: out.certificateNo });
    expect(r).toEqual({
      ok: true,
      data: {
        valid: true,
        realNameMasked: '张*',
        orgName: '兰州市科技志愿服务支队',
        minutes: 540,
        issuedAt: '2026-11-23T10:00:00+08:00',
        from: '2026-01-01',
        to: '2026-11-23',
        handlerNameMasked: '赵**',
      },
    });
    expect(
      await t.call('report', 'verifyCertificate', { certificateNo: ` ${out.certificateNo.toLowerCase()} ` }, 'someone-else'),
    ).toMatchObject({ ok: true, data: { valid: true } });
  });

  it('a made-up number answers valid:false and nothing more', async () => {
    expect(await t.call('report', 'verifyCertificate', { certificateNo: 'KJZY-2026-0000000000000000' })).toEqual({
      ok: true,
      data: { valid: false },
    });
    expect(await t.call('report', 'verifyCertificate', { certificateNo: 'not a number' })).toEqual({ ok: true, data: { valid: false } });
    expect(await t.call('report', 'verifyCertificate', { certificateNo: '' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});
