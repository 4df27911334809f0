// activity.get's enrolledPreview through the emulator: the enrolled count and the first enrolled volunteers as the
// first character of their name only, in enrollment order, without the waitlisted or cancelled, read cheaply.
import { databaseRequests, dataOf, publishActivity, seedTeam, seedVolunteer, seedMembership, useTestEmulator } from '../helpers/emulator';
import { ENROLLED_PREVIEW_SIZE } from '@contract/activity';

// 2026-11-22 10:00 Asia/Shanghai: signup of the sample activity is open.
const t = useTestEmulator({ clock: '2026-11-22T02:00:00Z' });
/** Ten members of 兰州 with names (phones 13600000000…), enrolling in this order. */
const PEOPLE = ['欧阳娜', '李雷', '韩梅梅', '王芳', '赵强', '孙丽', '周杰', '吴敏', '郑爽', '冯刚'].map((name, i) => ({
  openid: `p${i}`,
  name,
  phone: String(13600000000 + i),
}));
beforeEach(async () => {
  await seedTeam(t);
  for (const p of PEOPLE) {
    await seedVolunteer(t, p.openid, p.phone, p.name, { volunteerNo: `KJ2026${String(p.phone).slice(-8)}00` });
    await seedMembership(t, 'lz', p.openid);
  }
});

const get = (activityId: string, openid?: string) => t.call('activity', 'get', { activityId }, openid);
const enroll = (activityId: string, openid: string) => t.call('activity', 'enroll', { activityId }, openid);

describe('activity.get enrolledPreview', () => {
  it('counts the enrolled and shows the first eight as initials only, to anyone, in enrollment order', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 20 });
    expect(dataOf(await get(a._id)).enrolledPreview).toEqual({ count: 0, people: [] });
    for (const [i, p] of PEOPLE.entries()) {
      await t.setClock(new Date(Date.parse('2026-11-22T02:00:00Z') + i * 60_000).toISOString());
      expect((await enroll(a._id, p.openid)).ok).toBe(true);
    }
    const anonymous = dataOf(await get(a._id));
    expect(anonymous.enrolledPreview).toEqual({
      count: 10,
      people: ['欧', '李', '韩', '王', '赵', '孙', '周', '吴'].map((initial) => ({ initial })),
    });
    expect(anonymous.enrolledPreview!.people).toHaveLength(ENROLLED_PREVIEW_SIZE);
    // Never a full name, a phone or an openid, whoever asks.
    const text = JSON.stringify(dataOf(await get(a._id, 'p9')).enrolledPreview);
    for (const p of PEOPLE) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.phone.slice(-4));
      expect(text).not.toContain(`"${p.openid}"`);
    }
  });

  it('leaves out cancelled enrollments and the waitlist; the count is the seats taken', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 3, waitlist: true });
    for (const p of PEOPLE.slice(0, 5)) expect((await enroll(a._id, p.openid)).ok).toBe(true);
    // 欧阳娜 cancels: 王芳, first on the waitlist, moves up; 赵强 still waits.
    expect((await t.call('activity', 'cancelEnrollment', { activityId: a._id }, 'p0')).ok).toBe(true);
    const preview = dataOf(await get(a._id)).enrolledPreview!;
    expect(preview.count).toBe(3);
    expect(preview.people.map((p) => p.initial)).toEqual(['李', '韩', '王']);
  });

  it('costs the same however many enrolled: one read of the first enrollments, one of their names', async () => {
    const a = await publishActivity(t, 'lz-admin', 'lz', { capacity: 20 });
    const cost = async () => {
      await t.dev('DELETE', '/_dev/stats');
      dataOf(await get(a._id));
      return databaseRequests(t);
    };
    expect((await enroll(a._id, 'p0')).ok).toBe(true);
    const one = await cost();
    for (const p of PEOPLE.slice(1)) expect((await enroll(a._id, p.openid)).ok).toBe(true);
    expect(await cost()).toEqual(one);
  });
});
