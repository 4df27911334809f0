// The four-eyes rule: nobody decides their own case; the team's other managers do, else the parent's managers.
import {
  applicationTeam,
  decidesFromParent,
  mayDecide,
  teamHasOtherDecider,
  whomDecides,
  type DecidingTeam,
  type Matter,
} from '../../../cloudfunctions/common/domain/four-eyes';
import type { Grant } from '../../../cloudfunctions/common/domain/org-access';

const lz: DecidingTeam = { _id: 'lz', parentId: 'root' };
const root: DecidingTeam = { _id: 'root', parentId: null };
const lzAdmin: Grant[] = [{ orgId: 'lz', role: 'admin' }];
const lzAdmin2: Grant[] = [{ orgId: 'lz', role: 'admin' }];
const rootLeader: Grant[] = [{ orgId: 'root', role: 'leader' }];
const both: Grant[] = [
  { orgId: 'lz', role: 'admin' },
  { orgId: 'root', role: 'admin' },
];

const matter = (actor: string, concerned: string, teamManagers: string[] = ['a', 'b'], team = lz): Matter => ({
  actor,
  concerned,
  team,
  teamManagers,
});

describe('four-eyes', () => {
  it('a manager of the team decides about someone else', () => {
    expect(mayDecide(lzAdmin, matter('a', 'vol'))).toBe('allowed');
    expect(mayDecide(lzAdmin2, matter('b', 'a'))).toBe('allowed');
  });

  it('never about themselves, also when they manage the parent too', () => {
    expect(mayDecide(lzAdmin, matter('a', 'a'))).toBe('self');
    expect(mayDecide(both, matter('a', 'a', ['a']))).toBe('self');
    expect(mayDecide(rootLeader, matter('r', 'r', ['r'], root))).toBe('self'); // the root's only leader: nobody above
    expect(mayDecide(rootLeader, matter('r', 'vol', ['r'], root))).toBe('allowed');
  });

  it('the parent’s manager steps in only when the team has no one but the concerned person', () => {
    expect(mayDecide(rootLeader, matter('r', 'a', ['a']))).toBe('allowed');
    expect(mayDecide(rootLeader, matter('r', 'vol', []))).toBe('allowed');
    expect(mayDecide(rootLeader, matter('r', 'a', ['a', 'b']))).toBe('forbidden');
    expect(mayDecide(rootLeader, matter('r', 'vol', ['a']))).toBe('forbidden');
  });

  it('nobody else: plain members, sibling teams, teams further up', () => {
    expect(mayDecide([{ orgId: 'lz', role: 'member' }], matter('m', 'vol', []))).toBe('forbidden');
    expect(mayDecide([{ orgId: 'ts', role: 'admin' }], matter('t', 'a', ['a']))).toBe('forbidden');
    expect(mayDecide([], matter('x', 'x'))).toBe('forbidden');
    const cg: DecidingTeam = { _id: 'cg', parentId: 'lz' };
    expect(mayDecide(rootLeader, matter('r', 'c', ['c'], cg))).toBe('forbidden');
  });

  it('the team’s managers are needed only where the parent decides', () => {
    expect(decidesFromParent(rootLeader, lz)).toBe(true);
    expect(decidesFromParent(both, lz)).toBe(false);
    expect(decidesFromParent(lzAdmin, lz)).toBe(false);
    expect(decidesFromParent(rootLeader, root)).toBe(false);
    expect(teamHasOtherDecider(['a'], 'a')).toBe(false);
    expect(teamHasOtherDecider(['a', 'b'], 'a')).toBe(true);
    expect(teamHasOtherDecider([], 'a')).toBe(false);
  });
});

describe('four-eyes read the other way round (org.inbox)', () => {
  it('in their own team a manager decides everyone’s cases but their own', () => {
    expect(whomDecides(lzAdmin, 'a', lz, [])).toEqual({ except: ['a'] });
  });

  it('from the parent: only the team’s only manager, or anyone but themselves when the team has no manager', () => {
    expect(whomDecides(rootLeader, 'r', lz, ['a'])).toEqual({ only: ['a'] });
    expect(whomDecides(rootLeader, 'r', lz, [])).toEqual({ except: ['r'] });
    expect(whomDecides(rootLeader, 'r', lz, ['a', 'b'])).toBeUndefined();
  });

  it('a team application is decided by the parent, whose own parent is the last but one of the path', () => {
    expect(applicationTeam({ parentId: null, path: [] })).toBeUndefined();
    expect(applicationTeam({ parentId: 'root', path: ['root'] })).toEqual({ _id: 'root', parentId: null });
    expect(applicationTeam({ parentId: 'lz', path: ['root', 'lz'] })).toEqual({ _id: 'lz', parentId: 'root' });
  });
});
