// Two registered volunteers with one of every kind of record (我的数据 and 注销 tests): 张伟 ('me') and 李娜 ('other').
import {
  bootstrapRoot,
  dataOf,
  idNumberFor,
  registerVolunteer,
  seedMembership,
  seedOrg,
  seedVolunteer,
  type TestEmulator,
} from './emulator';
import { seedActivity, seedEnrollment } from './checkin';

export const ME = {
  openid: 'me',
  phone: '13912340001',
  idNumber: idNumberFor('19880808', 501),
  realName: '张伟',
  employer: '兰州大学化学化工学院',
};
export const OTHER = {
  openid: 'other',
  phone: '13912340002',
  idNumber: idNumberFor('19900909', 503),
  realName: '李娜',
  employer: '兰州理工大学',
};

/**
 * Clock 2026-11-22 10:00 (Shanghai). Teams 兰州 lz (leader lz-leader 赵队长, admin lz-admin 钱管理) and 天水 ts. Both volunteers: approved in lz,
 * a past activity P (2026-11-15) enrolled with a day record 补录 by lz-admin, a correction request and a certificate;
 * a future activity F (2026-12-01) with one seat: me enrolled, other waitlisted. Me also: a pending application to
 * ts, an invitation from the root team and a pending team application of its own.
 */
export async function seedPeople(t: TestEmulator) {
  const root = await bootstrapRoot(t, 'root-leader');
  await seedOrg(t, 'lz', '兰州市科技志愿服务支队', root);
  await seedOrg(t, 'ts', '天水市科技志愿服务支队', root);
  await seedVolunteer(t, 'lz-leader', '13900000001', '赵队长');
  await seedMembership(t, 'lz', 'lz-leader', 'leader');
  await seedVolunteer(t, 'lz-admin', '13900000002', '钱管理');
  await seedMembership(t, 'lz', 'lz-admin', 'admin');
  for (const p of [ME, OTHER]) {
    const orgIds = p === ME ? ['lz', 'ts'] : ['lz'];
    dataOf(await registerVolunteer(t, p.openid, p.phone, { orgIds, idNumber: p.idNumber, realName: p.realName, employer: p.employer }));
    dataOf(await t.call('org', 'reviewMember', { orgId: 'lz', memberId: `lz_${p.openid}`, decision: 'approve' }, 'lz-admin'));
  }
  const P = await seedActivity(t, 'lz', {
    title: '社区防灾科普讲解',
    startDate: '2026-11-15',
    endDate: '2026-11-15',
    startAt: new Date('2026-11-15T01:00:00Z'),
    endAt: new Date('2026-11-15T09:00:00Z'),
    signupEndAt: new Date('2026-11-14T00:00:00Z'),
    enrolledCount: 2,
  });
  const F = await seedActivity(t, 'lz', { title: '青少年科技节志愿服务', capacity: 1, enrolledCount: 1, waitlistCount: 1 });
  const certificates: Record<string, string> = {};
  for (const p of [ME, OTHER]) {
    await seedEnrollment(t, P._id, p.openid);
    dataOf(
      await t.call(
        'checkin',
        'adjust',
        {
          activityId: P._id,
          openid: p.openid,
          date: '2026-11-15',
          signInAt: '2026-11-15T09:00:00+08:00',
          signOutAt: '2026-11-15T12:00:00+08:00',
          reason: `现场网络故障，补录${p.realName}的签到`,
        },
        'lz-admin',
      ),
    );
    dataOf(
      await t.call(
        'checkin',
        'requestCorrection',
        { activityId: P._id, date: '2026-11-15', signOutAt: '2026-11-15T16:00:00+08:00', note: `${p.realName}实际服务到16点` },
        p.openid,
      ),
    );
    certificates[p.openid] = dataOf(await t.call('report', 'certificate', { orgId: 'lz' }, p.openid)).certificateNo;
  }
  await seedEnrollment(t, F._id, ME.openid, 'enrolled');
  await seedEnrollment(t, F._id, OTHER.openid, 'waitlisted');
  await t.emu.db.insert('member_invitations', [
    { _id: `${root._id}_me`, orgId: root._id, openid: 'me', invitedBy: 'root-leader', invitedAt: new Date('2026-11-20T00:00:00Z') },
  ]);
  // A team application of me's own, pending, with me as its contact.
  await seedOrg(
    t,
    'mine-team',
    '兰州大学化学科技志愿服务分队',
    { _id: 'lz', path: [root._id] },
    { status: 'pending', level: '分队', applicantOpenid: 'me', contactName: ME.realName, contactPhone: ME.phone },
  );
  return { root, P, F, certificates };
}
