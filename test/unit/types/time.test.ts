// Asia/Shanghai dates and clock times, the same on the phone and in the functions: 16:00Z is already tomorrow.
import {
  addDays,
  clockOf,
  dateRange,
  dateTimeOf,
  daysBetween,
  isoAt,
  monthDay,
  monthDayTimeOf,
  shanghaiDateOf,
  shanghaiInstant,
  shanghaiIso,
  shanghaiParts,
} from '@contract/time';

describe('Shanghai dates of instants', () => {
  it('rolls over at 16:00 UTC', () => {
    expect(shanghaiDateOf(Date.parse('2026-11-22T15:59:59.999Z'))).toBe('2026-11-22');
    expect(shanghaiDateOf(Date.parse('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
    expect(shanghaiDateOf(Number.NaN)).toBe('');
  });
  it('writes instants with the +08:00 offset, cut to the second', () => {
    expect(shanghaiIso(Date.parse('2026-12-31T16:00:00.999Z'))).toBe('2027-01-01T00:00:00+08:00');
    expect(shanghaiIso(Number.NaN)).toBe('');
  });
  it('reads ISO times of any offset as Shanghai dates and clock times', () => {
    expect(shanghaiParts('2026-11-30T10:00:00Z')).toEqual({ date: '2026-11-30', time: '18:00' });
    expect(shanghaiParts('2026-11-30T23:30:00+08:00')).toEqual({ date: '2026-11-30', time: '23:30' });
    expect(shanghaiParts('not a time')).toBeNull();
    expect(shanghaiParts(undefined)).toBeNull();
  });
  it('clock, date-time and month-day texts, empty for nothing', () => {
    expect(clockOf('2026-12-01T01:05:00Z')).toBe('09:05');
    expect(clockOf(undefined)).toBe('');
    expect(dateTimeOf('2026-12-01T01:05:00Z')).toBe('2026-12-01 09:05');
    expect(dateTimeOf('')).toBe('');
    expect(monthDayTimeOf('2026-11-30T10:00:00Z')).toBe('11月30日 18:00');
    expect(monthDayTimeOf(undefined)).toBe('');
  });
});

describe('Shanghai dates and times as the contract sends them', () => {
  it('a date and a clock time become an ISO time and an instant', () => {
    expect(isoAt('2026-12-01', '09:05')).toBe('2026-12-01T09:05:00+08:00');
    expect(shanghaiInstant('2026-12-01', '00:00').toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
  it('adds days across months, leap days and years', () => {
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('junk', 1)).toBe('junk');
  });
  it('lists the days of a span, at most `max`', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysBetween('2026-12-01', '2026-12-01')).toEqual(['2026-12-01']);
    expect(daysBetween('2026-12-02', '2026-12-01')).toEqual([]);
    expect(daysBetween('2026-01-01', '2026-12-31', 3)).toHaveLength(3);
    expect(daysBetween('junk', '2026-12-31')).toEqual([]);
  });
  it('month-day and range texts', () => {
    expect(monthDay('2026-12-01')).toBe('12月1日');
    expect(monthDay('')).toBe('');
    expect(dateRange('2026-12-01', '2026-12-01')).toBe('2026-12-01');
    expect(dateRange('2026-12-01', '2026-12-02')).toBe('2026-12-01 至 2026-12-02');
  });
});
