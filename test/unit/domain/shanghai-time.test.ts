// Day keys are Asia/Shanghai dates: 16:00 UTC is already tomorrow; named periods are resolved on the server's clock.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import {
  latestPeriodEnd,
  periodProblem,
  periodRange,
  requestedRange,
  shanghaiDate,
  toIso,
} from '../../../cloudfunctions/common/domain/shanghai-time';
import { AppError } from '../../../cloudfunctions/common/errors';

dayjs.extend(utc);
dayjs.extend(timezone);

describe('Asia/Shanghai dates', () => {
  it('rolls over at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(shanghaiDate(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });
  it('writes times with the +08:00 offset', () => {
    expect(toIso(new Date('2026-11-22T01:30:00Z'))).toBe('2026-11-22T09:30:00+08:00');
    expect(toIso(new Date('2026-12-31T16:00:00.999Z'))).toBe('2027-01-01T00:00:00+08:00');
  });
  it('agrees with the time-zone database every three days and some hours, from 1992 to 2040 (the fixed offset), and before it', () => {
    const tz = (at: Date) => [
      dayjs(at).tz('Asia/Shanghai').format('YYYY-MM-DD'),
      dayjs(at).tz('Asia/Shanghai').format('YYYY-MM-DDTHH:mm:ssZ'),
    ];
    const wrong: string[] = [];
    for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2040, 0, 1); t += 86_400_000 * 3 + 3_599_123) {
      const at = new Date(t);
      const [date, iso] = tz(at);
      if (shanghaiDate(at) !== date || toIso(at) !== iso) wrong.push(at.toISOString());
    }
    expect(wrong.slice(0, 3)).toEqual([]);
    // 1988 had daylight saving (+09:00 in summer): earlier instants go through the database.
    const summer1988 = new Date('1988-07-01T15:30:00Z');
    expect(toIso(summer1988)).toBe(tz(summer1988)[1]);
    expect(toIso(summer1988)).toBe('1988-07-02T00:30:00+09:00');
  });
});

describe('named periods on the server clock', () => {
  const at = (iso: string) => new Date(iso);
  it('本月 and 上月 across a year end: New Year’s Eve 23:59 in Shanghai is still December, a minute later it is January', () => {
    expect(periodRange('thisMonth', at('2026-12-31T15:59:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodRange('lastMonth', at('2026-12-31T15:59:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodRange('thisMonth', at('2026-12-31T16:00:00Z'))).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(periodRange('lastMonth', at('2026-12-31T16:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodRange('lastYear', at('2026-12-31T16:00:00Z'))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  it('a leap day: 上月 of March 2028 ends on 29 February; 近三个月 starts two months back', () => {
    expect(periodRange('thisMonth', at('2028-02-29T04:00:00Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('lastMonth', at('2028-03-01T00:00:00Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('lastMonth', at('2027-03-01T00:00:00Z'))).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(periodRange('last3Months', at('2028-02-29T04:00:00Z'))).toEqual({ from: '2027-12-01', to: '2028-02-29' });
    expect(periodRange('thisYear', at('2028-02-29T04:00:00Z'))).toEqual({ from: '2028-01-01', to: '2028-02-29' });
  });
  it('a request names a period or gives dates (open ends stay open)', () => {
    expect(requestedRange({ period: 'lastMonth' }, at('2026-11-23T02:00:00Z'))).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(requestedRange({ from: '2026-03-01' }, at('2026-11-23T02:00:00Z'))).toEqual({ from: '2026-03-01' });
    expect(requestedRange({}, at('2026-11-23T02:00:00Z'))).toEqual({});
  });
});

describe('periods are bounded: from 2000-01-01, at most 10 years, up to the end of next year by the server clock', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  it('the latest day is 31 December of next year in Shanghai (16:00 UTC on 31 December is already the next year)', () => {
    expect(latestPeriodEnd(now)).toBe('2027-12-31');
    expect(latestPeriodEnd(new Date('2026-12-31T15:59:59Z'))).toBe('2027-12-31');
    expect(latestPeriodEnd(new Date('2026-12-31T16:00:00Z'))).toBe('2028-12-31');
  });
  it('exact edges', () => {
    expect(periodProblem({ from: '2000-01-01', to: '2009-12-31' }, now)).toBeUndefined();
    expect(periodProblem({ from: '1999-12-31', to: '2000-12-31' }, now)).toBe('统计期间不能早于2000年1月1日');
    expect(periodProblem({ from: '2000-01-01', to: '2010-01-01' }, now)).toBe('统计期间最长10年');
    expect(periodProblem({ from: '2018-01-01', to: '2027-12-31' }, now)).toBeUndefined();
    expect(periodProblem({ from: '2027-12-31', to: '2028-01-01' }, now)).toBe('统计期间不能晚于2027年12月31日');
    expect(periodProblem({ from: '2016-02-29', to: '2026-02-28' }, now)).toBeUndefined();
    expect(periodProblem({ from: '2016-02-29', to: '2026-03-01' }, now)).toBe('统计期间最长10年');
    expect(periodProblem({ to: '2028-01-01' }, now)).toBe('统计期间不能晚于2027年12月31日');
    expect(periodProblem({ from: '2028-01-01' }, now)).toBe('统计期间不能晚于2027年12月31日');
    expect(periodProblem({ from: '1999-01-01' }, now)).toBe('统计期间不能早于2000年1月1日');
    expect(periodProblem({}, now)).toBeUndefined();
  });
  it('requestedRange refuses an out-of-bounds period with VALIDATION; named periods always fit', () => {
    expect(() => requestedRange({ from: '2026-01-01', to: '9999-12-31' }, now)).toThrow(AppError);
    expect(() => requestedRange({ to: '2028-01-01' }, now)).toThrow('统计期间不能晚于2027年12月31日');
    for (const period of ['thisMonth', 'lastMonth', 'last3Months', 'thisYear', 'lastYear'] as const)
      expect(() => requestedRange({ period }, now)).not.toThrow();
  });
});
