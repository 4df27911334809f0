// org.inbox and org.get under four-eyes, through the emulator: the inbox lists exactly the teams and corrections the
// caller may decide (never their own; a child team's where it has no other manager), and a team under review opens
// for whoever must decide it.
import { orgRegisterInput, seedMembership, seedVolunteer, useTestEmulator } from '../helpers/emulator';
import { activityCode, nonce, north, requestForgottenSignOut, seedCheckinScene } from '../helpers/checkin';

// 09:30 on the first day of the activity (Asia/Shanghai).
const t = useTestEmulator({ clock: '2026-12-01T01:30:00.000Z' });
let act: { _id: string };

beforeEach(async () => {
  // root-leader leads the root; lz-admin is the only manager of 兰州 (and enrolled), ts-admin the only one of 天水.
  act = await seedCheckinScene(t, ['vol', 'lz-admin']);
});

/** Signs in at 09:30 and asks the next morning for a sign-out at 16:30; returns the correction's id. */
async function forgotToSignOut(openid: string): Promise<string> {
  await t.setClock('2026-12-01T01:30:00.000Z');
  const signed = await t.call(
    'checkin',
    'scan',
    { payload: await activityCode(t, act._id, 'in', 'lz-admin'), location: north(50), nonce: nonce() },
    openid,
  );
  if (!signed.ok) throw new Error(`${signed.code} ${signed.message}`);
  return requestForgottenSignOut(t, act._id, openid);
}

const inboxOf = async (openid: string) => {
  const r = await t.call('org', 'inbox', {}, openid);
  if (!r.ok) throw new Error(`org.inbox: ${r.code}`);
  return r.data;
};
const correctionIds = async (openid: string) => (await inboxOf(openid)).corrections.map((c) => c.correctionId);

describe('corrections in org.inbox', () => {
  it('a sole admin’s correction is in the parent leader’s inbox, not the admin’s; the volunteer’s is the admin’s alone', async () => {
    const own = await forgotToSignOut('lz-admin');
    const vol = await forgotToSignOut('vol');

    const admin = await inboxOf('lz-admin');
    expect(admin.corrections.map((c) => c.correctionId)).toEqual([vol]);
    expect(admin.counts).toMatchObject({ corrections: 1 });
    const parent = await inboxOf('root-leader');
    expect(parent.corrections).toMatchObject([{ correctionId: own, orgName: '兰州市科技志愿服务支队', realName: '李敏' }]);
    expect(parent.counts).toMatchObject({ corrections: 1, total: 1 });
    expect(await correctionIds('ts-admin')).toEqual([]);

    // The list and the decision agree, both ways.
    expect(await t.call('checkin', 'reviewCorrection', { correctionId: vol, decision: 'approve' }, 'root-leader')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
    expect(await t.call('checkin', 'reviewCorrection', { correctionId: own, decision: 'approve' }, 'lz-admin')).toMatchObject({
      ok: false,
      code: 'AUTH.SELF_DEALING',
    });
    expect(await t.call('checkin', 'reviewCorrection', { correctionId: own, decision: 'approve' }, 'root-leader')).toMatchObject({
      ok: true,
    });
    expect(await correctionIds('root-leader')).toEqual([]);
  });

  it('once the team has a second admin, the parent no longer decides: the new admin has both', async () => {
    const own = await forgotToSignOut('lz-admin');
    const vol = await forgotToSignOut('vol');
    await seedVolunteer(t, 'lz-admin2', '13900000009', '周敏');
    await seedMembership(t, 'lz', 'lz-admin2', 'admin');
    expect(await correctionIds('root-leader')).toEqual([]);
    expect(await correctionIds('lz-admin')).toEqual([vol]);
    expect((await correctionIds('lz-admin2')).sort()).toEqual([own, vol].sort());
  });
});

describe('team applications in org.inbox and org.get', () => {
  const apply = async (openid: string, parentId: string, name: string) => {
    const r = await t.call('org', 'register', orgRegisterInput(parentId, { name }), openid);
    if (!r.ok) throw new Error(`org.register: ${r.code}`);
    return r.data.org._id;
  };

  it('the parent’s only manager applied: the grandparent sees it, opens it and decides it; the applicant does not review it', async () => {
    const orgId = await apply('ts-admin', 'ts', '天水师范学院科技志愿服务分队');
    expect((await inboxOf('ts-admin')).orgs).toEqual([]);
    const grandparent = await inboxOf('root-leader');
    expect(grandparent.orgs.map((o) => o._id)).toEqual([orgId]);
    expect(grandparent.counts).toMatchObject({ orgs: 1 });
    expect((await inboxOf('lz-admin')).orgs).toEqual([]);

    expect(await t.call('org', 'get', { orgId }, 'root-leader')).toMatchObject({
      ok: true,
      data: { org: { _id: orgId, status: 'pending' }, parent: { _id: 'ts' } },
    });
    expect(await t.call('org', 'get', { orgId }, 'ts-admin')).toMatchObject({ ok: true, data: { org: { status: 'pending' } } });
    for (const who of ['lz-admin', 'vol', undefined])
      expect(await t.call('org', 'get', { orgId }, who)).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND' });
    expect(await t.call('org', 'review', { orgId, decision: 'approve' }, 'root-leader')).toMatchObject({ ok: true });
  });

  it('anyone else’s application: the parent’s manager sees and opens it, the grandparent neither', async () => {
    const orgId = await apply('vol', 'lz', '兰州大学科技志愿服务分队');
    expect((await inboxOf('lz-admin')).orgs.map((o) => o._id)).toEqual([orgId]);
    expect((await inboxOf('root-leader')).orgs).toEqual([]);
    expect(await t.call('org', 'get', { orgId }, 'lz-admin')).toMatchObject({ ok: true, data: { org: { status: 'pending' } } });
    expect(await t.call('org', 'get', { orgId }, 'root-leader')).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND' });
    expect(await t.call('org', 'review', { orgId, decision: 'approve' }, 'root-leader')).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
  });
});
