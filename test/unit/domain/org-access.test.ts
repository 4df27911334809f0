// The permission rules of the team tree: manage your own team, read the teams below it, nothing sideways.
import { canManage, canRead, canRemove, canReviewOrg, canSetRoles, type Grant } from '../../../cloudfunctions/common/domain/org-access';

const root = { _id: 'root', parentId: null, path: [] };
const lz = { _id: 'lz', parentId: 'root', path: ['root'] };
const ts = { _id: 'ts', parentId: 'root', path: ['root'] };
const cg = { _id: 'cg', parentId: 'lz', path: ['root', 'lz'] };

describe('org-access', () => {
  const lzAdmin: Grant[] = [{ orgId: 'lz', role: 'admin' }];
  const rootLeader: Grant[] = [{ orgId: 'root', role: 'leader' }];
  const lzMember: Grant[] = [{ orgId: 'lz', role: 'member' }];

  it('a leader/admin manages that very team and reads the teams below it', () => {
    expect(canManage(lzAdmin, lz)).toBe(true);
    expect(canRead(lzAdmin, cg)).toBe(true);
    expect(canManage(lzAdmin, cg)).toBe(false);
    expect(canRead(rootLeader, cg)).toBe(true);
  });

  it('nothing upwards, sideways, or for plain members', () => {
    expect(canRead(lzAdmin, root)).toBe(false);
    expect(canRead(lzAdmin, ts)).toBe(false);
    expect(canRead(lzMember, lz)).toBe(false);
    expect(canRead([], lz)).toBe(false);
  });

  it('child teams are reviewed by the parent’s managers only; the root by nobody', () => {
    expect(canReviewOrg(lzAdmin, cg)).toBe(true);
    expect(canReviewOrg(rootLeader, cg)).toBe(false);
    expect(canReviewOrg(rootLeader, root)).toBe(false);
  });

  it('roles by the leader; admins removed by the leader; the leader by nobody', () => {
    const lzLeader: Grant[] = [{ orgId: 'lz', role: 'leader' }];
    expect(canSetRoles(lzLeader, lz)).toBe(true);
    expect(canSetRoles(lzAdmin, lz)).toBe(false);
    expect(canRemove(lzAdmin, lz, 'member')).toBe(true);
    expect(canRemove(lzAdmin, lz, 'admin')).toBe(false);
    expect(canRemove(lzLeader, lz, 'admin')).toBe(true);
    expect(canRemove(lzLeader, lz, 'leader')).toBe(false);
  });
});
