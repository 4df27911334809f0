// The square's order: its groups (near me leaves out what is over) and how a page is cut across them, at the edges.
import { pageSlices, publishedGroups, squareGroups } from '../../../cloudfunctions/common/domain/square-order';
import { nameInitial } from '../../../cloudfunctions/common/domain/enrolled-preview';

describe('squareGroups', () => {
  it('ongoing, recruiting, closed, then ended latest first, no cancelled one; near me stops before what is over', () => {
    expect(squareGroups({ near: false })).toEqual([
      { phases: ['ongoing'], startAt: 'asc' },
      { phases: ['recruiting'], startAt: 'asc' },
      { phases: ['closed'], startAt: 'asc' },
      { phases: ['ended'], startAt: 'desc' },
    ]);
    expect(squareGroups({ near: true }).flatMap((g) => g.phases)).toEqual(['ongoing', 'recruiting', 'closed']);
  });
});

describe('publishedGroups', () => {
  it('我发布的活动: 活动中, 报名中, upcoming, ended, cancelled; what is over or cancelled latest first', () => {
    expect(publishedGroups()).toEqual([
      { phases: ['ongoing'], startAt: 'asc' },
      { phases: ['recruiting'], startAt: 'asc' },
      { phases: ['closed'], startAt: 'asc' },
      { phases: ['ended'], startAt: 'desc' },
      { phases: ['cancelled'], startAt: 'desc' },
    ]);
  });

  it('one phase asked for: its group alone', () => {
    expect(publishedGroups('cancelled')).toEqual([{ phases: ['cancelled'], startAt: 'desc' }]);
    expect(publishedGroups('recruiting')).toEqual([{ phases: ['recruiting'], startAt: 'asc' }]);
  });
});

describe('pageSlices', () => {
  it('a page inside one group, across two, and across an empty one', () => {
    expect(pageSlices([3, 4, 2, 3], 1, 2)).toEqual([{ group: 0, skip: 0, limit: 2 }]);
    expect(pageSlices([3, 4, 2, 3], 2, 2)).toEqual([
      { group: 0, skip: 2, limit: 1 },
      { group: 1, skip: 0, limit: 1 },
    ]);
    expect(pageSlices([3, 0, 2], 1, 5)).toEqual([
      { group: 0, skip: 0, limit: 3 },
      { group: 2, skip: 0, limit: 2 },
    ]);
  });

  it('exactly at a group boundary, the last item, and past the end', () => {
    expect(pageSlices([3, 4], 2, 3)).toEqual([{ group: 1, skip: 0, limit: 3 }]);
    expect(pageSlices([3, 4], 3, 3)).toEqual([{ group: 1, skip: 3, limit: 1 }]);
    expect(pageSlices([3, 4], 4, 3)).toEqual([]);
    expect(pageSlices([], 1, 20)).toEqual([]);
  });

  it('every page size covers each item exactly once, in order', () => {
    const counts = [5, 0, 7, 1, 4];
    const total = counts.reduce((a, b) => a + b, 0);
    const starts = counts.map((_c, g) => counts.slice(0, g).reduce((a, b) => a + b, 0));
    for (let size = 1; size <= total + 1; size++) {
      const seen: number[] = [];
      for (let page = 1; page <= Math.ceil(total / size) + 1; page++)
        for (const s of pageSlices(counts, page, size)) for (let i = 0; i < s.limit; i++) seen.push(starts[s.group] + s.skip + i);
      expect(seen).toEqual(Array.from({ length: total }, (_x, i) => i));
    }
  });
});

describe('nameInitial', () => {
  it('the first character only, a whole code point; nothing for no name', () => {
    expect(nameInitial('张伟')).toBe('张');
    expect(nameInitial(' 欧阳娜')).toBe('欧');
    expect(nameInitial('𠮷野')).toBe('𠮷');
    expect(nameInitial('')).toBeUndefined();
    expect(nameInitial(undefined)).toBeUndefined();
  });
});
