// domain/commendation: which team records and which reviews a commendation, who may decide it, and the date rule.
import {
  commendationDateAllowed,
  commendationRouting,
  commendedWithin,
  mayReviewCommendation,
  type CommendationCase,
} from '../../../cloudfunctions/common/domain/commendation';

const root = { _id: 'root', parentId: null, path: [] };
const lz = { _id: 'lz', parentId: 'root', path: ['root'] };
const cg = { _id: 'cg', parentId: 'lz', path: ['root', 'lz'] };
const ts = { _id: 'ts', parentId: 'root', path: ['root'] };

describe('commendationRouting', () => {
  it('the subject’s own team records it and its parent reviews', () => {
    expect(commendationRouting([{ orgId: 'cg', role: 'admin' }], [cg])).toEqual({
      subjectTeam: cg,
      recordingOrgId: 'cg',
      reviewOrgId: 'lz',
    });
  });
  it('a team above records through the team below; the closest managed team wins', () => {
    expect(commendationRouting([{ orgId: 'lz', role: 'leader' }], [cg])).toMatchObject({ recordingOrgId: 'lz', reviewOrgId: 'root' });
    const both = [
      { orgId: 'root', role: 'admin' as const },
      { orgId: 'lz', role: 'leader' as const },
    ];
    expect(commendationRouting(both, [cg])).toMatchObject({ recordingOrgId: 'lz', reviewOrgId: 'root' });
  });
  it('the root reviews its own records', () => {
    expect(commendationRouting([{ orgId: 'root', role: 'leader' }], [root])).toMatchObject({ recordingOrgId: 'root', reviewOrgId: 'root' });
    expect(commendationRouting([{ orgId: 'root', role: 'leader' }], [lz])).toMatchObject({ recordingOrgId: 'root', reviewOrgId: 'root' });
  });
  it('of a volunteer in several teams, the team where the caller is closest', () => {
    expect(commendationRouting([{ orgId: 'lz', role: 'admin' }], [ts, lz])).toMatchObject({ subjectTeam: lz, recordingOrgId: 'lz' });
  });
  it('no route for a member, another branch or a team below the subject', () => {
    expect(commendationRouting([{ orgId: 'lz', role: 'member' }], [lz])).toBeUndefined();
    expect(commendationRouting([{ orgId: 'ts', role: 'admin' }], [cg])).toBeUndefined();
    expect(commendationRouting([{ orgId: 'cg', role: 'admin' }], [lz])).toBeUndefined();
    expect(commendationRouting([{ orgId: 'lz', role: 'admin' }], [])).toBeUndefined();
  });
});

describe('mayReviewCommendation', () => {
  const ofVolunteer: CommendationCase = {
    reviewOrgId: 'lz',
    recordedBy: 'cg-admin',
    subjectKind: 'volunteer',
    subjectOpenid: 'v3',
    subjectOrgId: 'cg',
  };
  const ofTeam: CommendationCase = { reviewOrgId: 'root', recordedBy: 'lz-leader', subjectKind: 'team', subjectOrgId: 'lz' };
  it('a manager of the reviewing team decides', () => {
    expect(mayReviewCommendation([{ orgId: 'lz', role: 'admin' }], 'lz-admin', ofVolunteer)).toBe('allowed');
  });
  it('others are forbidden, members included', () => {
    expect(mayReviewCommendation([{ orgId: 'cg', role: 'admin' }], 'cg-x', ofVolunteer)).toBe('forbidden');
    expect(mayReviewCommendation([{ orgId: 'lz', role: 'member' }], 'lz-m', ofVolunteer)).toBe('forbidden');
  });
  it('never the recorder, the volunteer commended or a manager of the team commended', () => {
    expect(mayReviewCommendation([{ orgId: 'lz', role: 'admin' }], 'cg-admin', ofVolunteer)).toBe('self');
    expect(mayReviewCommendation([{ orgId: 'lz', role: 'admin' }], 'v3', ofVolunteer)).toBe('self');
    const rootAndLz = [
      { orgId: 'root', role: 'admin' as const },
      { orgId: 'lz', role: 'admin' as const },
    ];
    expect(mayReviewCommendation(rootAndLz, 'someone', ofTeam)).toBe('self');
    expect(mayReviewCommendation([{ orgId: 'root', role: 'admin' }], 'someone', ofTeam)).toBe('allowed');
    expect(mayReviewCommendation([{ orgId: 'root', role: 'admin' }], 'someone', { ...ofTeam, subjectKind: 'activity' })).toBe('allowed');
  });
});

describe('dates and the ranking', () => {
  it('dated today at the latest', () => {
    expect(commendationDateAllowed('2026-11-23', '2026-11-23')).toBe(true);
    expect(commendationDateAllowed('2026-11-24', '2026-11-23')).toBe(false);
  });
  it('a ranked team holds the commendations of its subtree', () => {
    expect(commendedWithin('lz', ['root', 'lz', 'cg'])).toBe(true);
    expect(commendedWithin('ts', ['root', 'lz', 'cg'])).toBe(false);
  });
});
