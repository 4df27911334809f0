// 审核 with something to judge by, through the emulator: the applicant's profile in org.inbox (age from the ID number,
// never the number), org.reviewMembers item by item, org.undoReview within a minute of the server clock, org.reviewHistory.
import {
  dataOf,
  idNumberFor,
  LZ_TS_STAFF,
  publishActivity,
  registerVolunteer,
  seedLanzhou,
  seedMembership,
  seedStaff,
  seedVolunteer,
  useLoggedErrors,
  useTestEmulator,
} from '../helpers/emulator';

const t = useTestEmulator();
const logged = useLoggedErrors();

/** Registers `openid` with this ID number and profile, applying to 兰州 (a pending membership lz_<openid>). */
async function applicant(openid: string, phone: string, birth: string, over: Record<string, unknown> = {}) {
  const r = await registerVolunteer(t, openid, phone, { realName: '赵晓明', idNumber: idNumberFor(birth), orgIds: ['lz'], ...over });
  if (!r.ok) throw new Error(`user.register: ${r.code} ${r.message}`);
  return `lz_${openid}`;
}

const inboxOf = async (openid: string) => dataOf(await t.call('org', 'inbox', {}, openid));
const batch = (by: string, items: string[], decision: 'approve' | 'reject', extra: { orgId?: string; reason?: string } = {}) =>
  t.call('org', 'reviewMembers', { items, decision, ...extra }, by);
const membership = async (id: string) => (await t.emu.db.find('memberships', { _id: id }))[0];

beforeEach(async () => {
  await seedLanzhou(t, { tianshui: {} });
  await seedStaff(t, LZ_TS_STAFF);
});

describe('the applicant’s profile in org.inbox', () => {
  it('shows age, region, 从业类别, 服务领域, 专业特长 and teams joined; never the ID number or the full phone', async () => {
    const id = await applicant('app1', '13812345678', '19900101', {
      occupation: '科研院所',
      serviceFields: ['科普报告类', '科技咨询类'],
      skills: '气象科普',
    });
    await seedMembership(t, 'ts', 'app1');
    // Born on 29 February: 26 on 22 November 2026.
    await applicant('app2', '13812345679', '20000229');

    const inbox = await inboxOf('lz-admin');
    const one = inbox.members.find((m) => m.memberId === id)!;
    expect(one).toMatchObject({
      realName: '赵晓明',
      phoneMasked: '138****5678',
      profile: {
        age: 36,
        region: { province: '620000', city: '620100', county: '620102' },
        occupation: '科研院所',
        serviceFields: ['科普报告类', '科技咨询类'],
        skills: '气象科普',
        teams: [{ orgId: 'ts', name: '天水市科技志愿服务支队' }],
      },
    });
    expect(inbox.members.find((m) => m.memberId === 'lz_app2')?.profile).toMatchObject({ age: 26, serviceFields: [], teams: [] });
    const text = JSON.stringify(inbox);
    expect(text).not.toContain(idNumberFor('19900101'));
    expect(text).not.toContain('19900101');
    expect(text).not.toContain('13812345678');
  });

  it('another team’s reviewer sees neither the application nor its profile', async () => {
    await applicant('app1', '13812345678', '19900101', { skills: '气象科普' });
    const other = await inboxOf('ts-admin');
    expect(other.members).toEqual([]);
    expect(JSON.stringify(other)).not.toContain('气象科普');
    expect(await t.call('org', 'inbox', {}, 'lz-member')).toMatchObject({ ok: true, data: { members: [] } });
  });
  it('an ID number that cannot be opened shows no age; the inbox still answers', async () => {
    await seedVolunteer(t, 'app3', '13812345670', '钱多多', { idNumberEnc: 'v1.not.a.sealedvalue' });
    await seedMembership(t, 'lz', 'app3', 'member', 'pending');
    const [one] = (await inboxOf('lz-admin')).members;
    expect(one).toMatchObject({ memberId: 'lz_app3', profile: { region: { county: '620102' }, teams: [] } });
    expect(one.profile).not.toHaveProperty('age');
    expect(logged('the ID number of app3 could not be opened')).toBe(true);
  });
});

describe('org.reviewMembers', () => {
  it('decides each item on its own: valid ones pass, the others answer their code and write nothing', async () => {
    const a = await applicant('app1', '13812345678', '19900101');
    const b = await applicant('app2', '13812345679', '19910101');
    await seedVolunteer(t, 'app3', '13812345670', '钱多多');
    await seedMembership(t, 'ts', 'app3', 'member', 'pending');

    const r = dataOf(await batch('lz-admin', [a, 'lz_nobody', 'ts_app3', b, 'lz_lz-member'], 'approve'));
    expect(r.results).toMatchObject([
      { memberId: a, ok: true, reviewedAt: '2026-11-22T10:00:00+08:00', undoUntil: '2026-11-22T10:01:00+08:00' },
      { memberId: 'lz_nobody', ok: false, code: 'AUTH.FORBIDDEN' },
      { memberId: 'ts_app3', ok: false, code: 'AUTH.FORBIDDEN' },
      { memberId: b, ok: true },
      { memberId: 'lz_lz-member', ok: false, code: 'VALIDATION', message: '该申请已审核，请刷新后查看' },
    ]);
    expect(await membership(a)).toMatchObject({ status: 'approved', reviewedBy: 'lz-admin' });
    expect(await membership(b)).toMatchObject({ status: 'approved' });
    expect(await membership('ts_app3')).toMatchObject({ status: 'pending' });
    expect(await t.emu.db.find('member_reviews', {})).toHaveLength(2);
  });

  it('refuses the caller’s own application (AUTH.SELF_DEALING) and still decides the rest', async () => {
    const a = await applicant('app1', '13812345678', '19900101');
    await seedMembership(t, 'ts', 'lz-admin', 'member', 'pending');
    const r = dataOf(await batch('lz-admin', ['ts_lz-admin', a], 'approve'));
    expect(r.results).toMatchObject([
      { memberId: 'ts_lz-admin', ok: false, code: 'AUTH.SELF_DEALING' },
      { memberId: a, ok: true },
    ]);
    expect(await membership('ts_lz-admin')).toMatchObject({ status: 'pending' });
  });

  it('batch rejection needs a reason, which reaches every applicant', async () => {
    const a = await applicant('app1', '13812345678', '19900101');
    const b = await applicant('app2', '13812345679', '19910101');
    expect(await batch('lz-admin', [a, b], 'reject')).toMatchObject({ ok: false, code: 'VALIDATION' });
    const r = dataOf(await batch('lz-admin', [a, b], 'reject', { orgId: 'lz', reason: '不在本队服务区域' }));
    expect(r.results.every((x) => x.ok && !('undoUntil' in x))).toBe(true);
    expect(await membership(a)).toMatchObject({ status: 'rejected', reason: '不在本队服务区域' });
    const messages = await t.dev<{ body: string }[]>('GET', '/_dev/messages?openid=app2');
    expect(messages[0].body).toContain('不在本队服务区域');
  });

  it('with orgId: an application of another team is unknown there; a stranger to the team is refused whole', async () => {
    const a = await applicant('app1', '13812345678', '19900101');
    await seedVolunteer(t, 'app3', '13812345670', '钱多多');
    await seedMembership(t, 'ts', 'app3', 'member', 'pending');
    expect(dataOf(await batch('lz-admin', [a, 'ts_app3'], 'approve', { orgId: 'lz' })).results).toMatchObject([
      { ok: true },
      { ok: false, code: 'VALIDATION', message: '该队员记录不存在' },
    ]);
    expect(await batch('ts-admin', ['ts_app3'], 'approve', { orgId: 'lz' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await batch('lz-member', ['ts_app3'], 'approve')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(
      await t.callRaw('org', 'reviewMembers', { items: Array.from({ length: 51 }, (_, i) => `x${i}`), decision: 'approve' }, 'lz-admin'),
    ).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(await t.callRaw('org', 'reviewMembers', { items: [a, a], decision: 'approve' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
  });
});

describe('org.undoReview', () => {
  const approveOne = async (id: string, by = 'lz-admin') => {
    const r = dataOf(await batch(by, [id], 'approve')).results[0];
    if (!r.ok) throw new Error(r.code);
    return Date.parse(r.reviewedAt);
  };
  const undo = (membershipId: string, by = 'lz-admin') => t.call('org', 'undoReview', { membershipId }, by);

  it('within 60 s of the server clock the reviewer restores pending; the volunteer is told and it is in the history', async () => {
    const a = await applicant('app1', '13812345678', '19900101');
    const at = await approveOne(a);
    await t.setClock(new Date(at + 59_000).toISOString());
    expect(await undo(a, 'lz-leader')).toMatchObject({ ok: false, code: 'ORG.UNDO_NOT_OWN' });
    expect(await undo(a, 'ts-admin')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await undo(a)).toMatchObject({ ok: true, data: { membership: { memberId: a, status: 'pending' } } });
    const stored = await membership(a);
    expect(stored.status).toBe('pending');
    expect(stored.reviewedAt).toBeUndefined();
    expect((await inboxOf('lz-admin')).members.map((m) => m.memberId)).toContain(a);
    const messages = await t.dev<{ body: string }[]>('GET', '/_dev/messages?openid=app1');
    expect(messages[0].body).toContain('恢复为待审核');
    // Nothing to undo twice.
    expect(await undo(a)).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('ORG.UNDO_EXPIRED after the minute', async () => {
    const a = await applicant('app1', '13812345678', '19900101');
    const at = await approveOne(a);
    await t.setClock(new Date(at + 61_000).toISOString());
    expect(await undo(a)).toMatchObject({ ok: false, code: 'ORG.UNDO_EXPIRED', message: expect.stringContaining('1分钟') });
    expect(await membership(a)).toMatchObject({ status: 'approved' });
  });

  it('ORG.UNDO_IN_USE once the member has enrolled in an activity since', async () => {
    const a = await applicant('app1', '13812345678', '19900101');
    const activity = await publishActivity(t, 'lz-admin', 'lz');
    await approveOne(a);
    dataOf(await t.call('activity', 'enroll', { activityId: activity._id }, 'app1'));
    expect(await undo(a)).toMatchObject({ ok: false, code: 'ORG.UNDO_IN_USE' });
    expect(await membership(a)).toMatchObject({ status: 'approved' });
  });
});

describe('org.reviewHistory', () => {
  it('lists decisions newest first with who decided, page by page; another team’s reviewer is refused', async () => {
    const a = await applicant('app1', '13812345678', '19900101');
    const b = await applicant('app2', '13812345679', '19910101');
    dataOf(await t.call('org', 'reviewMember', { orgId: 'lz', memberId: a, decision: 'approve' }, 'lz-admin'));
    await t.setClock('2026-11-22T02:00:10Z');
    dataOf(await t.call('org', 'undoReview', { membershipId: a }, 'lz-admin'));
    await t.setClock('2026-11-22T02:00:20Z');
    dataOf(await batch('lz-leader', [b], 'reject', { reason: '重复申请' }));

    const h = dataOf(await t.call('org', 'reviewHistory', { orgId: 'lz' }, 'lz-leader'));
    expect(h.items).toMatchObject([
      { memberId: b, event: 'reject', reason: '重复申请', reviewerName: '张伟', applicantName: '赵晓明', at: '2026-11-22T10:00:20+08:00' },
      { memberId: a, event: 'undo', at: '2026-11-22T10:00:10+08:00' },
      { memberId: a, event: 'approve' },
    ]);
    expect(h.nextCursor).toBeUndefined();
    expect(await t.call('org', 'reviewHistory', { orgId: 'lz' }, 'ts-admin')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('org', 'reviewHistory', { orgId: 'lz', cursor: 'not-a-cursor' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(dataOf(await t.call('org', 'reviewHistory', { orgId: 'ts' }, 'ts-admin')).items).toEqual([]);
  });

  it('a batch decided at one instant pages without losing or repeating an entry', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      await seedVolunteer(t, `p${i}`, String(13700000100 + i), `申请人${i}`);
      ids.push((await seedMembership(t, 'lz', `p${i}`, 'member', 'pending'))._id);
    }
    expect(dataOf(await batch('lz-admin', ids, 'approve')).results.every((r) => r.ok)).toBe(true);
    const first = dataOf(await t.call('org', 'reviewHistory', { orgId: 'lz' }, 'lz-admin'));
    expect(first.items).toHaveLength(20);
    const second = dataOf(await t.call('org', 'reviewHistory', { orgId: 'lz', cursor: first.nextCursor }, 'lz-admin'));
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeUndefined();
    expect(new Set([...first.items, ...second.items].map((i) => i.memberId))).toEqual(new Set(ids));
  });
});
