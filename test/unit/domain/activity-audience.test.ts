// Who may enroll: a public activity anyone with an approved or pending team application; a members-only activity the
// approved members of its team's subtree, the refusal naming the team and a pending application.
import { enrollBlock, type TeamMembership } from '../../../cloudfunctions/common/domain/activity-audience';

const team = (_id: string, path: string[], name: string, status: TeamMembership['status']): TeamMembership => ({
  org: { _id, path, name },
  status,
});
const lz = (status: TeamMembership['status']) => team('lz', ['root'], '兰州市科技志愿服务支队', status);
const ts = (status: TeamMembership['status']) => team('ts', ['root'], '天水市科技志愿服务支队', status);
const cg1 = (status: TeamMembership['status']) => team('cg1', ['root', 'lz', 'cg'], '城关区第一分队', status);
const root = team('root', [], '甘肃省科技志愿服务总队', 'approved');
const pub = { audience: 'public' as const, orgId: 'lz', orgName: '兰州市科技志愿服务支队' };
const members = { ...pub, audience: 'members' as const };

describe('enrollBlock: public activities', () => {
  it('take anyone whose application to some team is approved or still pending', () => {
    expect(enrollBlock(pub, [ts('approved')])).toBeUndefined();
    expect(enrollBlock(pub, [ts('pending')])).toBeUndefined();
  });
  it('refuse without a live application, asking to join a team', () => {
    expect(enrollBlock(pub, [])).toMatchObject({ code: 'USER.NO_APPROVED_ORG', message: '请先申请加入一支志愿服务队伍，再报名活动' });
    expect(enrollBlock(pub, [ts('rejected'), lz('removed')])?.code).toBe('USER.NO_APPROVED_ORG');
  });
});

describe('enrollBlock: members-only activities', () => {
  it('take approved members of the team and every team below it; not sideways, not above', () => {
    expect(enrollBlock(members, [lz('approved')])).toBeUndefined();
    expect(enrollBlock(members, [cg1('approved')])).toBeUndefined();
    expect(enrollBlock(members, [ts('approved'), cg1('approved')])).toBeUndefined();
    expect(enrollBlock(members, [ts('approved')])).toMatchObject({
      code: 'ACTIVITY.MEMBERS_ONLY',
      message: '本活动仅限兰州市科技志愿服务支队及下级队伍的队员报名，您还不是这些队伍的队员',
    });
    expect(enrollBlock(members, [root])?.code).toBe('ACTIVITY.MEMBERS_ONLY');
  });
  it('name the team and the volunteer’s pending application there', () => {
    expect(enrollBlock(members, [ts('approved'), cg1('pending')])).toEqual({
      code: 'ACTIVITY.MEMBERS_ONLY',
      message: '本活动仅限兰州市科技志愿服务支队及下级队伍的队员报名。您加入城关区第一分队的申请正在审核中，审核通过后即可报名',
      orgName: '兰州市科技志愿服务支队',
      pendingOrgName: '城关区第一分队',
    });
  });
});
