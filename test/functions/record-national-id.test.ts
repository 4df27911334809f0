// record.setNationalVolunteerId and record.handoffMissingIds through the emulator: a team's leader or admin lists the
// members of the team and the teams below without a 全国志愿者统一编号 and enters one; nobody else may; a bad number,
// one another volunteer holds or a volunteer's own number is refused with nothing written; the next hand-off carries it.
import { dataOf, refusalOf, useTestEmulator } from '../helpers/emulator';
import { REPORT_CLOCK, seedProvince } from '../helpers/report';
import { RecordSetNationalVolunteerIdInput } from '@contract/handoff';

/** Today in the fixture: 2026-11-23 (Asia/Shanghai). */
const t = useTestEmulator({ clock: REPORT_CLOCK });

beforeEach(async () => {
  await seedProvince(t);
});

const setId = (who: string, openid: string, nationalVolunteerId: string, orgId = 'lz') =>
  t.call('record', 'setNationalVolunteerId', { orgId, openid, nationalVolunteerId }, who);
const missing = (who: string, orgId = 'lz', paging: { page?: number; pageSize?: number } = {}) =>
  t.call('record', 'handoffMissingIds', { orgId, ...paging }, who);
const nationalIdOf = async (openid: string) =>
  ((await t.emu.db.find('volunteers', { _id: openid })) as { nationalVolunteerId?: string }[])[0]?.nationalVolunteerId;

describe('record.handoffMissingIds', () => {
  it('lists the members of the team and the teams below without a number, each once, by our 志愿者编号, in pages', async () => {
    await t.call('user', 'updateProfile', { nationalVolunteerId: 'ZYZ2026000123' }, 'v2');
    const all = dataOf(await missing('lz-leader'));
    // 兰州: the leader, the admin, the member, v1 (v2 has one); 城关 below: its admin and v3. Not 天水, not the pending one.
    expect(all.items.map((m) => m.openid)).toEqual(['cg-admin', 'lz-admin', 'lz-leader', 'lz-member', 'v1', 'v3']);
    expect(all.total).toBe(6);
    expect(all.items.find((m) => m.openid === 'v3')).toEqual({
      openid: 'v3',
      realName: '王芳',
      volunteerNo: 'V-v3',
      orgName: '城关区科技志愿服务队',
    });
    const second = dataOf(await missing('lz-admin', 'lz', { page: 2, pageSize: 4 }));
    expect(second).toMatchObject({ total: 6, page: 2 });
    expect(second.items.map((m) => m.openid)).toEqual(['v1', 'v3']);
    // 城关's admin sees 城关 only.
    expect(dataOf(await missing('cg-admin', 'cg')).items.map((m) => m.openid)).toEqual(['cg-admin', 'v3']);
  });

  it('is for the team’s leader and admins only', async () => {
    for (const who of ['lz-member', 'v1', 'cg-admin', 'ts-admin']) expect(refusalOf(await missing(who)).code).toBe('AUTH.FORBIDDEN');
    expect(refusalOf(await missing('lz-leader', 'nope')).code).toBe('ORG.NOT_FOUND');
  });
});

describe('record.setNationalVolunteerId', () => {
  it('the team’s admin enters a member’s number, also one of a team below; the member leaves the missing list', async () => {
    expect(dataOf(await setId('lz-admin', 'v1', 'ZYZ2026000777'))).toEqual({
      openid: 'v1',
      nationalVolunteerId: 'ZYZ2026000777',
      outcome: 'saved',
    });
    expect(dataOf(await setId('lz-leader', 'v3', ' zyz2026000888 '))).toMatchObject({
      nationalVolunteerId: 'zyz2026000888',
      outcome: 'saved',
    });
    expect(await nationalIdOf('v3')).toBe('zyz2026000888');
    // The volunteer sees it on 我的; the member list shows it.
    expect(dataOf(await t.call('user', 'me', {}, 'v1')).volunteer.nationalVolunteerId).toBe('ZYZ2026000777');
    const { items } = dataOf(await missing('lz-leader'));
    expect(items.map((m) => m.openid)).not.toEqual(expect.arrayContaining(['v1']));
    expect(items.map((m) => m.openid)).not.toContain('v3');
    // The same number again writes nothing.
    expect(dataOf(await setId('lz-admin', 'v1', 'ZYZ2026000777')).outcome).toBe('unchanged');
    // A manager's entry may be corrected by a manager.
    expect(dataOf(await setId('lz-leader', 'v1', 'ZYZ2026000778')).outcome).toBe('saved');
    expect(await nationalIdOf('v1')).toBe('ZYZ2026000778');
  });

  it('members, managers of another team and managers of a team below are refused AUTH.FORBIDDEN; nothing is written', async () => {
    const refused: [string, string, string][] = [
      ['lz-member', 'v1', 'lz'],
      ['v1', 'v1', 'lz'],
      ['ts-admin', 'v1', 'lz'],
      // 天水's admin through 天水: v1 is not a member of 天水.
      ['ts-admin', 'v1', 'ts'],
      // 城关's admin through 城关: v1 is a member of 兰州, above.
      ['cg-admin', 'v1', 'cg'],
      // 兰州's admin: the pending applicant is not a member yet, and 天水's admin is not in 兰州's subtree.
      ['lz-admin', 'pending-one', 'lz'],
      ['lz-admin', 'ts-admin', 'lz'],
    ];
    for (const [who, openid, orgId] of refused)
      expect({ who, openid, code: refusalOf(await setId(who, openid, 'ZYZ2026000999', orgId)).code }).toEqual({
        who,
        openid,
        code: 'AUTH.FORBIDDEN',
      });
    expect(refusalOf(await setId('lz-admin', 'v1', 'ZYZ2026000999', 'nope')).code).toBe('ORG.NOT_FOUND');
    expect(await t.emu.db.find('volunteers', { nationalVolunteerId: { $exists: true } })).toHaveLength(0);
  });

  it('a malformed number is VALIDATION (the profile’s own rule); nothing is written', async () => {
    for (const bad of ['1234567', 'A'.repeat(33), '12345-678', '全国编号12345678', ''])
      expect(refusalOf(await setId('lz-admin', 'v1', bad)).code).toBe('VALIDATION');
    expect(RecordSetNationalVolunteerIdInput.safeParse({ orgId: 'lz', openid: 'v1', nationalVolunteerId: 'AB123456' }).success).toBe(true);
    expect(await nationalIdOf('v1')).toBeUndefined();
  });

  it('a number another volunteer holds is HANDOFF.NATIONAL_ID_TAKEN; nothing is written', async () => {
    await t.call('user', 'updateProfile', { nationalVolunteerId: 'ZYZ2026000123' }, 'v2');
    const refusal = refusalOf(await setId('lz-admin', 'v1', 'ZYZ2026000123'));
    expect(refusal).toMatchObject({ code: 'HANDOFF.NATIONAL_ID_TAKEN', message: '该全国志愿者统一编号已由其他志愿者填写，请核对' });
    expect(await nationalIdOf('v1')).toBeUndefined();
  });

  it('a number the volunteer entered themself is theirs: a different one is HANDOFF.NATIONAL_ID_OWN', async () => {
    await t.call('user', 'updateProfile', { nationalVolunteerId: 'ZYZ2026000123' }, 'v2');
    expect(refusalOf(await setId('lz-leader', 'v2', 'ZYZ2026000124')).code).toBe('HANDOFF.NATIONAL_ID_OWN');
    expect(await nationalIdOf('v2')).toBe('ZYZ2026000123');
    // A volunteer who replaces a manager's entry makes the number theirs.
    dataOf(await setId('lz-admin', 'v1', 'ZYZ2026000777'));
    await t.call('user', 'updateProfile', { nationalVolunteerId: 'ZYZ2026000555' }, 'v1');
    expect(refusalOf(await setId('lz-admin', 'v1', 'ZYZ2026000777')).code).toBe('HANDOFF.NATIONAL_ID_OWN');
    expect(await nationalIdOf('v1')).toBe('ZYZ2026000555');
  });

  it('the next hand-off sends the member again, with the number beside ours', async () => {
    // A hand-off ends a minute before it starts: export two minutes after the seeding.
    await t.setClock('2026-11-23T02:02:00Z');
    const first = dataOf(await t.call('record', 'handoffExport', { orgId: 'lz', mode: 'sinceLast' }, 'lz-leader'));
    expect(first.counts.volunteers).toBe(7);
    await t.setClock('2026-11-23T02:05:00Z');
    dataOf(await setId('lz-admin', 'v3', 'ZYZ2026000888'));
    await t.setClock('2026-11-23T02:10:00Z');
    const next = dataOf(await t.call('record', 'handoffExport', { orgId: 'lz', mode: 'sinceLast' }, 'lz-leader'));
    expect(next.counts).toMatchObject({ volunteers: 1, serviceRecords: 0 });
    const json = (await (await fetch(next.jsonUrl)).json()) as { sheets: { volunteers: { rows: Record<string, string>[] } } };
    expect(json.sheets.volunteers.rows).toEqual([
      expect.objectContaining({ 志愿者姓名: '王芳', 全国志愿者统一编号: 'ZYZ2026000888', '志愿者编号（本平台）': 'V-v3' }),
    ]);
  });
});
