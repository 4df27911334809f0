// domain/member-filters: what a search text asks for, the days of 近90天活跃, the server's year and the instants of a join-date filter.
import { activeWindow, joinedSpan, memberQuery, yearOf } from '../../../cloudfunctions/common/domain/member-filters';

describe('memberQuery', () => {
  it('11 digits are a phone, 4 digits a phone’s end, anything else part of a name; blank is no search', () => {
    expect(memberQuery('13911112222')).toEqual({ kind: 'phone', phone: '13911112222' });
    expect(memberQuery(' 2222 ')).toEqual({ kind: 'tail', digits: '2222' });
    expect(memberQuery('周甲')).toEqual({ kind: 'name', text: '周甲' });
    expect(memberQuery('  ')).toBeUndefined();
    expect(memberQuery(undefined)).toBeUndefined();
  });
});

describe('activeWindow', () => {
  it('the 90 days up to the Shanghai today, both ends included', () => {
    expect(activeWindow(new Date('2026-11-22T02:00:00Z'))).toEqual({ from: '2026-08-25', to: '2026-11-22' });
    // 23:59:59 on 22 November in Shanghai is still the 22nd; a second later the window moves by a day.
    expect(activeWindow(new Date('2026-11-22T15:59:59Z'))).toEqual({ from: '2026-08-25', to: '2026-11-22' });
    expect(activeWindow(new Date('2026-11-22T16:00:00Z'))).toEqual({ from: '2026-08-26', to: '2026-11-23' });
  });
});

describe('yearOf', () => {
  it('the Shanghai calendar year of the server’s clock', () => {
    expect(yearOf(new Date('2026-12-31T15:59:59Z'))).toEqual({ from: '2026-01-01', to: '2026-12-31', year: 2026 });
    expect(yearOf(new Date('2026-12-31T16:00:00Z'))).toEqual({ from: '2027-01-01', to: '2027-12-31', year: 2027 });
  });
});

describe('joinedSpan', () => {
  it('from 00:00 of the first day to 00:00 after the last in Shanghai; open ends stay open', () => {
    expect(joinedSpan('2026-03-10', '2026-03-10')).toEqual({
      from: new Date('2026-03-09T16:00:00Z'),
      before: new Date('2026-03-10T16:00:00Z'),
    });
    expect(joinedSpan(undefined, '2025-12-31')).toEqual({ before: new Date('2025-12-31T16:00:00Z') });
    expect(joinedSpan('2026-10-01', undefined)).toEqual({ from: new Date('2026-09-30T16:00:00Z') });
    expect(joinedSpan(undefined, undefined)).toBeUndefined();
  });
});
