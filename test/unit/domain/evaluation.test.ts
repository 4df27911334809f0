// 评价's pure rules: open from the last day's end (not a second before), one id per activity and person, what counts
// as a change, who reviews a 申诉 (never the volunteer or the evaluator), the latest evaluation a form shows.
import {
  evaluationChanged,
  evaluationId,
  evaluationOpen,
  latestEvaluation,
  mayReviewContest,
  type ContestMatter,
} from '../../../cloudfunctions/common/domain/evaluation';
import type { Grant } from '../../../cloudfunctions/common/domain/org-access';
import { evaluationLine } from '@contract/evaluation';

const schedule = { status: 'published' as const, startDate: '2026-12-01', endDate: '2026-12-02', dailyStart: '09:00', dailyEnd: '17:00' };

describe('evaluationOpen', () => {
  it('opens at the last day’s end in Shanghai, not a second before; never for a cancelled activity', () => {
    expect(evaluationOpen(schedule, new Date('2026-12-02T08:59:59Z'))).toBe(false);
    expect(evaluationOpen(schedule, new Date('2026-12-02T09:00:00Z'))).toBe(true);
    expect(evaluationOpen({ ...schedule, status: 'cancelled' }, new Date('2026-12-10T00:00:00Z'))).toBe(false);
  });
});

describe('evaluationId and evaluationChanged', () => {
  it('one id per activity and person', () => {
    expect(evaluationId('act1', 'vol')).toBe('act1_vol');
  });
  it('a change is a new grade or comment; no comment and an empty one are the same', () => {
    expect(evaluationChanged(undefined, { grade: 'pass' })).toBe(true);
    expect(evaluationChanged({ grade: 'pass' }, { grade: 'pass', comment: '' })).toBe(false);
    expect(evaluationChanged({ grade: 'pass' }, { grade: 'good' })).toBe(true);
    expect(evaluationChanged({ grade: 'pass', comment: '好' }, { grade: 'pass', comment: '很好' })).toBe(true);
  });
});

describe('mayReviewContest', () => {
  const lz = { _id: 'lz', parentId: 'root' };
  const lzAdmin: Grant[] = [{ orgId: 'lz', role: 'admin' }];
  const rootLeader: Grant[] = [{ orgId: 'root', role: 'leader' }];
  const other: Grant[] = [{ orgId: 'ts', role: 'admin' }];
  const m = (actor: string, teamManagers: string[] = ['a', 'b']): ContestMatter => ({
    actor,
    volunteer: 'vol',
    evaluator: 'a',
    team: lz,
    teamManagers,
  });

  it('another manager of the team reviews; neither the evaluator nor the volunteer', () => {
    expect(mayReviewContest(lzAdmin, m('b'))).toBe('allowed');
    expect(mayReviewContest(lzAdmin, m('a'))).toBe('self');
    expect(mayReviewContest(lzAdmin, { ...m('vol'), volunteer: 'vol' })).toBe('self');
    expect(mayReviewContest(other, m('x'))).toBe('forbidden');
  });

  it('the parent’s managers only when the team has no manager but the evaluator and the volunteer', () => {
    expect(mayReviewContest(rootLeader, m('r', ['a', 'b']))).toBe('forbidden');
    expect(mayReviewContest(rootLeader, m('r', ['a']))).toBe('allowed');
    expect(mayReviewContest(rootLeader, m('r', ['a', 'vol']))).toBe('allowed');
  });
});

describe('latestEvaluation and evaluationLine', () => {
  const e = (endDate: string, at: string, grade: 'excellent' | 'pass' = 'pass') => ({ endDate, evaluatedAt: new Date(at), grade });
  it('the activity ended last up to the day, then the one saved last', () => {
    const items = [
      e('2026-11-01', '2026-11-02T00:00:00Z'),
      e('2026-12-02', '2026-12-03T00:00:00Z', 'excellent'),
      e('2026-11-01', '2026-11-05T00:00:00Z'),
    ];
    expect(latestEvaluation(items, '2026-12-31')).toBe(items[1]);
    expect(latestEvaluation(items, '2026-12-01')).toBe(items[2]);
    expect(latestEvaluation(items, '2026-10-31')).toBeUndefined();
  });
  it('reads as the grade, the activity and its last day, and the comment', () => {
    expect(evaluationLine({ grade: 'excellent', title: '社区科普讲解', endDate: '2026-12-02', comment: '讲解生动' })).toBe(
      '优秀（社区科普讲解，2026-12-02）：讲解生动',
    );
    expect(evaluationLine({ grade: 'fail', title: '义诊', endDate: '2026-12-02' })).toBe('不合格（义诊，2026-12-02）');
  });
});
