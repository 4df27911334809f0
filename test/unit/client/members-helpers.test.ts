// 成员管理's filters as the page sends them: 加入时间 presets on the server's today, the fields of org.members, and the
// search text checked before it is sent.
import { filterInput, hasFilters, joinedRange, NO_FILTERS, queryProblem } from '../../../src/admin/members/helpers';

describe('joinedRange', () => {
  it('resolves each preset on the given today', () => {
    expect(joinedRange('last30', '2026-11-22')).toEqual({ joinedFrom: '2026-10-24', joinedTo: '2026-11-22' });
    expect(joinedRange('thisYear', '2026-11-22')).toEqual({ joinedFrom: '2026-01-01', joinedTo: '2026-11-22' });
    expect(joinedRange('lastYear', '2026-01-01')).toEqual({ joinedFrom: '2025-01-01', joinedTo: '2025-12-31' });
    expect(joinedRange('earlier', '2026-11-22')).toEqual({ joinedTo: '2024-12-31' });
  });
});

describe('filterInput', () => {
  it('sends only the filters that are set', () => {
    expect(filterInput(NO_FILTERS, '2026-11-22')).toEqual({});
    expect(filterInput({ q: '周', role: 'admin', joined: 'thisYear', active90: true }, '2026-11-22')).toEqual({
      q: '周',
      role: 'admin',
      joinedFrom: '2026-01-01',
      joinedTo: '2026-11-22',
      active90: true,
    });
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, active90: true })).toBe(true);
  });
});

describe('queryProblem', () => {
  it('accepts a name, a whole phone and 4 digits; explains other digits', () => {
    for (const ok of ['周甲', '13911112222', '2222', 'Anna']) expect(queryProblem(ok)).toBeUndefined();
    for (const bad of ['139', '23911112222', '12345']) expect(queryProblem(bad)).toBe('请输入姓名、完整手机号或手机号后4位');
  });
});
