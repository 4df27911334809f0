// Sharing through the emulator: activity.shareLink mints the caller's token, activity.enroll with it credits the
// sharer once (never oneself, never a forged token), only the team's managers see the count; the activity poster and
// its scene; org.inviteLink for a team's managers and org.openInvite.
import { dataOf, publishActivity, seedMembers, seedTeam, seedVolunteer, useTestEmulator } from '../helpers/emulator';

// 2026-11-22 10:00 Asia/Shanghai: signup (11-20 00:00 – 11-30 18:00) is open.
const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
beforeEach(async () => {
  await seedTeam(t, { members: ['sharer', 'friend', 'other'], tianshui: {} });
  await seedMembers(t, 'ts', ['ts-vol'], 13600000000);
  await seedVolunteer(t, 'no-team', '13900000009');
});

const shareLink = (activityId: string, openid?: string) => t.call('activity', 'shareLink', { activityId }, openid);
const enroll = (activityId: string, openid: string, from?: string) =>
  t.call('activity', 'enroll', { activityId, ...(from === undefined ? {} : { from }) }, openid);
const get = (activityId: string, openid?: string) => t.call('activity', 'get', { activityId }, openid);
const enrollmentOf = async (activityId: string, openid: string) =>
  (await t.emu.db.find('enrollments', { _id: `${activityId}_${openid}` }))[0] as { sharedBy?: string } | undefined;

describe('activity.shareLink', () => {
  it('mints a token for the caller, answers the same one again, and a path to the activity carrying it', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    const first = dataOf(await shareLink(a._id, 'sharer'));
    expect(first.token).toMatch(/^[0-9A-Za-z]{8}$/);
    expect(first.path).toBe(`pages/activity-detail/index?id=${encodeURIComponent(a._id)}&from=${first.token}`);
    expect(dataOf(await shareLink(a._id, 'sharer')).token).toBe(first.token);
    const theirs = dataOf(await shareLink(a._id, 'friend')).token;
    expect(theirs).not.toBe(first.token);
    expect(await t.emu.db.find('share_tokens', { _id: first.token })).toEqual([
      expect.objectContaining({ kind: 'activity', targetId: a._id, openid: 'sharer' }),
    ]);
  });

  it('AUTH.UNAUTHENTICATED without a WeChat user, USER.NOT_REGISTERED for a visitor, ACTIVITY.NOT_FOUND, ACTIVITY.CANCELLED', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    expect(await shareLink(a._id)).toMatchObject({ ok: false, code: 'AUTH.UNAUTHENTICATED' });
    expect(await shareLink(a._id, 'visitor')).toMatchObject({ ok: false, code: 'USER.NOT_REGISTERED' });
    expect(await shareLink('nope', 'sharer')).toMatchObject({ ok: false, code: 'ACTIVITY.NOT_FOUND' });
    await t.call('activity', 'cancel', { activityId: a._id, reason: '天气原因' }, 'lz-admin');
    expect(await shareLink(a._id, 'sharer')).toMatchObject({ ok: false, code: 'ACTIVITY.CANCELLED' });
    expect(await t.emu.db.find('share_tokens', {})).toEqual([]);
  });
});

describe('activity.enroll through a share', () => {
  it('credits the sharer once: counted for the managers, and a second share to the same volunteer changes nothing', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    const { token } = dataOf(await shareLink(a._id, 'sharer'));
    const other = dataOf(await shareLink(a._id, 'other')).token;
    expect(await enroll(a._id, 'friend', token)).toMatchObject({ ok: true, data: { enrollment: { status: 'enrolled' } } });
    expect((await enrollmentOf(a._id, 'friend'))?.sharedBy).toBe('sharer');
    expect(await enroll(a._id, 'friend', other)).toMatchObject({ ok: true });
    expect((await enrollmentOf(a._id, 'friend'))?.sharedBy).toBe('sharer');
    // Cancelled and taken again through another share: still the first sharer's, counted once.
    expect(await t.call('activity', 'cancelEnrollment', { activityId: a._id }, 'friend')).toMatchObject({ ok: true });
    expect(dataOf(await get(a._id, 'lz-admin')).shareEnrollments).toBe(0);
    expect(await enroll(a._id, 'friend', other)).toMatchObject({ ok: true });
    expect((await enrollmentOf(a._id, 'friend'))?.sharedBy).toBe('sharer');
    expect(dataOf(await get(a._id, 'lz-admin')).shareEnrollments).toBe(1);
  });

  it('a self-share is not counted', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    const { token } = dataOf(await shareLink(a._id, 'sharer'));
    expect(await enroll(a._id, 'sharer', token)).toMatchObject({ ok: true, data: { enrollment: { status: 'enrolled' } } });
    expect((await enrollmentOf(a._id, 'sharer'))?.sharedBy).toBeUndefined();
    expect(dataOf(await get(a._id, 'lz-admin')).shareEnrollments).toBe(0);
  });

  it('a forged token, or one of another activity, is ignored: the enrollment goes through uncredited', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    const b = await publishActivity(t, 'lz-admin', 'lz', { title: '社区科普讲座第二场' });
    const forB = dataOf(await shareLink(b._id, 'sharer')).token;
    expect(await enroll(a._id, 'friend', 'AAAAAAAA')).toMatchObject({ ok: true, data: { enrollment: { status: 'enrolled' } } });
    expect(await enroll(a._id, 'other', forB)).toMatchObject({ ok: true });
    expect(await enroll(a._id, 'ts-vol', 'sharer')).toMatchObject({ ok: true });
    for (const who of ['friend', 'other', 'ts-vol']) expect((await enrollmentOf(a._id, who))?.sharedBy).toBeUndefined();
    expect(dataOf(await get(a._id, 'lz-admin')).shareEnrollments).toBe(0);
  });

  it("注销 deletes the sharer's tokens: their link credits nobody afterwards, earlier credit stays counted", async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    const { token } = dataOf(await shareLink(a._id, 'sharer'));
    await enroll(a._id, 'friend', token);
    expect(await t.call('user', 'withdraw', { confirm: true }, 'sharer')).toMatchObject({ ok: true });
    expect(await t.emu.db.find('share_tokens', { openid: 'sharer' })).toEqual([]);
    expect(await enroll(a._id, 'other', token)).toMatchObject({ ok: true });
    expect((await enrollmentOf(a._id, 'other'))?.sharedBy).toBeUndefined();
    expect(dataOf(await get(a._id, 'lz-admin')).shareEnrollments).toBe(1);
  });

  it('the count is for the team managers only: volunteers, the sharer and visitors see none of it', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    const { token } = dataOf(await shareLink(a._id, 'sharer'));
    await enroll(a._id, 'friend', token);
    expect(dataOf(await get(a._id, 'lz-admin')).shareEnrollments).toBe(1);
    for (const who of ['sharer', 'friend', 'ts-vol', undefined]) {
      const data = dataOf(await get(a._id, who)) as Record<string, unknown>;
      expect(data.shareEnrollments).toBeUndefined();
      expect(JSON.stringify(data)).not.toContain('sharedBy');
    }
    const list = await t.call('activity', 'enrollments', { activityId: a._id }, 'lz-admin');
    expect(JSON.stringify(list)).not.toContain('sharer');
  });
});

describe('activity.poster and activity.openScene', () => {
  it("gives the team's managers a 小程序码 whose scene opens the activity with their token", async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    const poster = dataOf(await t.call('activity', 'poster', { activityId: a._id }, 'lz-admin'));
    expect(poster).toMatchObject({
      title: a.title,
      orgName: '兰州市科技志愿服务支队',
      address: a.address,
      page: 'pages/activity-detail/index',
    });
    expect(poster.scene).toMatch(/^[0-9A-Za-z]{8}\.[0-9A-Za-z]{8}$/);
    expect(poster.scene.length).toBeLessThanOrEqual(32);
    expect(poster.wxacode).toMatch(/^data:image\/png;base64,/);
    const opened = dataOf(await t.call('activity', 'openScene', { scene: poster.scene }));
    expect(opened).toEqual({ activityId: a._id, from: poster.scene.split('.')[1] });
    await enroll(a._id, 'friend', opened.from);
    expect((await enrollmentOf(a._id, 'friend'))?.sharedBy).toBe('lz-admin');
    // The code key alone still opens the activity; a forged token is dropped, a forged key is refused.
    const key = poster.scene.split('.')[0];
    expect(dataOf(await t.call('activity', 'openScene', { scene: key }))).toEqual({ activityId: a._id });
    expect(dataOf(await t.call('activity', 'openScene', { scene: `${key}.ZZZZZZZZ` }))).toEqual({ activityId: a._id });
    expect(await t.call('activity', 'openScene', { scene: 'ZZZZZZZZ.ZZZZZZZZ' })).toMatchObject({ ok: false, code: 'ACTIVITY.NOT_FOUND' });
    expect(await t.call('activity', 'openScene', { scene: '../etc' })).toMatchObject({ ok: false, code: 'ACTIVITY.NOT_FOUND' });
  });

  it('AUTH.FORBIDDEN for anyone but the managers of its team', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz');
    for (const who of ['sharer', 'ts-vol'])
      expect(await t.call('activity', 'poster', { activityId: a._id }, who)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});

describe('org.inviteLink and org.openInvite', () => {
  it("gives the team's managers a link opening the team page with 申请加入 ready and a 小程序码 whose scene names the team", async () => {
    const link = dataOf(await t.call('org', 'inviteLink', { orgId: 'lz' }, 'lz-admin'));
    expect(link.path).toBe('pages/org-detail/index?orgId=lz&join=1');
    expect(link.page).toBe('pages/org-detail/index');
    expect(link.wxacode).toMatch(/^data:image\/png;base64,/);
    expect(link.scene.length).toBeLessThanOrEqual(32);
    expect(dataOf(await t.call('org', 'inviteLink', { orgId: 'lz' }, 'lz-admin')).scene).toBe(link.scene);
    expect(dataOf(await t.call('org', 'openInvite', { scene: link.scene }))).toEqual({ orgId: 'lz' });
    // The scene an activity share minted is not a team invitation, nor is a made-up one.
    const a = await publishActivity(t, 'lz-admin', 'lz');
    const { token } = dataOf(await shareLink(a._id, 'sharer'));
    expect(await t.call('org', 'openInvite', { scene: token })).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND' });
    expect(await t.call('org', 'openInvite', { scene: 'ZZZZZZZZ' })).toMatchObject({ ok: false, code: 'ORG.NOT_FOUND' });
  });

  it('AUTH.FORBIDDEN for members, other teams and managers above it; AUTH.UNAUTHENTICATED without a user', async () => {
    for (const who of ['sharer', 'ts-admin', 'no-team', 'root-leader'])
      expect(await t.call('org', 'inviteLink', { orgId: 'lz' }, who)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await t.call('org', 'inviteLink', { orgId: 'lz' })).toMatchObject({ ok: false, code: 'AUTH.UNAUTHENTICATED' });
    expect(await t.emu.db.find('share_tokens', {})).toEqual([]);
  });
});
