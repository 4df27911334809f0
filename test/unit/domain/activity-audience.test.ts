// Who may enroll: members of any approved team for a public activity; the team's subtree for a members-only one.
import { inAudience } from '../../../cloudfunctions/common/domain/activity-audience';

const root = { _id: 'root', path: [] };
const lz = { _id: 'lz', path: ['root'] };
const ts = { _id: 'ts', path: ['root'] };
const cg1 = { _id: 'cg1', path: ['root', 'lz', 'cg'] };

describe('inAudience', () => {
  it('public: any volunteer with an approved team, nobody without one', () => {
    expect(inAudience({ audience: 'public', orgId: 'lz' }, [ts])).toBe(true);
    expect(inAudience({ audience: 'public', orgId: 'lz' }, [])).toBe(false);
  });

  it('members only: the team itself and every team below it; not sideways, not above', () => {
    const a = { audience: 'members' as const, orgId: 'lz' };
    expect(inAudience(a, [lz])).toBe(true);
    expect(inAudience(a, [cg1])).toBe(true);
    expect(inAudience(a, [ts, cg1])).toBe(true);
    expect(inAudience(a, [ts])).toBe(false);
    expect(inAudience(a, [root])).toBe(false);
    expect(inAudience(a, [])).toBe(false);
  });
});
