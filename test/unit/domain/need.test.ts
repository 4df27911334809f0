// 供需对接's pure rules: which team covers a region, which teams 派单 reaches, what progress a need shows, when it may be rated and moves up.
import {
  asTree,
  coveringTeam,
  dispatchingTeam,
  dispatchRoots,
  coversRegion,
  isLowRating,
  mayRate,
  mayStep,
  needProgress,
  ratingDeadline,
} from '../../../cloudfunctions/common/domain/need';

const at = (iso: string) => new Date(iso);
const region = (county: string) => ({ province: `${county.slice(0, 2)}0000`, city: `${county.slice(0, 4)}00`, county });
const team = (_id: string, path: string[], county: string, created = '2026-01-01T00:00:00Z') => ({
  _id,
  path,
  region: region(county),
  createdAt: at(created),
});
const root = team('root', [], '620102');
const lz = team('lz', ['root'], '620102');
const chengguan = team('cg', ['root', 'lz'], '620102');
const chengguanLater = team('cg2', ['root', 'lz'], '620102', '2026-06-01T00:00:00Z');
const tianshui = team('ts', ['root'], '620502');
const teams = [root, lz, chengguanLater, chengguan, tianshui];

describe('coverage', () => {
  it('the root covers its province, a team below it its city, deeper teams their county', () => {
    expect(coversRegion(root, region('620503'))).toBe(true);
    expect(coversRegion(lz, region('620104'))).toBe(true);
    expect(coversRegion(lz, region('620502'))).toBe(false);
    expect(coversRegion(chengguan, region('620103'))).toBe(false);
  });

  it('the deepest covering team wins, the oldest among equals; the root takes what nobody covers', () => {
    expect(coveringTeam(teams, region('620102'))?._id).toBe('cg');
    expect(coveringTeam(teams, region('620104'))?._id).toBe('lz');
    expect(coveringTeam(teams, region('620502'))?._id).toBe('ts');
    expect(coveringTeam(teams, region('110101'))?._id).toBe('root');
    expect(coveringTeam([], region('110101'))).toBeUndefined();
  });
});

describe('progress and steps', () => {
  const endAt = at('2026-12-02T09:00:00Z');
  it('an accepted need follows its activity; the rating window is 30 days', () => {
    expect(needProgress('accepted', undefined, endAt)).toBe('已接单');
    expect(needProgress('accepted', { phase: 'recruiting', endAt }, endAt)).toBe('已接单');
    expect(needProgress('accepted', { phase: 'ongoing', endAt }, endAt)).toBe('服务中');
    expect(needProgress('accepted', { phase: 'ended', endAt }, endAt)).toBe('待评价');
    expect(needProgress('accepted', { phase: 'cancelled', endAt }, endAt)).toBe('已接单');
    expect(ratingDeadline(endAt).toISOString()).toBe('2027-01-01T09:00:00.000Z');
    expect(mayRate('accepted', { phase: 'ended', endAt }, at('2027-01-01T08:59:59Z'))).toBe(true);
    expect(mayRate('accepted', { phase: 'ended', endAt }, at('2027-01-01T09:00:00Z'))).toBe(false);
    expect(needProgress('accepted', { phase: 'ended', endAt }, at('2027-01-01T09:00:00Z'))).toBe('已完成');
    expect(mayRate('rated', { phase: 'ended', endAt }, endAt)).toBe(false);
  });

  it('each step leaves only the statuses it may', () => {
    expect(mayStep('dispatch', 'open')).toBe(true);
    expect(mayStep('dispatch', 'dispatched')).toBe(false);
    expect(mayStep('close', 'accepted')).toBe(false);
    expect(mayStep('accept', 'dispatched')).toBe(true);
    expect(mayStep('take', 'dispatched')).toBe(false);
  });

  it('a low rating is 1–2 stars with a comment', () => {
    expect(isLowRating(2, '太快了')).toBe(true);
    expect(isLowRating(2, undefined)).toBe(false);
    expect(isLowRating(3, '一般')).toBe(false);
  });
});

describe('派单 reaches', () => {
  const node = (_id: string, path: string[], status = 'approved') => ({ _id, name: _id, path, status });
  // root > lz > fd > gx > gx1; root > ts. The need is covered by fd (its path: root, lz, fd).
  const covering = ['root', 'lz', 'fd'];
  const lz = node('lz', ['root']);
  const fd = node('fd', ['root', 'lz']);
  const gx1 = node('gx1', ['root', 'lz', 'fd', 'gx']);
  const ts = node('ts', ['root']);

  it('any approved team below a team of the caller that covers the need, however deep', () => {
    expect(dispatchingTeam(covering, [lz], gx1)).toBe(lz);
    expect(dispatchingTeam(covering, [lz], lz)).toBe(lz);
    expect(dispatchingTeam(covering, [lz], ts)).toBeUndefined();
    expect(dispatchingTeam(covering, [fd], lz)).toBeUndefined();
    expect(dispatchingTeam(covering, [lz], node('gx2', ['root', 'lz', 'fd', 'gx'], 'pending'))).toBeUndefined();
    // A team of the caller below the covering team does not dispatch.
    expect(dispatchingTeam(covering, [node('gx', ['root', 'lz', 'fd'])], gx1)).toBeUndefined();
    expect(dispatchRoots(covering, [ts, fd, node('gx', ['root', 'lz', 'fd'])])).toEqual([fd]);
  });

  it('lists teams as a tree: each after its parent, children by name, depth among those listed, each once', () => {
    const gx = node('gx', ['root', 'lz', 'fd']);
    const fa = { ...node('fa', ['root', 'lz']), name: '安宁' };
    const tree = asTree([gx1, { ...fd, name: '城关' }, gx, lz, fa, fd]);
    expect(tree.map((e) => [e.team._id, e.depth])).toEqual([
      ['lz', 0],
      ['fa', 1],
      ['fd', 1],
      ['gx', 2],
      ['gx1', 3],
    ]);
  });
});
