// 民发〔2015〕149号 on certificates through the emulator: the team's leader uploads its 公章 (org.setSeal) and every
// certificate carries it; the certificate names the 经办人 beside the 负责人; 证明公示 lists the team's certificates of
// the last 7 days to its own members (report.certificatePublicity).
import { dataOf, idNumberFor, registerVolunteer, useTestEmulator } from '../helpers/emulator';
import { pdfText } from '../helpers/pdf';
import { REPORT_CLOCK, seedProvince } from '../helpers/report';
import { sealPng } from '../helpers/seal';

const t = useTestEmulator({ clock: REPORT_CLOCK });
let fx: Awaited<ReturnType<typeof seedProvince>>;
beforeEach(async () => {
  fx = await seedProvince(t);
});

type Certificate = { certificateNo: string; pdfBase64: string; minutes: number; issuedAt: string };
const SEAL = sealPng(96);
// Raw: some calls send what the contract refuses (a WebP, text far over the limit).
const setSeal = (caller: string, bytes: Buffer = SEAL, contentType = 'image/png', orgId = 'lz') =>
  t.callRaw('org', 'setSeal', { orgId, contentType, dataBase64: bytes.toString('base64') }, caller);
const issue = async (caller: string, orgId = 'lz') => {
  const out = dataOf<Certificate>(await t.call('report', 'certificate', { orgId }, caller));
  const pdf = Buffer.from(out.pdfBase64, 'base64');
  return { ...out, pdf, flat: (await pdfText(pdf)).text.replace(/\s+/g, '') };
};
/** pdfkit writes each embedded picture as an image XObject. */
const hasImage = (pdf: Buffer) => /\/Subtype\s*\/Image/.test(pdf.toString('latin1'));
const sealFiles = async () => (await t.emu.files.list()).filter((k) => k.includes('/orgs/'));
const lz = async () => (await t.emu.db.find('orgs', { _id: 'lz' }))[0] as { seal?: { fileId: string; contentType: string; setBy: string } };

describe('org.setSeal and the certificate’s seal', () => {
  it('the leader uploads the seal; managers are told it is set; every certificate afterwards carries it', async () => {
    const before = await issue('v1');
    expect(hasImage(before.pdf)).toBe(false);
    expect(dataOf<{ hasSeal?: boolean }>(await t.call('org', 'get', { orgId: 'lz' }, 'lz-leader')).hasSeal).toBe(false);

    const out = await setSeal('lz-leader');
    expect(out).toMatchObject({ ok: true, data: { orgId: 'lz', hasSeal: true, replaced: false } });
    expect(await sealFiles()).toHaveLength(1);
    const stored = await lz();
    expect(stored.seal).toMatchObject({ contentType: 'image/png', setBy: 'lz-leader' });
    const file = await t.emu.files.read(stored.seal!.fileId);
    expect(file?.bytes.equals(SEAL)).toBe(true);

    // The team's leader and admins are told; a member and a visitor are not.
    expect(dataOf<{ hasSeal?: boolean }>(await t.call('org', 'get', { orgId: 'lz' }, 'lz-leader')).hasSeal).toBe(true);
    expect(dataOf<{ hasSeal?: boolean }>(await t.call('org', 'get', { orgId: 'lz' }, 'lz-admin')).hasSeal).toBe(true);
    expect(dataOf<Record<string, unknown>>(await t.call('org', 'get', { orgId: 'lz' }, 'lz-member'))).not.toHaveProperty('hasSeal');
    expect(dataOf<Record<string, unknown>>(await t.call('org', 'get', { orgId: 'lz' }))).not.toHaveProperty('hasSeal');

    const after = await issue('v1');
    expect(hasImage(after.pdf)).toBe(true);
    expect(after.flat).toContain('出具单位：兰州市科技志愿服务支队（盖章）');
    // Still one page: the stamp sits over the issuer's lines.
    expect((await pdfText(after.pdf)).pages).toBe(1);
    // A team without a seal issues without one.
    const other = await t.call('report', 'certificate', { orgId: 'ts' }, 'v1');
    if (other.ok) expect(hasImage(Buffer.from((other.data as Certificate).pdfBase64, 'base64'))).toBe(false);

    // Written to the audit log.
    expect(await t.emu.db.find('audit_log', { kind: 'org.sealSet', subject: 'lz' })).toEqual([
      expect.objectContaining({ actor: 'lz-leader', orgId: 'lz', fileId: stored.seal!.fileId }),
    ]);
  });

  it('the leader replaces the seal: the new one is printed, the old file is deleted, both changes are audited', async () => {
    expect((await setSeal('lz-leader')).ok).toBe(true);
    const first = (await lz()).seal!.fileId;
    const replacement = sealPng(128);
    expect(await setSeal('lz-leader', replacement)).toMatchObject({ ok: true, data: { replaced: true } });
    const second = (await lz()).seal!.fileId;
    expect(second).not.toBe(first);
    expect(await sealFiles()).toHaveLength(1);
    expect(await t.emu.files.read(first)).toBeUndefined();
    expect((await t.emu.files.read(second))?.bytes.equals(replacement)).toBe(true);
    const audit = await t.emu.db.find('audit_log', { kind: 'org.sealSet', subject: 'lz' });
    expect(audit).toHaveLength(2);
    expect(audit.find((a: { fileId: string }) => a.fileId === second)).toMatchObject({ previousFileId: first });
    expect(hasImage((await issue('v1')).pdf)).toBe(true);
  });

  it('AUTH.FORBIDDEN for anyone but the team’s leader — its admin, a member, a parent’s leader, another team’s admin — and nothing is stored', async () => {
    for (const caller of ['lz-admin', 'lz-member', 'v1', 'root-leader', 'ts-admin', 'cg-admin', 'stranger']) {
      expect({ caller, answer: await setSeal(caller) }).toMatchObject({ caller, answer: { ok: false, code: 'AUTH.FORBIDDEN' } });
    }
    // 城关's admin is no leader of 城关 either.
    expect(await setSeal('cg-admin', SEAL, 'image/png', 'cg')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await setSeal('lz-leader', SEAL, 'image/png', 'nowhere')).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND' });
    expect(await t.call('org', 'setSeal', { orgId: 'lz', contentType: 'image/png', dataBase64: SEAL.toString('base64') })).toMatchObject({
      ok: false,
      code: 'AUTH.UNAUTHENTICATED',
    });
    expect(await sealFiles()).toEqual([]);
    expect((await lz()).seal).toBeUndefined();
    expect(await t.emu.db.find('audit_log', { kind: 'org.sealSet' })).toEqual([]);
  });

  it('a picture that is not what it says, no picture, or too large is refused with its code, and nothing is stored', async () => {
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64)]);
    expect(await setSeal('lz-leader', gif)).toMatchObject({ ok: false, code: 'FILE.BAD_TYPE', message: '公章图片仅支持PNG或JPEG格式' });
    expect(await setSeal('lz-leader', SEAL, 'image/jpeg')).toMatchObject({
      ok: false,
      code: 'FILE.BAD_TYPE',
      message: '图片内容与声明的格式不符，请重新选择图片',
      details: { declared: 'image/jpeg', actual: 'image/png' },
    });
    expect(await setSeal('lz-leader', SEAL.subarray(0, 24))).toMatchObject({ ok: false, code: 'FILE.BAD_TYPE' });
    // A WebP is a picture, but not a seal the certificate takes.
    expect(await setSeal('lz-leader', SEAL, 'image/webp')).toMatchObject({ ok: false, code: 'VALIDATION' });
    const big = Buffer.concat([SEAL, Buffer.alloc(512 * 1024 + 1 - SEAL.length)]);
    expect(await setSeal('lz-leader', big)).toMatchObject({
      ok: false,
      code: 'FILE.TOO_LARGE',
      message: '公章图片不能超过512KB，请压缩后再上传',
    });
    // Far too large is refused by the contract before anything is decoded.
    expect(await setSeal('lz-leader', Buffer.concat([SEAL, Buffer.alloc(600 * 1024)]))).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await sealFiles()).toEqual([]);
    expect((await lz()).seal).toBeUndefined();
    expect(await t.emu.db.find('audit_log', { kind: 'org.sealSet' })).toEqual([]);
  });
});

describe('经办人', () => {
  it('the admin who approved the volunteer’s membership is the 经办人, beside the 负责人; stored and verified masked', async () => {
    expect(
      (await registerVolunteer(t, 'vol-new', '13955550001', { realName: '陈真', idNumber: idNumberFor('19900101', 17), orgIds: ['lz'] }))
        .ok,
    ).toBe(true);
    expect((await t.call('org', 'reviewMember', { orgId: 'lz', memberId: 'lz_vol-new', decision: 'approve' }, 'lz-admin')).ok).toBe(true);
    await t.emu.db.insert('checkin_days', [
      {
        _id: `${fx.A1._id}_vol-new_2026-09-20`,
        activityId: fx.A1._id,
        orgId: 'lz',
        openid: 'vol-new',
        date: '2026-09-20',
        minutes: 90,
        status: 'closed',
        adjustments: [],
        scans: {},
      },
    ]);
    const out = await issue('vol-new');
    expect(out.flat).toContain('负责人：赵队长经办人：钱管理');
    const [stored] = await t.emu.db.find('certificates', { certificateNo: out.certificateNo });
    expect(stored).toMatchObject({ handlerOpenid: 'lz-admin', handlerNameMasked: '钱**' });
    expect(JSON.stringify(stored)).not.toContain('钱管理');
    const verified = await t.call('report', 'verifyCertificate', { certificateNo: out.certificateNo });
    expect(verified).toMatchObject({ ok: true, data: { valid: true, realNameMasked: '陈*', handlerNameMasked: '钱**' } });
    expect(JSON.stringify(verified)).not.toContain('钱管理');
    expect(JSON.stringify(verified)).not.toContain('lz-admin');
  });

  it('a membership nobody reviewed (seeded, or the leader’s own) names the team’s leader', async () => {
    const out = await issue('v1');
    expect(out.flat).toContain('负责人：赵队长经办人：赵队长');
    expect((await t.emu.db.find('certificates', { certificateNo: out.certificateNo }))[0]).toMatchObject({
      handlerOpenid: 'lz-leader',
      handlerNameMasked: '赵**',
    });
  });
});

describe('report.certificatePublicity (证明公示)', () => {
  type Publicity = {
    orgId: string;
    orgName: string;
    since: string;
    days: number;
    items: { certificateNo: string; realNameMasked: string; from: string; to: string; minutes: number; issuedAt: string }[];
  };
  const cert = (no: string, orgId: string, issuedAt: string, realNameMasked = '张*') => ({
    _id: no,
    certificateNo: no,
    openid: 'v1',
    orgId,
    orgName: orgId === 'lz' ? '兰州市科技志愿服务支队' : '天水市科技志愿服务支队',
    realNameMasked,
    minutes: 120,
    activities: 1,
    from: '2026-09-20',
    to: '2026-09-20',
    issuedAt: new Date(issuedAt),
  });
  const NO = (n: number) => `KJZY-2026-${String(n).padStart(16, '0')}`;

  beforeEach(async () => {
    await t.emu.db.insert('certificates', [
      cert(NO(1), 'lz', '2026-11-16T01:59:00Z', '李*'), // 7 days and a minute before 10:00 on the 23rd
      cert(NO(2), 'lz', '2026-11-16T02:01:00Z', '王*'), // within the 7 days
      cert(NO(3), 'lz', '2026-11-22T08:00:00Z'),
      cert(NO(4), 'ts', '2026-11-22T09:00:00Z'), // another team's
    ]);
  });

  it('a member sees the team’s certificates of the last 7 days by the server clock, newest first, masked', async () => {
    const issued = await issue('v2');
    const out = dataOf<Publicity>(await t.call('report', 'certificatePublicity', { orgId: 'lz' }, 'v1'));
    expect(out).toMatchObject({ orgId: 'lz', orgName: '兰州市科技志愿服务支队', days: 7 });
    expect(out.since).toMatch(/^2026-11-16T10:00:\d\d\+08:00$/);
    expect(out.items.map((i) => i.certificateNo)).toEqual([issued.certificateNo, NO(3), NO(2)]);
    expect(out.items[0]).toEqual({
      certificateNo: issued.certificateNo,
      realNameMasked: '李*',
      from: '2026-05-10',
      to: '2026-11-23',
      minutes: 180,
      issuedAt: issued.issuedAt,
    });
    expect(out.items[1]).toEqual({
      certificateNo: NO(3),
      realNameMasked: '张*',
      from: '2026-09-20',
      to: '2026-09-20',
      minutes: 120,
      issuedAt: '2026-11-22T16:00:00+08:00',
    });
    // Nothing else about the person: no openid, no full name.
    expect(JSON.stringify(out)).not.toContain('"openid"');
    expect(JSON.stringify(out)).not.toContain('李娜');
    // The team's managers are members too.
    expect(dataOf<Publicity>(await t.call('report', 'certificatePublicity', { orgId: 'lz' }, 'lz-admin')).items).toHaveLength(3);
    expect(dataOf<Publicity>(await t.call('report', 'certificatePublicity', { orgId: 'lz' }, 'lz-leader')).items).toHaveLength(3);
  });

  it('after 7 days a certificate leaves the list', async () => {
    // 6 days 23.5 hours after NO(3) was issued.
    await t.setClock('2026-11-29T07:30:00Z');
    const out = dataOf<Publicity>(await t.call('report', 'certificatePublicity', { orgId: 'lz' }, 'lz-member'));
    expect(out.items.map((i) => i.certificateNo)).toEqual([NO(3)]);
    // Half an hour past its 7 days.
    await t.setClock('2026-11-29T08:30:00Z');
    expect(dataOf<Publicity>(await t.call('report', 'certificatePublicity', { orgId: 'lz' }, 'lz-member')).items).toEqual([]);
  });

  it('AUTH.FORBIDDEN for anyone who is not an approved member of the team, managers above it included', async () => {
    // root-leader leads the parent, v3 and cg-admin belong to the team below, pending-one only applied.
    for (const caller of ['root-leader', 'v3', 'cg-admin', 'ts-admin', 'pending-one', 'stranger']) {
      expect({ caller, answer: await t.call('report', 'certificatePublicity', { orgId: 'lz' }, caller) }).toMatchObject({
        caller,
        answer: { ok: false, code: 'AUTH.FORBIDDEN', message: '证明公示仅对本队队员公开' },
      });
    }
    expect(await t.call('report', 'certificatePublicity', { orgId: 'nowhere' }, 'v1')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('report', 'certificatePublicity', { orgId: 'lz' })).toMatchObject({ ok: false, code: 'AUTH.UNAUTHENTICATED' });
  });
});
